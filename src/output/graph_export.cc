#include "graph_export.h"

#include <sstream>

#include "json_stream.h"
#include "json_writer.h"
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

GraphSource SourceOf(const GraphData& graph, const std::vector<StoredDocument>& plans) {
  GraphSource source;
  source.vertices = [&graph](const std::function<void(const GraphVertex&)>& fn) {
    for (const GraphVertex& v : graph.vertices) fn(v);
    return Status::Ok();
  };
  source.edges = [&graph](const std::function<void(const GraphEdge&)>& fn) {
    for (const GraphEdge& e : graph.edges) fn(e);
    return Status::Ok();
  };
  source.plans = [&plans](const std::function<void(const StoredDocument&)>& fn) {
    for (const StoredDocument& d : plans) fn(d);
    return Status::Ok();
  };
  return source;
}

Status WriteDot(const GraphSource& source, std::ostream& out) {
  out << "digraph plangraph {\n"
      << "  rankdir=RL;\n"
      << "  node [fontname=\"DejaVu Sans\", fontsize=10];\n"
      << "  edge [fontname=\"DejaVu Sans\", fontsize=8];\n";
  Status s = source.vertices([&](const GraphVertex& v) {
    bool imported = v.document_id != 0;
    out << "  " << DotQuote(v.id) << " [label=" << DotQuote(VertexLabel(v))
        << (imported ? ", shape=box, style=filled, fillcolor=\"#dbe9f6\""
                     : ", shape=ellipse, style=filled, fillcolor=\"#eeeeee\"")
        << "];\n";
  });
  if (!s.ok()) return s;
  s = source.edges([&](const GraphEdge& e) {
    std::string label = e.count > 1 ? e.relation + " ×" + std::to_string(e.count) : e.relation;
    out << "  " << DotQuote(e.from) << " -> " << DotQuote(e.to) << " [label=" << DotQuote(label)
        << (e.relation == "mentions" ? ", style=dashed" : "") << "];\n";
  });
  if (!s.ok()) return s;
  out << "}\n";
  return Status::Ok();
}

Status WriteGraphml(const GraphSource& source, std::ostream& out) {
  static const char* kNodeKeys[] = {"key", "type", "symbol", "date", "issuer", "title", "path"};
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
  Status s = source.vertices([&](const GraphVertex& v) {
    const std::string* values[] = {&v.key, &v.type, &v.symbol, &v.date, &v.issuer, &v.title, &v.path};
    out << "    <node id=\"" << XmlEscape(v.id) << "\">\n";
    for (size_t i = 0; i < std::size(kNodeKeys); ++i) {
      if (values[i]->empty()) continue;
      out << "      <data key=\"" << kNodeKeys[i] << "\">" << XmlEscape(*values[i]) << "</data>\n";
    }
    out << "      <data key=\"imported\">" << (v.document_id ? "true" : "false") << "</data>\n"
        << "    </node>\n";
  });
  if (!s.ok()) return s;
  int n = 0;
  s = source.edges([&](const GraphEdge& e) {
    out << "    <edge id=\"e" << n++ << "\" source=\"" << XmlEscape(e.from) << "\" target=\""
        << XmlEscape(e.to) << "\">\n"
        << "      <data key=\"relation\">" << XmlEscape(e.relation) << "</data>\n"
        << "      <data key=\"count\">" << e.count << "</data>\n"
        << "    </edge>\n";
  });
  if (!s.ok()) return s;
  out << "  </graph>\n</graphml>\n";
  return Status::Ok();
}

