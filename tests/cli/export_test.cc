// End-to-end: `plangraph export` of the built binary on four small plans, whole and selected
// (--document, --cites with --depth, --issuer, --year, alone and combined), in every format;
// the CSV tables parsed back; and the streamed JSON against the tree it replaced, on the corpus.
//
//   02-NQ/TW (not imported) ← 49-KH/TU (Tỉnh ủy, 2021) ← 31/KH-LĐLĐ (2022) ← 5/KH-CĐCS (2022)
//   02-NQ/TW ← 60-KH/TU (Tỉnh ủy, 2022), which also cites 05-CT/TW (not imported)
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "graph_export.h"
#include "json_output.h"
#include "plangraph/store.h"
#include "chain_plans.h"
#include "test_util.h"

namespace plangraph {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::Quote;
using testing::ReadCsv;
using testing::Shell;
using testing::kPlan31;
using testing::kPlan49;
using testing::kPlan5;
using Names = std::set<std::string>;

const char* kPlan60 =
    "TỈNH ỦY ĐẮK LẮK\nSố: 60-KH/TU\nĐắk Lắk, ngày 02 tháng 3 năm 2022\nKẾ HOẠCH\n"
    "thực hiện Nghị quyết số 02-NQ/TW, ngày 12/6/2021 của Bộ Chính trị và Chỉ thị số 05-CT/TW, "
    "ngày 15/5/2016 của Bộ Chính trị\n"
    "I. NHIỆM VỤ\n1. Ban Dân vận Tỉnh ủy chủ trì tổng kết \"05 năm\", báo cáo trước ngày "
    "30/11/2022.\n";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::FreshTestDir("export");
    fs::create_directories(dir_ / "plans");
    for (const auto& [name, text] : std::map<std::string, const char*>{
             {"kh49.txt", kPlan49}, {"kh31.txt", kPlan31}, {"kh5.txt", kPlan5}, {"kh60.txt", kPlan60}}) {
      std::ofstream(dir_ / "plans" / name, std::ios::binary) << text;
    }
    db_ = (dir_ / "plans.db").string();
    ASSERT_EQ(Run("import " + Quote((dir_ / "plans").string())).status, 0);
  }
  void TearDown() override { fs::remove_all(dir_); }

  testing::CommandRun Run(const std::string& args) {
    return Shell(std::string(PLANGRAPH_BINARY) + " " + args + " --db " + Quote(db_) + " 2>&1");
  }
  // stdout only: what a program reading the export gets.
  testing::CommandRun Export(const std::string& args) {
    return Shell(std::string(PLANGRAPH_BINARY) + " export " + args + " --db " + Quote(db_) +
                 " 2>/dev/null");
  }

  // Each vertex named by its số (or its key when it has none), each edge "from>to".
  struct Graph {
    Names documents, vertices, edges;
  };
  Graph JsonGraph(const std::string& args) {
    auto r = Export("--format json " + args);
    Graph g;
    json j = json::parse(r.out);
    std::map<std::string, std::string> name;
    for (const json& v : j["vertices"]) {
      name[v["id"]] = v["symbol"].is_string() ? v["symbol"].get<std::string>() : "?";
      g.vertices.insert(name[v["id"]]);
    }
    for (const json& e : j["edges"]) g.edges.insert(name[e["from"]] + ">" + name[e["to"]]);
    for (const json& d : j["documents"]) g.documents.insert(d["document"]["symbol"]);
    return g;
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(ExportTest, WholeDatabaseWithoutSelection) {
  Graph g = JsonGraph("");
  EXPECT_EQ(g.documents, (Names{"49-KH/TU", "31/KH-LĐLĐ", "5/KH-CĐCS", "60-KH/TU"}));
  EXPECT_EQ(g.vertices, (Names{"49-KH/TU", "31/KH-LĐLĐ", "5/KH-CĐCS", "60-KH/TU", "02-NQ/TW",
                               "05-CT/TW"}));
  EXPECT_EQ(g.edges, (Names{"49-KH/TU>02-NQ/TW", "31/KH-LĐLĐ>49-KH/TU", "5/KH-CĐCS>31/KH-LĐLĐ",
                            "60-KH/TU>02-NQ/TW", "60-KH/TU>05-CT/TW"}));
}

// The plan, the documents it cites (an imported one as its plan's vertex), the edges among them:
// 49-KH/TU's own citation of 02-NQ/TW is not among them.
TEST_F(ExportTest, DocumentBySoPathOrId) {
  const Graph expected{{"31/KH-LĐLĐ"}, {"31/KH-LĐLĐ", "49-KH/TU"}, {"31/KH-LĐLĐ>49-KH/TU"}};
  for (const std::string& doc :
       {std::string("31/KH-LĐLĐ"), std::string("31/KH-LDLD"), (dir_ / "plans/kh31.txt").string()}) {
    Graph g = JsonGraph("--document " + Quote(doc));
    EXPECT_EQ(g.documents, expected.documents) << doc;
    EXPECT_EQ(g.vertices, expected.vertices) << doc;
    EXPECT_EQ(g.edges, expected.edges) << doc;
  }
  // A path relative to the working folder, as show takes it.
  auto r = Shell("cd " + Quote((dir_ / "plans").string()) + " && " + PLANGRAPH_BINARY +
                 " export --format json --document kh31.txt --db " + Quote(db_));
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(json::parse(r.out)["documents"][0]["document"]["symbol"], "31/KH-LĐLĐ");
}

TEST_F(ExportTest, DocumentNotFoundOrAmbiguousExitsOneAsShowDoes) {
  auto r = Run("export --document 77/KH-XYZ");
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_EQ(Run("show 77/KH-XYZ").status, 1);
  EXPECT_NE(r.out.find("no document '77/KH-XYZ'"), std::string::npos) << r.out;
  // A second 49-KH/TU of another year: "49-KH/TU" alone names two plans.
  std::string other = kPlan49;
  other.replace(other.find("năm 2021"), 8, "năm 2023");
  std::ofstream(dir_ / "plans/kh49-2023.txt", std::ios::binary) << other;
  ASSERT_EQ(Run("import " + Quote((dir_ / "plans").string())).status, 0);
  r = Run("export --document 49-KH/TU --format json");
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("matches 2 documents:\n  #"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\"documents\""), std::string::npos) << r.out;  // nothing exported
  // audit --document and show meet the same ambiguity the same way.
  EXPECT_EQ(Run("show 49-KH/TU").status, 1);
  r = Run("audit --document 49-KH/TU --format json");
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("matches 2 documents:\n  #"), std::string::npos) << r.out;
}

