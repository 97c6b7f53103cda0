// End-to-end: the database commands of the built binary on three small plans that implement
// each other (02-NQ/TW ← 49-KH/TU ← 31/KH-LĐLĐ ← 5/KH-CĐCS) and on a bad file among them.
#include <gtest/gtest.h>
#include <httplib.h>
#include <pugixml.hpp>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "chain_plans.h"
#include "test_util.h"

namespace plangraph {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::Quote;
using testing::Shell;
using testing::kPlan31;
using testing::kPlan49;
using testing::kPlan5;


class CommandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::FreshTestDir("commands");
    fs::create_directories(dir_ / "plans");
    Write("plans/kế hoạch 49 tỉnh ủy.txt", kPlan49);
    Write("plans/kh31.txt", kPlan31);
    Write("plans/kh5.txt", kPlan5);
    db_ = (dir_ / "plans.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  // Runs `plangraph ARGS --db DB`, stderr folded into the output.
  testing::CommandRun Run(const std::string& args) {
    return Shell(std::string(PLANGRAPH_BINARY) + " " + args + " --db " + Quote(db_) + " 2>&1");
  }
  std::string Plans() { return Quote((dir_ / "plans").string()); }

  fs::path dir_;
  std::string db_;
};

TEST_F(CommandsTest, ImportSkipsABadFileAndReimportChangesNothing) {
  Write("plans/broken.txt", std::string("\x00\x01\x02 binary", 9));
  auto r = Run("import " + Plans());
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("broken.txt: binary file"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("4 files, 3 imported, 0 unchanged, 0 replaced, 1 failed"), std::string::npos)
      << r.out;
  fs::remove(dir_ / "plans/broken.txt");
  r = Run("import " + Plans());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("3 files, 0 imported, 3 unchanged, 0 replaced, 0 failed"), std::string::npos)
      << r.out;
  r = Run("import --force " + Plans());
  EXPECT_NE(r.out.find("3 files, 0 imported, 0 unchanged, 3 replaced, 0 failed"), std::string::npos)
      << r.out;
  r = Run("stats --format json");
  json stats = json::parse(r.out);
  EXPECT_EQ(stats["documents"], 3);
  EXPECT_EQ(stats["tasks"], 5);
}

TEST_F(CommandsTest, ImportCountsUnreadableFilesApart) {
  // A scan that OCR may not read is refused as unreadable, named, and counted apart.
  fs::copy_file(testing::SourceDir() + "/tests/fixtures/pdf/scanned.pdf", dir_ / "plans/scan.pdf");
  auto r = Run("import --ocr never " + Plans());
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("scan.pdf: the PDF has no text layer (a scan); read it by OCR with --ocr auto"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("4 files, 3 imported, 0 unchanged, 0 replaced, 1 failed (unreadable: 1)"),
            std::string::npos)
      << r.out;
  r = Run("import --ocr never --format json " + Plans());
  json summary = json::parse(r.out.substr(r.out.find('{')));
  EXPECT_EQ(summary["unreadable"], 1);
  EXPECT_EQ(summary["failed"], 1);
  r = Run("import --ocr sometimes " + Plans());
  EXPECT_EQ(r.status, 2) << r.out;
}

TEST_F(CommandsTest, ChangedFileReplacesItsOldVersion) {
  ASSERT_EQ(Run("import " + Plans()).status, 0);
  Write("plans/kh31.txt", std::string(kPlan31) + "3. Tổng kết vào cuối năm.\n");
  auto r = Run("import " + Plans());
  EXPECT_NE(r.out.find("0 imported, 2 unchanged, 1 replaced, 0 failed"), std::string::npos) << r.out;
  json stats = json::parse(Run("stats --format json").out);
  EXPECT_EQ(stats["documents"], 3);
  EXPECT_EQ(stats["tasks"], 6);
}

