#include "header_columns.h"

#include <re2/re2.h>

#include <optional>

#include "text.h"

namespace plangraph {
namespace {

// A gutter is at least this wide, in columns (a tab counts as kTabWidth): two or three spaces
// stand between words of typed text ("Số  49 -KH/TU", "ngày 16  tháng 11"), not between columns.
constexpr int kMinGutter = 4;
constexpr int kTabWidth = 8;
// A one-sided line indented at least this far stands in the right column.
constexpr int kRightColumnIndent = 20;
// A side longer than this (in characters) is not a header column, which holds half a page at
// most: the line runs across the page, as the body's first paragraph does.
constexpr size_t kMaxColumnChars = 60;
// Enough bytes to hold "**Số:** " or " tháng " with markup around it.
constexpr size_t kValueWordBytes = 16;

// The byte length of the white-space character at `i` (ASCII space, tab, no-break and other
// Unicode spaces, as Word files type them), 0 when there is none.
size_t SpaceAt(std::string_view s, size_t i) {
  unsigned char c = s[i];
  if (c == ' ' || c == '\t') return 1;
  auto next = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  if (c == 0xC2 && next(1) == 0xA0) return 2;  // U+00A0
  if (c == 0xE2 && next(1) == 0x80 && ((next(2) >= 0x80 && next(2) <= 0x8A) || next(2) == 0xAF))
    return 3;  // U+2000..U+200A, U+202F
  if (c == 0xE3 && next(1) == 0x80 && next(2) == 0x80) return 3;  // U+3000
  return 0;
}

struct Run {
  size_t begin = 0, end = 0;  // bytes
  int width = 0;              // columns
  bool tab = false;
};

// The runs of white space of `s`, in order.
std::vector<Run> SpaceRuns(std::string_view s) {
  std::vector<Run> runs;
  for (size_t i = 0; i < s.size();) {
    size_t n = SpaceAt(s, i);
    if (n == 0) {
      ++i;
      continue;
    }
    Run r;
    r.begin = i;
    while (i < s.size() && (n = SpaceAt(s, i)) > 0) {
      r.tab = r.tab || s[i] == '\t';
      r.width += s[i] == '\t' ? kTabWidth : 1;
      i += n;
    }
    r.end = i;
    runs.push_back(r);
  }
  return runs;
}

// Text before a blank left for a value to be written in by hand: the number after "Số:", the
// day and month of an unfinished date ("ngày      tháng 12 năm 2025").
const RE2& AwaitsValue() {
  static const RE2 re(R"((?i)(?:^|[\s*_])(?:số\s*:?|ngày|tháng|năm)[\s*_]*$)");
  return re;
}
// A number's symbol after its blank: "Số:  12     /KH-UBND".
const RE2& SymbolTail() {
  static const RE2 re(R"(^[*_]*/)");
  return re;
}

std::string Clean(std::string_view raw) { return CleanLine(raw).text; }

size_t CharCount(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool RunsAcross(const HeaderColumns& c) {
  return CharCount(c.left) > kMaxColumnChars || CharCount(c.right) > kMaxColumnChars;
}

}  // namespace

HeaderColumns SplitHeaderLine(std::string_view raw) {
  std::vector<Run> runs = SpaceRuns(raw);
  size_t first = 0, last = raw.size();  // the line's text, without its indent and trailing space
  int indent = 0;
  if (!runs.empty() && runs.front().begin == 0) {
    first = runs.front().end;
    indent = runs.front().width;
  }
  if (!runs.empty() && runs.back().end == raw.size() && runs.back().begin >= first) {
    last = runs.back().begin;
  }
  if (first >= last) return {};
  std::optional<Run> gutter;
  int tabs = 0;
  for (const Run& r : runs) {
    if (r.begin <= first || r.end >= last || (!r.tab && r.width < kMinGutter)) continue;
    // Only the end of the text before a run can ask for a value: looking no further keeps a
    // long line of many runs linear.
    std::string_view before = raw.substr(first, r.begin - first);
    if (before.size() > kValueWordBytes) before.remove_prefix(before.size() - kValueWordBytes);
    std::string_view after = raw.substr(r.end, last - r.end);
    if (RE2::PartialMatch(before, AwaitsValue()) || RE2::PartialMatch(after, SymbolTail())) {
      continue;
    }
    if (r.tab) ++tabs;
    if (!gutter || r.width > gutter->width) gutter = r;
  }
  HeaderColumns c;
  c.tab_cells = 1 + tabs;
  if (gutter) {
    c.left = Clean(raw.substr(first, gutter->begin - first));
    c.right = Clean(raw.substr(gutter->end, last - gutter->end));
  } else if (indent >= kRightColumnIndent) {
    c.right = Clean(raw.substr(first, last - first));
  } else {
    c.left = Clean(raw.substr(first, last - first));
  }
  return c;
}

std::vector<std::string> HeaderPiecesByColumn(std::string_view text, const Segmentation& seg,
                                              int from, int until) {
  std::vector<std::string> pieces, left, right;
  bool in_block = false, block_read = false;
  auto end_block = [&] {
    pieces.insert(pieces.end(), left.begin(), left.end());
    pieces.insert(pieces.end(), right.begin(), right.end());
    left.clear();
    right.clear();
    if (in_block) block_read = true;
    in_block = false;
  };
  for (int i = from; i < until && i < static_cast<int>(seg.lines.size()); ++i) {
    const Line& l = seg.lines[i];
    HeaderColumns c;
    if (!l.table_row) c = SplitHeaderLine(text.substr(l.begin, l.end - l.begin));
    // A header laid out as a table has two columns, three at most; a wider row is data (a
    // tracking sheet's "Số 183/TB ngày 09/7/2014" is a source it cites, not its own number).
    if (l.table_row ? l.cells.size() > 3 : c.tab_cells > 3) {
      end_block();
      continue;
    }
    if (!l.table_row && !block_read) {
      bool two_sided = !c.left.empty() && !c.right.empty();
      if ((in_block || two_sided) && !RunsAcross(c)) {
        in_block = true;
        if (!c.left.empty()) left.push_back(std::move(c.left));
        if (!c.right.empty()) right.push_back(std::move(c.right));
        continue;
      }
    }
    end_block();
    if (!l.cells.empty()) {
      for (const auto& cell : l.cells) {
        if (!cell.empty()) pieces.push_back(cell);
      }
    } else if (!l.text.empty()) {
      pieces.push_back(l.text);
    }
  }
  end_block();
  return pieces;
}

}  // namespace plangraph
