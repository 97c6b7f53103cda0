// Tasks: the actionable items of the body — bullets, paragraphs and numbered items under the
// duties, solutions and organisation sections (and a decision's articles) — each with its
// assignees (agency + role) and deadline.
//
// Assignees come from the item's subject ("Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với …"), from
// the body a directive names ("Giao phòng X triển khai…"), from an agency heading the item sits
// under ("2. Sở Tài chính:"), from a cross-reference ("Ban Tổ chức - Kiểm tra: Tham mưu các nội
// dung 1.1, 1.2 của Khoản 1, Mục II"), or from a decision's execution clause ("Giám đốc Sở X …
// chịu trách nhiệm thi hành"), from a label ("- Cơ quan chủ trì: Bộ Công an.") or from a bullet
// that only names a body ("- Bộ Xây dựng") over the deeper bullets after it. Outside the duty
// sections, an item is a task only when an agency heading encloses it or its sentence gives a
// body a duty ("2. Bộ trưởng Bộ Tài chính tổng hợp …", "Đề nghị Hội Nông dân …"), not when it
// reports ("Ủy ban nhân dân tỉnh đã ban hành …"); the recipients after "Nơi nhận:" are never
// tasks. A "Thời gian thực hiện: …" line gives the deadline of the items it closes. Within one
// document, spellings of one body are unified to its first name.
#ifndef PLANGRAPH_TASKS_H_
#define PLANGRAPH_TASKS_H_

#include <memory>
#include <vector>

#include <re2/re2.h>

#include "agencies.h"
#include "deadline.h"
#include "plangraph/extraction.h"
#include "rule_file.h"
#include "segmenter.h"
#include "task_tables.h"

namespace plangraph {

struct TaskRules {
  std::shared_ptr<const RE2> task_section;   // headings whose items are tasks
  std::shared_ptr<const RE2> schedule_line;  // "Thời gian thực hiện:" — group 1 is the value
  std::shared_ptr<const RE2> execution;      // "chịu trách nhiệm thi hành"
  std::shared_ptr<const RE2> not_task;       // "Trên đây là …" closing paragraphs
  std::shared_ptr<const RE2> recipients;     // "Nơi nhận:" — the bullets after it are not tasks
  TableColumnRules columns;                  // header cells of task tables
  std::shared_ptr<const RE2> xref_part;      // group 1: the part a cross-reference names ("II")
  std::shared_ptr<const RE2> xref_clause;    // group 1: a clause number it names ("1")
};

Result<TaskRules> LoadTaskRules(const RuleFile& file);

// What the tasks stage needs of the document's own date: its year fills in "trước ngày 15/12";
// a limit before the date itself is a condition, not a deadline.
struct DocumentDate {
  int year = 0;      // 0 = unknown
  std::string date;  // ISO, "" = unknown
};

std::vector<Task> ExtractTasks(const Segmentation& seg, const TaskRules& rules,
                               const AgencyRules& agencies, const DeadlineRules& deadlines,
                               const DocumentDate& doc);

}  // namespace plangraph

#endif  // PLANGRAPH_TASKS_H_
