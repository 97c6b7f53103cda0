// Shared helpers for tests: the project's rules and an extractor built from them.
#ifndef PLANGRAPH_TESTS_TEST_UTIL_H_
#define PLANGRAPH_TESTS_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>

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

}  // namespace plangraph::testing

#endif  // PLANGRAPH_TESTS_TEST_UTIL_H_
