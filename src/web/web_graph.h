// The citation graph drawn for the web application: a part of the store's GraphData turned into
// Graphviz DOT with a link on every vertex, and laid out to SVG in-process by Graphviz's library
// (gvc/cgraph), so no `dot` program is run.
//
// Graphviz keeps global state and is not thread-safe: RenderSvg serialises its calls.
#ifndef PLANGRAPH_WEB_GRAPH_H_
#define PLANGRAPH_WEB_GRAPH_H_

#include <cstdint>
#include <set>
#include <string>

#include "plangraph/status.h"
#include "plangraph/store.h"

namespace plangraph::web {

// The vertices of `graph` within `hops` edges of any vertex in `seeds` (ids "d12", "n5"),
// at most `max_vertices` of them (nearest first), with the edges between them.
GraphData Neighbourhood(const GraphData& graph, const std::set<std::string>& seeds, int hops,
                        size_t max_vertices);

// DOT text of `graph`: every label quoted and escaped, imported plans linking to /plan/ID and
// other cited documents to /node/ID, the seeds drawn bold.
std::string GraphDot(const GraphData& graph, const std::set<std::string>& seeds);

// The SVG Graphviz draws for `dot` (layout "dot"), without the XML prolog, ready to be placed
// in an HTML page. InvalidInput when Graphviz cannot read or lay out the graph.
Result<std::string> RenderSvg(const std::string& dot);

}  // namespace plangraph::web

#endif  // PLANGRAPH_WEB_GRAPH_H_
