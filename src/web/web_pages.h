// The pages of the web application (plangraph serve), each a function from the query
// parameters to a rendered page. They read the store and never write it; every text from a
// document goes to the templates as data, which escape it.
//
// A page's Status kinds map to HTTP: kNotFound 404, kInvalidInput 400, anything else 500.
#ifndef PLANGRAPH_WEB_PAGES_H_
#define PLANGRAPH_WEB_PAGES_H_

#include <map>
#include <string>

#include "plangraph/pipeline.h"
#include "plangraph/status.h"
#include "plangraph/store.h"
#include "web_cache.h"
#include "web_templates.h"

namespace plangraph::web {

using Params = std::map<std::string, std::string>;

struct PageContext {
  Store& store;
  WebCache& cache;  // checked against the store before the page runs
  const Templates& templates;
  const Extractor& extractor;  // its rules parse what a user types to "cites"
  bool allow_import = false;
};

struct Page {
  std::string body;
  std::string content_type = "text/html; charset=utf-8";
  std::string filename;  // set for a download (Content-Disposition)
};

Result<Page> HomePage(PageContext& c, const Params& p);
Result<Page> SearchPage(PageContext& c, const Params& p);
Result<Page> PlanPage(PageContext& c, int64_t document_id);
Result<Page> NodePage(PageContext& c, int64_t node_id);
Result<Page> CitesPage(PageContext& c, const Params& p);
Result<Page> AuditPage(PageContext& c, const Params& p);
Result<Page> AuditCsv(PageContext& c, const Params& p);
Result<Page> GraphPage(PageContext& c, const Params& p);
// An error page for `status` (its message shown, escaped).
std::string ErrorPage(const Templates& t, const std::string& title, const std::string& message);

// Shared by the pages: "Kế hoạch 49-KH/TU" or "Kế hoạch (không số)".
std::string PlanName(const std::string& type, const std::string& symbol);
// Parameter `name` as text (at most 500 bytes), "" when absent.
std::string Param(const Params& p, const std::string& name);
// Parameter `name` as a number in [lo, hi], `fallback` when absent or not a number.
int IntParam(const Params& p, const std::string& name, int fallback, int lo, int hi);

}  // namespace plangraph::web

#endif  // PLANGRAPH_WEB_PAGES_H_
