// Opening a PDF with poppler, shared by the text-layer reader (pdf_reader.h) and OCR (ocr.h), so
// both refuse a damaged, oversized or encrypted file with the same message.
#ifndef PLANGRAPH_READ_PDF_DOCUMENT_H_
#define PLANGRAPH_READ_PDF_DOCUMENT_H_

#include <poppler-document.h>

#include <memory>
#include <string>
#include <string_view>

#include "plangraph/status.h"

namespace plangraph {

// The parsed document of `bytes`. InvalidInput names `source`: too large for poppler, damaged
// or truncated, or encrypted. poppler's own messages to stderr are silenced: the Status says it.
Result<std::unique_ptr<poppler::document>> OpenPdfDocument(const std::string& source,
                                                           std::string_view bytes);

}  // namespace plangraph

#endif  // PLANGRAPH_READ_PDF_DOCUMENT_H_
