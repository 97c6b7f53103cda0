// Display helpers of the web application (plangraph serve): Vietnamese dates and numbers, the
// Vietnamese names of assignee roles and citation relations, URL encoding, and search snippets
// with the matched words highlighted.
//
// Everything here returns plain text for the templates to escape, except HighlightHtml, whose
// output is HTML: every piece of the input is escaped there before <mark> tags are added.
#ifndef PLANGRAPH_WEB_FORMAT_H_
#define PLANGRAPH_WEB_FORMAT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace plangraph::web {

// "2026-07-21" → "21/07/2026", "2026-07" → "07/2026"; anything else is returned as it is.
std::string VnDate(const std::string& iso);
// 1234567 → "1.234.567", -1234 → "-1.234".
std::string VnNumber(int64_t n);
// "lead" → "chủ trì", "support" → "phối hợp"…; an unknown role is returned as it is.
std::string RoleLabel(const std::string& role);
// "implements" → "triển khai thực hiện", "based_on" → "căn cứ", "mentions" → "có nhắc đến".
std::string RelationLabel(const std::string& relation);
// Percent-encoding of a query parameter value (RFC 3986 unreserved characters kept).
std::string UrlEncode(const std::string& s);
// The same escaping as the templates: & < > " ' as entities.
std::string HtmlEscape(const std::string& s);
// The folded query terms ("Ủy ban" → {"uy", "ban"}), as the store's search folds them.
std::vector<std::string> QueryTerms(const std::string& text);
// `text` escaped, each word whose fold holds one of `terms` wrapped in <mark>…</mark>.
std::string HighlightHtml(const std::string& text, const std::vector<std::string>& terms);
// The first `max_bytes` bytes of `s`, cut at a UTF-8 character boundary.
std::string Utf8Cut(const std::string& s, size_t max_bytes);

}  // namespace plangraph::web

#endif  // PLANGRAPH_WEB_FORMAT_H_
