// The JSON contract of `plangraph extract` (field names fixed; see README "JSON output").
#ifndef PLANGRAPH_JSON_OUTPUT_H_
#define PLANGRAPH_JSON_OUTPUT_H_

#include <nlohmann/json.hpp>

#include "plangraph/extraction.h"

namespace plangraph {

nlohmann::json ExtractionToJson(const Extraction& extraction);

// {"text", "start", "end", "recurrence"}, empty dates as null: a task's deadline, a plan's limit.
nlohmann::json DeadlineJson(const Deadline& deadline);

}  // namespace plangraph

#endif  // PLANGRAPH_JSON_OUTPUT_H_
