#include "text_output.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "plangraph/extraction.h"

namespace plangraph {
namespace {

// The [task] line of a one-task extraction.
std::string TaskLine(const std::string& text) {
  Extraction e;
  Task t;
  t.text = text;
  e.tasks.push_back(t);
  const std::string out = ExtractionToText(e);
  const size_t at = out.find("[task] ");
  if (at == std::string::npos) return "";
  return out.substr(at + 7, out.find('\n', at) - at - 7);
}

TEST(TextOutputTest, LongTaskTextIsCutAtACharacterBoundaryWithAnEllipsis) {
  struct Case {
    std::string text, expected;
  };
  const std::string a88(88, 'a');
  const std::string a89(89, 'a');
  const std::vector<Case> cases = {
      {"Sở Nội vụ rà soát.", "Sở Nội vụ rà soát."},                // short: whole
      {a89 + "ộ tỉnh", a89 + "…"},                                // byte 90 inside "ộ": dropped
      {a88 + "ở thêm", a88 + "…"},                                // "ở" would end at byte 91
      {a88 + "xở", a88 + "x…"},                                    // cut just before "ở"
      {std::string(90, 'b') + "c", std::string(90, 'b') + "…"},  // ASCII: cut at 90
  };
  for (const Case& c : cases) EXPECT_EQ(TaskLine(c.text), c.expected) << c.text;
}

}  // namespace
}  // namespace plangraph
