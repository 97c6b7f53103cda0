#include "web_cache.h"

#include <algorithm>

#include "text.h"
#include "web_format.h"

namespace plangraph::web {

Status WebCache::Check(Store& store) {
  auto version = store.DataVersion();
  if (!version.ok()) return version.status();
  if (*version != version_) {
    version_ = *version;
    documents_.reset();
    index_.clear();
    folded_headers_.clear();
    audit_.reset();
    stats_.reset();
    graph_.reset();
  }
  return Status::Ok();
}

Result<const std::vector<DocumentSummary>*> WebCache::Documents(Store& store) {
  if (!documents_) {
    auto docs = store.Documents();
    if (!docs.ok()) return docs.status();
    documents_ = std::move(*docs);
    for (size_t i = 0; i < documents_->size(); ++i) {
      const DocumentSummary& d = (*documents_)[i];
      index_[d.id] = i;
      folded_headers_.push_back(" " + Fold(d.type + " " + d.symbol + " " + d.place + " " +
                                           d.issuer + " " + d.title) + " ");
    }
  }
  return &*documents_;
}

const DocumentSummary* WebCache::Document(int64_t id) const {
  auto it = index_.find(id);
  return it == index_.end() || !documents_ ? nullptr : &(*documents_)[it->second];
}

Result<const std::vector<DocumentAudit>*> WebCache::AuditCounts(Store& store) {
  if (!audit_) {
    auto audit = store.AuditCountsByDocument();
    if (!audit.ok()) return audit.status();
    audit_ = std::move(*audit);
  }
  return &*audit_;
}

Result<const StoreStats*> WebCache::Stats(Store& store) {
  if (!stats_) {
    auto stats = store.Stats(10);
    if (!stats.ok()) return stats.status();
    stats_ = std::move(*stats);
  }
  return &*stats_;
}

Result<const GraphData*> WebCache::Graph(Store& store) {
  if (!graph_) {
    auto graph = store.CitationGraph();
    if (!graph.ok()) return graph.status();
    graph_ = std::move(*graph);
  }
  return &*graph_;
}

Result<std::vector<const DocumentSummary*>> WebCache::HeaderMatches(Store& store,
                                                                    const std::string& text,
                                                                    size_t limit) {
  auto docs = Documents(store);
  if (!docs.ok()) return docs.status();
  std::string phrase;
  for (const std::string& t : QueryTerms(text)) phrase += " " + t;
  std::vector<const DocumentSummary*> found;
  if (phrase.empty()) return found;
  phrase += " ";
  for (size_t i = 0; i < folded_headers_.size(); ++i) {
    if (folded_headers_[i].find(phrase) != std::string::npos) found.push_back(&(**docs)[i]);
  }
  std::sort(found.begin(), found.end(), [](const auto* a, const auto* b) {
    if (a->date.empty() != b->date.empty()) return b->date.empty();
    return std::tie(a->date, a->id) > std::tie(b->date, b->id);
  });
  if (found.size() > limit) found.resize(limit);
  return found;
}

}  // namespace plangraph::web
