// Replays every input the fuzzers ever crashed on (tests/fuzz/regressions/<surface>/), through
// the same entry points as tests/fuzz/fuzz_<surface>.cc, in the normal test suite.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "docx_reader.h"
#include "reader.h"
#include "reference.h"
#include "rules.h"
#include "test_util.h"

namespace plangraph {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Inputs(const std::string& surface) {
  std::vector<std::string> out;
  fs::path dir = fs::path(testing::SourceDir()) / "tests/fuzz/regressions" / surface;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().filename().string()[0] == '.') continue;
    std::ifstream in(entry.path(), std::ios::binary);
    out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return out;
}

// A surface with no recorded crash is reported as skipped, not as a pass that tested nothing.
#define SKIP_IF_NONE(inputs, surface)                                                 \
  if ((inputs).empty()) GTEST_SKIP() << "no recorded " surface " crash inputs in "    \
                                        "tests/fuzz/regressions/" surface "/"

// A replay must return (a crash or a sanitizer report fails the suite) and, when it fails,
// fail the way the library promises: a message that names the input.
template <typename T>
void ExpectCleanOutcome(const Result<T>& r, const std::string& source) {
  if (!r.ok()) {
    EXPECT_NE(r.status().kind(), Status::Kind::kInternal) << r.status().message();
    EXPECT_EQ(r.status().message().rfind(source, 0), 0u) << r.status().message();
  }
}

TEST(FuzzRegressionTest, ReaderInputs) {
  std::vector<std::string> inputs = Inputs("reader");
  SKIP_IF_NONE(inputs, "reader");
  for (const std::string& bytes : inputs) ExpectCleanOutcome(DecodeBytes("regression", bytes), "regression");
}

TEST(FuzzRegressionTest, ExtractInputs) {
  std::vector<std::string> inputs = Inputs("extract");
  SKIP_IF_NONE(inputs, "extract");
  for (const std::string& bytes : inputs) {
    ExpectCleanOutcome(testing::ProjectExtractor().ExtractBytes("regression.txt", bytes),
                       "regression.txt");
  }
}

TEST(FuzzRegressionTest, ReferenceInputs) {
  std::vector<std::string> inputs = Inputs("reference");
  SKIP_IF_NONE(inputs, "reference");
  for (const std::string& text : inputs) {
    (void)ParseReferenceQuery(testing::ProjectExtractor().rules().document_types, text);
    (void)SplitSymbol(CleanSymbol(text));
  }
}

TEST(FuzzRegressionTest, DocxInputs) {
  std::vector<std::string> inputs = Inputs("docx");
  SKIP_IF_NONE(inputs, "docx");
  for (const std::string& bytes : inputs) {
    ExpectCleanOutcome(DocxToText("regression.docx", bytes), "regression.docx");
  }
}

}  // namespace
}  // namespace plangraph
