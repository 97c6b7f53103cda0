#include "page_layout.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "text.h"

namespace plangraph {
namespace {

struct Line {
  std::vector<LayoutWord> words;  // left to right
  double left = 0, right = 0, top = 0, bottom = 0;
  int page = 0;
  bool fixed = false;         // a line of a column block: never joined with a neighbour
  bool blank_before = false;  // starts a block of its own: a blank line goes before it
  std::string text;
};

double Height(const Line& l) { return l.bottom - l.top; }

std::string WordsText(const std::vector<LayoutWord>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) {
      const LayoutWord& prev = words[i - 1];
      double gap = words[i].x0 - prev.x1;
      if (prev.space_after || gap > (prev.y1 - prev.y0) * 0.15) out += ' ';
    }
    out += words[i].text;
  }
  return Trim(out);
}

Line MakeLine(std::vector<LayoutWord> words, int page) {
  std::sort(words.begin(), words.end(),
            [](const LayoutWord& a, const LayoutWord& b) { return a.x0 < b.x0; });
  Line l;
  l.page = page;
  l.left = l.top = 1e18;
  l.right = l.bottom = -1e18;
  for (const LayoutWord& w : words) {
    l.left = std::min(l.left, w.x0);
    l.right = std::max(l.right, w.x1);
    l.top = std::min(l.top, w.y0);
    l.bottom = std::max(l.bottom, w.y1);
  }
  l.text = WordsText(words);
  l.words = std::move(words);
  return l;
}

// Words of one page grouped into lines: a word joins the line whose vertical band holds its
// middle; lines top to bottom, words left to right.
std::vector<Line> PageLines(std::vector<LayoutWord> words, int page) {
  std::sort(words.begin(), words.end(),
            [](const LayoutWord& a, const LayoutWord& b) { return a.y0 + a.y1 < b.y0 + b.y1; });
  std::vector<std::vector<LayoutWord>> groups;
  double top = 0, bottom = 0;
  for (LayoutWord& w : words) {
    if (Trim(w.text).empty()) continue;
    double middle = (w.y0 + w.y1) / 2;
    if (groups.empty() || middle >= bottom || middle <= top) {
      groups.emplace_back();
      top = w.y0;
      bottom = w.y1;
    } else {
      top = std::min(top, w.y0);
      bottom = std::max(bottom, w.y1);
    }
    groups.back().push_back(std::move(w));
  }
  std::vector<Line> lines;
  for (auto& g : groups) lines.push_back(MakeLine(std::move(g), page));
  return lines;
}

double Median(std::vector<double> v, double fallback) {
  if (v.empty()) return fallback;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

// The vertical step from line `a` to line `b` below it: the smaller of the steps between their
// tops and between their bottoms, so that a line with stacked diacritics ("Ể") or descenders,
// whose box reaches further, does not look farther away than it is.
double Step(const Line& a, const Line& b) {
  return std::min(b.top - a.top, b.bottom - a.bottom);
}

// The usual step from one line to the next on a page (the line pitch), from the steps between
// neighbouring lines that are not paragraph or block gaps.
double Pitch(const std::vector<Line>& lines) {
  std::vector<double> heights;
  for (const Line& l : lines) heights.push_back(Height(l));
  double height = Median(heights, 12);
  std::vector<double> steps;
  for (size_t i = 1; i < lines.size(); ++i) {
    double step = Step(lines[i - 1], lines[i]);
    if (step > 0 && step < 2.5 * height) steps.push_back(step);
  }
  return std::max(height * 0.8, Median(steps, height * 1.3));
}

// ---------------------------------------------------------------------------------------------
// Running headers and footers.

// The line with its digits masked: "Trang 3" and "Trang 4" are one running footer.
std::string Shape(const std::string& text) {
  std::string s = Trim(text);
  std::replace_if(
      s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }, '#');
  return s;
}

bool IsPageNumber(const std::string& text) {
  static const RE2 number(R"((?i)^\s*(?:trang\s*)?[-–]?\s*\d{1,4}\s*[-–]?\s*(?:/\s*\d{1,4})?\s*$)");
  return RE2::FullMatch(text, number);
}