// Every object below writes its keys sorted, as GraphToJson's tree holds them; the top object is
// dumped with indent 1, so a vertex or an edge sits at depth 2.
Status WriteJson(const GraphSource& source, std::ostream& out) {
  constexpr int kIndent = 1;
  {
    JsonWriter w(out, kIndent);
    w.Open('{');
    w.Key(true, 0, "documents");
    w.Open('[');
  }
  bool first = true;
  Status s = source.plans([&](const StoredDocument& d) {
    {
      JsonWriter w(out, kIndent);
      w.Next(first, 1);
    }
    first = false;
    WriteStoredDocumentJson(out, d.extraction, d.summary.id, kIndent, 2);
  });
  if (!s.ok()) return s;
  JsonWriter w(out, kIndent);
  w.Close(']', first, 1);
  w.Key(false, 0, "edges");
  w.Open('[');
  first = true;
  s = source.edges([&](const GraphEdge& e) {
    w.Next(first, 1);
    first = false;
    w.Open('{');
    w.Key(true, 2, "count");
    w.Integer(e.count);
    w.Key(false, 2, "from");
    w.String(e.from);
    w.Key(false, 2, "relation");
    w.String(e.relation);
    w.Key(false, 2, "to");
    w.String(e.to);
    w.Close('}', false, 2);
    w.MaybeFlush();
  });
  if (!s.ok()) return s;
  w.Close(']', first, 1);
  w.Key(false, 0, "vertices");
  w.Open('[');
  first = true;
  s = source.vertices([&](const GraphVertex& v) {
    w.Next(first, 1);
    first = false;
    w.Open('{');
    // Unknown is null, never "" or 0 (README "Machine output").
    auto id_or_null = [&w](int64_t id) { id > 0 ? w.Integer(id) : w.Null(); };
    w.Key(true, 2, "date");
    w.OrNull(v.date);
    w.Key(false, 2, "document_id");
    id_or_null(v.document_id);
    w.Key(false, 2, "id");
    w.String(v.id);
    w.Key(false, 2, "imported");
    w.Raw(v.document_id != 0 ? "true" : "false");
    w.Key(false, 2, "issuer");
    w.OrNull(v.issuer);
    w.Key(false, 2, "key");
    w.OrNull(v.key);
    w.Key(false, 2, "node_id");
    id_or_null(v.node_id);
    w.Key(false, 2, "path");
    w.OrNull(v.path);
    w.Key(false, 2, "symbol");
    w.OrNull(v.symbol);
    w.Key(false, 2, "title");
    w.OrNull(v.title);
    w.Key(false, 2, "type");
    w.OrNull(v.type);
    w.Close('}', false, 2);
    w.MaybeFlush();
  });
  if (!s.ok()) return s;
  w.Close(']', first, 1);
  w.Close('}', false, 0);
  w.Raw("\n");
  return Status::Ok();
}

std::string GraphToDot(const GraphData& graph) {
  std::ostringstream out;
  (void)WriteDot(SourceOf(graph), out);  // a source in memory cannot fail
  return out.str();
}

std::string GraphToGraphml(const GraphData& graph) {
  std::ostringstream out;
  (void)WriteGraphml(SourceOf(graph), out);
  return out.str();
}

nlohmann::json GraphToJson(const GraphData& graph) {
  using nlohmann::json;
  auto or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  auto id_or_null = [](int64_t id) { return id > 0 ? json(id) : json(nullptr); };
  json vertices = json::array(), edges = json::array();
  for (const GraphVertex& v : graph.vertices) {
    vertices.push_back({{"id", v.id},
                        {"imported", v.document_id != 0},
                        {"document_id", id_or_null(v.document_id)},
                        {"node_id", id_or_null(v.node_id)},
                        {"key", or_null(v.key)},
                        {"type", or_null(v.type)},
                        {"symbol", or_null(v.symbol)},
                        {"date", or_null(v.date)},
                        {"issuer", or_null(v.issuer)},
                        {"title", or_null(v.title)},
                        {"path", or_null(v.path)}});
  }
  for (const GraphEdge& e : graph.edges) {
    edges.push_back({{"from", e.from}, {"to", e.to}, {"relation", e.relation}, {"count", e.count}});
  }
  return {{"vertices", vertices}, {"edges", edges}};
}

}  // namespace plangraph
