#include "web_cache.h"

#include <algorithm>

#include "text.h"
#include "web_format.h"

namespace plangraph::web {

const DocumentSummary* DocumentIndex::Find(int64_t id) const {
  auto it = by_id.find(id);
  return it == by_id.end() ? nullptr : &documents[it->second];
}

std::vector<const DocumentSummary*> DocumentIndex::HeaderMatches(const std::string& text,
                                                                 size_t limit) const {
  std::string phrase;
  for (const std::string& t : QueryTerms(text)) phrase += " " + t;
  std::vector<const DocumentSummary*> found;
  if (phrase.empty()) return found;
  phrase += " ";
  for (size_t i = 0; i < folded_headers.size(); ++i) {
    if (folded_headers[i].find(phrase) != std::string::npos) found.push_back(&documents[i]);
  }
  std::sort(found.begin(), found.end(), [](const auto* a, const auto* b) {
    if (a->date.empty() != b->date.empty()) return b->date.empty();
    return std::tie(a->date, a->id) > std::tie(b->date, b->id);
  });
  if (found.size() > limit) found.resize(limit);
  return found;
}

Result<std::unique_ptr<WebCache>> WebCache::Create(const std::string& db_path) {
  auto watcher = Store::OpenReadOnly(db_path);
  if (!watcher.ok()) return watcher.status();
  return std::unique_ptr<WebCache>(new WebCache(std::move(*watcher)));
}

Status WebCache::Check() {
  std::lock_guard<std::mutex> lock(mu_);
  auto version = watcher_.DataVersion();
  if (!version.ok()) return version.status();
  if (*version != version_) {
    version_ = *version;
    documents_.reset();
    audit_.reset();
    stats_.reset();
    graph_.reset();
  }
  return Status::Ok();
}

Result<std::shared_ptr<const DocumentIndex>> WebCache::Documents(Store& store) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!documents_) {
    auto docs = store.Documents();
    if (!docs.ok()) return docs.status();
    auto index = std::make_shared<DocumentIndex>();
    index->documents = std::move(*docs);
    for (size_t i = 0; i < index->documents.size(); ++i) {
      const DocumentSummary& d = index->documents[i];
      index->by_id[d.id] = i;
      std::string folded = Fold(d.type + " " + d.symbol + " " + d.place + " " + d.issuer + " " +
                                d.title);
      std::replace(folded.begin(), folded.end(), '%', ' ');  // as QueryTerms splits
      index->folded_headers.push_back(" " + folded + " ");
    }
    documents_ = std::move(index);
  }
  return documents_;
}

Result<std::shared_ptr<const std::vector<DocumentAudit>>> WebCache::AuditCounts(Store& store) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!audit_) {
    auto audit = store.AuditCountsByDocument();
    if (!audit.ok()) return audit.status();
    audit_ = std::make_shared<const std::vector<DocumentAudit>>(std::move(*audit));
  }
  return audit_;
}

Result<std::shared_ptr<const StoreStats>> WebCache::Stats(Store& store) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!stats_) {
    auto stats = store.Stats(10);
    if (!stats.ok()) return stats.status();
    stats_ = std::make_shared<const StoreStats>(std::move(*stats));
  }
  return stats_;
}

Result<std::shared_ptr<const GraphData>> WebCache::Graph(Store& store) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!graph_) {
    auto graph = store.CitationGraph();
    if (!graph.ok()) return graph.status();
    graph_ = std::make_shared<const GraphData>(std::move(*graph));
  }
  return graph_;
}

}  // namespace plangraph::web
