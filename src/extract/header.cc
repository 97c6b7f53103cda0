#include "header.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <optional>

#include "header_columns.h"
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
const RE2& SubjectPiece() {  // "V/v triển khai …": the subject of a letter (Công văn)
  static const RE2 re(R"(^V\s*/\s*[vV](?:\s|$))");
  return re;
}
// A caption that attaches a plan or appendix to the document: "(Kèm theo Nghị quyết số
// 394/NQ-CP ngày 03 tháng 12 năm 2025 của Chính phủ)". Type name, symbol, what follows.
const RE2& AttachmentCaption() {
  static const RE2 re(R"((?i)kèm theo\s+(\pL+(?:\s+\pL+){0,3}?)\s+số\s+(\d[\pL\pN./&]*(?:\s*[-/]\s*[\pL\pN./&]+)*)(.*))");
  return re;
}
// A legal portal's metadata table: a label cell and its value in the next cell.
const RE2& MetadataLabel() {
  static const RE2 re(R"((?i)^(Số hiệu|Loại văn bản|Ngày ban hành)\s*:?\s*$)");
  return re;
}
const RE2& NumericDate() {
  static const RE2 re(R"(^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$)");
  return re;
}

// The quốc hiệu and its motto, or the party's name that stands in their place. A quốc hiệu
// wrapped in a narrow cell comes in two pieces ("CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM"): each
// is one, the first by its opening words, the second by "chủ nghĩa" ("VIỆT NAM" alone may end a
// wrapped issuer's name).
bool IsMotto(const std::string& t) {
  static const std::string kQuocHieu = "cong hoa xa hoi chu nghia viet nam";
  std::string f = Fold(t);
  if (f.empty()) return false;
  bool head = f.rfind("cong hoa", 0) == 0 && kQuocHieu.rfind(f, 0) == 0;
  bool tail = f.find("chu nghia") != std::string::npos && kQuocHieu.size() > f.size() &&
              kQuocHieu.compare(kQuocHieu.size() - f.size(), f.size(), f) == 0 &&
              kQuocHieu[kQuocHieu.size() - f.size() - 1] == ' ';
  return head || tail || f.rfind("cong hoa xa hoi", 0) == 0 || f.rfind("doc lap", 0) == 0 ||
         f.rfind("dang cong san viet nam", 0) == 0;
}

bool IsMottoOrRule(const std::string& t) { return Fold(t).empty() || IsMotto(t); }

bool IsSymbolPiece(const std::string& p) {
  return RE2::PartialMatch(p, SymbolLabel()) || RE2::PartialMatch(p, SymbolLine());
}

// Header pieces in row order, table cells and TAB cells as separate pieces: the label and value
// cells of a portal's metadata table follow each other so.
std::vector<std::string> HeaderPieces(const Segmentation& seg, int from, int until) {
  std::vector<std::string> pieces;
  for (int i = from; i < until && i < static_cast<int>(seg.lines.size()); ++i) {
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

// A cell wrapped over two lines ("Hà Nội, ngày" / "24 tháng 11 năm 2025", "Số:" / "12/KH-UBND")
// is joined when the piece alone lacks what the joined text gives.
std::vector<std::string> JoinWrappedPieces(const std::vector<std::string>& pieces) {
  std::vector<std::string> out;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const std::string& p = pieces[i];
    if (i + 1 < pieces.size()) {
      std::string joined = p + " " + pieces[i + 1];
      // A date cut inside ("ngày" / "24 tháng 11 năm 2025"), not a whole date in the next piece.
      bool date = RE2::PartialMatch(p, DayWord()) && !RE2::PartialMatch(p, YearOnly()) &&
                  ParseVietnameseDate(pieces[i + 1]).empty() &&
                  !ParseVietnameseDate(joined).empty();
      bool symbol = RE2::PartialMatch(p, SymbolLabel()) && !RE2::PartialMatch(p, SymbolLine()) &&
                    RE2::PartialMatch(joined, SymbolLine());
      if (date || symbol) {
        out.push_back(joined);
        ++i;
        continue;
      }
    }
    out.push_back(p);
  }
  return out;
}

bool ValidDate(int y, int m, int d) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] && !(m == 2 && d == 29 && !leap);
}

constexpr size_t kMaxBareDateLine = 60;
// How far down a page its metadata table may reach.
constexpr int kMetadataLines = 120;

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