TEST_F(CommandsTest, CitesFindsEveryVariantSpellingAndTheTransitiveTree) {
  ASSERT_EQ(Run("import " + Plans()).status, 0);
  for (const char* ref : {"02-NQ/TW", "Nghị quyết 02", "nq 02/tw 2021", "2-NQ/TW", "02/NQ-TW"}) {
    auto r = Run(std::string("cites ") + Quote(ref) + " --format json");
    ASSERT_EQ(r.status, 0) << ref << ": " << r.out;
    json j = json::parse(r.out);
    ASSERT_EQ(j["plans"].size(), 1u) << ref;
    EXPECT_EQ(j["plans"][0]["symbol"], "49-KH/TU") << ref;
  }
  json tree = json::parse(Run("cites 02-NQ/TW --transitive --format json").out);
  ASSERT_EQ(tree["plans"].size(), 3u);
  std::vector<std::string> levels;
  for (const auto& p : tree["plans"]) {
    levels.push_back(std::to_string(p["depth"].get<int>()) + ":" + p["symbol"].get<std::string>());
  }
  EXPECT_EQ(levels, (std::vector<std::string>{"1:49-KH/TU", "2:31/KH-LĐLĐ", "3:5/KH-CĐCS"}));
  auto none = Run("cites 99-NQ/TW");
  EXPECT_EQ(none.status, 1);
  EXPECT_NE(none.out.find("no plan"), std::string::npos);
}

// Regression: "cites 31/KH-LDLD" (no stroke on the D, as people type) found nothing.
TEST_F(CommandsTest, CitesAndShowFoldDStrokeAndSpacedLetterGroups) {
  ASSERT_EQ(Run("import " + Plans()).status, 0);
  for (const char* ref : {"31/KH-LDLD", "31/KH-LĐLĐ", "31 KH LDLD", "kế hoạch 31/kh-ldld 2022"}) {
    auto r = Run(std::string("cites ") + Quote(ref) + " --format json");
    ASSERT_EQ(r.status, 0) << ref << ": " << r.out;
    json j = json::parse(r.out);
    ASSERT_EQ(j["plans"].size(), 1u) << ref;
    EXPECT_EQ(j["plans"][0]["symbol"], "5/KH-CĐCS") << ref;
  }
  auto shown = Run("show 31/KH-LDLD");
  EXPECT_EQ(shown.status, 0) << shown.out;
  EXPECT_NE(shown.out.find("31/KH-LĐLĐ"), std::string::npos) << shown.out;
}

TEST_F(CommandsTest, AuditCountsMatchTheHandCount) {
  ASSERT_EQ(Run("import " + Plans()).status, 0);
  json audit = json::parse(Run("audit --format json").out);
  // 49: 2 tasks, one dated (Quý I/2022); 31: 2 tasks, none dated or assigned, 1 target without
  // year; 5: 1 task, dated and assigned. Only 02-NQ/TW is cited but not imported. 31 names no
  // body at all: the union does the work itself, so its 2 tasks are the issuer's, not unassigned.
  EXPECT_EQ(audit["total"]["tasks"], 5);
  EXPECT_EQ(audit["total"]["tasks_without_deadline"], 3);
  EXPECT_EQ(audit["total"]["tasks_without_assignee"], 0);
  EXPECT_EQ(audit["total"]["tasks_assigned_to_issuer"], 2);
  EXPECT_EQ(audit["total"]["targets_without_year"], 1);
  EXPECT_EQ(audit["total"]["citations_not_in_database"], 1);
  EXPECT_EQ(audit["documents_without_organisation_section"], 2);
  json one = json::parse(Run("audit --document 31/KH-LĐLĐ --format json").out);
  ASSERT_EQ(one["documents"].size(), 1u);
  EXPECT_EQ(one["documents"][0]["counts"]["tasks_assigned_to_issuer"], 2);
  EXPECT_EQ(one["documents"][0]["issuer_does_the_work"], true);
}

