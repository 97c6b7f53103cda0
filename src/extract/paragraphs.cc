#include "paragraphs.h"

#include <algorithm>

namespace plangraph {
namespace {

// Index into seg.lines of the line holding byte `offset` (lines are in byte order).
int LineIndexAt(const Segmentation& seg, size_t offset) {
  const auto it = std::upper_bound(seg.lines.begin(), seg.lines.end(), offset,
                                   [](size_t at, const Line& l) { return at < l.begin; });
  return it == seg.lines.begin() ? 0 : static_cast<int>(it - seg.lines.begin()) - 1;
}

// For each line index, whether some task's text covers it. Lines, not byte ranges: a task cut
// from a block ("…; Sở X chủ trì…") covers only part of it, and the block is still the task's.
std::vector<bool> TaskLines(const Segmentation& seg, const std::vector<Task>& tasks) {
  std::vector<bool> covered(seg.lines.size(), false);
  if (seg.lines.empty()) return covered;
  for (const Task& t : tasks) {
    const int first = LineIndexAt(seg, t.span.begin);
    const int last = LineIndexAt(seg, t.span.end > t.span.begin ? t.span.end - 1 : t.span.begin);
    for (int i = first; i <= last; ++i) covered[i] = true;
  }
  return covered;
}

bool IsBodyText(const Block& blk) {
  return blk.zone == Zone::kBody && blk.kind != Block::Kind::kHeading && !blk.text.empty();
}

bool TouchesTask(const Block& blk, const std::vector<bool>& task_lines) {
  for (int i = blk.first_line; i <= blk.last_line; ++i) {
    if (task_lines[i]) return true;
  }
  return false;
}

}  // namespace

std::vector<Paragraph> BodyParagraphs(const Segmentation& seg, const std::vector<Task>& tasks) {
  const std::vector<bool> task_lines = TaskLines(seg, tasks);
  std::vector<Paragraph> paragraphs;
  for (const Block& blk : seg.blocks) {
    if (!IsBodyText(blk) || TouchesTask(blk, task_lines)) continue;
    const Line& first = seg.lines[blk.first_line];
    const Line& last = seg.lines[blk.last_line];
    Paragraph p;
    p.section = blk.section;
    p.text = blk.text;
    p.span = {first.number, first.begin, last.end};
    p.last_line = last.number;
    paragraphs.push_back(std::move(p));
  }
  return paragraphs;
}

}  // namespace plangraph
