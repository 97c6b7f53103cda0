#include "plan_limit.h"

#include <algorithm>

#include "text.h"

namespace plangraph {
namespace {

// The limit a schedule value gives ("năm 2024", "từ tháng 3 đến tháng 12/2024"): the first one
// found, which must be dated (a bare "Thường xuyên" holds no plan to anything).
std::optional<Deadline> LimitIn(const DeadlineRules& deadlines, const std::string& text,
                                const std::string& view, size_t at, int year) {
  auto found = FindDeadlines(deadlines, std::string_view(view).substr(at),
                             std::string_view(text).substr(at), year);
  for (const DeadlineMention& m : found) {
    if (!m.deadline.start.empty() || !m.deadline.end.empty()) return m.deadline;
  }
  return std::nullopt;
}

// "THỜI GIAN THỰC HIỆN" as a whole heading: the schedule cue with nothing after it.
bool IsScheduleHeading(const TaskRules& rules, const std::string& heading) {
  std::string value;
  return RE2::FullMatch(ToneCanonicalView(Trim(heading) + ": x"), *rules.schedule_line, &value) &&
         value == "x";
}

}  // namespace

std::optional<Deadline> FindPlanLimit(const Segmentation& seg, const TaskRules& rules,
                                      const DeadlineRules& deadlines, const DocumentDate& doc,
                                      const std::vector<Task>& tasks) {
  constexpr int kNone = -2;     // not a section id: -1 is the preamble, before the outline
  int schedule_section = kNone;  // a section headed only by the schedule cue
  int last_closer_line = -1;  // line of the last heading or schedule line seen in each section
  int last_section = kNone;
  for (const Block& blk : seg.blocks) {
    if (blk.zone != Zone::kBody || blk.kind == Block::Kind::kTableRow) continue;
    const std::string view = ToneCanonicalView(blk.text);
    const int line = seg.lines[blk.first_line].number;
    if (blk.kind == Block::Kind::kHeading) {
      const Section* sec = seg.FindSection(blk.section);
      if (sec && IsScheduleHeading(rules, sec->heading)) {
        schedule_section = blk.section;
      } else if (std::string value; RE2::FullMatch(view, *rules.schedule_line, &value)) {
        // "IV. Thời gian thực hiện: năm 2024" as a heading of its own.
        if (auto d = LimitIn(deadlines, blk.text, view, view.size() - value.size(), doc.year)) {
          return d;
        }
      }
      last_section = blk.section;
      last_closer_line = line;
      continue;
    }
    if (blk.section == schedule_section) {
      if (auto d = LimitIn(deadlines, blk.text, view, 0, doc.year)) return d;
      continue;
    }
    std::string value;
    if (!RE2::FullMatch(view, *rules.schedule_line, &value)) continue;
    // Under a numbered item ("1. Tổ chức tuyên truyền"), a schedule line is that item's limit.
    const Section* sec = seg.FindSection(blk.section);
    if (sec && sec->depth > 1) continue;
    // A schedule line closes the items of its section above it; with none, it stands alone.
    if (blk.section != last_section) last_closer_line = -1;
    const bool closes_items = std::any_of(tasks.begin(), tasks.end(), [&](const Task& t) {
      return t.section == blk.section && t.span.line > last_closer_line && t.span.line < line;
    });
    last_section = blk.section;
    last_closer_line = line;
    if (closes_items) continue;
    if (auto d = LimitIn(deadlines, blk.text, view, view.size() - value.size(), doc.year)) {
      return d;
    }
  }
  return std::nullopt;
}

}  // namespace plangraph
