// What `plangraph export` reads from a store: the plans a selection names, and the part of the
// citation graph around them, row by row from SQL cursors, so that an export of the whole
// database takes no more memory than one plan.
//
//   ExportQueries queries(store);
//   auto ids = queries.SelectPlans({.issuer = "tinh uy", .year = 2021});
//   auto snapshot = store.ReadSnapshot();   // the passes below read one state of the file
//   queries.ForEachVertex(PlanScope::Only(*ids), [&](const GraphVertex& v) { ... });
//
// The subgraph of a scope holds its plans, every vertex their citations reach (a cited document,
// or the imported plan that document is) and every edge among those vertices. Vertices and edges
// come in the order of Store::CitationGraph, which is the whole database's scope.
#ifndef PLANGRAPH_EXPORT_QUERIES_H_
#define PLANGRAPH_EXPORT_QUERIES_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "plangraph/status.h"
#include "plangraph/store.h"

namespace plangraph {

// Which plans to export; every condition given must hold.
struct PlanSelection {
  // Only these plans (the one a --document names, the plans citing a document); nullopt: any.
  std::optional<std::vector<int64_t>> among;
  std::string issuer;  // the issuer holds this, accents and case optional (as AuditFilter::issuer)
  int year = 0;        // the plan's own date falls in this year; 0: any
};

// The plans an export covers: every plan, or the listed ones (ids ascending).
struct PlanScope {
  bool all = true;
  std::vector<int64_t> plans;

  static PlanScope Everything() { return {}; }
  static PlanScope Only(std::vector<int64_t> ids) { return {false, std::move(ids)}; }
};

class ExportQueries {
 public:
  explicit ExportQueries(Store& store) : store_(store) {}

  // The ids of the plans passing `selection`, ascending.
  Result<std::vector<int64_t>> SelectPlans(const PlanSelection& selection);

  // Each calls `fn` once per item, in order, while the cursor is open; a SQLite error stops the
  // pass and is returned (as every Store call returns it).
  Status ForEachVertex(const PlanScope& scope, const std::function<void(const GraphVertex&)>& fn);
  Status ForEachEdge(const PlanScope& scope, const std::function<void(const GraphEdge&)>& fn);
  // The scope's plans by id, each loaded (Store::LoadDocument) when its turn comes.
  Status ForEachPlan(const PlanScope& scope, const std::function<void(const StoredDocument&)>& fn);

 private:
  Store& store_;
};

}  // namespace plangraph

#endif  // PLANGRAPH_EXPORT_QUERIES_H_
