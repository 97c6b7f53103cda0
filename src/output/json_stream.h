// Streaming JSON output of an extraction: the same text as ExtractionToJson(e).dump(indent),
// written straight from the structs.
//
// A JSON tree takes a few KB per task or section, about 200 times the size of the text it came
// from, and building it took a tenth of the time of `extract --format json`. The writer prints
// each field as dump() would (keys sorted as the tree's std::map holds them, the same string
// escapes, dump()'s own format for floating-point values); the field set is defined twice, here
// and in json_output.cc, and a test pins the two texts to each other.
#ifndef PLANGRAPH_JSON_STREAM_H_
#define PLANGRAPH_JSON_STREAM_H_

#include <cstdint>
#include <ostream>

#include "plangraph/extraction.h"

namespace plangraph {

// Writes ExtractionToJson(e).dump(indent) to `out` (indent -1: compact). Throws what dump()
// throws (nlohmann::json::type_error on invalid UTF-8).
void WriteExtractionJson(std::ostream& out, Extraction e, int indent);

// A stored plan as `export --format json` lists it: the extraction's object with its
// "document_id", written as it sits at nesting `depth` of a tree dumped with `indent` (an
// element of the top object's "documents" array is at depth 2).
void WriteStoredDocumentJson(std::ostream& out, const Extraction& e, int64_t document_id,
                             int indent, int depth);

}  // namespace plangraph

#endif  // PLANGRAPH_JSON_STREAM_H_
