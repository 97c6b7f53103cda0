#include "segmenter.h"

#include <re2/re2.h>

#include <algorithm>

#include "numeral.h"
#include "text.h"

namespace plangraph {
namespace {

// Heading grammar. Labels are followed by '.', ')', '-' or ':' and a space; a heading's text
// must start with a letter or a quote, so "50.000 triệu đồng" or "28/7/2024" never start one.
const RE2& RomanHeading() {
  static const RE2 re(R"(^([IVXLC]{1,6})\s*[.\-–):/]\s*(\S.*)$)");
  return re;
}
const RE2& DecimalHeading() {  // 1.1. / 1.1.2 / 2.1.a.
  static const RE2 re(R"(^(\d{1,2}(?:\.\d{1,2})+(?:\.[a-zđ])?)\s*[.):]?\s+(\S.*)$)");
  return re;
}
const RE2& ArabicHeading() {
  static const RE2 re(R"(^(\d{1,2})\s*[.):]\s*(\S.*)$)");
  return re;
}
const RE2& LetterHeading() {
  static const RE2 re(R"(^([a-zđ])\s*[).]\s+(\S.*)$)");
  return re;
}
const RE2& StarHeading() {
  static const RE2 re(R"(^\*\s*(\S.{0,80})$)");
  return re;
}
const RE2& ArticleHeading() {
  static const RE2 re(R"(^(Điều\s+\d+)\s*[.:]\s*(.*)$)");
  return re;
}
const RE2& AppendixHeading() {
  static const RE2 re(R"(^(PHỤ LỤC(?:\s+[0-9IVX]+)?)\s*[.:]?\s*(.*)$)");
  return re;
}
// The caption of an annex after the signature: "(Kèm theo Kế hoạch số …)", "Ban hành kèm theo
// Quyết định …": what follows is part of the document again.
const RE2& AnnexCaption() {
  static const RE2 re(R"(^\(?\s*(?:Ban hành\s+)?(?:kèm|Kèm|KÈM)\s+(?:theo|THEO)\s+\pL)");
  return re;
}
const RE2& BulletStart() {
  static const RE2 re(R"(^([-+•–·●○▪])\s*(\S.*)$)");
  return re;
}
// A word that needs words after it (a preposition, a conjunction, a plural marker): a line
// ending with it was cut, whatever the next line starts with.
const RE2& DanglingWordAtEnd() {
  static const RE2 re(R"((?i)(?:^|\s)(?:của|và|về|với|cho|các|những|theo|tại|để|đối với|nhằm|số|trong|trên)$)");
  return re;
}
const RE2& FooterStart() {
  static const RE2 re(R"(^(?:Nơi nhận\b|(?:TM|KT|TL|TUQ|T/M)\s*\.\s*\p{Lu}))");
  return re;
}
const RE2& FootnoteStart() {
  static const RE2 re(R"(^\[\d+\])");
  return re;
}
const RE2& PreambleStart() {  // ends the title: "Căn cứ …", "Thực hiện …"
  static const RE2 re(R"(^(?:Căn cứ|Thực hiện|Xét)\b)");
  return re;
}
const RE2& SubjectLine() {  // "V/v …" (về việc): a letter's subject, not Roman numeral V
  static const RE2 re(R"(^V\s*/\s*[vV](?:\s|$))");
  return re;
}
const RE2& LetterStart() {
  static const RE2 re(R"(^\pL)");
  return re;
}

// Ranks order the numbered levels: a heading closes every open section of equal or lower rank.
// Outline ranks, spaced so that deeper decimal levels fit between: "1.1" is kDecimal, "1.1.1"
// and "2.1.a" kDecimal + 1, and so on.
enum Rank { kRoman = 0, kArabic = 10, kDecimal = 20, kLetter = 30, kStar = 40 };

Rank DecimalRank(const std::string& label) {
  int dots = static_cast<int>(std::count(label.begin(), label.end(), '.'));
  return static_cast<Rank>(kDecimal + std::min(dots - 1, kLetter - kDecimal - 1));
}

std::string StripTrailingColon(std::string s) {
  s = Trim(s);
  while (!s.empty() && (s.back() == ':' || s.back() == ' ')) s.pop_back();
  return s;
}

// Removes every doubled `mark` ("**", "__") in one left-to-right pass, which is what erasing
// the first pair again and again gives, without costing the square of a line made of them.
std::string RemovePairs(std::string_view raw, char mark) {
  std::string s;
  s.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == mark && i + 1 < raw.size() && raw[i + 1] == mark) {
      ++i;
      continue;
    }
    s.push_back(raw[i]);
  }
  return s;
}

