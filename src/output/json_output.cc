#include "json_output.h"

namespace plangraph {
namespace {

using nlohmann::json;

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json SpanJson(const SourceSpan& s) {
  return {{"line", s.line}, {"begin", s.begin}, {"end", s.end}};
}

}  // namespace

json DeadlineJson(const Deadline& d) {
  return {{"text", d.text}, {"start", OrNull(d.start)}, {"end", OrNull(d.end)},
          {"recurrence", OrNull(d.recurrence)}};
}

nlohmann::json ExtractionToJson(const Extraction& e) {
  json doc = {{"type", OrNull(e.document.type)},     {"symbol", OrNull(e.document.symbol)},
              {"date", OrNull(e.document.date)},     {"place", OrNull(e.document.place)},
              {"issuer", OrNull(e.document.issuer)}, {"title", OrNull(e.document.title)}};
  json sections = json::array();
  for (const Section& s : e.sections) {
    sections.push_back({{"id", s.id}, {"parent", s.parent < 0 ? json(nullptr) : json(s.parent)},
                        {"depth", s.depth}, {"kind", s.kind}, {"label", s.label},
                        {"heading", OrNull(s.heading)}, {"line", s.span.line}, {"last_line", s.last_line},
                        {"span", SpanJson(s.span)}});
  }
  json citations = json::array();
  for (const Citation& c : e.citations) {
    citations.push_back({{"key", c.key}, {"type", c.type}, {"symbol", c.symbol},
                         {"date", OrNull(c.date)}, {"issuer", OrNull(c.issuer)},
                         {"title", OrNull(c.title)}, {"relation", c.relation},
                         {"section", c.section < 0 ? json(nullptr) : json(c.section)},
                         {"line", c.span.line}, {"text", c.text}, {"span", SpanJson(c.span)}});
  }
  json targets = json::array();
  for (const Target& t : e.targets) {
    targets.push_back({{"indicator", OrNull(t.indicator)}, {"value", t.value}, {"value_text", t.value_text},
                       {"unit", t.unit}, {"comparator", OrNull(t.comparator)}, {"kind", t.kind},
                       {"year", t.year ? json(*t.year) : json(nullptr)},
                       {"section", t.section < 0 ? json(nullptr) : json(t.section)},
                       {"line", t.span.line}, {"span", SpanJson(t.span)}});
  }
  json tasks = json::array();
  for (const Task& t : e.tasks) {
    json assignees = json::array();
    for (const Assignee& a : t.assignees) {
      assignees.push_back({{"agency", a.agency}, {"role", a.role}, {"canonical", a.canonical}});
    }
    json schedule = json::array();
    for (const Deadline& d : t.schedule) schedule.push_back(DeadlineJson(d));
    tasks.push_back({{"id", t.id}, {"section", t.section < 0 ? json(nullptr) : json(t.section)},
                     {"text", t.text}, {"line", t.span.line}, {"assignees", assignees},
                     {"deadline", t.deadline ? DeadlineJson(*t.deadline) : json(nullptr)},
                     {"schedule", schedule}, {"span", SpanJson(t.span)}});
  }
  json paragraphs = json::array();
  for (const Paragraph& p : e.paragraphs) {
    paragraphs.push_back({{"section", p.section < 0 ? json(nullptr) : json(p.section)},
                          {"text", p.text}, {"line", p.span.line}, {"last_line", p.last_line},
                          {"span", SpanJson(p.span)}});
  }
  // "paragraphs" and "plan_limit" are extra fields: readers of the fixed ones (scoring, gold files) skip it.
  return {{"source", e.source}, {"format", e.format},   {"encoding", e.encoding},
          {"document", doc},    {"sections", sections}, {"citations", citations},
          {"targets", targets}, {"tasks", tasks},       {"paragraphs", paragraphs},
          {"plan_limit", e.plan_limit ? DeadlineJson(*e.plan_limit) : json(nullptr)}};
}

}  // namespace plangraph
