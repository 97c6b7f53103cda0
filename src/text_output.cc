#include "text_output.h"

#include <sstream>

namespace plangraph {
namespace {

std::string Indent(int depth) { return std::string(2 * std::max(0, depth), ' '); }

std::string FormatValue(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

// Everything attached to one section (or to none, for section -1).
void PrintFacts(const Extraction& e, int section, int depth, std::ostringstream& out) {
  std::string pad = Indent(depth + 1);
  for (const Citation& c : e.citations) {
    if (c.section != section) continue;
    out << pad << "[cites] " << c.type << " " << c.symbol;
    if (!c.date.empty()) out << " (" << c.date << ")";
    out << " — " << c.relation << ", line " << c.span.line << "\n";
  }
  for (const Target& t : e.targets) {
    if (t.section != section) continue;
    out << pad << "[target] " << FormatValue(t.value) << " " << t.unit;
    if (!t.comparator.empty()) out << " (" << t.comparator << ")";
    if (t.year) out << " by " << *t.year;
    out << ": " << t.indicator << ", line " << t.span.line << "\n";
  }
  for (const Task& t : e.tasks) {
    if (t.section != section) continue;
    std::string text = t.text.size() > 90 ? t.text.substr(0, 90) + "…" : t.text;
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
  PrintFacts(e, -1, 0, out);
  for (const Section& s : e.sections) {
    int depth = 1;
    for (int p = s.parent; p >= 0; p = e.sections[p].parent) ++depth;
    out << Indent(depth) << s.label << (s.kind == "star" ? " " : ". ") << s.heading << "  (line "
        << s.span.line << ")\n";
    PrintFacts(e, s.id, depth, out);
  }
  return out.str();
}

}  // namespace plangraph
