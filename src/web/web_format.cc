#include "web_format.h"

#include <algorithm>

#include "text.h"

namespace plangraph::web {
namespace {

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string VnDate(const std::string& iso) {
  if (iso.size() == 10 && iso[4] == '-' && iso[7] == '-' && AllDigits(iso.substr(0, 4)) &&
      AllDigits(iso.substr(5, 2)) && AllDigits(iso.substr(8, 2))) {
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
  }
  if (iso.size() == 7 && iso[4] == '-' && AllDigits(iso.substr(0, 4)) &&
      AllDigits(iso.substr(5, 2))) {
    return iso.substr(5, 2) + "/" + iso.substr(0, 4);
  }
  return iso;
}

std::string VnNumber(int64_t n) {
  const bool negative = n < 0;
  uint64_t v = negative ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  std::string digits = std::to_string(v);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return negative ? "-" + out : out;
}

std::string RoleLabel(const std::string& role) {
  static const std::pair<const char*, const char*> kRoles[] = {
      {"lead", "chủ trì"}, {"support", "phối hợp"}, {"advise", "tham mưu"},
      {"perform", "thực hiện"}};
  for (const auto& [code, label] : kRoles) {
    if (role == code) return label;
  }
  return role;
}

std::string RelationLabel(const std::string& relation) {
  if (relation == "implements") return "triển khai thực hiện";
  if (relation == "based_on") return "căn cứ";
  if (relation == "mentions") return "có nhắc đến";
  return relation;
}

std::string UrlEncode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string HtmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::vector<std::string> QueryTerms(const std::string& text) {
  std::string folded = Fold(text);
  std::replace(folded.begin(), folded.end(), '%', ' ');
  std::vector<std::string> terms;
  std::string term;
  for (char c : folded + " ") {
    if (c == ' ') {
      if (!term.empty()) terms.push_back(std::move(term));
      term.clear();
    } else {
      term += c;
    }
  }
  return terms;
}

std::string HighlightHtml(const std::string& text, const std::vector<std::string>& terms) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    const std::string word = text.substr(i, j - i);
    bool hit = false;
    for (const std::string& f : QueryTerms(word)) {
      if (std::find(terms.begin(), terms.end(), f) != terms.end()) hit = true;
    }
    out += hit ? "<mark>" + HtmlEscape(word) + "</mark>" : HtmlEscape(word);
    if (j < text.size()) out += ' ';
    i = j + 1;
  }
  return out;
}

std::string Utf8Cut(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

}  // namespace plangraph::web
