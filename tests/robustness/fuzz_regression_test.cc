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

// Each replay only has to return; a crash or a sanitizer report fails the suite.
TEST(FuzzRegressionTest, ReaderInputs) {
  for (const std::string& bytes : Inputs("reader")) (void)DecodeBytes("regression", bytes);
}

TEST(FuzzRegressionTest, ExtractInputs) {
  for (const std::string& bytes : Inputs("extract")) {
    (void)testing::ProjectExtractor().ExtractBytes("regression.txt", bytes);
  }
}

TEST(FuzzRegressionTest, ReferenceInputs) {
  for (const std::string& text : Inputs("reference")) {
    (void)ParseReferenceQuery(testing::ProjectExtractor().rules().document_types, text);
    (void)SplitSymbol(CleanSymbol(text));
  }
}

TEST(FuzzRegressionTest, DocxInputs) {
  for (const std::string& bytes : Inputs("docx")) (void)DocxToText("regression.docx", bytes);
}

}  // namespace
}  // namespace plangraph
