// The JSON contract of `plangraph extract` (field names fixed; see README "JSON output").
#ifndef PLANGRAPH_JSON_OUTPUT_H_
#define PLANGRAPH_JSON_OUTPUT_H_

#include <nlohmann/json.hpp>

#include "plangraph/extraction.h"

namespace plangraph {

nlohmann::json ExtractionToJson(const Extraction& extraction);

}  // namespace plangraph

#endif  // PLANGRAPH_JSON_OUTPUT_H_
