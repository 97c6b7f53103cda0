// End-to-end: `import --jobs N` stores the same database as `--jobs 1`, whatever N.
//
// Worker threads read and extract files in whatever order they finish; the one writer stores
// them in the listed order, so document ids, outcomes ("moved", "duplicate of …", failures) and
// every query's answer must not depend on N. The folder mixes the bundled plans, the format and
// encoding fixtures, files that fail, a copy of a plan, and generated plans (tools/gen_plans.py,
// when python3 is there) so that the import spans several of the writer's batches.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace plangraph {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::Quote;
using testing::Shell;

class ImportJobsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::FreshTestDir("import jobs");
    plans_ = dir_ / "plans";
    fs::create_directories(plans_ / "fixtures");
    const fs::path source = testing::SourceDir();
    fs::copy(source / "corpus/docs", plans_ / "corpus");
    for (const char* f : {"encodings/daklak-kh-49-2021.utf8.txt",
                          "encodings/daklak-kh-49-2021.tcvn3.txt",
                          "encodings/daklak-kh-49-2021.utf16le.txt",
                          "encodings/daklak-kh-49-2021.vni.txt", "html/daklak-kh-49-2021.html",
                          "docx/plan.docx", "docx/table.docx", "docx/lists.docx",
                          "docx/corrupt.docx", "pdf/daklak-kh-49-2021.pdf"}) {
      fs::copy(source / "tests/fixtures" / f, plans_ / "fixtures" / fs::path(f).filename());
    }
    std::ofstream(plans_ / "fixtures/binary.txt", std::ios::binary)
        << std::string("\x00\x01\x02 binary", 9);
    std::ofstream(plans_ / "fixtures/readme.txt") << "Build notes for the office printer.\n";
    // The same bytes as a plan listed before it: a duplicate, whichever worker reads it first.
    fs::copy(plans_ / "corpus/daklak-kh-49-2021.txt", plans_ / "zz copy of daklak.txt");
    const auto gen = Shell("python3 " + Quote(testing::SourceDir() + "/tools/gen_plans.py") + " " +
                           Quote((plans_ / "generated").string()) +
                           " --count 120 --seed 13 2>&1");
    generated_ = gen.status == 0;
    if (!generated_) std::cerr << "no python3: only the bundled plans and fixtures\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Db(int jobs) { return (dir_ / ("jobs" + std::to_string(jobs) + ".db")).string(); }

  // Runs `plangraph ARGS --db DB` and returns its standard output; stderr is dropped (the
  // failures are in the JSON too).
  testing::CommandRun Run(const std::string& args, int jobs) {
    return Shell(std::string(PLANGRAPH_BINARY) + " " + args + " --db " + Quote(Db(jobs)) +
                 " 2>/dev/null");
  }

  // The import's JSON report without the database name, which differs by design.
  json Import(int jobs) {
    const auto r = Run("import --format json --jobs " + std::to_string(jobs) + " " +
                           Quote(plans_.string()),
                       jobs);
    EXPECT_EQ(r.status, 1) << "some fixtures fail on purpose\n" << r.out;
    json report = json::parse(r.out, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(report.is_discarded()) << r.out;
    report.erase("database");
    return report;
  }

  // A CSV table without its last column, which must be `name` (its values hold no comma).
  static std::string WithoutLastColumn(const std::string& csv, const std::string& name) {
    std::string out;
    size_t line_start = 0;
    while (line_start < csv.size()) {
      size_t line_end = csv.find('\n', line_start);
      if (line_end == std::string::npos) line_end = csv.size();
      const std::string line = csv.substr(line_start, line_end - line_start);
      const size_t comma = line.rfind(',');
      if (line_start == 0) EXPECT_EQ(line.substr(comma + 1), name) << csv;
      out += line.substr(0, comma) + "\n";
      line_start = line_end + 1;
    }
    return out;
  }

  // What the query commands answer, one entry per command.
  std::vector<std::pair<std::string, std::string>> Answers(int jobs, const std::string& cited) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string& query : std::vector<std::string>{
             "stats --format json --top 20", "cites --format json " + Quote(cited),
          "cites --transitive --format json " + Quote(cited), "audit --format json",
          "search --format json tuyen truyen", "search --format json --limit 50 ke hoach",
          "show --format json 2", "export --format json",
          "export --format csv --table documents", "export --format csv --table sections",
          "export --format csv --table citations", "export --format csv --table targets",
          "export --format csv --table tasks", "export --format csv --table assignees",
          "export --format csv --table deadlines", "export --format csv --table paragraphs",
          "export --format csv --table plan_limits", "export --format csv --table nodes",
          "export --format csv --table edges"}) {
      auto r = Run(query, jobs);
      EXPECT_EQ(r.status, 0) << query << "\n" << r.out;
      if (query.rfind("show", 0) == 0) {  // the time of the import differs by design
        json shown = json::parse(r.out, nullptr, /*allow_exceptions=*/false);
        EXPECT_TRUE(shown.contains("imported_at")) << r.out;
        shown.erase("imported_at");
        r.out = shown.dump(1);
      }
      if (query.find("--table documents") != std::string::npos) {
        r.out = WithoutLastColumn(r.out, "imported_at");  // differs by design, as for show
      }
      out.emplace_back(query, r.out);
    }
    return out;
  }

  void ExpectSameAnswers(int jobs_a, int jobs_b) {
    const auto stats = Run("stats --format json", jobs_a);
    const json j = json::parse(stats.out);
    ASSERT_FALSE(j["top_cited"].empty()) << stats.out;
    const std::string cited = j["top_cited"][0]["symbol"];
    const auto a = Answers(jobs_a, cited), b = Answers(jobs_b, cited);
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_FALSE(a[i].second.empty()) << a[i].first;
      EXPECT_EQ(a[i].second, b[i].second) << a[i].first << ": --jobs " << jobs_a
                                          << " and --jobs " << jobs_b << " differ";
    }
  }

  fs::path dir_, plans_;
  bool generated_ = false;
};