TEST_F(ExportTest, CitesWithAndWithoutDepth) {
  Graph direct = JsonGraph("--cites 'Nghị quyết 02'");
  EXPECT_EQ(direct.documents, (Names{"49-KH/TU", "60-KH/TU"}));
  EXPECT_EQ(direct.vertices, (Names{"49-KH/TU", "60-KH/TU", "02-NQ/TW", "05-CT/TW"}));
  EXPECT_EQ(direct.edges, (Names{"49-KH/TU>02-NQ/TW", "60-KH/TU>02-NQ/TW", "60-KH/TU>05-CT/TW"}));
  Graph two = JsonGraph("--cites 02/NQ-TW --depth 2");
  EXPECT_EQ(two.documents, (Names{"49-KH/TU", "60-KH/TU", "31/KH-LĐLĐ"}));
  Graph three = JsonGraph("--cites 02-NQ/TW --depth 3");
  EXPECT_EQ(three.documents, (Names{"49-KH/TU", "60-KH/TU", "31/KH-LĐLĐ", "5/KH-CĐCS"}));
  EXPECT_EQ(three.edges.size(), 5u);
  // An imported plan cited: its vertex is the plan's.
  Graph of49 = JsonGraph("--cites 49-KH/TU");
  EXPECT_EQ(of49.documents, (Names{"31/KH-LĐLĐ"}));
  EXPECT_EQ(of49.edges, (Names{"31/KH-LĐLĐ>49-KH/TU"}));
  EXPECT_EQ(Run("export --depth 2").status, 2);  // --depth belongs to --cites
}