// A district committee's own plan with a plan-wide limit, beside a city plan that gives work to
// several bodies and forgets one task: audit keeps the implicit and covered tasks apart from the
// real gaps, and names a cited document as people write it.
TEST_F(CommandsTest, AuditTellsRealGapsFromImplicitOnes) {
  fs::remove_all(dir_ / "plans");
  fs::create_directories(dir_ / "plans");
  Write("plans/hu.txt",
        "HUYỆN ỦY CÁT TIÊN\nSố: 88-KH/HU\nCát Tiên, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\n"
        "thực hiện Kế hoạch số 62-KH/HU ngày 10/5/2022 của Huyện ủy\n"
        "I. NHIỆM VỤ\n1. Tổ chức quán triệt Nghị quyết.\n2. Sơ kết việc thực hiện.\n"
        "II. THỜI GIAN THỰC HIỆN\nNăm 2024.\n");
  Write("plans/ub.txt",
        "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ\nSố: 40/KH-UBND\nCần Thơ, ngày 02 tháng 4 năm 2024\n"
        "KẾ HOẠCH\nphòng, chống dịch bệnh\nI. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh; hoàn thành trong quý II/2024.\n"
        "2. Sở Tài chính bố trí kinh phí; hoàn thành trước ngày 30/6/2024.\n"
        "3. Tổng hợp tình hình, báo cáo kết quả.\n");
  ASSERT_EQ(Run("import " + Plans()).status, 0);
  auto r = Run("audit --format json");
  ASSERT_EQ(r.status, 0) << r.out;
  json audit = json::parse(r.out);
  ASSERT_EQ(audit["documents"].size(), 2u);
  const json& hu = audit["documents"][0]["symbol"] == "88-KH/HU" ? audit["documents"][0]
                                                                 : audit["documents"][1];
  const json& ub = &hu == &audit["documents"][0] ? audit["documents"][1] : audit["documents"][0];
  EXPECT_EQ(hu["issuer_does_the_work"], true);
  EXPECT_EQ(hu["counts"]["tasks_assigned_to_issuer"], 2);
  EXPECT_EQ(hu["counts"]["tasks_without_assignee"], 0);
  EXPECT_EQ(hu["plan_limit"]["end"], "2024-12-31");
  EXPECT_EQ(hu["counts"]["tasks_under_plan_limit"], 2);
  EXPECT_EQ(hu["counts"]["tasks_without_deadline"], 0);
  EXPECT_EQ(hu["citations_not_in_database"], json::array({"Kế hoạch 62-KH/HU (2022)"}));
  EXPECT_EQ(ub["issuer_does_the_work"], false);
  EXPECT_EQ(ub["counts"]["tasks_without_assignee"], 1);
  EXPECT_EQ(ub["counts"]["tasks_assigned_to_issuer"], 0);
  EXPECT_EQ(ub["counts"]["tasks_without_deadline"], 1);
  EXPECT_EQ(ub["plan_limit"], nullptr);
  EXPECT_EQ(audit["total"]["tasks_assigned_to_issuer"], 2);
  EXPECT_EQ(audit["total"]["tasks_without_assignee"], 1);

  r = Run("audit --details");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("plan-wide limit: Năm 2024"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("assigned to the issuer (implicit):"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("covered by the plan-wide limit:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cited, not in the database: Kế hoạch 62-KH/HU (2022)"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("62|KH-HU|2022"), std::string::npos) << r.out;
}

TEST_F(CommandsTest, SearchWithoutDiacriticsAndWithHostileText) {
  ASSERT_EQ(Run("import " + Plans()).status, 0);
  auto r = Run("search tuyen truyen sau rong --format json");
  ASSERT_EQ(r.status, 0) << r.out;
  json hits = json::parse(r.out);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0]["symbol"], "31/KH-LĐLĐ");
  EXPECT_NE(hits[0]["snippet"].get<std::string>().find("tuyên truyền sâu rộng"), std::string::npos);
  // Body text that is no task: the bullet under "I. MỤC ĐÍCH, YÊU CẦU > 1. Mục đích" of plan 49.
  r = Run("search nang cao chat luong --format json");
  ASSERT_EQ(r.status, 0) << r.out;
  hits = json::parse(r.out);
  ASSERT_EQ(hits.size(), 1u) << r.out;
  EXPECT_EQ(hits[0]["kind"], "paragraph");
  EXPECT_EQ(hits[0]["section"], "I > 1");
  EXPECT_EQ(hits[0]["line"], 8);
  EXPECT_EQ(hits[0]["snippet"], "Nâng cao chất lượng tuyên truyền.");
  r = Run("search nâng cao chất lượng --format csv");
  EXPECT_NE(r.out.find(",8,paragraph,I > 1,Nâng cao chất lượng tuyên truyền.\n"), std::string::npos)
      << r.out;
  json shown = json::parse(Run("show 49-KH/TU --format json").out);
  ASSERT_EQ(shown["paragraphs"].size(), 1u);
  EXPECT_EQ(shown["paragraphs"][0]["text"], "Nâng cao chất lượng tuyên truyền.");
  EXPECT_EQ(json::parse(Run("stats --format json").out)["paragraphs"], 1);
  for (const char* hostile : {"\"", "AND OR", "'; DROP TABLE documents; --", "*", "NEAR("}) {
    auto h = Run(std::string("search ") + Quote(hostile));
    EXPECT_TRUE(h.status == 0 || h.status == 1) << hostile << ": " << h.out;
  }
  EXPECT_EQ(json::parse(Run("stats --format json").out)["documents"], 3);
}

