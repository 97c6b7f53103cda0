// End-to-end: the one contract of machine output (README "Machine output"), command by command.
// For every command with --format json: a value that is not known is null, never "" or 0; an id
// of a row is a positive number or null; counts, lines and scores are JSON numbers; no match is
// an empty list ([]) with exit status 1.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace plangraph {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::Quote;
using testing::Shell;

// A plan with gaps: no date, no place line, a task outside any deadline, a citation without a
// date, a target without a year, an appendix without a heading; and a plan citing it.
const char* kUndated =
    "ỦY BAN NHÂN DÂN XÃ TÂN TIẾN\nSố: 12/KH-UBND\nKẾ HOẠCH\n"
    "thực hiện Nghị quyết số 05-NQ/ĐU của Đảng ủy xã\n"
    "Tổ chức tuyên truyền trong nhân dân.\n"
    "I. NHIỆM VỤ\n1. Phấn đấu 100% hộ gia đình được tuyên truyền.\n"
    "2. Công an xã chủ trì bảo đảm an ninh; hoàn thành trước ngày 30/6/2024.\n"
    "PHỤ LỤC\nDanh sách các thôn thực hiện.\n";
const char* kCiting =
    "ĐẢNG ỦY XÃ TÂN TIẾN\nSố: 20-KH/ĐU\nTân Tiến, ngày 03 tháng 7 năm 2024\nKẾ HOẠCH\n"
    "thực hiện Kế hoạch số 12/KH-UBND của Ủy ban nhân dân xã\n"
    "I. NHIỆM VỤ\n1. Các chi bộ tổ chức quán triệt.\n";

// Keys whose value is a number (or null when unknown) wherever they hold a single value.
const std::set<std::string> kNumericKeys = {
    "line",       "last_line",  "depth",     "count",     "mentions",     "citing_plans",
    "score",      "value",      "year",      "task",      "begin",
    "documents",  "sections",   "citations", "targets",   "tasks",        "agencies",
    "assignments", "paragraphs", "cited_documents", "imported", "unchanged", "replaced",
    "moved",      "duplicates", "pruned",    "failed",    "unreadable",   "tasks_without_deadline",
    "tasks_without_assignee", "tasks_under_plan_limit", "tasks_assigned_to_issuer",
    "targets_without_year", "citations_not_in_database", "documents_without_organisation_section"};
// Ids of rows: positive, or null for "none" (a cited document not imported).
const std::set<std::string> kRowIdKeys = {"document_id", "node_id", "imported_document_id"};

// Every deviation from the contract in `j`, one line each, with its JSON path.
void FindDeviations(const json& j, const std::string& path, std::vector<std::string>& out) {
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      const std::string at = path + "." + key;
      if (value.is_string() && value.get<std::string>().empty()) out.push_back(at + ": \"\"");
      if (kRowIdKeys.count(key) && !value.is_null() &&
          !(value.is_number_integer() && value.get<int64_t>() > 0)) {
        out.push_back(at + ": " + value.dump() + " (a row id is positive or null)");
      }
      // A count, a line or a score written as text. (Some of these names hold lists or flags
      // elsewhere: audit's "tasks_without_deadline" lists the tasks, export's "imported" is a
      // flag; never text.)
      if (kNumericKeys.count(key) && value.is_string()) {
        out.push_back(at + ": " + value.dump() + " (a number written as text)");
      }
      FindDeviations(value, at, out);
    }
  } else if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i) {
      if (j[i].is_string() && j[i].get<std::string>().empty()) {
        out.push_back(path + "[" + std::to_string(i) + "]: \"\"");
      }
      FindDeviations(j[i], path + "[" + std::to_string(i) + "]", out);
    }
  }
}

class OutputContractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::FreshTestDir("contract");
    fs::create_directories(dir_ / "plans");
    std::ofstream(dir_ / "plans/undated.txt", std::ios::binary) << kUndated;
    std::ofstream(dir_ / "plans/citing.txt", std::ios::binary) << kCiting;
    db_ = (dir_ / "plans.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // `plangraph ARGS --format json` (stdout only) parsed, with its exit status.
  struct Output {
    int status;
    json j;
  };
  Output Json(const std::string& args, bool with_db = true) {
    auto r = Shell(std::string(PLANGRAPH_BINARY) + " " + args + " --format json" +
                   (with_db ? " --db " + Quote(db_) : "") + " 2>/dev/null");
    json j = json::parse(r.out, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(j.is_discarded()) << args << ": not JSON: " << r.out;
    return {r.status, j};
  }
  // The output of `args` keeps the contract.
  void ExpectContract(const std::string& args, const Output& o) {
    std::vector<std::string> deviations;
    FindDeviations(o.j, "", deviations);
    std::string all;
    for (const auto& d : deviations) all += "\n  " + d;
    EXPECT_TRUE(deviations.empty()) << args << ":" << all;
  }
  Output Checked(const std::string& args, int status, bool with_db = true) {
    Output o = Json(args, with_db);
    EXPECT_EQ(o.status, status) << args;
    ExpectContract(args, o);
    return o;
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(OutputContractTest, EveryJsonCommandKeepsTheContract) {
  const std::string plans = Quote((dir_ / "plans").string());
  Checked("extract " + Quote((dir_ / "plans/undated.txt").string()), 0, /*with_db=*/false);
  Checked("import " + plans, 0);
  Checked("check", 0);
  Checked("stats", 0);
  Output cites = Checked("cites 12/KH-UBND", 0);
  EXPECT_EQ(cites.j["plans"].size(), 1u);
  Checked("cites 05-NQ/ĐU --transitive", 0);
  Output audit = Checked("audit", 0);
  EXPECT_EQ(audit.j["documents"].size(), 2u);
  Checked("audit --document 12/KH-UBND", 0);
  Output search = Checked("search tuyen truyen", 0);
  EXPECT_FALSE(search.j.empty());
  Checked("search tan tien", 0);  // header hits too
  Checked("show 12/KH-UBND", 0);
  Output exported = Checked("export", 0);
  EXPECT_EQ(exported.j["documents"].size(), 2u);
  // The numbers a plan gives are numbers.
  const json& shown = Checked("show 12/KH-UBND", 0).j;
  ASSERT_EQ(shown["targets"].size(), 1u);
  EXPECT_EQ(shown["targets"][0]["value"], 100);
  EXPECT_EQ(shown["targets"][0]["year"], nullptr);
  EXPECT_EQ(shown["document"]["date"], nullptr);
}

// No match: an empty list, exit status 1, in every command that looks things up.
TEST_F(OutputContractTest, NoMatchIsAnEmptyListAndExitOne) {
  ASSERT_EQ(Json("import " + Quote((dir_ / "plans").string())).status, 0);
  EXPECT_EQ(Checked("search khong co tu nay", 1).j, json::array());
  Output cites = Checked("cites 99-NQ/TW", 1);
  EXPECT_EQ(cites.j["plans"], json::array());
  EXPECT_EQ(cites.j["node"], nullptr);
  Output audit = Checked("audit --issuer 'bộ y tế'", 1);
  EXPECT_EQ(audit.j["documents"], json::array());
  Output exported = Checked("export --year 1999", 1);
  EXPECT_EQ(exported.j["documents"], json::array());
  EXPECT_EQ(exported.j["vertices"], json::array());
  // One thing asked for by name and not there is an error (stderr), exit 1, nothing on stdout.
  auto shown = Shell(std::string(PLANGRAPH_BINARY) + " show 77/KH-XYZ --format json --db " +
                     Quote(db_) + " 2>/dev/null");
  EXPECT_EQ(shown.status, 1);
  EXPECT_EQ(shown.out, "");
  auto audited = Shell(std::string(PLANGRAPH_BINARY) + " audit --document 77/KH-XYZ --format json "
                       "--db " + Quote(db_) + " 2>/dev/null");
  EXPECT_EQ(audited.status, 1);
  EXPECT_EQ(audited.out, "");
}

}  // namespace
}  // namespace plangraph
