// libFuzzer target: the .docx reader (zip archive, WordprocessingML, numbering) on arbitrary
// bytes; seeds are the fixtures under tests/fixtures/docx.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "docx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  plangraph::DocxOptions options;
  options.max_expanded_bytes = 16u << 20;  // keep each run small
  (void)plangraph::DocxToText("fuzz.docx", std::string_view(reinterpret_cast<const char*>(data), size),
                              options);
  return 0;
}
