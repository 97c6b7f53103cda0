// HTML reader: a plan saved from a document portal (.html/.htm) to the plain text the pipeline
// reads. The document body only: scripts, styles, navigation, headers, footers, forms and
// asides are dropped; block elements (p, div, li, h1-h6, br, tr…) become line breaks, table
// rows become "| cell | cell |" lines. Parsing is libxml2's forgiving HTML parser.
#ifndef PLANGRAPH_HTML_READER_H_
#define PLANGRAPH_HTML_READER_H_

#include <string>
#include <string_view>

#include "plangraph/status.h"

namespace plangraph {

// True when the bytes start (after a BOM and blanks) like an HTML document.
bool LooksLikeHtml(std::string_view bytes);

// The text of an HTML document. The charset comes from the document (meta charset) or is
// assumed UTF-8. InvalidInput names `source` when nothing can be parsed.
Result<std::string> HtmlToText(const std::string& source, std::string_view bytes);

}  // namespace plangraph

#endif  // PLANGRAPH_HTML_READER_H_
