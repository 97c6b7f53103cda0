#include "task_tables.h"

#include <algorithm>
#include <optional>

#include "numeral.h"
#include "text.h"

namespace plangraph {
namespace {

constexpr int kNone = -1;

// Which cell of a row holds what; kNone when the table has no such column.
struct ColumnMap {
  int label = kNone;
  int content = kNone;
  int lead = kNone;
  int support = kNone;
  int deadline = kNone;
};

bool Matches(const std::shared_ptr<const RE2>& re, const std::string& cell) {
  return re && RE2::PartialMatch(ToneCanonicalView(cell), *re);
}

// "STT", "TT", "Số TT", and the split "S TT" of text pulled out of a PDF or Word table.
bool IsLabelHeader(const std::string& cell) {
  std::string folded = Fold(cell);
  folded.erase(std::remove(folded.begin(), folded.end(), ' '), folded.end());
  return folded == "stt" || folded == "tt" || folded == "sott" || folded == "so";
}

ColumnMap MapColumns(const std::vector<std::string>& header, const TableColumnRules& rules) {
  ColumnMap m;
  for (int i = 0; i < static_cast<int>(header.size()); ++i) {
    const std::string& cell = header[i];
    if (i == 0 && IsLabelHeader(cell)) m.label = i;
    else if (m.lead == kNone && Matches(rules.lead, cell)) m.lead = i;
    else if (m.support == kNone && Matches(rules.support, cell)) m.support = i;
    else if (m.deadline == kNone && Matches(rules.deadline, cell)) m.deadline = i;
    else if (m.content == kNone && Matches(rules.content, cell)) m.content = i;
  }
  return m;
}

std::string CellAt(const std::vector<std::string>& cells, int i) {
  return i == kNone || i >= static_cast<int>(cells.size()) ? "" : cells[i];
}

// A group row's label: "I", "II" … or "A", "B".
bool IsGroupLabel(const std::string& label) {
  return ParseRoman(label).has_value() ||
         (label.size() == 1 && label[0] >= 'A' && label[0] <= 'Z');
}

// The row numbering the columns under the header ("A | B | 1 | 2 | 3"): every cell a column
// number or letter, at most two characters, perhaps in brackets.
bool IsColumnNumberRow(const std::vector<std::string>& cells) {
  int numbered = 0;
  for (const std::string& c : cells) {
    if (c.empty()) continue;
    std::string bare;
    for (char ch : c) {
      if (ch != '(' && ch != ')' && ch != ' ') bare += ch;
    }
    if (bare.empty() || bare.size() > 2 ||
        !std::all_of(bare.begin(), bare.end(), [](char ch) {
          return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
        })) {
      return false;
    }
    ++numbered;
  }
  return numbered >= 2;
}

// The bodies named in a cell: the agency list, else the whole cell when it is short (a table
// cell holds only names, so "Phòng Tư pháp huyện" counts even when no head word starts it).
std::vector<std::string> BodiesInCell(const AgencyRules& agencies, const std::string& cell) {
  std::vector<std::string> names = SplitAgencyList(agencies, cell);
  std::string f = Fold(cell);
  int words = f.empty() ? 0 : 1 + static_cast<int>(std::count(f.begin(), f.end(), ' '));
  bool short_cell = words > 0 && words <= 12;
  if (names.empty() && short_cell) names.push_back(cell);
  // One name cut short inside a cell that lists nothing else ("Cục Việc" of "Cục Việc làm", cut
  // at a word that reads as a verb): the cell is the name.
  if (names.size() == 1 && short_cell && names[0].size() < cell.size() &&
      cell.compare(0, names[0].size(), names[0]) == 0 &&
      cell.find_first_of(",;") == std::string::npos) {
    names[0] = cell;
  }
  return names;
}

Task RowTask(const Segmentation& seg, const Block& blk, std::string text) {
  Task t;
  t.section = blk.section;
  t.text = std::move(text);
  const Line& l = seg.lines[blk.first_line];
  t.span = {l.number, l.begin, l.end};
  return t;
}

// The longest cell, in words, still read as a schedule the rules cannot date ("Theo tiến độ của
// Bộ Tài chính", "Sau khi có hướng dẫn của Trung ương"). A longer one is a sentence that ran into
// the column, such as a table's closing note ("Ghi chú: số liệu … năm 2025 …").
constexpr int kMaxUndatedCellWords = 12;

int WordCount(const std::string& text) {
  std::string folded = CollapseSpaces(Trim(text));
  return folded.empty() ? 0 : 1 + static_cast<int>(std::count(folded.begin(), folded.end(), ' '));
}

std::optional<Deadline> DeadlineInCell(const DeadlineRules& rules, const std::string& cell,
                                       int document_year) {
  if (cell.empty()) return std::nullopt;
  auto found = FindDeadlines(rules, ToneCanonicalView(cell), cell, document_year);
  if (!found.empty()) return found.front().deadline;
  // A column of time limits holding a bare year ("2030", "Năm 2026") means within that year;
  // in running text a bare year is too common to read so (see rules/deadlines.tsv, in_year).
  static const RE2 bare_year(R"((?i)^\s*(?:năm\s+)?((?:19|20)\d\d)\s*\.?\s*$)");
  std::string year;
  if (RE2::FullMatch(cell, bare_year, &year)) {
    return Deadline{cell, year + "-01-01", year + "-12-31", ""};
  }
  if (WordCount(cell) > kMaxUndatedCellWords) return std::nullopt;
  Deadline d;  // a schedule the rules cannot date is still the row's time limit, as written
  d.text = cell;
  return d;
}

}  // namespace

std::vector<Task> TasksFromTable(const Segmentation& seg, const std::vector<int>& row_blocks,
                                 const TableColumnRules& columns, const AgencyRules& agencies,
                                 const DeadlineRules& deadlines, int document_year) {
  std::vector<Task> tasks;
  if (row_blocks.size() < 2) return tasks;
  const Block& header_block = seg.blocks[row_blocks[0]];
  ColumnMap m = MapColumns(seg.lines[header_block.first_line].cells, columns);
  if (m.lead == kNone) return tasks;
  // One column naming both the work and its body: rows are grouped under body rows.
  bool grouped = m.content == kNone;
  std::string group_body;
  for (size_t r = 1; r < row_blocks.size(); ++r) {
    const Block& blk = seg.blocks[row_blocks[r]];
    const std::vector<std::string>& cells = seg.lines[blk.first_line].cells;
    if (cells.empty() || IsColumnNumberRow(cells)) continue;  // "|---|", "| A | B | 1 | 2 |"
    std::string label = CellAt(cells, m.label);
    std::string lead = CellAt(cells, m.lead);
    if (grouped) {
      if (IsGroupLabel(label) && !lead.empty()) {
        group_body = lead;
        continue;
      }
      if (label.empty() || lead.empty()) continue;  // totals and notes
      Task t = RowTask(seg, blk, lead);
      if (!group_body.empty()) t.assignees.push_back({group_body, "perform", ""});
      tasks.push_back(std::move(t));
      continue;
    }
    std::string content = CellAt(cells, m.content);
    std::string support = CellAt(cells, m.support);
    std::string when = CellAt(cells, m.deadline);
    if (content.empty()) continue;
    if (lead.empty() && support.empty() && when.empty()) continue;  // a group heading row
    Task t = RowTask(seg, blk, content);
    for (const auto& n : BodiesInCell(agencies, lead)) t.assignees.push_back({n, "lead", ""});
    for (const auto& n : BodiesInCell(agencies, support)) {
      t.assignees.push_back({n, "support", ""});
    }
    t.deadline = DeadlineInCell(deadlines, when, document_year);
    tasks.push_back(std::move(t));
  }
  return tasks;
}

}  // namespace plangraph
