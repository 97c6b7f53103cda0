// PDF reader: a plan printed to PDF (with a text layer) to the plain text the pipeline reads,
// through poppler. Words are grouped into lines by position, in reading order; running page
// headers and footers (the same line on most pages, digits aside) and bare page numbers are
// dropped; a line that runs to the right margin is joined with the next, which is how the
// layout shows a wrapped paragraph, unless the next line starts a new item ("-", "1.", "a)").
#ifndef PLANGRAPH_PDF_READER_H_
#define PLANGRAPH_PDF_READER_H_

#include <string>
#include <string_view>

#include "plangraph/status.h"

namespace plangraph {

bool LooksLikePdf(std::string_view bytes);

// InvalidInput naming `source` for a damaged or encrypted PDF and for one without a text layer.
Result<std::string> PdfToText(const std::string& source, std::string_view bytes);

}  // namespace plangraph

#endif  // PLANGRAPH_PDF_READER_H_
