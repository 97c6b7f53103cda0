#include "numeral.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include "text.h"

namespace plangraph {
namespace {

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    parts.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) return parts;
    start = p + 1;
  }
}

// "1.234.567" with `sep` = '.': a lead group of 1..3 digits, then groups of exactly 3. The lead
// group may not start with '0' ("0.500" is a decimal written English-style, not 500). On success
// the digits without separators are appended to `digits`.
bool ThousandGroups(std::string_view s, char sep, std::string* digits) {
  std::vector<std::string_view> groups = SplitOn(s, sep);
  if (groups.size() < 2) return false;
  const std::string_view lead = groups[0];
  if (!IsDigits(lead) || lead.size() > 3 || (lead[0] == '0')) return false;
  for (size_t i = 1; i < groups.size(); ++i) {
    if (groups[i].size() != 3 || !IsDigits(groups[i])) return false;
  }
  for (std::string_view g : groups) digits->append(g);
  return true;
}

// "123" or "1.5" (ASCII digits, at most one '.'): the value. std::from_chars ignores the C
// locale, unlike strtod, so a host locale with a decimal comma cannot change the result.
std::optional<double> ToDouble(const std::string& plain) {
  double value = 0;
  auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (ec != std::errc() || end != plain.data() + plain.size()) return std::nullopt;
  return value;
}

// integer part (digits) + optional fraction (digits) → value.
std::optional<double> Compose(std::string_view integer, std::string_view fraction) {
  if (!IsDigits(integer)) return std::nullopt;
  std::string plain(integer);
  if (!fraction.empty()) {
    if (!IsDigits(fraction)) return std::nullopt;
    plain += '.';
    plain.append(fraction);
  }
  return ToDouble(plain);
}

}  // namespace

std::optional<double> ParseVietnameseNumber(std::string_view text) {
  const std::string s = Trim(text);  // also drops NBSP and tabs around a table cell value
  if (s.empty()) return std::nullopt;
  const size_t dots = std::count(s.begin(), s.end(), '.');
  const size_t commas = std::count(s.begin(), s.end(), ',');
  std::string digits;

  if (dots > 0 && commas > 0) {
    // "1.234,5": thousands dots, then one decimal comma at the end.
    if (commas != 1) return std::nullopt;
    const size_t comma = s.find(',');
    const std::string_view integer = std::string_view(s).substr(0, comma);
    const std::string_view fraction = std::string_view(s).substr(comma + 1);
    if (fraction.empty() || !ThousandGroups(integer, '.', &digits)) return std::nullopt;
    return Compose(digits, fraction);
  }
  if (dots > 0) {
    // "120.000" and "1.234.567" group thousands; a lone "2.5" is a decimal point.
    if (ThousandGroups(s, '.', &digits)) return Compose(digits, "");
    if (dots != 1) return std::nullopt;
    const size_t dot = s.find('.');
    if (dot + 1 == s.size()) return std::nullopt;
    return Compose(std::string_view(s).substr(0, dot), std::string_view(s).substr(dot + 1));
  }
  if (commas > 0) {
    // "1,5" is a decimal comma; only a repeated three-digit grouping ("1,234,567") is thousands.
    if (commas > 1) {
      if (ThousandGroups(s, ',', &digits)) return Compose(digits, "");
      return std::nullopt;
    }
    const size_t comma = s.find(',');
    if (comma + 1 == s.size()) return std::nullopt;
    return Compose(std::string_view(s).substr(0, comma), std::string_view(s).substr(comma + 1));
  }
  return Compose(s, "");
}

std::optional<int> ParseRoman(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, int>, 13> kSymbols = {{
      {"M", 1000}, {"CM", 900}, {"D", 500}, {"CD", 400}, {"C", 100}, {"XC", 90}, {"L", 50},
      {"XL", 40}, {"X", 10}, {"IX", 9}, {"V", 5}, {"IV", 4}, {"I", 1},
  }};
  std::string s;
  for (char c : text) s.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  if (s.empty() || s.size() > 15) return std::nullopt;  // MMMDCCCLXXXVIII is the longest
  int value = 0;
  size_t pos = 0;
  for (const auto& [symbol, v] : kSymbols) {
    while (s.compare(pos, symbol.size(), symbol) == 0) {
      value += v;
      pos += symbol.size();
    }
  }
  if (pos != s.size() || value < 1 || value > 3999) return std::nullopt;
  // The greedy read above accepts "IIII" or "XIXIX"; only the canonical spelling of the value
  // counts, so re-encode and compare. That also rejects "VX" and "IC" (not fully consumed).
  std::string canonical;
  for (int rest = value; const auto& [symbol, v] : kSymbols) {
    for (; rest >= v; rest -= v) canonical.append(symbol);
  }
  if (canonical != s) return std::nullopt;
  return value;
}

}  // namespace plangraph
