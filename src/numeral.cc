#include "numeral.h"

#include <cctype>
#include <string>
#include <vector>

namespace plangraph {
namespace {

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Splits "1.234.567" on `sep` and checks every group after the first has exactly 3 digits.
bool ThousandGroups(std::string_view s, char sep, std::string* digits) {
  size_t start = 0;
  bool first = true;
  digits->clear();
  while (true) {
    size_t p = s.find(sep, start);
    std::string_view g = s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start);
    if (g.empty() || g.size() > 3 || (!first && g.size() != 3)) return false;
    for (char c : g) if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    digits->append(g);
    first = false;
    if (p == std::string_view::npos) return true;
    start = p + 1;
  }
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

std::optional<double> ParseVietnameseNumber(std::string_view text) {
  std::string_view s = TrimSpaces(text);
  if (s.empty()) return std::nullopt;
  std::string digits;
  // "1.234,5": thousands dots then a decimal comma.
  size_t comma = s.rfind(',');
  std::string_view integer = s, fraction;
  if (s.find('.') != std::string_view::npos && comma != std::string_view::npos) {
    integer = s.substr(0, comma);
    fraction = s.substr(comma + 1);
    if (!AllDigits(fraction) || !ThousandGroups(integer, '.', &digits)) return std::nullopt;
    return std::stod(digits + "." + std::string(fraction));
  }
  if (s.find('.') != std::string_view::npos) {
    if (ThousandGroups(s, '.', &digits) && s.find('.') != std::string_view::npos) return std::stod(digits);
    size_t dot = s.find('.');
    if (s.find('.', dot + 1) != std::string_view::npos) return std::nullopt;
    if (!AllDigits(s.substr(0, dot)) || !AllDigits(s.substr(dot + 1))) return std::nullopt;
    return std::stod(std::string(s));
  }
  if (comma != std::string_view::npos) {
    if (s.find(',') != comma && ThousandGroups(s, ',', &digits)) return std::stod(digits);
    if (s.find(',') != comma) return std::nullopt;
    if (!AllDigits(s.substr(0, comma)) || !AllDigits(s.substr(comma + 1))) return std::nullopt;
    return std::stod(std::string(s.substr(0, comma)) + "." + std::string(s.substr(comma + 1)));
  }
  if (!AllDigits(s)) return std::nullopt;
  return std::stod(std::string(s));
}

std::optional<int> ParseRoman(std::string_view text) {
  static const std::vector<std::pair<std::string, int>> kParts = {
      {"M", 1000}, {"CM", 900}, {"D", 500}, {"CD", 400}, {"C", 100}, {"XC", 90}, {"L", 50},
      {"XL", 40},  {"X", 10},   {"IX", 9},  {"V", 5},    {"IV", 4},  {"I", 1}};
  std::string s;
  for (char c : text) s.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  if (s.empty()) return std::nullopt;
  int value = 0;
  size_t pos = 0;
  for (const auto& [sym, v] : kParts) {
    int repeats = 0;
    while (s.compare(pos, sym.size(), sym) == 0) {
      value += v;
      pos += sym.size();
      if (++repeats > 3 || (sym.size() == 2 && repeats > 1)) return std::nullopt;
    }
  }
  if (pos != s.size()) return std::nullopt;
  // Canonical form only ("IIII", "VX" and "IC" are rejected by re-encoding).
  std::string canon;
  int rest = value;
  for (const auto& [sym, v] : kParts) while (rest >= v) { canon += sym; rest -= v; }
  if (canon != s) return std::nullopt;
  return value;
}

}  // namespace plangraph
