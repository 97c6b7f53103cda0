// What the web pages compute from the whole database (the document list, every plan's audit
// counts, the statistics, the citation graph), kept until the database changes. One WebCache
// belongs to one worker thread and its read-only Store: Check() compares the store's
// PRAGMA data_version, which changes when an import (another connection) commits, and drops
// everything then, so pages show each committed plan on the next request.
#ifndef PLANGRAPH_WEB_CACHE_H_
#define PLANGRAPH_WEB_CACHE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store.h"

namespace plangraph::web {

class WebCache {
 public:
  // Call once per request, before the accessors below.
  Status Check(Store& store);

  Result<const std::vector<DocumentSummary>*> Documents(Store& store);
  // By id, after Documents(); null when unknown.
  const DocumentSummary* Document(int64_t id) const;
  Result<const std::vector<DocumentAudit>*> AuditCounts(Store& store);
  Result<const StoreStats*> Stats(Store& store);
  Result<const GraphData*> Graph(Store& store);
  // Store::SearchHeaders over the cached headers (folded once): documents whose header holds
  // the words of `text` as a phrase, newest first, at most `limit`.
  Result<std::vector<const DocumentSummary*>> HeaderMatches(Store& store, const std::string& text,
                                                            size_t limit);

 private:
  int64_t version_ = -1;
  std::optional<std::vector<DocumentSummary>> documents_;
  std::map<int64_t, size_t> index_;
  std::vector<std::string> folded_headers_;  // " folded header ", by position in documents_
  std::optional<std::vector<DocumentAudit>> audit_;
  std::optional<StoreStats> stats_;
  std::optional<GraphData> graph_;
};

}  // namespace plangraph::web

#endif  // PLANGRAPH_WEB_CACHE_H_
