// libFuzzer target: the whole extraction pipeline (segmenter, header, citations, targets, tasks,
// agencies, deadlines) on arbitrary text, with the project's rules.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "plangraph/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const plangraph::Extractor* extractor = [] {
    auto e = plangraph::Extractor::Create(plangraph::DefaultRulesDir());
    if (!e.ok()) std::abort();
    return new plangraph::Extractor(std::move(*e));
  }();
  (void)extractor->ExtractBytes("fuzz.txt", std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
