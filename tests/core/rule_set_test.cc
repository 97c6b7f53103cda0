#include "rule_set.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <memory>
#include <string>
#include <vector>

#include "rule_file.h"

namespace plangraph {
namespace {

std::vector<std::shared_ptr<const RE2>> Compile(const std::vector<std::string>& patterns,
                                                bool case_sensitive = false) {
  RuleFile file = ParseRuleFile("rules/test.tsv", "");
  RuleLine line;
  std::vector<std::shared_ptr<const RE2>> out;
  for (const std::string& p : patterns) {
    auto re = CompileRulePattern(file, line, p, case_sensitive);
    EXPECT_TRUE(re.ok()) << p;
    out.push_back(*re);
  }
  return out;
}

// Time-limit patterns of the kinds rules/deadlines.tsv holds, between word boundaries.
const std::vector<std::string> kPatterns = {
    R"((?:^|[^\pL\pN])(quý\s+(?P<q>IV|III|II|I)/(?P<y>\d{4}))(?:[^\pL\pN]|$))",
    R"((?:^|[^\pL\pN])(trước ngày\s+(?P<d>\d{1,2})/(?P<m>\d{1,2}))(?:[^\pL\pN]|$))",
    R"((?:^|[^\pL\pN])(thường xuyên)(?:[^\pL\pN]|$))",
    R"((?:^|[^\pL\pN])(hằng năm|hàng năm)(?:[^\pL\pN]|$))",
    R"(^(định kỳ))",
};

TEST(RuleSetTest, CandidatesAreExactlyThePatternsThatMatch) {
  auto patterns = Compile(kPatterns);
  RuleSet set(patterns);
  ASSERT_TRUE(set.active());
  struct Case {
    std::string text;
    std::vector<size_t> expected;
  } cases[] = {
      {"Sở Tư pháp chủ trì, hoàn thành trong Quý III/2025.", {0}},
      {"Báo cáo UBND tỉnh Quảng Trị trước ngày 20/11 hằng năm; thường xuyên rà soát.", {1, 2, 3}},
      {"QUÝ IV/2026 VÀ THƯỜNG XUYÊN", {0, 2}},  // case-insensitive, as the patterns are
      {"Định kỳ 6 tháng báo cáo Bộ Nội vụ", {4}},
      // Must not match: a word running on, an anchor away from the start, no time limit at all.
      {"xuyênthường xuyênquý IV/2024x", {}},
      {"Báo cáo định kỳ", {}},
      {"Sở Y tế phối hợp với các huyện, thị xã, thành phố", {}},
      {"", {}},
  };
  for (const Case& c : cases) {
    std::vector<size_t> candidates = set.Candidates(c.text);
    EXPECT_EQ(candidates, c.expected) << c.text;
    for (size_t i = 0; i < patterns.size(); ++i) {  // the filter never drops a match
      bool listed = std::find(candidates.begin(), candidates.end(), i) != candidates.end();
      EXPECT_EQ(listed, RE2::PartialMatch(c.text, *patterns[i])) << c.text << " / " << i;
    }
  }
}

TEST(RuleSetTest, PatternsCompiledWithOtherOptionsTurnTheFilterOffNotTheRules) {
  auto patterns = Compile({"quý I/2024"});
  auto sensitive = Compile({"Quý II/2024"}, /*case_sensitive=*/true);
  patterns.push_back(sensitive.front());
  RuleSet set(patterns);
  EXPECT_FALSE(set.active());
  EXPECT_EQ(set.Candidates("không có gì"), (std::vector<size_t>{0, 1}));
}

TEST(RuleSetTest, NoPatternsNoCandidates) {
  RuleSet set(std::vector<std::shared_ptr<const RE2>>{});
  EXPECT_TRUE(set.Candidates("Quý I/2024").empty());
  EXPECT_TRUE(RuleSet().Candidates("Quý I/2024").empty());
}

}  // namespace
}  // namespace plangraph
