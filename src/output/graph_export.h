// Export of the citation graph for other tools: Graphviz dot, GraphML and JSON (CSV tables are in
// csv_tables.h). Pure formatting, no database access: each format reads the parts of the graph
// from a GraphSource in the order it writes them, one item at a time, so a whole database is
// written without being held in memory (`plangraph export` reads them from SQL cursors,
// export_queries.h; the tests from a GraphData).
#ifndef PLANGRAPH_GRAPH_EXPORT_H_
#define PLANGRAPH_GRAPH_EXPORT_H_

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "plangraph/status.h"
#include "plangraph/store.h"

namespace plangraph {

// The parts of an export. Each calls its argument once per item, in order, and returns the
// status of the read (an error stops the export); `plans` is read by json and csv only.
struct GraphSource {
  std::function<Status(const std::function<void(const GraphVertex&)>&)> vertices;
  std::function<Status(const std::function<void(const GraphEdge&)>&)> edges;
  std::function<Status(const std::function<void(const StoredDocument&)>&)> plans;
};

// A source over a graph (and plans) held in memory; both must outlive it.
GraphSource SourceOf(const GraphData& graph, const std::vector<StoredDocument>& plans = {});

// A digraph: imported plans as boxes labelled "type symbol\ndate\nissuer", cited documents that
// are not imported as grey ellipses; edges labelled with their relation, dashed for "mentions".
Status WriteDot(const GraphSource& source, std::ostream& out);
// GraphML with node keys type/symbol/date/issuer/title/key/path/imported and edge keys
// relation/count, readable by Gephi, yEd, networkx and igraph.
Status WriteGraphml(const GraphSource& source, std::ostream& out);
// {"documents": [each plan's extraction with its "document_id"], "edges": [...],
// "vertices": [...]}, written as GraphToJson(...).dump(1) would write it.
Status WriteJson(const GraphSource& source, std::ostream& out);

// The same, for a graph in memory.
std::string GraphToDot(const GraphData& graph);
std::string GraphToGraphml(const GraphData& graph);
// The JSON tree of the graph alone ("vertices", "edges"): what WriteJson streams, built whole.
nlohmann::json GraphToJson(const GraphData& graph);

// RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled.
std::string CsvField(const std::string& s);

}  // namespace plangraph

#endif  // PLANGRAPH_GRAPH_EXPORT_H_