TEST_F(CommandsTest, QueryTextNeverChangesTheQuery) {
  ASSERT_EQ(Run("import " + Plans()).status, 0);
  // Not a reference: a usage error that says so, and nothing is changed.
  for (const char* hostile : {"'; DROP TABLE documents; --", "\"", "%", "*", ""}) {
    auto r = Run(std::string("cites ") + Quote(hostile));
    EXPECT_EQ(r.status, 2) << hostile;
    EXPECT_NE(r.out.find("reference"), std::string::npos) << r.out;
  }
  // Quotes and SQL around a real number do not widen the answer.
  auto r = Run(std::string("cites ") + Quote("02-NQ/TW\" OR 1=1") + " --format json");
  ASSERT_EQ(r.status, 0) << r.out;
  json widened = json::parse(r.out), plain = json::parse(Run("cites 02-NQ/TW --format json").out);
  widened.erase("query");
  plain.erase("query");
  EXPECT_EQ(widened, plain);
  // Filters are text, never patterns: "%" is no issuer, and a document that is not there is named.
  json audit = json::parse(Run("audit --issuer % --format json").out);
  EXPECT_TRUE(audit["documents"].empty());
  EXPECT_EQ(audit["total"]["tasks"], 0);
  r = Run(std::string("audit --document ") + Quote("' OR 1=1 --"));
  EXPECT_EQ(r.status, 1);  // not found: 1, as in every command
  EXPECT_NE(r.out.find("no document '' OR 1=1 --'"), std::string::npos) << r.out;
  EXPECT_EQ(json::parse(Run("stats --format json").out)["documents"], 3);
}

TEST_F(CommandsTest, ExportFormatsParseBack) {
  ASSERT_EQ(Run("import " + Plans()).status, 0);
  json j = json::parse(Run("export --format json").out);
  EXPECT_EQ(j["documents"].size(), 3u);
  EXPECT_EQ(j["edges"].size(), 3u);  // 49 → 02-NQ/TW, 31 → 49, 5 → 31
  pugi::xml_document xml;
  std::string graphml = Run("export --format graphml").out;
  ASSERT_TRUE(xml.load_string(graphml.c_str()));
  auto graph = xml.child("graphml").child("graph");
  EXPECT_EQ(std::distance(graph.children("node").begin(), graph.children("node").end()), 4);
  EXPECT_EQ(std::distance(graph.children("edge").begin(), graph.children("edge").end()), 3);
  std::string dot = Run("export --format dot").out;
  EXPECT_EQ(dot.rfind("digraph plangraph {", 0), 0u);
  std::string out = (dir_ / "graph.csv").string();
  ASSERT_EQ(Run("export --format csv -o " + Quote(out)).status, 0);
  EXPECT_TRUE(fs::file_size(out) > 0);
}

TEST_F(CommandsTest, ShowPrintsOnePlanBySymbolOrPath) {
  ASSERT_EQ(Run("import " + Plans()).status, 0);
  auto r = Run("show 49-KH/TU");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("Ban Tuyên giáo Tỉnh ủy"), std::string::npos) << r.out;
  json j = json::parse(Run("show " + Quote((dir_ / "plans/kh5.txt").string()) + " --format json").out);
  EXPECT_EQ(j["document"]["symbol"], "5/KH-CĐCS");
  EXPECT_NE(Run("show 77/KH-XYZ").status, 0);
}

TEST_F(CommandsTest, DatabaseCommandsOnAMissingDatabaseSayWhatToDo) {
  auto r = Run("stats");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("no such database"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(db_));
}

}  // namespace
}  // namespace plangraph

