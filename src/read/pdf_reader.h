// PDF reader: a plan printed to PDF to the plain text the pipeline reads.
//
// The text layer is read through poppler: the words of each page with their boxes go through
// page_layout.h (header and closing block read by columns, running headers and page numbers
// dropped, wrapped lines joined, paragraphs kept apart). Known glyph substitutes of Vietnamese
// fonts are mapped back to the right letters, and a layer typed in a legacy 8-bit font (TCVN3,
// VNI) is converted.
//
// Then the text layer is judged (text_quality.h). A PDF without text, whose only text is an
// e-signature stamp, or whose text is not Vietnamese (a broken font map) is read by OCR (ocr.h)
// when the mode allows it, and refused as Unreadable otherwise, with a message saying why and
// what to do. OCR output is judged too.
#ifndef PLANGRAPH_PDF_READER_H_
#define PLANGRAPH_PDF_READER_H_

#include <string>
#include <string_view>

#include "plangraph/pipeline.h"
#include "plangraph/status.h"
#include "reader.h"

namespace plangraph {

bool LooksLikePdf(std::string_view bytes);

// The laid-out text layer of a PDF, glyph substitutes mapped; empty for a scan. InvalidInput
// naming `source` for a damaged or encrypted PDF.
Result<std::string> PdfTextLayer(const std::string& source, std::string_view bytes);

// Maps the letters some Vietnamese fonts put in place of others back to them: "ƣ" (U+01A3, a
// Latin letter no Vietnamese word has) is "ư"; "Õ" is "Ò" when the quốc hiệu reads "CỘNG HÕA".
std::string FixGlyphSubstitutes(std::string text);

// The PDF as text to extract: its text layer, or OCR as `ocr` allows (see above).
Result<DecodedText> ReadPdf(const std::string& source, std::string_view bytes, OcrMode ocr);

// An image file (PNG, JPEG, TIFF) read by OCR; Unreadable when `ocr` is kNever.
Result<DecodedText> ReadImage(const std::string& source, std::string_view bytes, OcrMode ocr);

}  // namespace plangraph

#endif  // PLANGRAPH_PDF_READER_H_
