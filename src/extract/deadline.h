// Deadlines: finding time limits and schedules in a piece of text and parsing them to ISO dates.
//
// Patterns live in rules/deadlines.tsv (one RE2 pattern per line with the kind of date
// computation to apply); this file turns a match into a Deadline:
//   "Quý I/2024"                        start 2024-01-01, end 2024-03-31
//   "tháng 3/2024", "trong tháng 3 năm 2023"   the whole month
//   "từ tháng 3/2024 đến tháng 10/2024" start 2024-03-01, end 2024-10-31
//   "từ Quý II/2024 đến Quý III/2024"   start 2024-04-01, end 2024-09-30
//   "từ tháng 4/2024"                   start 2024-04-01, no end
//   "trước ngày 15/12"                  end <document year>-12-15 (no end if the year is unknown)
//   "trước ngày 27 tháng 6 năm 2014"    end 2014-06-27
//   "Đến năm 2025"                      end 2025-12-31
//   "13h30’ ngày 29/4/2026"             start = end = 2026-04-29
//   "Thường xuyên"                      recurrence "ongoing"
//   "hằng năm", "Định kỳ hằng năm"      recurrence "annual"
//   "Định kỳ 06 tháng"                  recurrence "semiannual"; "hàng quý" "quarterly";
//   "hàng tháng" "monthly"; bare "định kỳ" "periodic"; "3 tháng một lần" "quarterly"
//   "giai đoạn 2026-2030" after "trong" or leading a clause   start 2026-01-01, end 2030-12-31
//   "trước Tết Nguyên đán năm 2026"     end 2026-02-17 (Lunar New Year's day, 2010-2035)
//   "trước ngày 15 tháng 12 hàng năm"   recurrence "annual"; "thứ Bảy hàng tuần" "weekly"
// Not limits: a vision's horizon ("đến năm 2025, tầm nhìn đến năm 2035"), a rate per year
// ("tăng 7% mỗi năm"), a cited document's date, a programme's period after its name.
#ifndef PLANGRAPH_DEADLINE_H_
#define PLANGRAPH_DEADLINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "plangraph/extraction.h"
#include "plangraph/status.h"
#include "rule_file.h"

namespace plangraph {

struct DeadlineRule;  // one compiled line of rules/deadlines.tsv
class RuleSet;

struct DeadlineRules {
  std::vector<std::shared_ptr<const DeadlineRule>> rules;  // in file order; earlier wins ties
  std::shared_ptr<const RuleSet> prefilter;  // over the rules' patterns; null: run them all
};

Result<DeadlineRules> LoadDeadlineRules(const RuleFile& file);

struct DeadlineMention {
  Deadline deadline;  // text is cut from `original`
  size_t begin = 0;   // byte range in the searched text
  size_t end = 0;
};

// Finds every deadline in `view` (the match view of `original`, same length), longest match
// first, non-overlapping, in text order. `document_year` fills in "trước ngày 15/12"; 0 = unknown.
std::vector<DeadlineMention> FindDeadlines(const DeadlineRules& rules, std::string_view view,
                                           std::string_view original, int document_year);

}  // namespace plangraph

#endif  // PLANGRAPH_DEADLINE_H_