namespace plangraph {
namespace {

class StalePlansTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::FreshTestDir("stale");
    fs::create_directories(dir_ / "plans/old");
    Write("plans/kh49.txt", kPlan49);
    Write("plans/old/kh31.txt", kPlan31);
    Write("plans/kh5.txt", kPlan5);
    db_ = (dir_ / "plans.db").string();
  }
  void TearDown() override {
    fs::permissions(dir_ / "plans", fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(dir_);
  }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  testing::CommandRun Run(const std::string& args) {
    return Shell(std::string(PLANGRAPH_BINARY) + " " + args + " --db " + Quote(db_) + " 2>&1");
  }
  int64_t Documents() { return json::parse(Run("stats --format json").out)["documents"]; }
  int64_t Nodes() { return json::parse(Run("stats --format json").out)["cited_documents"]; }
  std::string Plans() { return Quote((dir_ / "plans").string()); }

  fs::path dir_;
  std::string db_;
};

// Regression: a moved file was imported as a second plan, and a copy (or hard link) too.
TEST_F(StalePlansTest, MovedCopiedAndHardLinkedFilesAreOnePlan) {
  ASSERT_EQ(Run("import " + Plans()).status, 0);
  fs::rename(dir_ / "plans/old/kh31.txt", dir_ / "plans/kh31-moved.txt");
  auto r = Run("import " + Plans());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("moved: "), std::string::npos) << r.out;
  EXPECT_EQ(Documents(), 3);
  auto shown = Run("show " + Quote((dir_ / "plans/kh31-moved.txt").string()));
  EXPECT_EQ(shown.status, 0) << shown.out;
  fs::copy_file(dir_ / "plans/kh5.txt", dir_ / "plans/kh5 copy.txt");
  fs::create_hard_link(dir_ / "plans/kh49.txt", dir_ / "plans/kh49-link.txt");
  r = Run("import " + Plans());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("2 duplicates"), std::string::npos) << r.out;
  EXPECT_EQ(Documents(), 3);
}

TEST_F(StalePlansTest, PruneAndRemoveLeaveNoOrphanNodes) {
  ASSERT_EQ(Run("import " + Plans()).status, 0);
  const int64_t nodes_before = Nodes();
  fs::remove(dir_ / "plans/old/kh31.txt");
  auto r = Run("import " + Plans());
  EXPECT_EQ(Documents(), 3);  // without --prune the stale plan stays
  r = Run("import --prune " + Plans());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("pruned: "), std::string::npos) << r.out;
  EXPECT_EQ(Documents(), 2);
  EXPECT_LT(Nodes(), nodes_before);  // 49-KH/TU's node stays (it is imported); 31 cited it
  r = Run("remove 49-KH/TU nothing-here.txt");
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("removed: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("no document 'nothing-here.txt'"), std::string::npos) << r.out;
  EXPECT_EQ(Documents(), 1);
  // What is left: 5/KH-CĐCS and the one node it cites (31/KH-LĐLĐ), nothing else.
  EXPECT_EQ(Nodes(), 1);
  auto check = Shell("sqlite3 " + Quote(db_) + " \"SELECT count(*) FROM nodes n WHERE NOT EXISTS "
                     "(SELECT 1 FROM citations c WHERE c.node_id = n.id)\"");
  if (check.status == 0) EXPECT_EQ(check.out, "0\n");
}

