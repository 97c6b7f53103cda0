// Targets (chỉ tiêu): quantitative goals of the plan — "tăng thêm 106 đoàn viên",
// "98% trở lên cơ quan…", "76.500 đoàn viên" under "* Đến năm 2023".
//
// A quantity is a Vietnamese numeral followed by a unit from rules/targets.tsv (or "%"). It is a
// target when it sits in a target section (a heading such as "CHỈ TIÊU", "Mục tiêu cụ thể"), when
// its clause carries a cue ("phấn đấu", "đạt", "tối thiểu", "trở lên"…), or when a line reads
// "indicator: value". It is not a target when it only defines a category ("doanh nghiệp có 25
// công nhân trở lên"), or sits in a table, a date or a document number. Restatements of one
// target (same value, unit, year and indicator) are reported once.
#ifndef PLANGRAPH_TARGETS_H_
#define PLANGRAPH_TARGETS_H_

#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "plangraph/extraction.h"
#include "rule_file.h"
#include "segmenter.h"

namespace plangraph {

struct TargetRules {
  std::shared_ptr<const RE2> quantity;  // (number)(unit)
  std::shared_ptr<const RE2> section;   // target-section heading
  std::shared_ptr<const RE2> cue;
  std::shared_ptr<const RE2> increase;  // anchored at the end of the text before the number
  std::shared_ptr<const RE2> category;  // "… doanh nghiệp có " / "… từ 10 - dưới " before it
  struct Comparator {
    std::string name;
    bool after;  // stands after the quantity ("trở lên")
    std::shared_ptr<const RE2> pattern;
  };
  std::vector<Comparator> comparators;
};

Result<TargetRules> LoadTargetRules(const RuleFile& file);

std::vector<Target> ExtractTargets(const Segmentation& seg, const TargetRules& rules);

// The horizon year a heading or clause gives: "Đến năm 2025", "năm 2024" (not "giai đoạn …").
int HorizonYear(std::string_view text);

}  // namespace plangraph

#endif  // PLANGRAPH_TARGETS_H_
