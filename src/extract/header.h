// Header: the document's own identity — type, số/ký hiệu, place and date, issuer, title —
// read from the header zone of a segmented document (lines and table cells before the title).
#ifndef PLANGRAPH_HEADER_H_
#define PLANGRAPH_HEADER_H_

#include "plangraph/extraction.h"
#include "reference.h"
#include "segmenter.h"

namespace plangraph {

struct HeaderFacts {
  DocumentInfo info;
  // The year the document speaks from: its date's year, else a year printed in the unfinished
  // date line ("ngày    tháng 4 năm 2026"), else 0. Fills in "trước ngày 15/12".
  int year = 0;
};

// `text` is the text `seg` was segmented from: a header typed in columns is cut at its runs of
// spaces, which the segmented lines no longer have (header_columns.h).
HeaderFacts ExtractHeader(std::string_view text, const Segmentation& seg,
                          const DocumentTypes& types);

// Parses "ngày 16 tháng 11 năm 2021" / "ngày 16/11/2021" to "2021-11-16", or "" if invalid.
std::string ParseVietnameseDate(std::string_view text);

}  // namespace plangraph

#endif  // PLANGRAPH_HEADER_H_