// Drops running headers and footers: within the first or last two lines of a page, a line that
// is a page number, or whose shape recurs at the edge of at least half the pages (two at least).
void DropPageFurniture(std::vector<std::vector<Line>>* pages) {
  const size_t kEdge = 2;
  std::map<std::string, int> edge_count;  // pages with the shape at an edge
  for (const auto& lines : *pages) {
    std::set<std::string> shapes;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (i < kEdge || i + kEdge >= lines.size()) shapes.insert(Shape(lines[i].text));
    }
    for (const std::string& shape : shapes) ++edge_count[shape];
  }
  int threshold = std::max<int>(2, static_cast<int>(pages->size() + 1) / 2);
  for (auto& lines : *pages) {
    std::vector<Line> kept;
    for (size_t i = 0; i < lines.size(); ++i) {
      bool edge = i < kEdge || i + kEdge >= lines.size();
      if (edge && (IsPageNumber(lines[i].text) || edge_count[Shape(lines[i].text)] >= threshold)) {
        continue;
      }
      kept.push_back(std::move(lines[i]));
    }
    lines = std::move(kept);
  }
}

// ---------------------------------------------------------------------------------------------
// Two-column blocks.

// The widest gap between neighbouring words of a line, when it is wide enough to be a gutter
// between two columns (two line heights; justified text never spaces words that far).
std::optional<std::pair<double, double>> Gutter(const Line& l) {
  std::optional<std::pair<double, double>> best;
  for (size_t i = 1; i < l.words.size(); ++i) {
    double from = l.words[i - 1].x1, to = l.words[i].x0;
    if (to - from >= 2 * Height(l) && (!best || to - from > best->second - best->first)) {
      best = std::make_pair(from, to);
    }
  }
  return best;
}

// The first line of the closing block: "Nơi nhận:" on the left, or the signature's mandate
// ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL.", "TUQ.", "Q.") on either side. These are layout
// cues of the decree on administrative writing (Nghị định 30/2020/NĐ-CP), not extraction rules.
bool StartsClosingBlock(const std::string& text) {
  static const RE2 cue(R"(^(?:Nơi nhận|(?:TM|KT|TL|TUQ|T/M|Q)\s*\.\s*\p{Lu}))");
  return RE2::PartialMatch(text, cue);
}

struct ColumnBlock {
  size_t end = 0;  // one past the block's last line
  std::vector<Line> left, right;
};

// Reads the lines from `start` as two columns. The gutter starts as the first line's widest gap
// and narrows line by line to the part of it that each line leaves free: a line belongs to the
// block while it leaves at least a line height of the gutter free (justified body text does
// not), and a line with words on one side only must also follow that side's previous line
// closely (a paragraph below the header is not part of its left column). Needs two lines with
// words on both sides.
std::optional<ColumnBlock> ReadColumns(const std::vector<Line>& lines, size_t start, double pitch) {
  auto gutter = Gutter(lines[start]);
  if (!gutter) return std::nullopt;
  double gl = gutter->first, gr = gutter->second;
  ColumnBlock block;
  int two_sided = 0;
  size_t i = start;
  for (; i < lines.size(); ++i) {
    const std::vector<LayoutWord>& words = lines[i].words;
    // The free stretch of the gutter this line leaves widest: between two words, before its
    // first or after its last.
    double best_lo = 0, best_hi = -1;
    for (size_t k = 0; k <= words.size(); ++k) {
      double lo = std::max(gl, k == 0 ? -1e18 : words[k - 1].x1);
      double hi = std::min(gr, k == words.size() ? 1e18 : words[k].x0);
      if (hi - lo > best_hi - best_lo) best_lo = lo, best_hi = hi;
    }
    if (best_hi - best_lo < Height(lines[i])) break;  // the line runs across the gutter
    std::vector<LayoutWord> left, right;
    for (const LayoutWord& w : words) (w.x1 <= best_lo ? left : right).push_back(w);
    auto close_to = [&](const std::vector<Line>& side) {
      return side.empty() || Step(side.back(), lines[i]) <= 2.0 * pitch;
    };
    // A line alone on the right must also be centred where the right column is (its lines are
    // centred in it): a title centred on the page below the header ("QUYẾT ĐỊNH") is not.
    auto aligned_right = [&] {
      if (block.right.empty()) return true;
      const Line& first = block.right.front();
      double centre = (right.front().x0 + right.back().x1) / 2;
      return std::abs(centre - (first.left + first.right) / 2) <= 3 * Height(lines[i]);
    };
    if (!left.empty() && !right.empty()) {
      ++two_sided;
    } else if ((!left.empty() && !close_to(block.left)) ||
               (!right.empty() && (!close_to(block.right) || !aligned_right()))) {
      break;
    }
    gl = best_lo;
    gr = best_hi;
    if (!left.empty()) block.left.push_back(MakeLine(std::move(left), lines[i].page));
    if (!right.empty()) block.right.push_back(MakeLine(std::move(right), lines[i].page));
  }
  if (two_sided < 2) return std::nullopt;
  block.end = i;
  for (Line& l : block.left) l.fixed = true;
  for (Line& l : block.right) l.fixed = true;
  if (!block.left.empty()) block.left.front().blank_before = true;
  if (!block.right.empty()) block.right.front().blank_before = true;
  return block;
}

