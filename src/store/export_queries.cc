#include "export_queries.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "sqlite_errors.h"
#include "text.h"

namespace plangraph {
namespace {

// Runs fn, turning what it throws into a Status that names the database, as store.cc does.
template <typename Fn>
auto Guarded(const std::string& db_path, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const SQLite::Exception& e) {
    return SqliteErrorStatus(db_path, e);
  } catch (const std::exception& e) {
    return Status::Internal(db_path + ": " + e.what());
  }
}

std::string Text(const SQLite::Statement& st, int column) {
  const SQLite::Column c = st.getColumn(column);
  return c.isNull() ? std::string() : c.getString();
}

// A list of ids as the JSON array json_each() reads: the selection reaches SQL as one bound
// value, on a read-only connection that could not fill a temporary table.
std::string JsonIds(const std::vector<int64_t>& ids) {
  std::string out = "[";
  for (size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
  return out + "]";
}

// The scope of a selection (?1, the JSON array of its plan ids): the plans, the nodes their
// citations reach, and the plans among those vertices (selected, or reached as cited documents).
constexpr const char* kScopeCte = R"sql(
WITH selected(id) AS (SELECT value FROM json_each(?1)),
reached(node, document) AS (
  SELECT DISTINCT n.id, n.document_id FROM citations c JOIN nodes n ON n.id = c.node_id
  WHERE c.document_id IN selected),
plans(id) AS (SELECT id FROM selected UNION SELECT document FROM reached WHERE document IS NOT NULL)
)sql";

// Each query below is Store::CitationGraph's, with the scope's condition where `filter` is.
std::string Scoped(const PlanScope& scope, const std::string& head, const std::string& filter,
                   const std::string& tail) {
  return scope.all ? head + " " + tail : std::string(kScopeCte) + head + " " + filter + " " + tail;
}

void BindScope(SQLite::Statement& st, const PlanScope& scope) {
  if (!scope.all) st.bind(1, JsonIds(scope.plans));
}

std::string DocumentVertex(int64_t id) { return "d" + std::to_string(id); }
std::string NodeVertex(int64_t id) { return "n" + std::to_string(id); }

}  // namespace

Result<std::vector<int64_t>> ExportQueries::SelectPlans(const PlanSelection& selection) {
  return Guarded(store_.path(), [&]() -> Result<std::vector<int64_t>> {
    SQLite::Statement st(*store_.db_,
                         "SELECT d.id FROM documents d "
                         "WHERE (?1 IS NULL OR d.id IN (SELECT value FROM json_each(?1))) "
                         "AND (?2 = '' OR instr(plangraph_fold(coalesce(d.issuer, '')), ?2) > 0) "
                         "AND (?3 = 0 OR substr(d.date, 1, 4) = printf('%04d', ?3)) "
                         "ORDER BY d.id");
    if (selection.among) st.bind(1, JsonIds(*selection.among));
    st.bind(2, Fold(selection.issuer));
    st.bind(3, selection.year);
    std::vector<int64_t> ids;
    while (st.executeStep()) ids.push_back(st.getColumn(0).getInt64());
    return ids;
  });
}

Status ExportQueries::ForEachVertex(const PlanScope& scope,
                                    const std::function<void(const GraphVertex&)>& fn) {
  auto snapshot = store_.ReadSnapshot();  // plans and cited documents of one state
  if (!snapshot.ok()) return snapshot.status();
  return Guarded(store_.path(), [&]() -> Status {
    SQLite::Statement docs(
        *store_.db_,
        Scoped(scope,
               "SELECT d.id, (SELECT n.id FROM nodes n WHERE n.document_id = d.id "
               "ORDER BY n.id LIMIT 1), d.ref_key, d.type, d.symbol, d.date, d.issuer, d.title, "
               "d.source_path FROM documents d",
               "WHERE d.id IN plans", "ORDER BY d.id"));
    BindScope(docs, scope);
    while (docs.executeStep()) {
      const int64_t id = docs.getColumn(0).getInt64();
      fn({DocumentVertex(id), id, docs.getColumn(1).getInt64(), Text(docs, 2), Text(docs, 3),
          Text(docs, 4), Text(docs, 5), Text(docs, 6), Text(docs, 7), Text(docs, 8)});
    }
    SQLite::Statement nodes(*store_.db_,
                            Scoped(scope,
                                   "SELECT id, key, type, symbol, date, issuer, title FROM nodes "
                                   "WHERE document_id IS NULL",
                                   "AND id IN (SELECT node FROM reached)", "ORDER BY id"));
    BindScope(nodes, scope);
    while (nodes.executeStep()) {
      const int64_t id = nodes.getColumn(0).getInt64();
      fn({NodeVertex(id), 0, id, Text(nodes, 1), Text(nodes, 2), Text(nodes, 3), Text(nodes, 4),
          Text(nodes, 5), Text(nodes, 6), ""});
    }
    return Status::Ok();
  });
}

Status ExportQueries::ForEachEdge(const PlanScope& scope,
                                  const std::function<void(const GraphEdge&)>& fn) {
  return Guarded(store_.path(), [&]() -> Status {
    SQLite::Statement st(
        *store_.db_,
        Scoped(scope,
               "SELECT c.document_id, n.id, n.document_id, c.relation, count(*) "
               "FROM citations c JOIN nodes n ON n.id = c.node_id",
               "WHERE c.document_id IN plans AND CASE WHEN n.document_id IS NULL "
               "THEN n.id IN (SELECT node FROM reached) ELSE n.document_id IN plans END",
               "GROUP BY c.document_id, n.id, c.relation "
               "ORDER BY c.document_id, n.document_id IS NULL, coalesce(n.document_id, n.id), "
               "CASE c.relation WHEN 'implements' THEN 0 WHEN 'based_on' THEN 1 "
               "WHEN 'mentions' THEN 2 ELSE 3 END, c.relation"));
    BindScope(st, scope);
    while (st.executeStep()) {
      const SQLite::Column target_doc = st.getColumn(2);
      fn({DocumentVertex(st.getColumn(0).getInt64()),
          target_doc.isNull() ? NodeVertex(st.getColumn(1).getInt64())
                              : DocumentVertex(target_doc.getInt64()),
          Text(st, 3), st.getColumn(4).getInt()});
    }
    return Status::Ok();
  });
}

Status ExportQueries::ForEachPlan(const PlanScope& scope,
                                  const std::function<void(const StoredDocument&)>& fn) {
  auto each = [&](int64_t id) -> Status {
    Result<StoredDocument> doc = store_.LoadDocument(id);
    if (!doc.ok()) return doc.status();
    fn(*doc);
    return Status::Ok();
  };
  // Each plan's own read scope nests inside this one, never ends a transaction under the cursor.
  auto snapshot = store_.ReadSnapshot();
  if (!snapshot.ok()) return snapshot.status();
  if (!scope.all) {
    for (int64_t id : scope.plans) {
      if (Status s = each(id); !s.ok()) return s;
    }
    return Status::Ok();
  }
  return Guarded(store_.path(), [&]() -> Status {
    SQLite::Statement ids(*store_.db_, "SELECT id FROM documents ORDER BY id");
    while (ids.executeStep()) {
      if (Status s = each(ids.getColumn(0).getInt64()); !s.ok()) return s;
    }
    return Status::Ok();
  });
}

}  // namespace plangraph