TEST_F(ExportTest, IssuerAndYearAloneAndCombined) {
  EXPECT_EQ(JsonGraph("--issuer 'tinh uy dak lak'").documents, (Names{"49-KH/TU", "60-KH/TU"}));
  EXPECT_EQ(JsonGraph("--issuer 'TỈNH ỦY'").documents, (Names{"49-KH/TU", "60-KH/TU"}));
  EXPECT_EQ(JsonGraph("--year 2022").documents, (Names{"31/KH-LĐLĐ", "5/KH-CĐCS", "60-KH/TU"}));
  EXPECT_EQ(JsonGraph("--issuer 'tỉnh ủy' --year 2022").documents, (Names{"60-KH/TU"}));
  EXPECT_EQ(JsonGraph("--cites 02-NQ/TW --depth 3 --year 2022").documents,
            (Names{"60-KH/TU", "31/KH-LĐLĐ", "5/KH-CĐCS"}));
  EXPECT_EQ(JsonGraph("--cites 02-NQ/TW --depth 2 --issuer 'lao dong'").documents,
            (Names{"31/KH-LĐLĐ"}));
  EXPECT_EQ(JsonGraph("--document 5/KH-CĐCS --year 2022").documents, (Names{"5/KH-CĐCS"}));
  EXPECT_EQ(JsonGraph("--document 5/KH-CĐCS --cites 31/KH-LĐLĐ").documents, (Names{"5/KH-CĐCS"}));
}

// Every format writes the same selected subgraph.
TEST_F(ExportTest, EveryFormatHonoursTheSelection) {
  const std::string selection = "--cites 02-NQ/TW --depth 2 --year 2022";
  const Graph expected = JsonGraph(selection);
  ASSERT_EQ(expected.documents, (Names{"60-KH/TU", "31/KH-LĐLĐ"}));
  // 49-KH/TU is no plan selected, but 31 reaches it and 60 reaches 02-NQ/TW: the edge between
  // them is among the vertices.
  ASSERT_EQ(expected.edges, (Names{"60-KH/TU>02-NQ/TW", "60-KH/TU>05-CT/TW", "31/KH-LĐLĐ>49-KH/TU",
                                   "49-KH/TU>02-NQ/TW"}));
  // Vertex ids and edges as ids, read from each format.
  json j = json::parse(Export("--format json " + selection).out);
  Names ids, edges;
  for (const json& v : j["vertices"]) ids.insert(v["id"].get<std::string>());
  for (const json& e : j["edges"]) edges.insert(e["from"].get<std::string>() + ">" + e["to"].get<std::string>());
  ASSERT_EQ(ids.size(), 5u);

  const std::string dot = Export("--format dot " + selection).out;
  Names dot_ids, dot_edges;
  std::smatch m;
  const std::regex vertex(R"re(\n  "(\w+)" \[label)re"), edge(R"re(\n  "(\w+)" -> "(\w+)")re");
  for (auto it = dot.cbegin(); std::regex_search(it, dot.cend(), m, vertex); it = m[0].second) {
    dot_ids.insert(m[1]);
  }
  for (auto it = dot.cbegin(); std::regex_search(it, dot.cend(), m, edge); it = m[0].second) {
    dot_edges.insert(std::string(m[1]) + ">" + std::string(m[2]));
  }
  EXPECT_EQ(dot_ids, ids);
  EXPECT_EQ(dot_edges, edges);

  pugi::xml_document xml;
  const std::string graphml = Export("--format graphml " + selection).out;
  ASSERT_TRUE(xml.load_string(graphml.c_str())) << graphml;
  Names xml_ids, xml_edges;
  for (pugi::xml_node n : xml.child("graphml").child("graph").children("node")) {
    xml_ids.insert(n.attribute("id").value());
  }
  for (pugi::xml_node e : xml.child("graphml").child("graph").children("edge")) {
    xml_edges.insert(std::string(e.attribute("source").value()) + ">" + e.attribute("target").value());
  }
  EXPECT_EQ(xml_ids, ids);
  EXPECT_EQ(xml_edges, edges);

  Names csv_ids, csv_edges, csv_documents;
  auto nodes = ReadCsv(Export("--format csv --table nodes " + selection).out);
  for (size_t i = 1; i < nodes.size(); ++i) csv_ids.insert(nodes[i][0]);
  auto csv_edge_rows = ReadCsv(Export("--format csv --table edges " + selection).out);
  for (size_t i = 1; i < csv_edge_rows.size(); ++i) csv_edges.insert(csv_edge_rows[i][0] + ">" + csv_edge_rows[i][1]);
  auto documents = ReadCsv(Export("--format csv " + selection).out);  // documents by default
  for (size_t i = 1; i < documents.size(); ++i) csv_documents.insert(documents[i][3]);
  EXPECT_EQ(csv_ids, ids);
  EXPECT_EQ(csv_edges, edges);
  EXPECT_EQ(csv_documents, expected.documents);
}

