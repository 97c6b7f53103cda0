#include "text_output.h"

#include <sstream>
#include <vector>

#include "text.h"

namespace plangraph {
namespace {

std::string Indent(int depth) { return std::string(2 * std::max(0, depth), ' '); }

std::string FormatValue(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

// The facts of each section, by section id + 1 (0: outside every section), in document order:
// gathered in one pass, as scanning every fact for each section costs the product of the two.
struct FactsBySection {
  explicit FactsBySection(const Extraction& e)
      : citations(e.sections.size() + 1), targets(e.sections.size() + 1), tasks(e.sections.size() + 1) {
    for (const Citation& c : e.citations) citations[Slot(c.section)].push_back(&c);
    for (const Target& t : e.targets) targets[Slot(t.section)].push_back(&t);
    for (const Task& t : e.tasks) tasks[Slot(t.section)].push_back(&t);
  }
  size_t Slot(int section) const {
    // A fact naming no known section is listed with those outside every section.
    return section >= 0 && static_cast<size_t>(section) + 1 < citations.size() ? section + 1 : 0;
  }
  std::vector<std::vector<const Citation*>> citations;
  std::vector<std::vector<const Target*>> targets;
  std::vector<std::vector<const Task*>> tasks;
};

// Everything attached to one section (or to none, for section -1).
void PrintFacts(const FactsBySection& facts, int section, int depth, std::ostringstream& out) {
  std::string pad = Indent(depth + 1);
  const size_t slot = facts.Slot(section);
  for (const Citation* cp : facts.citations[slot]) {
    const Citation& c = *cp;
    out << pad << "[cites] " << c.type << " " << c.symbol;
    if (!c.date.empty()) out << " (" << c.date << ")";
    out << " — " << c.relation << ", line " << c.span.line << "\n";
  }
  for (const Target* tp : facts.targets[slot]) {
    const Target& t = *tp;
    out << pad << "[target] " << FormatValue(t.value) << " " << t.unit;
    if (!t.comparator.empty()) out << " (" << t.comparator << ")";
    if (t.year) out << " by " << *t.year;
    out << ": " << t.indicator << ", line " << t.span.line << "\n";
  }
  for (const Task* tp : facts.tasks[slot]) {
    const Task& t = *tp;
    std::string text = t.text.size() > 90 ? std::string(Utf8Prefix(t.text, 90)) + "…" : t.text;
    out << pad << "[task] " << text << "\n";
    for (const Assignee& a : t.assignees) out << pad << "    → " << a.agency << " (" << a.role << ")\n";
    if (t.deadline) {
      out << pad << "    ⏱ " << t.deadline->text;
      if (!t.deadline->start.empty() || !t.deadline->end.empty())
        out << " [" << t.deadline->start << " .. " << t.deadline->end << "]";
      if (!t.deadline->recurrence.empty()) out << " (" << t.deadline->recurrence << ")";
      out << "\n";
    }
  }
}

}  // namespace

std::string ExtractionToText(const Extraction& e) {
  std::ostringstream out;
  const DocumentInfo& d = e.document;
  out << e.source << " (" << e.encoding << ")\n";
  out << "  " << (d.type.empty() ? "(no type)" : d.type) << " " << (d.symbol.empty() ? "(no số)" : d.symbol)
      << ", " << (d.date.empty() ? "(no date)" : d.date);
  if (!d.place.empty()) out << ", " << d.place;
  out << "\n";
  if (!d.issuer.empty()) out << "  issuer: " << d.issuer << "\n";
  if (!d.title.empty()) out << "  title: " << d.title << "\n";
  const FactsBySection facts(e);
  PrintFacts(facts, -1, 0, out);
  // A section's indent is one more than its parent's; parents come before their children.
  std::vector<int> depth_of(e.sections.size(), 1);
  for (size_t i = 0; i < e.sections.size(); ++i) {
    const Section& s = e.sections[i];
    int depth = s.parent >= 0 && static_cast<size_t>(s.parent) < i ? depth_of[s.parent] + 1 : 1;
    depth_of[i] = depth;
    out << Indent(depth) << s.label << (s.kind == "star" ? " " : ". ") << s.heading << "  (line "
        << s.span.line << ")\n";
    PrintFacts(facts, s.id, depth, out);
  }
  return out.str();
}

}  // namespace plangraph
