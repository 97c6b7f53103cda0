// End-to-end: the built binaries on the bundled corpus and on bad input.
#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <map>
#include <sys/wait.h>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace plangraph {
namespace {

using testing::CommandRun;
using testing::Shell;

TEST(CorpusTest, EveryBundledDocumentExtractsToTheJsonContract) {
  std::string dir = testing::SourceDir() + "/corpus/docs/";
  for (const char* name : {"daklak-kh-49-2021.txt", "hcm-qd-3210-2014.txt", "laocai-sct-kh-2026.txt"}) {
    CommandRun r = Shell(std::string(PLANGRAPH_BINARY) + " extract --format json '" + dir + name + "'");
    ASSERT_EQ(r.status, 0) << name;
    auto j = nlohmann::json::parse(r.out);
    for (const char* field : {"source", "document", "sections", "citations", "targets", "tasks"}) {
      EXPECT_TRUE(j.contains(field)) << name << " " << field;
    }
    for (const char* field : {"type", "symbol", "date", "place", "issuer", "title"}) {
      EXPECT_TRUE(j["document"].contains(field)) << field;
    }
  }
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
