#include "reference.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <set>

#include "text.h"

namespace plangraph {
namespace {

std::vector<std::string> SplitBar(const std::string& field) {
  std::vector<std::string> out;
  if (field == "-") return out;
  size_t start = 0;
  while (start <= field.size()) {
    size_t bar = field.find('|', start);
    std::string item = Trim(field.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
    if (!item.empty() && item != "-") out.push_back(item);
    if (bar == std::string::npos) break;
    start = bar + 1;
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
    types.types.push_back(std::move(t));
  }
  // File order decides FromSymbol; longest names first decides Canonical and the mention pattern.
  types.by_file_order = types.types;
  std::stable_sort(types.types.begin(), types.types.end(),
                   [](const DocumentType& a, const DocumentType& b) { return a.name.size() > b.name.size(); });
  return types;
}

std::string DocumentTypes::Canonical(std::string_view written) const {
  std::string f = Fold(written);
  if (f.empty()) return "";
  for (const DocumentType& t : types) {
    if (Fold(t.name) == f) return t.name;
    for (const auto& v : t.variants) {
      if (Fold(v) == f) return t.name;
    }
  }
  return "";
}

std::string DocumentTypes::FromSymbol(std::string_view symbol) const {
  SymbolParts parts = SplitSymbol(symbol);
  for (const DocumentType& t : by_file_order) {
    for (const auto& code : t.codes) {
      std::string c = ToUpper(code);
      if (std::find(parts.groups.begin(), parts.groups.end(), c) != parts.groups.end()) return t.name;
    }
  }
  return "";
}

std::string CleanSymbol(std::string_view written) {
  std::string s = CollapseSpaces(written);
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  while (!s.empty() && std::string(".,;:)").find(s.back()) != std::string::npos) s.pop_back();
  return s;
}

SymbolParts SplitSymbol(std::string_view symbol) {
  SymbolParts parts;
  std::string s = ToUpper(ToNfc(symbol));
  std::set<std::string> groups;
  std::vector<std::string> numbers;
  const auto* b = reinterpret_cast<const uint8_t*>(s.data());
  int32_t len = static_cast<int32_t>(s.size());
  std::string letters, digits;
  auto flush = [&] {
    if (!letters.empty()) groups.insert(letters);
    if (!digits.empty()) numbers.push_back(digits);
    letters.clear();
    digits.clear();
  };
  for (int32_t i = 0; i < len;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(b, i, len, c);
    if (c >= '0' && c <= '9') {
      if (!letters.empty()) flush();
      digits.push_back(static_cast<char>(c));
    } else if (c > 0 && u_isalpha(c)) {
      if (!digits.empty()) flush();
      letters.append(s, start, i - start);
    } else {
      flush();
    }
  }
  flush();
  if (!numbers.empty()) {
    std::string n = numbers[0];
    size_t nz = n.find_first_not_of('0');
    parts.number = nz == std::string::npos ? "0" : n.substr(nz);
    for (size_t k = 1; k < numbers.size(); ++k) {
      if (numbers[k].size() == 4) {
        int y = std::stoi(numbers[k]);
        if (y >= 1945 && y <= 2100) {
          parts.year = y;
          break;
        }
      }
    }
  }
  parts.groups.assign(groups.begin(), groups.end());
  return parts;
}

std::string ReferenceStem(const SymbolParts& parts) {
  std::string g;
  for (const auto& x : parts.groups) g += (g.empty() ? "" : "-") + x;
  return parts.number + "|" + g;
}

std::string ReferenceKey(const SymbolParts& parts, int year) {
  int y = parts.year ? parts.year : year;
  return ReferenceStem(parts) + "|" + (y > 0 ? std::to_string(y) : "?");
}

Result<ReferenceQuery> ParseReferenceQuery(const DocumentTypes& types, std::string_view typed) {
  std::string t = CollapseSpaces(typed);
  if (t.empty()) return Status::InvalidInput("reference '': empty");
  ReferenceQuery q;
  std::vector<std::string> words;
  size_t start = 0;
  while (start < t.size()) {
    size_t sp = t.find(' ', start);
    words.push_back(t.substr(start, sp == std::string::npos ? std::string::npos : sp - start));
    if (sp == std::string::npos) break;
    start = sp + 1;
  }
  size_t i = 0;
  for (size_t n = std::min<size_t>(words.size(), 5); n > 0 && q.type.empty(); --n) {
    std::string head;
    for (size_t k = 0; k < n; ++k) head += (k ? " " : "") + words[k];
    std::string canon = types.Canonical(head);
    if (!canon.empty()) {
      q.type = canon;
      i = n;
    }
  }
  std::string symbol;
  for (; i < words.size(); ++i) {
    std::string f = Fold(words[i]);
    if (f == "so" || f == "nam") continue;
    bool digit = words[i].find_first_of("0123456789") != std::string::npos;
    if (digit && words[i].size() == 4 && !symbol.empty() && words[i].find_first_not_of("0123456789") == std::string::npos) {
      q.year = std::stoi(words[i]);
      continue;
    }
    if (digit || !symbol.empty()) symbol += words[i];
  }
  if (symbol.find_first_of("0123456789") == std::string::npos) {
    return Status::InvalidInput("reference '" + std::string(typed) + "': no document number");
  }
  q.parts = SplitSymbol(symbol);
  if (q.parts.year && !q.year) q.year = q.parts.year;
  if (q.type.empty()) q.type = types.FromSymbol(symbol);
  return q;
}

}  // namespace plangraph
