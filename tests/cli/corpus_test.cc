// End-to-end: the built binaries on the bundled corpus and on bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <sys/wait.h>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace plangraph {
namespace {

using testing::CommandRun;
using testing::Shell;

// Every document of a folder (the bundled seed plans, or the dev corpus in ../shared).
std::vector<std::string> DocumentsIn(const std::string& dir) {
  std::vector<std::string> paths;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

void ExpectJsonContract(const std::string& path) {
  SCOPED_TRACE(path);
  {
    const std::string& name = path;
    CommandRun r = Shell(std::string(PLANGRAPH_BINARY) + " extract --format json '" + path + "'");
    ASSERT_EQ(r.status, 0) << name;
    auto j = nlohmann::json::parse(r.out);
    for (const char* field : {"source", "document", "sections", "citations", "targets", "tasks"}) {
      EXPECT_TRUE(j.contains(field)) << name << " " << field;
    }
    for (const char* field : {"type", "symbol", "date", "place", "issuer", "title"}) {
      EXPECT_TRUE(j["document"].contains(field)) << field;
    }
    // Every task has the fields audit reads, even when they are empty.
    for (const auto& task : j["tasks"]) {
      EXPECT_TRUE(task.contains("assignees") && task["assignees"].is_array()) << name;
      EXPECT_TRUE(task.contains("deadline")) << name;
    }
  }
}

TEST(CorpusTest, EveryBundledDocumentExtractsToTheJsonContract) {
  std::vector<std::string> paths = DocumentsIn(testing::SourceDir() + "/corpus/docs");
  ASSERT_EQ(paths.size(), 5u) << "the five seed plans";
  for (const std::string& path : paths) ExpectJsonContract(path);
}

TEST(CorpusTest, EverySharedCorpusDocumentExtractsToTheJsonContract) {
  std::vector<std::string> paths =
      DocumentsIn(testing::SourceDir() + "/../shared/corpus/docs");
  if (paths.empty()) GTEST_SKIP() << "../shared/corpus is absent on this machine";
  for (const std::string& path : paths) ExpectJsonContract(path);
}

TEST(CorpusTest, BadFileIsReportedAndOthersStillExtract) {
  std::string tmp = ::testing::TempDir() + "/plangraph_bad";
  std::filesystem::create_directories(tmp);
  { std::ofstream(tmp + "/a bad file.txt", std::ios::binary) << std::string("ab\0\x01\x02" "cd", 7); }
  { std::ofstream(tmp + "/good.txt") << "KẾ HOẠCH\nThử\n\nI. MỤC ĐÍCH\n"; }
  CommandRun r = Shell(std::string(PLANGRAPH_BINARY) + " extract --format summary '" + tmp + "' 2>&1");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("a bad file.txt: binary file (NUL byte at offset 2)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("good.txt: Kế hoạch"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("extracted 1 of 2 files, 1 failed"), std::string::npos) << r.out;
}

TEST(CorpusTest, UnknownCommandSuggestsTheNearestOne) {
  CommandRun r = Shell(std::string(PLANGRAPH_BINARY) + " extrct 2>&1");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("unknown command 'extrct'; did you mean 'extract'?"), std::string::npos);
}

}  // namespace
}  // namespace plangraph
