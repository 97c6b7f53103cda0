// Header columns: a header typed as two columns side by side on single lines, held apart by
// runs of spaces or tabs instead of a table:
//
//   ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
//   TỈNH LÂM ĐỒNG               Độc lập - Tự do - Hạnh phúc
//   Số:      /UBND-NC            Lâm Đồng, ngày      tháng 12 năm 2025
//
// The issuing body, "Số:" and the subject ("V/v …") stand on the left; the quốc hiệu, the motto,
// the place and the date on the right. The segmenter collapses the spaces, which merges the two
// columns line by line ("Số: /UBND-NC Lâm Đồng, ngày …"). This reads such a block the way the
// PDF reader reads a header from word boxes (src/read/page_layout.h): each line is cut at its
// gutter, and the block is read column by column, the left column's lines then the right
// column's. Only the header is read so: the block ends at the first line that runs across the
// page, and the caller passes the lines before the title.
#ifndef PLANGRAPH_HEADER_COLUMNS_H_
#define PLANGRAPH_HEADER_COLUMNS_H_

#include <string>
#include <string_view>
#include <vector>

#include "segmenter.h"

namespace plangraph {

// The two sides of one typed header line, each cleaned as the segmenter cleans a line (markup
// removed, spaces collapsed). A line with no gutter is one-sided: on the right when it is
// indented far into the page ("                    Độc lập - Tự do - Hạnh phúc"), else on
// the left. Both are empty for a blank line.
struct HeaderColumns {
  std::string left, right;
  // How many cells TABs make of the line, blanks to be filled in aside: a row of more than
  // three is a table's data (text saved from Word tables), not a header line.
  int tab_cells = 1;
};

// Cuts a raw line at its gutter: the widest run of at least four spaces, or of spaces holding a
// tab, between two pieces of text. A blank left to be filled in by hand ("Số:        /UBND-NC",
// "ngày      tháng 12") is never the gutter.
HeaderColumns SplitHeaderLine(std::string_view raw);

// The text pieces of header lines [from, until) of `seg` (whose line offsets point into
// `text`), in reading order: a table row's cells (rows of more than three cells, data rather
// than a header, are left out), other lines whole, and a block of typed columns (from its first
// line with two sides to the first line that runs across the page) left column first.
std::vector<std::string> HeaderPiecesByColumn(std::string_view text, const Segmentation& seg,
                                              int from, int until);

}  // namespace plangraph

#endif  // PLANGRAPH_HEADER_COLUMNS_H_