// Removes single '*' emphasis marks ("*Hà Nội, ngày", "Quy*ế*t *đị*nh", "…; *"). A '*' that
// opens a star block ("* Đến năm 2025") or stands alone on its line (between header cells) is
// kept.
std::string RemoveSingleStars(std::string_view raw) {
  size_t first = raw.find_first_not_of(" \t");
  if (first == std::string_view::npos) return std::string(raw);
  size_t last = raw.find_last_not_of(" \t");
  if (first == last && raw[first] == '*') return std::string(raw);
  bool star_block = raw[first] == '*' && first + 1 < raw.size() &&
                    (raw[first + 1] == ' ' || raw[first + 1] == '\t');
  std::string s;
  s.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '*' && !(star_block && i == first)) continue;
    s.push_back(raw[i]);
  }
  return s;
}

std::string RemoveMarkup(std::string_view raw) {
  // Markdown emphasis and heading marks; footnote reference marks.
  std::string s = RemoveSingleStars(RemovePairs(RemovePairs(raw, '*'), '_'));
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  if (i < s.size() && s[i] == '#') {
    while (i < s.size() && s[i] == '#') ++i;
    s.erase(0, i);
  }
  return s;
}

}  // namespace

int Block::LineAt(size_t offset) const {
  // The last joined line starting at or before `offset` (a binary search: a block may join a
  // million lines).
  auto after = std::upper_bound(line_starts.begin(), line_starts.end(), offset,
                                [](size_t o, const std::pair<size_t, int>& s) { return o < s.first; });
  return after == line_starts.begin() ? first_line : std::prev(after)->second;
}

bool Segmentation::IsWithin(int id, int ancestor) const {
  for (int s = id; s >= 0; s = sections[s].parent) {
    if (s == ancestor) return true;
  }
  return false;
}

