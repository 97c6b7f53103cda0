#include "graph_export.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <sstream>

#include "csv_tables.h"
#include "json_output.h"
#include "test_util.h"

namespace plangraph {
namespace {

using testing::ReadCsv;

// Two plans: d1 implements the resolution n7 (not imported) and d2 cites d1 twice.
GraphData SampleGraph() {
  GraphData g;
  GraphVertex d1;
  d1.id = "d1";
  d1.document_id = 1;
  d1.type = "Kế hoạch";
  d1.symbol = "49-KH/TU";
  d1.date = "2021-11-16";
  d1.issuer = "TỈNH ỦY ĐẮK LẮK";
  d1.title = "thực hiện Nghị quyết \"02\" & <các> văn bản, khác";
  d1.path = "/plans/a b.txt";
  GraphVertex d2 = d1;
  d2.id = "d2";
  d2.document_id = 2;
  d2.symbol = "31/KH-LĐLĐ";
  GraphVertex n7;
  n7.id = "n7";
  n7.node_id = 7;
  n7.key = "2|NQ-TW|2021";
  n7.type = "Nghị quyết";
  n7.symbol = "02-NQ/TW";
  g.vertices = {d1, d2, n7};
  g.edges = {{"d1", "n7", "implements", 1}, {"d2", "d1", "mentions", 2}};
  return g;
}

TEST(GraphExportTest, GraphmlParsesBackWithEveryVertexEdgeAndAttribute) {
  std::string xml = GraphToGraphml(SampleGraph());
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.c_str())) << xml;
  pugi::xml_node graph = doc.child("graphml").child("graph");
  ASSERT_TRUE(graph);
  EXPECT_STREQ(graph.attribute("edgedefault").value(), "directed");
  std::map<std::string, std::map<std::string, std::string>> nodes;
  for (pugi::xml_node n : graph.children("node")) {
    for (pugi::xml_node d : n.children("data")) {
      nodes[n.attribute("id").value()][d.attribute("key").value()] = d.text().get();
    }
  }
  ASSERT_EQ(nodes.size(), 3u);
  EXPECT_EQ(nodes["d1"]["title"], "thực hiện Nghị quyết \"02\" & <các> văn bản, khác");
  EXPECT_EQ(nodes["d1"]["issuer"], "TỈNH ỦY ĐẮK LẮK");
  EXPECT_EQ(nodes["d1"]["imported"], "true");
  EXPECT_EQ(nodes["n7"]["imported"], "false");
  EXPECT_EQ(nodes["n7"]["key"], "2|NQ-TW|2021");
  std::vector<std::string> edges;
  for (pugi::xml_node e : graph.children("edge")) {
    edges.push_back(std::string(e.attribute("source").value()) + ">" +
                    e.attribute("target").value() + ":" +
                    e.find_child_by_attribute("data", "key", "relation").text().get() + "x" +
                    e.find_child_by_attribute("data", "key", "count").text().get());
  }
  EXPECT_EQ(edges, (std::vector<std::string>{"d1>n7:implementsx1", "d2>d1:mentionsx2"}));
}

TEST(GraphExportTest, CsvNodeAndEdgeTablesParseBack) {
  std::ostringstream nodes, edges;
  ASSERT_TRUE(WriteCsvTables(SourceOf(SampleGraph()), {{"nodes", &nodes}, {"edges", &edges}}).ok());
  auto rows = ReadCsv(nodes.str());
  ASSERT_EQ(rows.size(), 4u);  // header, 3 vertices
  EXPECT_EQ(rows[0], (std::vector<std::string>{"id", "imported", "document_id", "node_id", "key",
                                               "type", "symbol", "date", "issuer", "title", "path"}));
  EXPECT_EQ(rows[1].size(), rows[0].size());
  EXPECT_EQ(rows[1][9], "thực hiện Nghị quyết \"02\" & <các> văn bản, khác");
  EXPECT_EQ(rows[1][10], "/plans/a b.txt");
  EXPECT_EQ(rows[3][1], "0");  // n7 is not imported
  EXPECT_EQ(rows[3][2], "");   // and so has no document id
  rows = ReadCsv(edges.str());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"from", "to", "relation", "count"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"d2", "d1", "mentions", "2"}));
  std::ostringstream ignored;
  Status bad = WriteCsvTables(SourceOf(SampleGraph()), {{"vertices", &ignored}});
  EXPECT_EQ(bad.message(), "no CSV table 'vertices'");
}

// The streamed JSON is the text of the tree: GraphToJson plus each plan's ExtractionToJson with
// its document_id, dumped with indent 1.
TEST(GraphExportTest, StreamedJsonIsTheTreeDumped) {
  std::vector<StoredDocument> plans(2);
  plans[0].summary.id = 1;
  plans[0].extraction.source = "/plans/a b.txt";
  plans[0].extraction.document.symbol = "49-KH/TU";
  plans[0].extraction.tasks.push_back({});
  plans[0].extraction.tasks[0].text = "Sở \"Tài chính\" chủ trì";
  plans[1].summary.id = 2;
  for (const auto& with_plans : {plans, std::vector<StoredDocument>{}}) {
    nlohmann::json tree = GraphToJson(SampleGraph());
    tree["documents"] = nlohmann::json::array();
    for (const StoredDocument& d : with_plans) {
      nlohmann::json j = ExtractionToJson(d.extraction);
      j["document_id"] = d.summary.id;
      tree["documents"].push_back(j);
    }
    std::ostringstream out;
    ASSERT_TRUE(WriteJson(SourceOf(SampleGraph(), with_plans), out).ok());
    EXPECT_EQ(out.str(), tree.dump(1) + "\n");
  }
}

TEST(GraphExportTest, DotHasOneStatementPerVertexAndEdgeWithEscapedLabels) {
  std::string dot = GraphToDot(SampleGraph());
  EXPECT_EQ(dot.rfind("digraph plangraph {", 0), 0u);
  EXPECT_NE(dot.find("\"d2\" -> \"d1\" [label=\"mentions ×2\", style=dashed];"), std::string::npos);
  EXPECT_NE(dot.find("\"d1\" -> \"n7\" [label=\"implements\"];"), std::string::npos);
  EXPECT_NE(dot.find("label=\"Kế hoạch 49-KH/TU\\n2021-11-16\\nTỈNH ỦY ĐẮK LẮK\""), std::string::npos);
  int arrows = 0;
  for (size_t p = dot.find("->"); p != std::string::npos; p = dot.find("->", p + 2)) ++arrows;
  EXPECT_EQ(arrows, 2);
  EXPECT_EQ(dot.substr(dot.size() - 2), "}\n");
}

TEST(GraphExportTest, JsonRoundTrips) {
  nlohmann::json j = nlohmann::json::parse(GraphToJson(SampleGraph()).dump());
  ASSERT_EQ(j["vertices"].size(), 3u);
  EXPECT_EQ(j["vertices"][2]["key"], "2|NQ-TW|2021");
  EXPECT_EQ(j["vertices"][0]["imported"], true);
  EXPECT_EQ(j["edges"][1]["count"], 2);
}

TEST(GraphExportTest, CsvFieldQuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvField("Sở Tài chính"), "Sở Tài chính");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"x\""), "\"say \"\"x\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
}

}  // namespace
}  // namespace plangraph
