#include "header.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <optional>

#include "text.h"

namespace plangraph {
namespace {

const RE2& SymbolLine() {  // "Số: 31/KH- LĐLĐ", "Số  49 -KH/TU"
  static const RE2 re(R"((?:^|\s)(?:Số|SỐ)\s*:?\s*(\d[\pL\pN./&]*(?:\s*[-/]\s*[\pL\pN./&]+)*))");
  return re;
}
const RE2& DateWords() {  // "Đắk Lắk, ngày 16  tháng 11 năm 2021"
  static const RE2 re(R"((?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))");
  return re;
}
const RE2& DateSlashes() {
  static const RE2 re(R"((?i)ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))");
  return re;
}
const RE2& YearOnly() {  // an unfinished date line still tells the year
  static const RE2 re(R"((?i)ngày\s.*năm\s+(\d{4}))");
  return re;
}
const RE2& PlaceBeforeDate() {
  static const RE2 re(R"(^(.*?),\s*ngày\b)");
  return re;
}
const RE2& SymbolLabel() {  // "Số:", even with no number after it
  static const RE2 re(R"((?:^|\s)(?:Số|SỐ)\s*:)");
  return re;
}
const RE2& DayWord() {
  static const RE2 re(R"((?i)ngày)");
  return re;
}

bool IsMottoOrRule(const std::string& t) {
  std::string f = Fold(t);
  return f.empty() || f.rfind("cong hoa xa hoi", 0) == 0 || f.rfind("doc lap", 0) == 0 ||
         f.rfind("dang cong san viet nam", 0) == 0;
}

// Header pieces: table cells and TAB cells count as separate lines.
std::vector<std::string> HeaderPieces(const Segmentation& seg, int until) {
  std::vector<std::string> pieces;
  for (int i = 0; i < until && i < static_cast<int>(seg.lines.size()); ++i) {
    const Line& l = seg.lines[i];
    // A header laid out as a table has two columns, three at most; a wider row is data (a
    // tracking sheet's "Số 183/TB ngày 09/7/2014" is a source it cites, not its own number).
    if (l.cells.size() > 3) continue;
    if (!l.cells.empty()) {
      for (const auto& c : l.cells) {
        if (!c.empty()) pieces.push_back(c);
      }
    } else if (!l.text.empty()) {
      pieces.push_back(l.text);
    }
  }
  return pieces;
}

bool ValidDate(int y, int m, int d) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] && !(m == 2 && d == 29 && !leap);
}

constexpr size_t kMaxBareDateLine = 60;

bool IsPlaceDateLine(const std::string& piece, std::string* place) {
  return RE2::PartialMatch(piece, PlaceBeforeDate(), place) && place->size() <= kMaxBareDateLine;
}

// Whether some piece is a place-and-date line with a valid date.
bool HasPlaceDateLine(const std::vector<std::string>& pieces) {
  std::string place;
  return std::any_of(pieces.begin(), pieces.end(), [&](const std::string& p) {
    return IsPlaceDateLine(p, &place) && !ParseVietnameseDate(p).empty();
  });
}

// The issue date stands on the place-and-date line ("Đắk Lắk, ngày 16 tháng 11 năm 2021"). Only
// when the header has no such line (`has_place_date`: HasPlaceDateLine, computed once, as a
// header of many "ngày" cells would otherwise cost their square) is another short line with
// "ngày" taken; a long one is a title or a citation ("… Quyết định số 22/2013/QĐ-TTg ngày 26
// tháng 4 năm 2013 …").
bool IsDateLine(const std::string& piece, bool has_place_date) {
  std::string place;
  if (IsPlaceDateLine(piece, &place)) return true;
  return !has_place_date && piece.size() <= kMaxBareDateLine;
}

}  // namespace

std::string ParseVietnameseDate(std::string_view text) {
  int d = 0, m = 0, y = 0;
  if (!RE2::PartialMatch(text, DateWords(), &d, &m, &y) &&
      !RE2::PartialMatch(text, DateSlashes(), &d, &m, &y)) {
    return "";
  }
  if (!ValidDate(y, m, d)) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

HeaderFacts ExtractHeader(const Segmentation& seg, const DocumentTypes& types) {
  HeaderFacts facts;
  DocumentInfo& info = facts.info;
  if (seg.type_line >= 0) info.type = types.Canonical(seg.lines[seg.type_line].text);
  // The header zone, plus a few lines of the body when the file has no type line.
  int until = seg.type_line >= 0 ? seg.type_line : std::min<int>(15, seg.lines.size());
  std::vector<std::string> pieces = HeaderPieces(seg, until);
  std::vector<std::string> issuer;
  std::optional<bool> has_place_date;  // computed at the first "ngày" piece
  auto place_date_line = [&] {
    if (!has_place_date) has_place_date = HasPlaceDateLine(pieces);
    return *has_place_date;
  };
  for (const std::string& p : pieces) {
    std::string sym;
    if (RE2::PartialMatch(p, SymbolLabel())) {  // "Số: /KH-SCT" left blank: no symbol
      if (info.symbol.empty() && RE2::PartialMatch(p, SymbolLine(), &sym)) {
        info.symbol = CleanSymbol(sym);
      }
      continue;
    }
    if (info.symbol.empty() && RE2::PartialMatch(p, SymbolLine(), &sym)) {
      info.symbol = CleanSymbol(sym);
      continue;
    }
    if (info.date.empty() && RE2::PartialMatch(p, DayWord()) &&
        IsDateLine(p, place_date_line())) {
      std::string date = ParseVietnameseDate(p);
      int year = 0;
      if (!date.empty()) {
        info.date = date;
        facts.year = std::stoi(date.substr(0, 4));
      } else if (RE2::PartialMatch(p, YearOnly(), &year)) {
        facts.year = year;
      }
      std::string place;
      if (RE2::PartialMatch(p, PlaceBeforeDate(), &place)) info.place = Trim(place);
      if (!date.empty() || year) continue;
    }
    if (IsAllCaps(p) && !IsMottoOrRule(p) && seg.type_line >= 0) {
      std::string name = Trim(p);
      while (!name.empty() && (name.back() == '-' || name.back() == '*' || name.back() == ' '))
        name.pop_back();
      if (!name.empty() && name != "*") issuer.push_back(name);
    }
  }
  for (const auto& part : issuer) info.issuer += (info.issuer.empty() ? "" : " ") + part;
  if (seg.title_first >= 0) {
    for (int i = seg.title_first; i <= seg.title_last; ++i) {
      if (seg.lines[i].text.empty()) continue;
      info.title += (info.title.empty() ? "" : " ") + seg.lines[i].text;
    }
  }
  return facts;
}

}  // namespace plangraph
