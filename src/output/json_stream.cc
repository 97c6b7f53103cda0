#include "json_stream.h"

#include <string>
#include <vector>

#include "json_writer.h"

namespace plangraph {
namespace {

// Every object below writes its keys in sorted order, as the std::map of a json tree holds them.

void WriteSpan(JsonWriter& w, const SourceSpan& s, int depth) {
  w.Open('{');
  w.Key(true, depth, "begin");
  w.Integer(s.begin);
  w.Key(false, depth, "end");
  w.Integer(s.end);
  w.Key(false, depth, "line");
  w.Integer(s.line);
  w.Close('}', false, depth);
}

void WriteDeadline(JsonWriter& w, const Deadline& d, int depth) {
  w.Open('{');
  w.Key(true, depth, "end");
  w.OrNull(d.end);
  w.Key(false, depth, "recurrence");
  w.OrNull(d.recurrence);
  w.Key(false, depth, "start");
  w.OrNull(d.start);
  w.Key(false, depth, "text");
  w.String(d.text);
  w.Close('}', false, depth);
}

void WriteDocument(JsonWriter& w, const DocumentInfo& d, int depth) {
  w.Open('{');
  w.Key(true, depth, "date");
  w.OrNull(d.date);
  w.Key(false, depth, "issuer");
  w.OrNull(d.issuer);
  w.Key(false, depth, "place");
  w.OrNull(d.place);
  w.Key(false, depth, "symbol");
  w.OrNull(d.symbol);
  w.Key(false, depth, "title");
  w.OrNull(d.title);
  w.Key(false, depth, "type");
  w.OrNull(d.type);
  w.Close('}', false, depth);
}

void WriteItem(JsonWriter& w, const Section& s, int depth) {
  w.Open('{');
  w.Key(true, depth, "depth");
  w.Integer(s.depth);
  w.Key(false, depth, "heading");
  w.OrNull(s.heading);  // a heading line that is only a label: no heading
  w.Key(false, depth, "id");
  w.Integer(s.id);
  w.Key(false, depth, "kind");
  w.String(s.kind);
  w.Key(false, depth, "label");
  w.String(s.label);
  w.Key(false, depth, "last_line");
  w.Integer(s.last_line);
  w.Key(false, depth, "line");
  w.Integer(s.span.line);
  w.Key(false, depth, "parent");
  w.IdOrNull(s.parent);
  w.Key(false, depth, "span");
  WriteSpan(w, s.span, depth + 1);
  w.Close('}', false, depth);
}

void WriteItem(JsonWriter& w, const Citation& c, int depth) {
  w.Open('{');
  w.Key(true, depth, "date");
  w.OrNull(c.date);
  w.Key(false, depth, "issuer");
  w.OrNull(c.issuer);
  w.Key(false, depth, "key");
  w.String(c.key);
  w.Key(false, depth, "line");
  w.Integer(c.span.line);
  w.Key(false, depth, "relation");
  w.String(c.relation);
  w.Key(false, depth, "section");
  w.IdOrNull(c.section);
  w.Key(false, depth, "span");
  WriteSpan(w, c.span, depth + 1);
  w.Key(false, depth, "symbol");
  w.String(c.symbol);
  w.Key(false, depth, "text");
  w.String(c.text);
  w.Key(false, depth, "title");
  w.OrNull(c.title);
  w.Key(false, depth, "type");
  w.String(c.type);
  w.Close('}', false, depth);
}

void WriteItem(JsonWriter& w, const Target& t, int depth) {
  w.Open('{');
  w.Key(true, depth, "comparator");
  w.OrNull(t.comparator);
  w.Key(false, depth, "indicator");
  w.OrNull(t.indicator);
  w.Key(false, depth, "kind");
  w.String(t.kind);
  w.Key(false, depth, "line");
  w.Integer(t.span.line);
  w.Key(false, depth, "section");
  w.IdOrNull(t.section);
  w.Key(false, depth, "span");
  WriteSpan(w, t.span, depth + 1);
  w.Key(false, depth, "unit");
  w.String(t.unit);
  w.Key(false, depth, "value");
  w.Number(t.value);
  w.Key(false, depth, "value_text");
  w.String(t.value_text);
  w.Key(false, depth, "year");
  t.year ? w.Integer(*t.year) : w.Null();
  w.Close('}', false, depth);
}

template <typename T, typename F>
void WriteList(JsonWriter& w, const std::vector<T>& items, int depth, F write_one) {
  w.Open('[');
  for (size_t i = 0; i < items.size(); ++i) {
    w.Next(i == 0, depth);
    write_one(w, items[i], depth + 1);
    w.MaybeFlush();
  }
  w.Close(']', items.empty(), depth);
}

void WriteItem(JsonWriter& w, const Task& t, int depth) {
  w.Open('{');
  w.Key(true, depth, "assignees");
  WriteList(w, t.assignees, depth + 1, [](JsonWriter& w, const Assignee& a, int depth) {
    w.Open('{');
    w.Key(true, depth, "agency");
    w.String(a.agency);
    w.Key(false, depth, "canonical");
    w.String(a.canonical);
    w.Key(false, depth, "role");
    w.String(a.role);
    w.Close('}', false, depth);
  });
  w.Key(false, depth, "deadline");
  t.deadline ? WriteDeadline(w, *t.deadline, depth + 1) : w.Null();
  w.Key(false, depth, "id");
  w.Integer(t.id);
  w.Key(false, depth, "line");
  w.Integer(t.span.line);
  w.Key(false, depth, "schedule");
  WriteList(w, t.schedule, depth + 1, WriteDeadline);
  w.Key(false, depth, "section");
  w.IdOrNull(t.section);
  w.Key(false, depth, "span");
  WriteSpan(w, t.span, depth + 1);
  w.Key(false, depth, "text");
  w.String(t.text);
  w.Close('}', false, depth);
}

void WriteItem(JsonWriter& w, const Paragraph& p, int depth) {
  w.Open('{');
  w.Key(true, depth, "last_line");
  w.Integer(p.last_line);
  w.Key(false, depth, "line");
  w.Integer(p.span.line);
  w.Key(false, depth, "section");
  w.IdOrNull(p.section);
  w.Key(false, depth, "span");
  WriteSpan(w, p.span, depth + 1);
  w.Key(false, depth, "text");
  w.String(p.text);
  w.Close('}', false, depth);
}

template <typename T>
void WriteItems(JsonWriter& w, const std::vector<T>& items, int depth) {
  WriteList(w, items, depth, [](JsonWriter& w, const T& item, int depth) { WriteItem(w, item, depth); });
}

// The members of an extraction's object at `depth`; "document_id" among them when given.
void WriteExtraction(JsonWriter& w, const Extraction& e, int depth, const int64_t* document_id) {
  w.Open('{');
  w.Key(true, depth, "citations");
  WriteItems(w, e.citations, depth + 1);
  w.Key(false, depth, "document");
  WriteDocument(w, e.document, depth + 1);
  if (document_id != nullptr) {
    w.Key(false, depth, "document_id");
    w.Integer(*document_id);
  }
  w.Key(false, depth, "encoding");
  w.String(e.encoding);
  w.Key(false, depth, "format");
  w.String(e.format);
  w.Key(false, depth, "paragraphs");
  WriteItems(w, e.paragraphs, depth + 1);
  w.Key(false, depth, "plan_limit");
  e.plan_limit ? WriteDeadline(w, *e.plan_limit, depth + 1) : w.Null();
  w.Key(false, depth, "sections");
  WriteItems(w, e.sections, depth + 1);
  w.Key(false, depth, "source");
  w.String(e.source);
  w.Key(false, depth, "targets");
  WriteItems(w, e.targets, depth + 1);
  w.Key(false, depth, "tasks");
  WriteItems(w, e.tasks, depth + 1);
  w.Close('}', false, depth);
}

}  // namespace

void WriteExtractionJson(std::ostream& out, Extraction e, int indent) {
  JsonWriter w(out, indent);
  WriteExtraction(w, e, 0, nullptr);
}

void WriteStoredDocumentJson(std::ostream& out, const Extraction& e, int64_t document_id,
                             int indent, int depth) {
  JsonWriter w(out, indent);
  WriteExtraction(w, e, depth, &document_id);
}

}  // namespace plangraph
