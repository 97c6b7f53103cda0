// Shared helpers for tests: the project's rules and an extractor built from them.
#ifndef PLANGRAPH_TESTS_TEST_UTIL_H_
#define PLANGRAPH_TESTS_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "plangraph/pipeline.h"

namespace plangraph::testing {

inline std::string SourceDir() { return PLANGRAPH_SOURCE_DIR; }

inline const Extractor& ProjectExtractor() {
  static const Extractor* extractor = [] {
    auto e = Extractor::Create(SourceDir() + "/rules");
    if (!e.ok()) {
      ADD_FAILURE() << e.status().message();
      std::abort();
    }
    return new Extractor(std::move(*e));
  }();
  return *extractor;
}

inline Extraction ExtractText(const std::string& text) {
  auto r = ProjectExtractor().ExtractBytes("test.txt", text);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : Extraction{};
}

// Runs a shell command; its exit status and standard output (stderr goes where the test's goes
// unless the command redirects it).
struct CommandRun {
  int status;
  std::string out;
};

inline CommandRun Shell(const std::string& cmd) {
  CommandRun r{-1, ""};
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

// An empty folder for the running test: "plangraph KIND PID TEST" under the test temp folder. The
// spaces are deliberate: every command must cope with them in paths.
inline std::filesystem::path FreshTestDir(const std::string& kind) {
  std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) /
      ("plangraph " + kind + " " + std::to_string(::getpid()) + " " +
       ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Single-quotes a path or argument for the shell.
inline std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// A minimal RFC 4180 reader: enough to check that quoting round-trips.
inline std::vector<std::vector<std::string>> ReadCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field), field.clear();
    } else if (c == '\n') {
      rows.back().push_back(field), field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

}  // namespace plangraph::testing

#endif  // PLANGRAPH_TESTS_TEST_UTIL_H_
