#include "web_graph.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <deque>
#include <map>
#include <mutex>

#include "web_format.h"

namespace plangraph::web {
namespace {

// DOT string literal: quotes and backslashes escaped (so no "\\N"-style escape of the text
// reaches Graphviz), a line break as DOT's "\\n", a carriage return dropped.
std::string Quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
  }
  return out + "\"";
}

std::string VertexLabel(const GraphVertex& v) {
  std::string label = v.type.empty() ? "" : v.type + " ";
  label += v.symbol.empty() ? (v.document_id ? "(không số)" : v.key) : v.symbol;
  if (!v.date.empty()) label += "\n" + VnDate(v.date);
  return label;
}

}  // namespace

GraphData Neighbourhood(const GraphData& graph, const std::set<std::string>& seeds, int hops,
                        size_t max_vertices) {
  std::map<std::string, std::vector<std::string>> adjacent;
  for (const GraphEdge& e : graph.edges) {
    adjacent[e.from].push_back(e.to);
    adjacent[e.to].push_back(e.from);
  }
  std::map<std::string, int> distance;
  std::deque<std::string> queue;
  for (const std::string& s : seeds) {
    if (distance.size() >= max_vertices) break;
    if (distance.emplace(s, 0).second) queue.push_back(s);
  }
  while (!queue.empty()) {
    const std::string v = queue.front();
    queue.pop_front();
    if (distance[v] >= hops) continue;
    for (const std::string& w : adjacent[v]) {
      if (distance.size() >= max_vertices) break;
      if (distance.emplace(w, distance[v] + 1).second) queue.push_back(w);
    }
  }
  GraphData out;
  for (const GraphVertex& v : graph.vertices) {
    if (distance.count(v.id)) out.vertices.push_back(v);
  }
  for (const GraphEdge& e : graph.edges) {
    if (distance.count(e.from) && distance.count(e.to)) out.edges.push_back(e);
  }
  return out;
}

std::string GraphDot(const GraphData& graph, const std::set<std::string>& seeds) {
  std::string dot =
      "digraph citations {\n  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", "
      "fillcolor=\"#ffffff\", fontname=\"sans-serif\", fontsize=10];\n"
      "  edge [fontname=\"sans-serif\", fontsize=8, color=\"#666666\"];\n";
  for (const GraphVertex& v : graph.vertices) {
    const std::string url = v.document_id ? "/plan/" + std::to_string(v.document_id)
                                          : "/node/" + std::to_string(v.node_id);
    std::string tooltip = v.title.empty() ? v.issuer : v.title;
    dot += "  " + Quoted(v.id) + " [label=" + Quoted(VertexLabel(v)) + ", URL=" + Quoted(url) +
           ", tooltip=" + Quoted(Utf8Cut(tooltip, 200)) +
           (v.document_id ? ", fillcolor=\"#e8f0fe\"" : "") +
           (seeds.count(v.id) ? ", penwidth=2.5" : "") + "];\n";
  }
  for (const GraphEdge& e : graph.edges) {
    dot += "  " + Quoted(e.from) + " -> " + Quoted(e.to) +
           " [label=" + Quoted(RelationLabel(e.relation)) +
           (e.relation == "mentions" ? ", style=dashed" : "") + "];\n";
  }
  return dot + "}\n";
}

Result<std::string> RenderSvg(const std::string& dot) {
  static std::mutex graphviz;
  std::lock_guard<std::mutex> lock(graphviz);
  static GVC_t* context = gvContext();
  Agraph_t* g = agmemread(dot.c_str());
  if (g == nullptr) return Status::InvalidInput("graph: Graphviz cannot read the DOT text");
  if (gvLayout(context, g, "dot") != 0) {
    agclose(g);
    return Status::InvalidInput("graph: Graphviz cannot lay the graph out");
  }
  char* data = nullptr;
  unsigned int length = 0;
  const int rc = gvRenderData(context, g, "svg", &data, &length);
  std::string svg = rc == 0 && data != nullptr ? std::string(data, length) : std::string();
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(context, g);
  agclose(g);
  if (svg.empty()) return Status::InvalidInput("graph: Graphviz drew nothing");
  const size_t start = svg.find("<svg");
  return start == std::string::npos ? svg : svg.substr(start);
}

}  // namespace plangraph::web
