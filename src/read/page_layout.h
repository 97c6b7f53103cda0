// Page layout: the words of printed pages, each with its box, to the plain text the pipeline
// reads. Shared by the PDF reader (words of the text layer, in points) and OCR (words Tesseract
// recognised, in pixels); every threshold is relative to the text's own line height, so units
// do not matter.
//
// What it does, in order:
//  - groups words into lines by their vertical middle, left to right;
//  - reads two-column blocks by columns: the header of the first page (issuing body, số and
//    V/v on the left; quốc hiệu, place and date on the right) and the closing block ("Nơi
//    nhận" on the left, the signature on the right) come out as the left column's lines, then
//    the right column's, instead of being merged line by line;
//  - drops running headers and footers (the same line, digits aside, at the edge of most
//    pages) and bare page numbers;
//  - joins the lines of a wrapped paragraph and keeps paragraphs apart: a new paragraph starts
//    after a vertical gap, at a first-line indent, at an item marker ("-", "1.", "a)"), and
//    after a line that ends a clause (";", ":") when the next starts with a capital.
#ifndef PLANGRAPH_PAGE_LAYOUT_H_
#define PLANGRAPH_PAGE_LAYOUT_H_

#include <string>
#include <vector>

namespace plangraph {

struct LayoutWord {
  std::string text;                       // UTF-8
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // box, y growing downwards
  bool space_after = true;                // false when the next word continues it ("7432" "/UBND")
};

struct LayoutPage {
  std::vector<LayoutWord> words;  // in any order
  double width = 0;               // of the page, in the words' unit; 0 when unknown
};

// The text of `pages`, lines separated by '\n' and paragraphs of the header and footer blocks
// by a blank line. Empty when no page has a word.
std::string LayoutToText(const std::vector<LayoutPage>& pages);

}  // namespace plangraph

#endif  // PLANGRAPH_PAGE_LAYOUT_H_