// The lines of a page with its header (first page) and closing block read by columns.
std::vector<Line> ReadingOrder(std::vector<Line> lines, bool first_page) {
  double pitch = Pitch(lines);
  std::vector<Line> out;
  bool after_block = false, header_read = false;
  for (size_t i = 0; i < lines.size();) {
    std::optional<ColumnBlock> block;
    // The header opens the first page, below an e-signature stamp or a line of letterhead.
    bool header = first_page && i < 6 && !header_read;
    bool closing = false;
    if (!header) {
      if (auto g = Gutter(lines[i])) {
        std::string left, right;
        for (const LayoutWord& w : lines[i].words)
          (w.x1 <= g->first ? left : right) += w.text + " ";
        closing = StartsClosingBlock(Trim(left)) || StartsClosingBlock(Trim(right));
      }
    }
    if (header) {
      // The header opens with the issuing body on the left and the quốc hiệu on the right, at
      // least one of them in capitals; a tab stop in the first lines of a page is not a header.
      if (auto g = Gutter(lines[i])) {
        std::string left, right;
        for (const LayoutWord& w : lines[i].words)
          (w.x1 <= g->first ? left : right) += w.text + " ";
        header = IsAllCaps(left) || IsAllCaps(right);
      }
    }
    if (header || closing) block = ReadColumns(lines, i, pitch);
    if (block) {
      header_read = header_read || header;
      for (Line& l : block->left) out.push_back(std::move(l));
      for (Line& l : block->right) out.push_back(std::move(l));
      i = block->end;
      after_block = true;
      continue;
    }
    Line l = std::move(lines[i++]);
    l.blank_before = after_block;
    after_block = false;
    out.push_back(std::move(l));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Paragraphs.

bool StartsNewItem(const std::string& text) {
  static const RE2 marker(
      R"(^\s*(?:[-+•*–]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[IVXLC]+[.\-]\s|[a-zđ]\)\s|Điều\s+\d))");
  return RE2::PartialMatch(text, marker);
}

// A line ending a clause of a list (";" after a "Căn cứ" line or an item, ":" before a list).
// A full stop is not one: sentences end at line ends inside paragraphs all the time.
bool EndsClause(const std::string& text) {
  static const RE2 end(R"([;:]["”»)]?$)");
  return RE2::PartialMatch(text, end);
}

// A page's left margin: where its body lines start, leaving out a few that stand further left
// (the 10th percentile of their left edges; first-line indents are to the right of it).
double LeftMargin(const std::vector<Line>& lines, double fallback) {
  std::vector<double> lefts;
  for (const Line& l : lines) {
    if (!l.fixed) lefts.push_back(l.left);
  }
  if (lefts.empty()) return fallback;
  size_t at = lefts.size() / 10;
  std::nth_element(lefts.begin(), lefts.begin() + at, lefts.end());
  return lefts[at];
}

