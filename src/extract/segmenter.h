// Segmenter: the second pipeline stage. NFC text in; lines, zones, section tree and blocks out.
//
// A plan document has three parts. The *header* (issuing body, "Số: 49-KH/TU", place and date,
// document type and title), the *body* (preamble, then the numbered outline I. / 1. / 1.1. / a)
// with "* Đến năm 2025" sub-blocks and "-"/"+" bullets), and the *footer* (Nơi nhận list,
// signature block, footnotes). Some files carry a second part after the footer: a decision's
// attached plan ("KẾ HOẠCH ... Ban hành kèm theo Quyết định") or appendices ("PHỤ LỤC 01"); these
// go back to body zone.
//
// Lines are *cleaned* before analysis: markdown emphasis and heading marks removed, TABs and
// runs of spaces collapsed, table rows ("| a | b |" or TAB-separated cells) split into cells.
// Every block keeps the source lines it came from, so facts found in it keep their position.
#ifndef PLANGRAPH_SEGMENTER_H_
#define PLANGRAPH_SEGMENTER_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plangraph/extraction.h"

namespace plangraph {

enum class Zone { kHeader, kTitle, kBody, kFooter, kFootnote };

struct Line {
  int number = 0;                  // 1-based
  size_t begin = 0, end = 0;       // byte range of the raw line in the text
  std::string text;                // cleaned: markup removed, spaces collapsed, trimmed
  std::vector<std::string> cells;  // table cells (markdown pipes or TAB runs); empty if none
  bool table_row = false;          // a markdown table row: never a heading or a task
  // An odd number of "**" marks: bold emphasis opened here runs on to a later line (or was
  // opened on an earlier one and closes here). Pages saved from legal portals wrap a bold
  // heading over several source lines ("**I. MỤC" / "ĐÍCH, YÊU CẦU**").
  bool toggles_emphasis = false;
  bool markdown_heading = false;  // the raw line started with '#'
  Zone zone = Zone::kBody;
};

struct Block {
  enum class Kind { kHeading, kParagraph, kBullet, kTableRow };
  Kind kind = Kind::kParagraph;
  int section = -1;  // id of the innermost section holding the block (its own id for headings)
  int first_line = 0, last_line = 0;  // indices into Segmentation::lines
  std::string marker;                 // "-", "+", "•" for bullets; the label for headings
  std::string text;                   // cleaned text, continuation lines joined with one space
  // (offset in text, line index) for each joined line, to map a match back to its line.
  std::vector<std::pair<size_t, int>> line_starts;
  Zone zone = Zone::kBody;

  int LineAt(size_t offset) const;  // index into Segmentation::lines
};

struct Segmentation {
  std::vector<Line> lines;
  std::vector<Section> sections;
  std::vector<Block> blocks;
  int type_line = -1;  // index of the document-type line ("KẾ HOẠCH"), -1 if none
  // Index of the first line of the document proper. Pages saved from a portal put a banner,
  // navigation and a metadata table before it; they are found as the lines before the
  // national motto's header block and kept in the header zone, outside `doc_start`.
  int doc_start = 0;
  int title_first = -1, title_last = -1;

  const Section* FindSection(int id) const {
    return id >= 0 && id < static_cast<int>(sections.size()) ? &sections[id] : nullptr;
  }
  // True when section `id` is `ancestor` or lies below it.
  bool IsWithin(int id, int ancestor) const;
};

// `is_type_line` decides whether a cleaned line is a document-type line ("KẾ HOẠCH",
// "QUYẾT ĐỊNH"); the caller backs it with rules/document_types.tsv.
template <typename F>
Segmentation Segment(std::string_view text, F is_type_line);

Segmentation SegmentWith(std::string_view text, bool (*is_type_line)(const void*, std::string_view),
                         const void* context);

template <typename F>
Segmentation Segment(std::string_view text, F is_type_line) {
  return SegmentWith(
      text,
      [](const void* ctx, std::string_view line) { return (*static_cast<const F*>(ctx))(line); },
      &is_type_line);
}

// Cleaning of one raw line, exposed for tests: markdown marks and spaces, cells.
Line CleanLine(std::string_view raw);

}  // namespace plangraph

#endif  // PLANGRAPH_SEGMENTER_H_
