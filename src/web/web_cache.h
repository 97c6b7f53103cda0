// What the web pages compute from the whole database (the document list with folded headers,
// every plan's audit counts, the statistics, the citation graph), shared by the server's worker
// threads and kept until the database changes.
//
// Change detection: the cache has a read-only connection of its own, used for nothing but
// PRAGMA data_version, which changes when another connection (an import) commits. Check()
// reads it and drops the shared values on a change, so each committed plan shows on the next
// request. Values are handed out as shared_ptr, so a page keeps the ones it holds even when
// another worker drops them meanwhile. Thread-safe.
#ifndef PLANGRAPH_WEB_CACHE_H_
#define PLANGRAPH_WEB_CACHE_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "plangraph/store.h"

namespace plangraph::web {

// Every document, by position, with an index by id and the fold of each header.
struct DocumentIndex {
  std::vector<DocumentSummary> documents;
  std::map<int64_t, size_t> by_id;
  std::vector<std::string> folded_headers;  // " folded type số place issuer title "

  const DocumentSummary* Find(int64_t id) const;
  // Store::SearchHeaders over the folded headers: documents whose header holds the words of
  // `text` as a phrase, newest first, at most `limit`.
  std::vector<const DocumentSummary*> HeaderMatches(const std::string& text, size_t limit) const;
};

class WebCache {
 public:
  // Opens the watching connection on `db_path`.
  static Result<std::unique_ptr<WebCache>> Create(const std::string& db_path);
  // Call once per request; drops the shared values when the database changed.
  Status Check();

  Result<std::shared_ptr<const DocumentIndex>> Documents(Store& store);
  Result<std::shared_ptr<const std::vector<DocumentAudit>>> AuditCounts(Store& store);
  Result<std::shared_ptr<const StoreStats>> Stats(Store& store);
  Result<std::shared_ptr<const GraphData>> Graph(Store& store);

 private:
  explicit WebCache(Store watcher) : watcher_(std::move(watcher)) {}

  std::mutex mu_;  // held while a value is computed, so two workers never compute it twice
  Store watcher_;  // guarded by mu_
  int64_t version_ = -1;
  std::shared_ptr<const DocumentIndex> documents_;
  std::shared_ptr<const std::vector<DocumentAudit>> audit_;
  std::shared_ptr<const StoreStats> stats_;
  std::shared_ptr<const GraphData> graph_;
};

}  // namespace plangraph::web

#endif  // PLANGRAPH_WEB_CACHE_H_
