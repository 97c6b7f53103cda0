#include "reference.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <set>

#include "text.h"

namespace plangraph {
namespace {

// Some sources type the Icelandic eth (Ð U+00D0, ð U+00F0) for Đ/đ: it looks the same, so
// "QÐ-UBND" must meet "QĐ-UBND". Both are two bytes in UTF-8, so a byte-wise swap is safe.
std::string EthToD(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] != '\xC3') continue;
    if (out[i + 1] == '\x90') {  // Ð → Đ (C4 90)
      out[i] = '\xC4';
    } else if (out[i + 1] == '\xB0') {  // ð → đ (C4 91)
      out[i] = '\xC4';
      out[i + 1] = '\x91';
    }
  }
  return out;
}

std::string FoldName(std::string_view s) { return Fold(EthToD(s)); }

// A letter group as keys hold it: uppercase, Đ folded to D as search folds it, so "QD-TTg"
// typed without the stroke meets "QĐ-TTg".
std::string KeyGroup(std::string_view letters) {
  std::string g = ToUpper(EthToD(letters));
  for (size_t at = g.find("\xC4\x90"); at != std::string::npos; at = g.find("\xC4\x90", at)) {
    g.replace(at, 2, "D");
  }
  return g;
}


size_t CodePoints(std::string_view s) {
  return std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; });
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsYear(std::string_view s) {
  if (s.size() != 4 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  int y = std::stoi(std::string(s));
  return y >= 1945 && y <= 2100;
}

// "02 NQ TW": letter groups typed as words of their own after the number. Only words typed in
// capitals count, so "02 của Bộ Chính trị" adds nothing.
bool IsCodeWord(const std::string& w) {
  return !HasDigit(w) && w.find_first_of("/-") == std::string::npos && IsAllCaps(w) &&
         CodePoints(w) <= 10;
}

// "NQ|Nghị quyết liên tịch" → {"NQ", "Nghị quyết liên tịch"}; "-" means none.
std::vector<std::string> SplitBar(const std::string& field) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t bar = field.find('|', start);
    std::string item = Trim(field.substr(start, bar == std::string::npos ? bar : bar - start));
    if (!item.empty() && item != "-") out.push_back(item);
    if (bar == std::string::npos) return out;
    start = bar + 1;
  }
}

std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < s.size()) {
    size_t sp = s.find(' ', start);
    if (sp == std::string::npos) sp = s.size();
    if (sp > start) words.push_back(s.substr(start, sp - start));
    start = sp + 1;
  }
  return words;
}

// "3210/QĐ - UBND" → "3210/QĐ-UBND": spaces next to a separator are typing slips.
std::string GlueSeparators(const std::string& s) {
  auto is_sep = [](char c) { return c == '/' || c == '-'; };
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' && ((!out.empty() && is_sep(out.back())) || (i + 1 < s.size() && is_sep(s[i + 1])))) {
      continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

}  // namespace

Result<DocumentTypes> LoadDocumentTypes(const RuleFile& file) {
  DocumentTypes types;
  for (const RuleLine& line : file.lines) {
    if (Status s = RequireFields(file, line, 2); !s.ok()) return s;
    DocumentType t;
    t.name = line.fields[0];
    t.codes = SplitBar(line.fields[1]);
    if (line.fields.size() > 2) t.variants = SplitBar(line.fields[2]);
    types.by_file_order.push_back(std::move(t));
  }
  // Longest name first so a prefix scan finds "Chương trình hành động" before "Chương trình";
  // the stable sort keeps file order among names of equal length.
  types.types = types.by_file_order;
  std::stable_sort(types.types.begin(), types.types.end(),
                   [](const DocumentType& a, const DocumentType& b) {
                     return CodePoints(a.name) > CodePoints(b.name);
                   });
  for (const DocumentType& t : types.types) {
    types.folded.push_back({FoldName(t.name), t.name});
    for (const std::string& v : t.variants) types.folded.push_back({FoldName(v), t.name});
  }
  return types;
}

std::string DocumentTypes::Canonical(std::string_view written) const {
  const std::string f = FoldName(written);
  if (f.empty()) return "";
  if (!folded.empty()) {
    for (const auto& [fold, name] : folded) {
      if (fold == f) return name;
    }
    return "";
  }
  for (const DocumentType& t : types) {
    if (FoldName(t.name) == f) return t.name;
    for (const std::string& v : t.variants) {
      if (FoldName(v) == f) return t.name;
    }
  }
  return "";
}

std::string DocumentTypes::FromSymbol(std::string_view symbol) const {
  const SymbolParts parts = SplitSymbol(symbol);
  for (const DocumentType& t : by_file_order) {
    for (const std::string& code : t.codes) {
      const std::string c = KeyGroup(code);
      if (std::binary_search(parts.groups.begin(), parts.groups.end(), c)) return t.name;
    }
  }
  return "";
}

