// Streaming JSON output of an extraction: the same text as ExtractionToJson(e).dump(indent),
// written one element at a time.
//
// A JSON tree takes a few KB per task or section, about 200 times the size of the text it came
// from; a large file's tree alone would take gigabytes. The writer builds the tree of a few
// hundred elements at a time (through ExtractionToJson, so the field set stays defined in one
// place) and writes it out.
#ifndef PLANGRAPH_JSON_STREAM_H_
#define PLANGRAPH_JSON_STREAM_H_

#include <ostream>

#include "plangraph/extraction.h"

namespace plangraph {

// Writes ExtractionToJson(e).dump(indent) to `out` (indent -1: compact). `e` is taken by value
// so that a caller done with it can move it in rather than hold two copies. Throws what dump()
// throws (nlohmann::json::type_error on invalid UTF-8).
void WriteExtractionJson(std::ostream& out, Extraction e, int indent);

}  // namespace plangraph

#endif  // PLANGRAPH_JSON_STREAM_H_
