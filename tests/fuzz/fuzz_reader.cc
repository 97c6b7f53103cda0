// libFuzzer target: the reader (format and encoding detection, HTML, PDF, .docx, legacy
// encodings) on arbitrary bytes. Any result is fine; a crash, hang or sanitizer report is not.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)plangraph::DecodeBytes("fuzz", bytes);
  return 0;
}
