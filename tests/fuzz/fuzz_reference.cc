// libFuzzer target: the reference parser behind `plangraph cites` ("nq 02/tw 2021") and the
// symbol splitter behind every citation key.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "reference.h"
#include "rule_file.h"
#include "plangraph/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const plangraph::DocumentTypes* types = [] {
    auto file = plangraph::ReadRuleFile(plangraph::DefaultRulesDir() + "/document_types.tsv");
    if (!file.ok()) std::abort();
    auto t = plangraph::LoadDocumentTypes(*file);
    if (!t.ok()) std::abort();
    return new plangraph::DocumentTypes(std::move(*t));
  }();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)plangraph::ParseReferenceQuery(*types, text);
  plangraph::SymbolParts parts = plangraph::SplitSymbol(plangraph::CleanSymbol(text));
  (void)plangraph::ReferenceKey(parts, parts.year);
  return 0;
}
