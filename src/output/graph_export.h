// Export of the citation graph (Store::CitationGraph) for other tools: Graphviz dot, GraphML,
// CSV and JSON. Pure formatting: no database access, so every format is tested on its own.
#ifndef PLANGRAPH_GRAPH_EXPORT_H_
#define PLANGRAPH_GRAPH_EXPORT_H_

#include <string>

#include <nlohmann/json.hpp>

#include "plangraph/store.h"

namespace plangraph {

// A digraph: imported plans as boxes labelled "type symbol\ndate\nissuer", cited documents that
// are not imported as grey ellipses; edges labelled with their relation, dashed for "mentions".
std::string GraphToDot(const GraphData& graph);

// GraphML with node keys type/symbol/date/issuer/title/key/path/imported and edge keys
// relation/count, readable by Gephi, yEd, networkx and igraph.
std::string GraphToGraphml(const GraphData& graph);

// Two CSV tables in one text: "vertices" then "edges", each with a header row, separated by an
// empty line. Fields are quoted per RFC 4180.
std::string GraphToCsv(const GraphData& graph);

nlohmann::json GraphToJson(const GraphData& graph);

// RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled.
std::string CsvField(const std::string& s);

}  // namespace plangraph

#endif  // PLANGRAPH_GRAPH_EXPORT_H_