std::string CleanSymbol(std::string_view written) {
  std::string out;
  const auto* b = reinterpret_cast<const uint8_t*>(written.data());
  const int32_t len = static_cast<int32_t>(written.size());
  for (int32_t i = 0; i < len;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(b, i, len, c);
    // White_Space covers NBSP and the other Unicode spaces; zero-width ones come from PDF text.
    if (c == '\t' || u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF) continue;
    out.append(written.substr(start, i - start));
  }
  while (!out.empty() && std::string_view(".,;:)").find(out.back()) != std::string_view::npos) {
    out.pop_back();
  }
  return out;
}

SymbolParts SplitSymbol(std::string_view symbol) {
  const std::string s = EthToD(ToNfc(symbol));
  std::set<std::string> groups;
  std::vector<std::string> numbers;
  std::string letters, digits;
  auto flush = [&] {
    if (!letters.empty()) groups.insert(KeyGroup(letters));
    if (!digits.empty()) numbers.push_back(digits);
    letters.clear();
    digits.clear();
  };
  const auto* b = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(b, i, len, c);
    if (c >= '0' && c <= '9') {
      if (!letters.empty()) flush();
      digits.push_back(static_cast<char>(c));
    } else if (c > 0 && (u_isalpha(c) || (!letters.empty() && u_charType(c) == U_NON_SPACING_MARK))) {
      // A combining mark NFC could not compose still belongs to the letter before it.
      if (!digits.empty()) flush();
      letters.append(s, start, i - start);
    } else {
      flush();
    }
  }
  flush();

  SymbolParts parts;
  if (!numbers.empty()) {
    const std::string& n = numbers[0];
    const size_t nz = n.find_first_not_of('0');
    parts.number = nz == std::string::npos ? "0" : n.substr(nz);
    // The first run is the document number even when it looks like a year ("2013/ABC").
    for (size_t k = 1; k < numbers.size(); ++k) {
      if (IsYear(numbers[k])) {
        parts.year = std::stoi(numbers[k]);
        break;
      }
    }
  }
  parts.groups.assign(groups.begin(), groups.end());
  return parts;
}

std::string ReferenceStem(const SymbolParts& parts) {
  std::string joined;
  for (const std::string& g : parts.groups) {
    if (!joined.empty()) joined += '-';
    joined += g;
  }
  return parts.number + "|" + joined;
}

std::string ReferenceKey(const SymbolParts& parts, int year) {
  const int y = parts.year != 0 ? parts.year : year;
  return ReferenceStem(parts) + "|" + (y > 0 ? std::to_string(y) : "?");
}

Result<ReferenceQuery> ParseReferenceQuery(const DocumentTypes& types, std::string_view typed) {
  const std::string text = CollapseSpaces(ToNfc(typed));
  if (text.empty()) return Status::InvalidInput("reference '': empty");
  const std::vector<std::string> words = SplitWords(text);

  // A type name or variant among the leading words, longest match first ("Nghị quyết liên
  // tịch 01" before "Nghị quyết"). Type names hold no digits, so the number ends the search.
  ReferenceQuery q;
  size_t lead = 0;
  while (lead < words.size() && !HasDigit(words[lead])) ++lead;
  size_t next = 0;
  for (size_t n = lead; n > 0; --n) {
    std::string head;
    for (size_t k = 0; k < n; ++k) head += (k ? " " : "") + words[k];
    q.type = types.Canonical(head);
    if (!q.type.empty()) {
      next = n;
      break;
    }
  }

  // The rest, with "02 /tw" glued back to "02/tw". Words with no digit and no separator
  // ("số", "năm", "của") carry nothing for the key and are skipped.
  std::string rest;
  for (size_t k = next; k < words.size(); ++k) rest += (rest.empty() ? "" : " ") + words[k];
  std::vector<std::string> tokens;
  // Letter groups as words of their own count only after a bare number ("02 NQ TW"), never
  // after a whole số ("02-NQ/TW OR …" is the số and noise).
  bool after_bare_number = false;
  for (std::string& w : SplitWords(GlueSeparators(rest))) {
    if (HasDigit(w) || w.find_first_of("/-") != std::string::npos) {
      if (HasDigit(w)) {
        after_bare_number = std::all_of(w.begin(), w.end(), [](char c) {
          return (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '.';
        });
      }
      tokens.push_back(std::move(w));
    } else if (after_bare_number && IsCodeWord(w)) {
      tokens.push_back(std::move(w));
    }
  }
  // A standalone year after the number: "nq 02/tw 2021", "… năm 2021". Alone it is the number.
  int digit_tokens = 0;
  for (const std::string& t : tokens) digit_tokens += HasDigit(t) ? 1 : 0;
  if (digit_tokens >= 2 && IsYear(tokens.back())) {
    q.year = std::stoi(tokens.back());
    tokens.pop_back();
  }
  std::string symbol;
  for (const std::string& t : tokens) symbol += (symbol.empty() ? "" : " ") + t;
  if (!HasDigit(symbol)) {
    return Status::InvalidInput("reference '" + std::string(typed) + "': no document number");
  }
  q.parts = SplitSymbol(symbol);
  // A year written inside the symbol ("22/2013/QĐ-TTg") was given too.
  if (q.year == 0) q.year = q.parts.year;
  if (q.type.empty()) q.type = types.FromSymbol(symbol);
  return q;
}

}  // namespace plangraph