// Regression: a README and a log in the plans folder were imported as plans.
TEST_F(StalePlansTest, JunkIsNotAPlanUnlessAccepted) {
  Write("plans/README.txt", "Scanned plans from the archive.\nAsk the office for originals.\n");
  Write("plans/sync.log", "2024-05-01 12:00:03 sync ok\n2024-05-02 12:00:04 sync ok\n");
  auto r = Run("import " + Plans());
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("README.txt: not a plan document"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("sync.log: not a plan document"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3 imported"), std::string::npos) << r.out;
  EXPECT_EQ(Documents(), 3);
  r = Run("import --accept-any " + Plans());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(Documents(), 5);
}

TEST_F(StalePlansTest, VersionAndAuditOfARelativePath) {
  auto v = Shell(std::string(PLANGRAPH_BINARY) + " --version");
  EXPECT_EQ(v.status, 0);
  EXPECT_EQ(v.out.rfind("plangraph ", 0), 0u) << v.out;
  ASSERT_EQ(Run("import " + Plans()).status, 0);
  auto r = Shell("cd " + Quote((dir_ / "plans").string()) + " && " + PLANGRAPH_BINARY +
                 " audit --document kh5.txt --format json --db " + Quote(db_) + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.out;
  json audit = json::parse(r.out);
  ASSERT_EQ(audit["documents"].size(), 1u);
  EXPECT_EQ(audit["documents"][0]["symbol"], "5/KH-CĐCS");
}

// cmake --install puts the binary in bin/, the rules in share/plangraph/rules/ and serve's
// templates in share/plangraph/web/, and the installed binary finds them with no flag, no
// environment and no source tree beside it.
TEST_F(StalePlansTest, InstalledBinaryFindsItsRulesAndTemplates) {
  const fs::path prefix = dir_ / "prefix";
  auto inst = Shell("cmake --install " + Quote(PLANGRAPH_BUILD_DIR) + " --prefix " +
                    Quote(prefix.string()) + " 2>&1");
  ASSERT_EQ(inst.status, 0) << inst.out;
  ASSERT_TRUE(fs::exists(prefix / "bin/plangraph"));
  ASSERT_TRUE(fs::exists(prefix / "share/plangraph/rules/issuers.tsv"));
  // Moved elsewhere: the rules are found relative to the binary.
  const fs::path moved = dir_ / "elsewhere";
  fs::rename(prefix, moved);
  auto r = Shell("env -u PLANGRAPH_RULES " + Quote((moved / "bin/plangraph").string()) +
                 " extract --format summary " + Quote((dir_ / "plans/kh5.txt").string()) + " 2>&1");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("5/KH-CĐCS"), std::string::npos) << r.out;
  // A rules folder of its own, changed, proves which one was read.
  std::ofstream(moved / "share/plangraph/rules/issuers.tsv", std::ios::app) << "bogus\tline\n";
  r = Shell("env -u PLANGRAPH_RULES " + Quote((moved / "bin/plangraph").string()) +
            " extract " + Quote((dir_ / "plans/kh5.txt").string()) + " 2>&1");
  EXPECT_EQ(r.status, 2) << r.out;
  EXPECT_NE(r.out.find("share/plangraph/rules/issuers.tsv"), std::string::npos) << r.out;
  // serve finds its templates and CSS under share/plangraph/web the same way: a mark added to
  // the installed layout shows on the page (the source tree's layout has none).
  ASSERT_TRUE(fs::exists(moved / "share/plangraph/web/static/style.css"));
  fs::copy_file(testing::SourceDir() + "/rules/issuers.tsv",
                moved / "share/plangraph/rules/issuers.tsv", fs::copy_options::overwrite_existing);
  std::ofstream(moved / "share/plangraph/web/templates/layout.mustache", std::ios::app)
      << "<!-- installed layout -->\n";
  ASSERT_EQ(Run("import " + Plans()).status, 0);
  const fs::path log = dir_ / "serve.out";
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    freopen(log.c_str(), "w", stdout);
    unsetenv("PLANGRAPH_WEB");
    const std::string bin = (moved / "bin/plangraph").string();
    execl(bin.c_str(), "plangraph", "serve", "--db", db_.c_str(), "--port", "0",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  int port = 0;
  for (int i = 0; i < 500 && port == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::ifstream in(log);
    std::string line;
    std::getline(in, line);
    const size_t at = line.find("http://127.0.0.1:");
    if (at != std::string::npos) port = std::atoi(line.c_str() + at + 17);
  }
  int status = 0;
  std::string body;
  if (port > 0) {
    if (auto page = httplib::Client("127.0.0.1", port).Get("/")) {
      status = page->status;
      body = page->body;
    }
  }
  kill(pid, SIGTERM);
  waitpid(pid, nullptr, 0);
  ASSERT_GT(port, 0);
  EXPECT_EQ(status, 200);
  EXPECT_NE(body.find("<!-- installed layout -->"), std::string::npos);
}

TEST_F(StalePlansTest, UnreadableSubfolderIsAReportedFailure) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads every folder";
  fs::permissions(dir_ / "plans/old", fs::perms::none);
  auto r = Run("import " + Plans());
  fs::permissions(dir_ / "plans/old", fs::perms::owner_all);
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("old: cannot read folder"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 imported"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace plangraph
