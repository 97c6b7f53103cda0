// Targets (chỉ tiêu): quantitative goals of the plan — "tăng thêm 106 đoàn viên",
// "98% trở lên cơ quan…", "76.500 đoàn viên" under "* Đến năm 2023".
//
// A quantity is a Vietnamese numeral followed by a unit from rules/targets.tsv, "%", or a
// counted noun phrase read from the words after it (up to a stop word; not a time, an age or
// an article; the number not a year, a date part or a document number). It is a
// target when it sits in a target section (a heading such as "CHỈ TIÊU", "Mục tiêu cụ thể"), when
// its clause carries a cue ("phấn đấu", "đạt", "tối thiểu", "trở lên"…), or when a line reads
// "indicator: value"; a share followed by "được" ("95% hồ sơ được số hóa") and a sentence
// opened by "Phấn đấu" count too. Both ends of a range ("85%-90%") are targets. It is not a
// target when it only defines a category ("doanh nghiệp có 25 công nhân trở lên"), or sits in a
// table, a date or a document number. Restatements of one
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
  // (number)(unit from the list or "%")|(number)(the words after it): a counted noun phrase
  // that is not in the list ("15 tổ", "32 tuần học") is read from the words after the number.
  std::shared_ptr<const RE2> quantity;
  std::shared_ptr<const RE2> range_tail;     // "-90%", "– 97.386 tỷ đồng" after a quantity
  std::shared_ptr<const RE2> range_head;     // "75 -" before "80%"
  std::shared_ptr<const RE2> not_quantity;   // before a number: "ngày", "Điều", "số"…
  std::shared_ptr<const RE2> baseline_before;  // "từ" before a starting value …
  std::shared_ptr<const RE2> baseline_after;   // … "xuống"/"lên" after it: not a target
  std::shared_ptr<const RE2> before_cue;     // "trên", "khoảng" right before the number
  std::shared_ptr<const RE2> sentence_cue;   // "phấn đấu" anywhere earlier in the sentence
  std::shared_ptr<const RE2> percent_after;  // "100% … được": a share that will be reached
  std::shared_ptr<const RE2> share_qualifier;  // "70% … ít nhất " before a number: no target
  std::shared_ptr<const RE2> span_after;       // at the unit: "năm qua", a span of the past
  std::shared_ptr<const RE2> plan_period;      // before "05 năm": "kế hoạch", a plan's length
  std::shared_ptr<const RE2> status_sentence;  // a sentence opening "Hiện nay, …": the present
  std::vector<std::string> noun_stops;       // lowercase words that end a counted noun phrase
  std::vector<std::string> noun_excluded;    // lowercase first words that are no counted noun
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
