// The plan-wide time limit: a limit the whole plan is held to, written once on its own rather
// than after the items it closes.
//
//   "IV. THỜI GIAN THỰC HIỆN" + "Năm 2024."          a section that holds only the limit
//   "Thời gian: từ tháng 3 đến tháng 12/2024"          a schedule line that closes no item above
//                                                     it (at the end of the plan, or before any)
//
// A schedule line that follows items of its own section closes those items instead (tasks.h) and
// is no plan-wide limit. The audit uses the limit to tell a task covered by it from a task with no
// limit at all.
#ifndef PLANGRAPH_PLAN_LIMIT_H_
#define PLANGRAPH_PLAN_LIMIT_H_

#include <optional>
#include <vector>

#include "deadline.h"
#include "plangraph/extraction.h"
#include "segmenter.h"
#include "tasks.h"

namespace plangraph {

// The first plan-wide limit of the body, if any. `tasks` are the document's extracted tasks.
std::optional<Deadline> FindPlanLimit(const Segmentation& seg, const TaskRules& rules,
                                      const DeadlineRules& deadlines, const DocumentDate& doc,
                                      const std::vector<Task>& tasks);

}  // namespace plangraph

#endif  // PLANGRAPH_PLAN_LIMIT_H_