// No plan selected: the empty graph of each format, and exit 1.
TEST_F(ExportTest, NoMatchWritesTheEmptyGraphAndExitsOne) {
  for (const std::string& selection :
       {std::string("--year 1999"), std::string("--issuer 'bộ y tế'"),
        std::string("--cites 02-NQ/TW --issuer 'lao dong'"), std::string("--cites 99-NQ/TW")}) {
    auto r = Export("--format json " + selection);
    EXPECT_EQ(r.status, 1) << selection;
    EXPECT_EQ(json::parse(r.out),
              (json{{"documents", json::array()}, {"edges", json::array()}, {"vertices", json::array()}}))
        << selection;
  }
  auto dot = Export("--format dot --year 1999");
  EXPECT_EQ(dot.status, 1);
  EXPECT_EQ(dot.out.rfind("digraph plangraph {", 0), 0u) << dot.out;
  EXPECT_EQ(dot.out.find("->"), std::string::npos) << dot.out;
  EXPECT_EQ(dot.out.find("[label"), std::string::npos) << dot.out;
  auto graphml = Export("--format graphml --year 1999");
  EXPECT_EQ(graphml.status, 1);
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(graphml.out.c_str()));
  EXPECT_TRUE(xml.child("graphml").child("graph"));
  EXPECT_FALSE(xml.child("graphml").child("graph").child("node"));
  auto csv = Export("--format csv --table tasks --year 1999");
  EXPECT_EQ(csv.status, 1);
  EXPECT_EQ(ReadCsv(csv.out).size(), 1u) << csv.out;  // the header alone
  auto said = Run("export --year 1999");
  EXPECT_NE(said.out.find("no plan in " + db_ + " matches the selection"), std::string::npos)
      << said.out;
}