// A page's right margin: its rightmost body line end (per page, so that a wide table on one
// page does not move the margin of the others), and at least most of the page width (text set
// in a narrow column is not wrapped at its widest line).
double RightMargin(const std::vector<Line>& lines, double page_width) {
  const double kMinMargin = 0.8;
  double right = page_width * kMinMargin;
  for (const Line& l : lines) {
    if (!l.fixed) right = std::max(right, l.right);
  }
  return right;
}

std::string JoinParagraphs(const std::vector<std::vector<Line>>& pages,
                           const std::vector<double>& page_widths) {
  const double kFullLine = 0.9;  // of the text width: a wrapped line fills at least this much
  double left = 0, margin = 0, full = 0;
  // A centred line in capitals ("QUYẾT ĐỊNH", "BỘ TRƯỞNG BỘ XÂY DỰNG") stands on its own, after
  // a blank line. The title below the first one keeps its lines, as a text file writes it (the
  // segmenter reads a title as the lines up to the next blank line), and a blank line ends it.
  auto centred_caps = [&](const Line& l) {
    double h = Height(l);
    return !l.fixed && l.left > left + 2 * h && l.right < margin - 2 * h &&
           std::abs((l.left - left) - (margin - l.right)) < 4 * h && IsAllCaps(l.text);
  };
  enum { kBeforeTitle, kInTitle, kAfterTitle } title = kBeforeTitle;
  std::string out;
  const Line* prev = nullptr;
  for (size_t p = 0; p < pages.size(); ++p) {
    const std::vector<Line>& lines = pages[p];
    std::vector<Line> body;
    for (const Line& l : lines) {
      if (!l.fixed) body.push_back(l);
    }
    double pitch = Pitch(body);
    left = LeftMargin(lines, left);
    margin = RightMargin(lines, page_widths[p]);  // pages may be landscape
    full = left + (margin - left) * kFullLine;
    for (const Line& l : lines) {
      if (l.text.empty()) continue;
      bool heading = centred_caps(l);
      bool join = prev != nullptr && !prev->fixed && !l.fixed && !l.blank_before && !heading &&
                  !centred_caps(*prev) && prev->right >= full && !StartsNewItem(l.text);
      if (join && prev->page == l.page && Step(*prev, l) > 1.3 * pitch) join = false;
      if (join && l.left > left + 1.5 * Height(l)) join = false;  // a first-line indent
      if (join && EndsClause(prev->text) && StartsWithUpper(l.text)) join = false;
      bool blank = l.blank_before || heading;
      if (title == kInTitle && !join && !(prev && centred_caps(*prev))) {
        // A title wraps at the margin; its last line stops short of it.
        bool continues = prev != nullptr && !heading && prev->page == l.page &&
                         prev->right >= full && Step(*prev, l) <= 1.3 * pitch &&
                         !StartsNewItem(l.text);
        if (!continues) {
          title = kAfterTitle;
          blank = true;
        }
      }
      if (title == kInTitle && join) join = false;  // a title line of its own
      if (join) {
        bool hyphen = out.size() >= 2 && out.back() == '-' && out[out.size() - 2] != ' ' &&
                      !StartsWithUpper(l.text);
        if (hyphen)
          out.pop_back();
        else
          out += ' ';
      } else if (!out.empty()) {
        out += blank ? "\n\n" : "\n";
      }
      if (heading && title == kBeforeTitle) title = kInTitle;
      out += l.text;
      prev = &l;
    }
  }
  return out.empty() ? out : out + "\n";
}

}  // namespace

std::string LayoutToText(const std::vector<LayoutPage>& pages) {
  std::vector<std::vector<Line>> lines;
  std::vector<double> widths;
  for (size_t p = 0; p < pages.size(); ++p) {
    lines.push_back(PageLines(pages[p].words, static_cast<int>(p)));
    widths.push_back(pages[p].width);
  }
  DropPageFurniture(&lines);
  for (size_t p = 0; p < lines.size(); ++p) lines[p] = ReadingOrder(std::move(lines[p]), p == 0);
  return JoinParagraphs(lines, widths);
}

}  // namespace plangraph