TEST_F(ImportJobsTest, JobsOneTwoAndThreeStoreTheSameDatabase) {
  const json one = Import(1);
  EXPECT_EQ(one["failed"], 3) << one.dump(1);  // corrupt.docx, binary.txt, readme.txt
  EXPECT_EQ(one["duplicates"], 1) << one.dump(1);
  EXPECT_GE(one["imported"].get<int>(), generated_ ? 130 : 10) << one.dump(1);
  for (int jobs : {2, 3}) {
    EXPECT_EQ(Import(jobs), one) << "--jobs " << jobs;
    ExpectSameAnswers(1, jobs);
  }
}

TEST_F(ImportJobsTest, ReimportAfterChangesGivesTheSameOutcomesWithTwoJobs) {
  Import(1);
  Import(2);
  // A moved plan, a changed plan, a new copy and a plan gone: each outcome depends on the
  // database as the files before it left it.
  fs::rename(plans_ / "corpus/dmc-kh-31-2024.txt", plans_ / "corpus/moved dmc.txt");
  std::ofstream(plans_ / "corpus/kontum-kh-kl79-2014.txt", std::ios::app)
      << "\n- Sở Nội vụ chủ trì tổng kết việc thực hiện trước ngày 31/12/2026.\n";
  fs::copy(plans_ / "fixtures/plan.docx", plans_ / "fixtures/plan copy.docx");
  fs::remove(plans_ / "fixtures/table.docx");
  auto reimport = [&](int jobs) {
    const auto r = Run("import --prune --format json --jobs " + std::to_string(jobs) + " " +
                           Quote(plans_.string()),
                       jobs);
    json report = json::parse(r.out, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(report.is_discarded()) << r.out;
    report.erase("database");
    return report;
  };
  const json one = reimport(1), two = reimport(2);
  EXPECT_EQ(one["moved"], 1) << one.dump(1);
  EXPECT_EQ(one["replaced"], 1) << one.dump(1);
  EXPECT_EQ(one["duplicates"], 2) << one.dump(1);
  EXPECT_EQ(one["pruned"], 1) << one.dump(1);
  EXPECT_EQ(two, one);
  ExpectSameAnswers(1, 2);
}

TEST_F(ImportJobsTest, JobsZeroMeansOnePerCoreAndNegativeIsRefused) {
  const auto r = Run("import --jobs 0 " + Quote((plans_ / "corpus").string()), 0);
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("5 files, 5 imported"), std::string::npos) << r.out;
  const auto bad = Shell(std::string(PLANGRAPH_BINARY) + " import --jobs -1 " +
                         Quote((plans_ / "corpus").string()) + " --db " + Quote(Db(9)) + " 2>&1");
  EXPECT_EQ(bad.status, 2) << bad.out;
  EXPECT_FALSE(fs::exists(Db(9)));
}

}  // namespace
}  // namespace plangraph
