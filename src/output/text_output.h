// The human-readable view of an extraction (`extract --format text`): the header, then the
// section tree with the citations, targets and tasks (assignees, deadline) of each section
// indented under it.
#ifndef PLANGRAPH_TEXT_OUTPUT_H_
#define PLANGRAPH_TEXT_OUTPUT_H_

#include <string>

#include "plangraph/extraction.h"

namespace plangraph {

std::string ExtractionToText(const Extraction& extraction);

}  // namespace plangraph

#endif  // PLANGRAPH_TEXT_OUTPUT_H_