Line CleanLine(std::string_view raw) {
  Line line;
  size_t bold_marks = 0;
  for (size_t at = raw.find("**"); at != std::string_view::npos; at = raw.find("**", at + 2)) {
    ++bold_marks;
  }
  line.toggles_emphasis = bold_marks % 2 == 1;
  size_t first = raw.find_first_not_of(" \t");
  line.markdown_heading = first != std::string_view::npos && raw[first] == '#';
  std::string s = RemoveMarkup(raw);
  std::string trimmed = Trim(s);
  if (!trimmed.empty() && trimmed[0] == '|') {
    line.table_row = true;
    size_t start = 1;
    while (start < trimmed.size()) {
      size_t bar = trimmed.find('|', start);
      std::string cell = CollapseSpaces(
          trimmed.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
      // Empty cells are kept: a row's cells line up with its table's header.
      if (bar != std::string::npos || !cell.empty()) line.cells.push_back(cell);
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    bool separator = std::all_of(line.cells.begin(), line.cells.end(), [](const std::string& c) {
      return c.find_first_not_of("-: ") == std::string::npos;
    });
    if (separator) line.cells.clear();  // "|---|---|"
    std::string joined;
    for (const auto& c : line.cells) {
      if (!c.empty()) joined += (joined.empty() ? "" : " ") + c;
    }
    line.text = joined;
    return line;
  }
  // TAB-separated cells (text saved from Word tables and two-column headers).
  if (s.find('\t') != std::string::npos) {
    size_t start = 0;
    while (start <= s.size()) {
      size_t tab = s.find('\t', start);
      std::string cell = CollapseSpaces(
          s.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (!cell.empty()) line.cells.push_back(cell);
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (line.cells.size() < 2) line.cells.clear();
  }
  line.text = CollapseSpaces(s);
  // A footnote body starts with a replacement character or a bracketed number.
  return line;
}

namespace {

bool StartsWithLowercaseLetter(const std::string& t) {
  return !t.empty() && !StartsWithUpper(t) && RE2::PartialMatch(t, LetterStart());
}

struct Builder {
  Segmentation seg;
  std::vector<std::pair<int, Rank>> open;  // section id and rank, outermost first

  int Current() const { return open.empty() ? -1 : open.back().first; }

  int AddSection(const std::string& kind, Rank rank, bool numbered, const std::string& label,
                 const std::string& heading, int line_index) {
    while (!open.empty() && open.back().second >= rank) open.pop_back();
    Section s;
    s.id = static_cast<int>(seg.sections.size());
    s.parent = Current();
    int parent_depth = 0;
    for (auto it = open.rbegin(); it != open.rend(); ++it) {
      if (seg.sections[it->first].depth > 0) {
        parent_depth = seg.sections[it->first].depth;
        break;
      }
    }
    s.depth = numbered ? parent_depth + 1 : 0;
    // Only the Roman and the first Arabic level make the document's top two levels: a lettered
    // or decimal item is never one of them, even in a document that has no Roman level.
    if (numbered && rank != kRoman && rank != kArabic) s.depth = std::max(s.depth, 3);
    s.kind = kind;
    s.label = label;
    s.heading = heading;
    const Line& l = seg.lines[line_index];
    s.span = {l.number, l.begin, l.end};
    s.last_line = l.number;
    seg.sections.push_back(s);
    open.push_back({s.id, rank});
    return s.id;
  }

  void CloseAll() { open.clear(); }
};

// How far the document proper may start above its motto line ("Độc lập - Tự do - Hạnh phúc"):
// the issuer's name and the party or state motto's first line stand there.
constexpr int kMaxHeaderAboveMotto = 12;
constexpr int kMaxMottoLine = 400;

bool IsMottoLine(const Line& l) {
  return Fold(l.text).find("doc lap tu do hanh phuc") != std::string::npos;
}

// The first line of the document proper: 0, unless the motto stands further down, after a
// page's banner and metadata; then the block of non-blank lines just above the motto (up to a
// markdown heading of the page).
int DocumentStart(const std::vector<Line>& lines) {
  const int n = static_cast<int>(lines.size());
  for (int m = 0; m < n && m < kMaxMottoLine; ++m) {
    if (!IsMottoLine(lines[m])) continue;
    // A PDF read column by column puts the issuer's block (cơ quan, Số, V/v) above the motto's
    // block with one blank line between them: one such gap is crossed, not more.
    int start = m;
    bool crossed_gap = false;
    while (start > 0 && m - start < kMaxHeaderAboveMotto && !lines[start - 1].markdown_heading) {
      if (lines[start - 1].text.empty()) {
        if (crossed_gap || start < 2 || lines[start - 2].text.empty()) break;
        crossed_gap = true;
      }
      --start;
    }
    return start;
  }
  return 0;
}

// The source line `l` starts with bold emphasis that it does not close.
bool OpensEmphasis(std::string_view text, const Line& l) {
  if (!l.toggles_emphasis) return false;
  std::string_view raw = text.substr(l.begin, l.end - l.begin);
  size_t first = raw.find_first_not_of(" \t");
  return first != std::string_view::npos && raw.substr(first, 2) == "**";
}

// How many source lines a bold heading may wrap over.
constexpr int kMaxEmphasisLines = 4;

// Splits "Thời gian kiểm tra: 13h30’ ngày 29/4/2026" into a short title and its content.
std::pair<std::string, std::string> SplitTitleColon(const std::string& text) {
  size_t colon = text.find(':');
  if (colon == std::string::npos || colon + 1 >= text.size()) return {text, ""};
  std::string head = Trim(text.substr(0, colon));
  std::string rest = Trim(text.substr(colon + 1));
  int words = static_cast<int>(std::count(head.begin(), head.end(), ' ')) + 1;
  if (words > 8 || rest.empty()) return {text, ""};
  return {head, rest};
}

// A table written one cell per line, as pages converted from Word often are: each cell's lines
// stand between lone "|" lines, and a row ends where two bars meet or at a "|---" rule.
//
//   |
//   STT            ← header row: cells "STT", "Nội dung", "Cơ quan chủ trì"
//   |
//   Nội dung
//   |
//   Cơ quan chủ trì
//   |
//   |              ← the row closes, the next one opens
//   1
//   |
//   Tổ chức …      ← a cell may wrap over several lines
//   …
//
// Each row is read into the cells of its first content line, which becomes a table row; its
// other content lines become part of it (blank). Only tables whose first row has at least
// kMinCellPerLineColumns cells are read so: two-cell layouts (issuer and motto, recipients and
// signature) stay text for the header and footer.
constexpr size_t kMinCellPerLineColumns = 3;

// A source line at least this long that ends without a closing mark was wrapped by the text's
// producer: the next line carries on its sentence.
constexpr size_t kMinWrappedLineBytes = 60;

void ReadCellPerLineTables(std::string_view text, std::vector<Line>& lines, int from) {
  const int n = static_cast<int>(lines.size());
  auto is_bar = [&](int i) { return lines[i].table_row && lines[i].cells.empty(); };
  auto is_rule = [&](int i) {
    return text.substr(lines[i].begin, lines[i].end - lines[i].begin).find('-') !=
           std::string_view::npos;
  };
  auto is_content = [&](int i) { return !lines[i].table_row && !lines[i].text.empty(); };
  struct Row {
    std::vector<std::string> cells;
    std::vector<int> content_lines;
  };
  for (int i = from; i < n; ++i) {
    if (!is_bar(i) || i + 1 >= n || !is_content(i + 1)) continue;
    std::vector<Row> rows(1);
    int j = i;
    bool previous_bar = false;
    for (; j < n; ++j) {
      if (is_bar(j)) {
        if ((previous_bar || is_rule(j)) && !rows.back().cells.empty()) rows.emplace_back();
        previous_bar = true;
        continue;
      }
      if (!is_content(j)) break;
      Row& row = rows.back();
      if (previous_bar) row.cells.emplace_back();
      std::string& cell = row.cells.back();
      cell += (cell.empty() ? "" : " ") + lines[j].text;
      row.content_lines.push_back(j);
      previous_bar = false;
    }
    if (rows.back().cells.empty()) rows.pop_back();
    if (rows.empty() || rows.front().cells.size() < kMinCellPerLineColumns) {
      i = j;
      continue;
    }
    for (Row& row : rows) {
      std::string joined;
      for (const auto& c : row.cells) {
        if (!c.empty()) joined += (joined.empty() ? "" : " ") + c;
      }
      for (int k : row.content_lines) {
        lines[k].table_row = true;
        lines[k].text.clear();
      }
      Line& first = lines[row.content_lines.front()];
      first.cells = std::move(row.cells);
      first.text = std::move(joined);
    }
    i = j;
  }
}

}  // namespace

// Whether the body separates its paragraphs with blank lines (pages saved from legal portals,
// Markdown): then a line that follows a line left open, with no blank line between, goes on
// the same paragraph or heading even when it starts with a capital ("5. Xây dựng Nghị định
// của" / "Chính phủ"). In a text without them, a capital after an open line may be a new
// paragraph. Measured as at least one blank line for every five lines of text (and three in all).
bool BlankLineParagraphs(const std::vector<Line>& lines, int body_start) {
  int blank = 0, text = 0;
  for (size_t i = static_cast<size_t>(std::max(body_start, 0)); i < lines.size(); ++i) {
    if (lines[i].table_row) continue;
    (lines[i].text.empty() ? blank : text)++;
  }
  return blank >= 3 && blank * 5 >= text;
}

Segmentation SegmentWith(std::string_view text, bool (*is_type_line)(const void*, std::string_view),
                         const void* context) {
  Builder b;
  Segmentation& seg = b.seg;
  // 1. Lines.
  int number = 0;
  for (std::string_view raw : SplitLines(text)) {
    Line line = CleanLine(raw);
    line.number = ++number;
    line.begin = static_cast<size_t>(raw.data() - text.data());
    line.end = line.begin + raw.size();
    seg.lines.push_back(std::move(line));
  }
  const int n = static_cast<int>(seg.lines.size());

  // 2. Header and title: up to the first document-type line near the top of the document
  // proper, which starts a few lines above the national motto when a page puts other text first.
  seg.doc_start = DocumentStart(seg.lines);
  for (int i = seg.doc_start; i < n && i < seg.doc_start + 80; ++i) {
    const Line& l = seg.lines[i];
    if (!l.table_row && is_type_line(context, l.text)) {
      seg.type_line = i;
      break;
    }
  }
  for (int i = 0; i < seg.doc_start; ++i) seg.lines[i].zone = Zone::kHeader;
  int body_start = seg.doc_start;
  if (seg.type_line >= 0) {
    for (int i = 0; i < seg.type_line; ++i) seg.lines[i].zone = Zone::kHeader;
    seg.lines[seg.type_line].zone = Zone::kHeader;
    int i = seg.type_line + 1;
    while (i < n && seg.lines[i].text.empty()) ++i;
    seg.title_first = i;
    for (; i < n; ++i) {
      const Line& l = seg.lines[i];
      if (l.text.empty() || l.text.size() > 300 || RE2::PartialMatch(l.text, RomanHeading())) break;
      if (i > seg.title_first && RE2::PartialMatch(l.text, PreambleStart())) break;
      seg.lines[i].zone = Zone::kTitle;
      seg.title_last = i;
    }
    if (seg.title_last < 0) seg.title_first = -1;
    body_start = seg.title_last >= 0 ? seg.title_last + 1 : seg.type_line + 1;
  }

  ReadCellPerLineTables(text, seg.lines, body_start);

  const bool blank_line_paragraphs = BlankLineParagraphs(seg.lines, body_start);

  // 3. Body, footer and footnotes; sections and blocks.
  Zone zone = Zone::kBody;
  Block* open_block = nullptr;
  // Whether the open heading block's section heading is its text, so that continuation lines
  // extend both (kept as a flag: comparing the two at each line costs the square of the heading).
  bool heading_is_text = false;
  auto close_block = [&] { open_block = nullptr; };
  auto new_block = [&](Block::Kind kind, int i, const std::string& marker, const std::string& t) {
    Block blk;
    blk.kind = kind;
    blk.section = b.Current();
    blk.first_line = blk.last_line = i;
    blk.marker = marker;
    blk.text = t;
    blk.line_starts.push_back({0, i});
    blk.zone = seg.lines[i].zone;
    seg.blocks.push_back(std::move(blk));
    open_block = &seg.blocks.back();
  };

  // Set at a markdown heading after the footer ("## Văn bản liên quan"): the rest is the page
  // around the document, never body again.
  bool ended = false;
  for (int i = body_start; i < n; ++i) {
    Line& l = seg.lines[i];
    std::string t = l.text;
    if (ended) {
      l.zone = Zone::kFooter;
      continue;
    }
    if (t.empty()) {
      // A blank line ends a block, but a heading may still wrap over it in some files.
      if (open_block && open_block->kind != Block::Kind::kHeading) close_block();
      l.zone = zone;
      continue;
    }
    std::string label, rest;
    // Zone changes.
    bool restart = is_type_line(context, t) || RE2::PartialMatch(t, AppendixHeading()) ||
                   (zone == Zone::kFooter && (RE2::PartialMatch(t, AnnexCaption()) ||
                                              // the caption wrapped: "(Ban" / "hành kèm theo …"
                                              (i + 1 < n && !seg.lines[i + 1].table_row &&
                                               RE2::PartialMatch(t + " " + seg.lines[i + 1].text,
                                                                 AnnexCaption())))) ||
                   (zone != Zone::kBody && RE2::PartialMatch(t, RomanHeading()));
    if (zone != Zone::kBody && restart && !l.table_row) {
      zone = Zone::kBody;
      b.CloseAll();
    } else if (zone == Zone::kBody &&
               RE2::PartialMatch(t, FooterStart())) {
      zone = Zone::kFooter;
      b.CloseAll();
      close_block();
    }
    if (zone != Zone::kBody && l.markdown_heading && !restart) {
      ended = true;
      l.zone = Zone::kFooter;
      continue;
    }
    if (zone != Zone::kBody) {
      if (t.rfind("�", 0) == 0 || RE2::PartialMatch(t, FootnoteStart())) zone = Zone::kFootnote;
      l.zone = zone;
      if (zone == Zone::kFootnote) {
        std::string body = t.rfind("�", 0) == 0 ? Trim(t.substr(3)) : t;
        new_block(Block::Kind::kParagraph, i, "", body);
        close_block();
      }
      continue;
    }
    l.zone = Zone::kBody;
    if (l.table_row) {
      close_block();
      new_block(Block::Kind::kTableRow, i, "", t);
      close_block();
      continue;
    }
    if (is_type_line(context, t)) {  // the attached plan of a decision: a new part
      b.CloseAll();
      close_block();
      continue;
    }
    // Headings. A bold heading wrapped over several source lines is read whole.
    int wrapped_last = i;
    if (OpensEmphasis(text, l)) {
      std::string joined = t;
      for (int j = i + 1; j < n && j <= i + kMaxEmphasisLines; ++j) {
        const Line& next = seg.lines[j];
        if (next.text.empty() || next.table_row) break;
        joined += " " + next.text;
        if (next.toggles_emphasis) {
          bool heading = RE2::FullMatch(joined, RomanHeading()) ||
                         RE2::FullMatch(joined, DecimalHeading()) ||
                         RE2::FullMatch(joined, ArabicHeading());
          if (heading) {
            t = joined;
            wrapped_last = j;
          }
          break;
        }
      }
    }
    std::string heading;
    int sec = -1;
    if (RE2::PartialMatch(t, SubjectLine())) {
      // "V/v …" is never a heading.
    } else if (RE2::FullMatch(t, RomanHeading(), &label, &rest) && ParseRoman(label) &&
               StartsWithUpper(rest)) {
      sec = b.AddSection("roman", kRoman, true, label, heading = StripTrailingColon(rest), i);
    } else if (RE2::FullMatch(t, DecimalHeading(), &label, &rest) && StartsWithUpper(rest)) {
      sec = b.AddSection("decimal", DecimalRank(label), true, label,
                         heading = StripTrailingColon(rest), i);
    } else if (RE2::FullMatch(t, ArabicHeading(), &label, &rest) && StartsWithUpper(rest)) {
      auto [title, content] = SplitTitleColon(rest);
      heading = StripTrailingColon(title);
      sec = b.AddSection("arabic", kArabic, true, label, heading, i);
      if (!content.empty()) heading += ": " + content;
    } else if (RE2::FullMatch(t, LetterHeading(), &label, &rest)) {
      sec = b.AddSection("letter", kLetter, true, label, heading = StripTrailingColon(rest), i);
    } else if (RE2::FullMatch(t, StarHeading(), &rest)) {
      sec = b.AddSection("star", kStar, false, "*", heading = StripTrailingColon(rest), i);
    } else if (RE2::FullMatch(t, ArticleHeading(), &label, &rest)) {
      b.CloseAll();
      sec = b.AddSection("article", kRoman, false, label, heading = StripTrailingColon(rest), i);
    } else if (RE2::FullMatch(t, AppendixHeading(), &label, &rest)) {
      b.CloseAll();
      sec = b.AddSection("appendix", kRoman, false, label, heading = StripTrailingColon(rest), i);
    }
    if (sec >= 0) {
      close_block();
      new_block(Block::Kind::kHeading, i, label, heading.empty() ? t : heading);
      open_block->section = sec;
      heading_is_text = seg.sections[sec].heading == open_block->text;
      // The other source lines of a wrapped bold heading belong to its block.
      size_t offset = seg.lines[i].text.size() + 1;
      for (int j = i + 1; j <= wrapped_last; ++j) {
        seg.lines[j].zone = Zone::kBody;
        open_block->line_starts.push_back({offset, j});
        offset += seg.lines[j].text.size() + 1;
      }
      open_block->last_line = wrapped_last;
      i = wrapped_last;
      // A heading's text may wrap: keep it open for lowercase continuations.
      continue;
    }
    // Bullets and paragraphs.
    std::string marker;
    if (RE2::FullMatch(t, BulletStart(), &marker, &rest)) {
      close_block();
      new_block(Block::Kind::kBullet, i, marker, rest);
      continue;
    }
    // A heading wraps only onto a line starting with a lowercase letter ("công đoàn"): a body
    // line under it may start with a number ("50.000 triệu đồng …", "28/7/1929 …").
    // A long line cut mid-sentence (no closing mark, "… các tỉnh: Đắk Lắk, Khánh" / "Hòa, Gia
    // Lai …") goes on even where the next line starts with a capital: a hard-wrapped item.
    // A line starting with a number after a line left open ("Căn cứ Nghị quyết số" /
    // "202/2025/QH15 ngày …") goes on at any length: a number does not open a sentence.
    // A heading goes on onto a capital only where its line stops on a word that cannot end
    // one ("5. Xây dựng Nghị định của" / "Chính phủ"): a heading's body may follow it directly.
    bool cut_mid_sentence = false;
    if (open_block) {
      const std::string& last = seg.lines[open_block->last_line].text;
      bool open_end = last.find_last_of(".;:!?)\"”") != last.size() - 1;
      cut_mid_sentence =
          open_end && (open_block->kind == Block::Kind::kHeading
                           ? !seg.lines[i - 1].text.empty() && RE2::PartialMatch(last, DanglingWordAtEnd())
                           : blank_line_paragraphs || last.size() >= kMinWrappedLineBytes ||
                                 (t[0] >= '0' && t[0] <= '9'));
    }
    bool continuation = open_block && (!StartsWithUpper(t) || cut_mid_sentence) &&
                        (open_block->kind == Block::Kind::kHeading
                             ? seg.lines[open_block->last_line].text.back() != ':' &&
                                   (StartsWithLowercaseLetter(t) || cut_mid_sentence)
                             : true);
    if (continuation) {
      if (open_block->kind == Block::Kind::kHeading && heading_is_text) {
        seg.sections[open_block->section].heading += " " + t;
      }
      open_block->line_starts.push_back({open_block->text.size() + 1, i});
      open_block->text += " " + t;
      open_block->last_line = i;
      continue;
    }
    close_block();
    new_block(Block::Kind::kParagraph, i, "", t);
  }
  // Section extents: a section's body ends where the next section at its rank or above begins.
  for (const Block& blk : seg.blocks) {
    for (int s = blk.section; s >= 0; s = seg.sections[s].parent) {
      seg.sections[s].last_line = std::max(seg.sections[s].last_line, seg.lines[blk.last_line].number);
    }
  }
  return seg;
}

}  // namespace plangraph
