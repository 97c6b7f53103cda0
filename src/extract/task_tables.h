// Task tables: plans that list their work as a table, and allocation decisions that group table
// rows under the bodies carrying them out.
//
//   | STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
//   | 1   | Tuyên truyền …     | Sở Tư pháp      | Các sở, ngành    | Quý I/2024           |
//
//   | STT | Danh mục dự án/ Cơ quan, đơn vị thực hiện | Kế hoạch vốn |
//   | II  | THỊ XÃ HOÀI NHƠN                           | 5.000        |   ← a body: its rows follow
//   | 1   | Trường THCS Tam Quan, HM: Nhà hiệu bộ       | 700          |
//
// The header row says which column is which (rules/tasks.tsv "column.*" lines). A table whose
// header names no column of bodies is not a task table.
#ifndef PLANGRAPH_TASK_TABLES_H_
#define PLANGRAPH_TASK_TABLES_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <re2/re2.h>

#include "agencies.h"
#include "deadline.h"
#include "plangraph/extraction.h"
#include "segmenter.h"

namespace plangraph {

// Column kinds, tried in this order on each header cell.
struct TableColumnRules {
  std::shared_ptr<const RE2> lead;      // "Cơ quan chủ trì", "Đơn vị thực hiện"
  std::shared_ptr<const RE2> support;   // "Cơ quan phối hợp"
  std::shared_ptr<const RE2> deadline;  // "Thời gian hoàn thành", "Tiến độ"
  std::shared_ptr<const RE2> content;   // "Nội dung", "Nhiệm vụ", "Danh mục"
};

// The tasks of one table, given as the indices of its consecutive row blocks (header first).
// Assignees hold names as written; the caller unifies spellings across the document.
std::vector<Task> TasksFromTable(const Segmentation& seg, const std::vector<int>& row_blocks,
                                 const TableColumnRules& columns, const AgencyRules& agencies,
                                 const DeadlineRules& deadlines, int document_year);

}  // namespace plangraph

#endif  // PLANGRAPH_TASK_TABLES_H_