// Where the header does not give the type, number or date:
//  - a portal's metadata table before the document ("Số hiệu:" | "6278/BVHTTDL-VP", "Loại văn
//    bản:" | "Công văn", "Ngày ban hành:" | "20/11/2025");
//  - the caption of an attached plan or appendix naming the document's own type ("Kèm theo Nghị
//    quyết số 394/NQ-CP ngày 03 tháng 12 năm 2025");
//  - the type code of the symbol ("232/CĐ-TTg"), and for a letter with a "V/v …" subject line and
//    no type word, "Công văn".
void FillFromElsewhere(const Segmentation& seg, const DocumentTypes& types,
                       const std::vector<std::string>& header, HeaderFacts* facts) {
  DocumentInfo& info = facts->info;
  auto set_date = [&](const std::string& date) {
    if (!info.date.empty() || date.empty()) return;
    info.date = date;
    facts->year = std::stoi(date.substr(0, 4));
  };
  const int n = static_cast<int>(seg.lines.size());
  // Metadata: the label and its value are the next two non-blank pieces of the page's top.
  std::vector<std::string> top = HeaderPieces(seg, 0, std::min(n, seg.doc_start + kMetadataLines));
  for (size_t i = 0; i + 1 < top.size(); ++i) {
    std::string label;
    if (!RE2::FullMatch(top[i], MetadataLabel(), &label)) continue;
    const std::string& value = top[i + 1];
    std::string f = Fold(label);
    int d = 0, m = 0, y = 0;
    if (f == "so hieu" && info.symbol.empty() && RE2::PartialMatch("Số: " + value, SymbolLine())) {
      info.symbol = CleanSymbol(value);
    } else if (f == "loai van ban" && info.type.empty()) {
      info.type = types.Canonical(value);
    } else if (f == "ngay ban hanh" && RE2::FullMatch(value, NumericDate(), &d, &m, &y) &&
               ValidDate(y, m, d)) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
      set_date(buf);
    }
  }
  // Attachment captions, which may wrap over up to three lines.
  if (!info.type.empty() && (info.symbol.empty() || info.date.empty())) {
    for (int i = seg.doc_start; i < n; ++i) {
      if (Fold(seg.lines[i].text).find("kem theo") == std::string::npos) continue;
      std::string caption = seg.lines[i].text;
      for (int j = i + 1; j < n && j <= i + 2; ++j) caption += " " + seg.lines[j].text;
      std::string name, symbol, rest;
      if (!RE2::PartialMatch(caption, AttachmentCaption(), &name, &symbol, &rest) ||
          types.Canonical(name) != info.type) {
        continue;
      }
      if (info.symbol.empty()) info.symbol = CleanSymbol(symbol);
      // The date must follow the number directly: "… ngày 03 tháng 12 năm 2025 của …".
      std::string lead = Trim(rest.substr(0, std::min<size_t>(rest.size(), 40)));
      if (Fold(lead).rfind("ngay", 0) == 0) set_date(ParseVietnameseDate(rest));
      break;
    }
  }
  if (info.type.empty() && !info.symbol.empty()) info.type = types.FromSymbol(info.symbol);
  if (info.type.empty() && std::any_of(header.begin(), header.end(), [](const std::string& p) {
        return RE2::PartialMatch(p, SubjectPiece());
      })) {
    info.type = types.Canonical("Công văn");
  }
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

HeaderFacts ExtractHeader(std::string_view text, const Segmentation& seg,
                          const DocumentTypes& types) {
  HeaderFacts facts;
  DocumentInfo& info = facts.info;
  if (seg.type_line >= 0) info.type = types.Canonical(seg.lines[seg.type_line].text);
  // The header zone, plus a few lines of the body when the file has no type line.
  int until = seg.type_line >= 0 ? seg.type_line
                                 : std::min<int>(seg.doc_start + 15, seg.lines.size());
  std::vector<std::string> pieces =
      JoinWrappedPieces(HeaderPiecesByColumn(text, seg, seg.doc_start, until));
  std::vector<std::string> issuer;
  // Without a type line (a letter, Công văn) the pieces run on into the body, whose headings may
  // be in capitals too: the issuer is then the capitals at the top, before any other piece, of a
  // header that shows itself as one by a "Số" or the quốc hiệu.
  const bool letter = seg.type_line < 0 && std::any_of(pieces.begin(), pieces.end(),
                                                       [](const std::string& p) {
                                                         return IsSymbolPiece(p) || IsMotto(p);
                                                       });
  bool at_top = true;
  std::optional<bool> has_place_date;  // computed at the first "ngày" piece
  auto place_date_line = [&] {
    if (!has_place_date) has_place_date = HasPlaceDateLine(pieces);
    return *has_place_date;
  };
  for (size_t i = 0; i < pieces.size(); ++i) {
    const std::string& p = pieces[i];
    // The quốc hiệu's first word may stand alone, wrapped: "CỘNG" / "HÒA XÃ HỘI CHỦ NGHĨA …".
    const bool motto = IsMottoOrRule(p) || (i + 1 < pieces.size() &&
                                            Fold(p + " " + pieces[i + 1]).rfind(
                                                "cong hoa xa hoi", 0) == 0);
    const bool issuer_piece = IsAllCaps(p) && !motto && !IsSymbolPiece(p);
    at_top = at_top && (issuer_piece || motto);
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
    if (issuer_piece && (seg.type_line >= 0 || (letter && at_top))) {
      std::string name = Trim(p);
      while (!name.empty() && (name.back() == '-' || name.back() == '*' || name.back() == ' '))
        name.pop_back();
      if (!name.empty() && name != "*") issuer.push_back(name);
    }
  }
  for (const auto& part : issuer) info.issuer += (info.issuer.empty() ? "" : " ") + part;
  FillFromElsewhere(seg, types, pieces, &facts);
  if (seg.title_first >= 0) {
    for (int i = seg.title_first; i <= seg.title_last; ++i) {
      if (seg.lines[i].text.empty()) continue;
      info.title += (info.title.empty() ? "" : " ") + seg.lines[i].text;
    }
  }
  return facts;
}

}  // namespace plangraph
