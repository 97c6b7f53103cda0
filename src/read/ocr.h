// OCR: the text of scanned pages, read with Tesseract (its C++ API, Vietnamese model "vie").
//
// A scanned PDF's pages are rendered with poppler at 300 dpi; an image file (PNG, JPEG, TIFF,
// every page of a multi-page TIFF) is read with Leptonica. Tesseract segments each page
// (automatic page segmentation) and recognises its words; their boxes then go through the same
// layout as a PDF's text layer (page_layout.h), which reads the two-column header and the
// closing block by columns and keeps paragraphs apart.
//
// When stderr is a terminal, one progress line per page is written there and erased at the end.
#ifndef PLANGRAPH_OCR_H_
#define PLANGRAPH_OCR_H_

#include <string>
#include <string_view>
#include <vector>

#include "plangraph/status.h"

namespace plangraph {

struct OcrText {
  std::string text;                  // laid out as page_layout.h describes (not yet NFC)
  double confidence = 0;             // Tesseract's mean word confidence, in [0, 1]
  std::vector<double> page_seconds;  // time spent on each page (render + recognition)
};

// PNG, JPEG or TIFF, by its first bytes.
bool LooksLikeImage(std::string_view bytes);

// InvalidInput naming `source` when the PDF or image cannot be read, when Tesseract or its
// Vietnamese data is missing (the message says which package to install), and when no page
// holds any recognisable word.
Result<OcrText> OcrPdf(const std::string& source, std::string_view bytes);
Result<OcrText> OcrImage(const std::string& source, std::string_view bytes);

}  // namespace plangraph

#endif  // PLANGRAPH_OCR_H_
