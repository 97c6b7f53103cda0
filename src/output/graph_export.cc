#include "graph_export.h"

#include <sstream>

#include "text.h"

namespace plangraph {
namespace {

// Dot string literal: backslash and quote escaped; a newline becomes dot's centred line break.
std::string DotQuote(const std::string& s) {
  std::string out = "\"";
  for (char c : EscapeIllFormedUtf8(s)) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string XmlEscape(const std::string& raw) {
  const std::string s = EscapeIllFormedUtf8(raw);  // a file name in a legacy encoding
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 allows no control characters other than TAB, LF and CR.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

std::string VertexLabel(const GraphVertex& v) {
  std::string first = v.type.empty() ? v.symbol : v.type + " " + v.symbol;
  if (first.empty()) first = v.path.empty() ? v.key : v.path;
  std::string label = first;
  if (!v.date.empty()) label += "\n" + v.date;
  if (!v.issuer.empty()) label += "\n" + v.issuer;
  return label;
}

}  // namespace

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string GraphToDot(const GraphData& graph) {
  std::ostringstream out;
  out << "digraph plangraph {\n"
      << "  rankdir=RL;\n"
      << "  node [fontname=\"DejaVu Sans\", fontsize=10];\n"
      << "  edge [fontname=\"DejaVu Sans\", fontsize=8];\n";
  for (const GraphVertex& v : graph.vertices) {
    bool imported = v.document_id != 0;
    out << "  " << DotQuote(v.id) << " [label=" << DotQuote(VertexLabel(v))
        << (imported ? ", shape=box, style=filled, fillcolor=\"#dbe9f6\""
                     : ", shape=ellipse, style=filled, fillcolor=\"#eeeeee\"")
        << "];\n";
  }
  for (const GraphEdge& e : graph.edges) {
    std::string label = e.count > 1 ? e.relation + " ×" + std::to_string(e.count) : e.relation;
    out << "  " << DotQuote(e.from) << " -> " << DotQuote(e.to) << " [label=" << DotQuote(label)
        << (e.relation == "mentions" ? ", style=dashed" : "") << "];\n";
  }
  out << "}\n";
  return out.str();
}

std::string GraphToGraphml(const GraphData& graph) {
  static const char* kNodeKeys[] = {"key", "type", "symbol", "date", "issuer", "title", "path"};
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
  for (const char* k : kNodeKeys) {
    out << "  <key id=\"" << k << "\" for=\"node\" attr.name=\"" << k
        << "\" attr.type=\"string\"/>\n";
  }
  out << "  <key id=\"imported\" for=\"node\" attr.name=\"imported\" attr.type=\"boolean\"/>\n"
      << "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
      << "  <key id=\"count\" for=\"edge\" attr.name=\"count\" attr.type=\"int\"/>\n"
      << "  <graph id=\"citations\" edgedefault=\"directed\">\n";
  for (const GraphVertex& v : graph.vertices) {
    const std::string* values[] = {&v.key, &v.type, &v.symbol, &v.date, &v.issuer, &v.title, &v.path};
    out << "    <node id=\"" << XmlEscape(v.id) << "\">\n";
    for (size_t i = 0; i < std::size(kNodeKeys); ++i) {
      if (values[i]->empty()) continue;
      out << "      <data key=\"" << kNodeKeys[i] << "\">" << XmlEscape(*values[i]) << "</data>\n";
    }
    out << "      <data key=\"imported\">" << (v.document_id ? "true" : "false") << "</data>\n"
        << "    </node>\n";
  }
  int n = 0;
  for (const GraphEdge& e : graph.edges) {
    out << "    <edge id=\"e" << n++ << "\" source=\"" << XmlEscape(e.from) << "\" target=\""
        << XmlEscape(e.to) << "\">\n"
        << "      <data key=\"relation\">" << XmlEscape(e.relation) << "</data>\n"
        << "      <data key=\"count\">" << e.count << "</data>\n"
        << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
  return out.str();
}

std::string GraphToCsv(const GraphData& graph) {
  std::ostringstream out;
  out << "id,imported,key,type,symbol,date,issuer,title,path\n";
  for (const GraphVertex& v : graph.vertices) {
    out << CsvField(v.id) << "," << (v.document_id ? "1" : "0") << "," << CsvField(v.key) << ","
        << CsvField(v.type) << "," << CsvField(v.symbol) << "," << CsvField(v.date) << ","
        << CsvField(v.issuer) << "," << CsvField(v.title) << "," << CsvField(v.path) << "\n";
  }
  out << "\nfrom,to,relation,count\n";
  for (const GraphEdge& e : graph.edges) {
    out << CsvField(e.from) << "," << CsvField(e.to) << "," << CsvField(e.relation) << ","
        << e.count << "\n";
  }
  return out.str();
}

nlohmann::json GraphToJson(const GraphData& graph) {
  nlohmann::json vertices = nlohmann::json::array(), edges = nlohmann::json::array();
  for (const GraphVertex& v : graph.vertices) {
    vertices.push_back({{"id", v.id},         {"imported", v.document_id != 0},
                        {"document_id", v.document_id}, {"node_id", v.node_id},
                        {"key", v.key},       {"type", v.type},
                        {"symbol", v.symbol}, {"date", v.date},
                        {"issuer", v.issuer}, {"title", v.title},
                        {"path", v.path}});
  }
  for (const GraphEdge& e : graph.edges) {
    edges.push_back({{"from", e.from}, {"to", e.to}, {"relation", e.relation}, {"count", e.count}});
  }
  return {{"vertices", vertices}, {"edges", edges}};
}

}  // namespace plangraph