// --out DIR: every table in its own file, with its header; each parses back, row by row as wide
// as its header, and the quoted fields (commas, quotes) come back as the plans wrote them.
TEST_F(ExportTest, CsvTablesOneFileEachParseBack) {
  const fs::path out = dir_ / "tables";
  auto r = Run("export --format csv --out " + Quote(out.string()));
  ASSERT_EQ(r.status, 0) << r.out;
  // Sections: 49 has I, 1, II and the numbered items 1, 2 under II; 31 I, 1, 2; 5 and 60 I, 1.
  const std::map<std::string, size_t> rows = {
      {"documents", 4}, {"sections", 12}, {"citations", 5}, {"targets", 1},  {"tasks", 6},
      {"assignees", 4}, {"deadlines", 3}, {"paragraphs", 1}, {"plan_limits", 0}, {"nodes", 6},
      {"edges", 5}};
  std::map<std::string, std::vector<std::vector<std::string>>> tables;
  for (const auto& [name, count] : rows) {
    ASSERT_TRUE(fs::exists(out / (name + ".csv"))) << name;
    tables[name] = ReadCsv(ReadFile(out / (name + ".csv")));
    const auto& t = tables[name];
    ASSERT_FALSE(t.empty()) << name;
    for (const auto& row : t) EXPECT_EQ(row.size(), t[0].size()) << name;
    EXPECT_EQ(t.size() - 1, count) << name;
    // --table NAME writes the same text to standard output.
    EXPECT_EQ(Export("--format csv --table " + name).out, ReadFile(out / (name + ".csv"))) << name;
  }
  EXPECT_EQ(tables["tasks"][0],
            (std::vector<std::string>{"document_id", "task", "section", "line", "text", "deadline",
                                      "deadline_start", "deadline_end", "recurrence"}));
  std::set<std::string> texts;
  for (const auto& row : tables["tasks"]) texts.insert(row[4]);
  EXPECT_TRUE(texts.count("Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan "
                          "triển khai thực hiện Kế hoạch; thời gian: Quý I/2022."));
  EXPECT_TRUE(texts.count("Ban Dân vận Tỉnh ủy chủ trì tổng kết \"05 năm\", báo cáo trước ngày "
                          "30/11/2022."));
  // Numbers are plain numbers; an unknown value is an empty field.
  const auto& target = tables["targets"][1];
  EXPECT_EQ(target[4], "500");
  EXPECT_EQ(target[9], "");  // no horizon year
  int not_imported = 0;
  for (size_t i = 1; i < tables["nodes"].size(); ++i) {
    const auto& row = tables["nodes"][i];
    if (row[1] != "0") continue;
    ++not_imported;  // a cited document only: no document id, no path
    EXPECT_EQ(row[2], "") << row[0];
    EXPECT_EQ(row[10], "") << row[0];
  }
  EXPECT_EQ(not_imported, 2);  // 02-NQ/TW and 05-CT/TW
  EXPECT_EQ(Run("export --format dot --table nodes").status, 2);
  EXPECT_EQ(Run("export --format csv --table vertices").status, 2);
}

// The streamed JSON is the text the whole tree made before (GraphToJson and each plan's
// ExtractionToJson, dumped with indent 1), on the bundled corpus.
TEST(ExportStreamTest, StreamedJsonEqualsTheTreeOnTheCorpus) {
  const fs::path dir = testing::FreshTestDir("export-stream");
  const std::string db = (dir / "corpus.db").string();
  ASSERT_EQ(Shell(std::string(PLANGRAPH_BINARY) + " import -q --db " + Quote(db) + " " +
                  Quote(testing::SourceDir() + "/corpus/docs"))
                .status,
            0);
  auto streamed = Shell(std::string(PLANGRAPH_BINARY) + " export --format json --db " + Quote(db));
  ASSERT_EQ(streamed.status, 0);
  auto store = Store::OpenReadOnly(db);
  ASSERT_TRUE(store.ok()) << store.status().message();
  auto graph = store->CitationGraph();
  auto docs = store->Documents();
  ASSERT_TRUE(graph.ok() && docs.ok());
  json plans = json::array();
  for (const DocumentSummary& d : *docs) {
    auto stored = store->LoadDocument(d.id);
    ASSERT_TRUE(stored.ok());
    json j = ExtractionToJson(stored->extraction);
    j["document_id"] = d.id;
    plans.push_back(std::move(j));
  }
  json tree = GraphToJson(*graph);
  tree["documents"] = std::move(plans);
  ASSERT_GE(tree["documents"].size(), 5u);
  ASSERT_GT(tree["edges"].size(), 10u);
  EXPECT_TRUE(streamed.out == tree.dump(1) + "\n");  // not printed: several hundred KB
  EXPECT_EQ(json::parse(streamed.out), tree);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace plangraph
