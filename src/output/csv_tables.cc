#include "csv_tables.h"

#include <algorithm>
#include <cmath>

#include "text.h"

namespace plangraph {
namespace {

// One row of a table: fields joined with commas, each quoted only when it must be.
class Row {
 public:
  Row& Text(const std::string& s) { return Add(CsvField(EscapeIllFormedUtf8(s))); }
  Row& Int(int64_t v) { return Add(std::to_string(v)); }
  Row& IdOrEmpty(int64_t v) { return Add(v < 0 ? "" : std::to_string(v)); }  // -1: none
  Row& Number(double v) {  // 76500, 12.5: a whole number without JSON's ".0"
    if (std::abs(v) < 1e15 && v == std::floor(v)) {
      return Add(std::to_string(static_cast<int64_t>(v)));
    }
    return Add(nlohmann::json(v).dump());
  }
  Row& OptionalInt(const std::optional<int>& v) { return Add(v ? std::to_string(*v) : ""); }
  void WriteTo(std::ostream* out) const {
    if (out != nullptr) *out << line_ << "\n";
  }

 private:
  Row& Add(const std::string& field) {
    if (!first_) line_ += ",";
    first_ = false;
    line_ += field;
    return *this;
  }
  std::string line_;
  bool first_ = true;
};

const std::map<std::string, const char*>& Headers() {
  static const std::map<std::string, const char*> headers = {
      {"documents",
       "document_id,path,type,symbol,date,place,issuer,title,key,format,encoding,content_hash,"
       "byte_size,imported_at"},
      {"sections", "document_id,section,parent,depth,kind,label,heading,line,last_line"},
      {"citations", "document_id,line,section,relation,key,type,symbol,date,issuer,title,text"},
      {"targets",
       "document_id,line,section,indicator,value,value_text,unit,comparator,kind,year"},
      {"tasks",
       "document_id,task,section,line,text,deadline,deadline_start,deadline_end,recurrence"},
      {"assignees", "document_id,task,agency,role,canonical"},
      {"deadlines", "document_id,task,position,text,start,end,recurrence"},
      {"paragraphs", "document_id,section,line,last_line,text"},
      {"plan_limits", "document_id,text,start,end,recurrence"},
      {"nodes", "id,imported,document_id,node_id,key,type,symbol,date,issuer,title,path"},
      {"edges", "from,to,relation,count"},
  };
  return headers;
}

Row DeadlineFields(Row row, const Deadline& d) {
  row.Text(d.text).Text(d.start).Text(d.end).Text(d.recurrence);
  return row;
}

// The rows of one plan in each fact table; `out(name)` is null for a table not written.
template <typename Out>
void WritePlanRows(const StoredDocument& plan, Out out) {
  const DocumentSummary& s = plan.summary;
  const Extraction& e = plan.extraction;
  const int64_t id = s.id;
  Row()
      .Int(id).Text(s.path).Text(s.type).Text(s.symbol).Text(s.date).Text(s.place).Text(s.issuer)
      .Text(s.title).Text(s.key).Text(s.format).Text(s.encoding).Text(s.content_hash)
      .Int(s.byte_size).Text(s.imported_at)
      .WriteTo(out("documents"));
  for (const Section& x : e.sections) {
    Row().Int(id).Int(x.id).IdOrEmpty(x.parent).Int(x.depth).Text(x.kind).Text(x.label)
        .Text(x.heading).Int(x.span.line).Int(x.last_line)
        .WriteTo(out("sections"));
  }
  for (const Citation& c : e.citations) {
    Row().Int(id).Int(c.span.line).IdOrEmpty(c.section).Text(c.relation).Text(c.key).Text(c.type)
        .Text(c.symbol).Text(c.date).Text(c.issuer).Text(c.title).Text(c.text)
        .WriteTo(out("citations"));
  }
  for (const Target& t : e.targets) {
    Row().Int(id).Int(t.span.line).IdOrEmpty(t.section).Text(t.indicator).Number(t.value)
        .Text(t.value_text).Text(t.unit).Text(t.comparator).Text(t.kind).OptionalInt(t.year)
        .WriteTo(out("targets"));
  }
  for (const Task& t : e.tasks) {
    const Deadline none;
    const Deadline& d = t.deadline ? *t.deadline : none;
    Row().Int(id).Int(t.id).IdOrEmpty(t.section).Int(t.span.line).Text(t.text).Text(d.text)
        .Text(d.start).Text(d.end).Text(d.recurrence)
        .WriteTo(out("tasks"));
    for (const Assignee& a : t.assignees) {
      Row().Int(id).Int(t.id).Text(a.agency).Text(a.role).Text(a.canonical)
          .WriteTo(out("assignees"));
    }
    for (size_t i = 0; i < t.schedule.size(); ++i) {
      DeadlineFields(std::move(Row().Int(id).Int(t.id).Int(static_cast<int64_t>(i))),
                     t.schedule[i])
          .WriteTo(out("deadlines"));
    }
  }
  for (const Paragraph& p : e.paragraphs) {
    Row().Int(id).IdOrEmpty(p.section).Int(p.span.line).Int(p.last_line).Text(p.text)
        .WriteTo(out("paragraphs"));
  }
  if (e.plan_limit) {
    DeadlineFields(std::move(Row().Int(id)), *e.plan_limit).WriteTo(out("plan_limits"));
  }
}

}  // namespace

const std::vector<std::string>& CsvTableNames() {
  static const std::vector<std::string> names = {
      "documents", "sections", "citations", "targets", "tasks", "assignees",
      "deadlines", "paragraphs", "plan_limits", "nodes", "edges"};
  return names;
}

Status WriteCsvTables(const GraphSource& source,
                      const std::map<std::string, std::ostream*>& outputs) {
  for (const auto& [name, stream] : outputs) {
    if (!Headers().count(name)) return Status::InvalidInput("no CSV table '" + name + "'");
    *stream << Headers().at(name) << "\n";
  }
  auto out = [&](const char* name) -> std::ostream* {
    const auto it = outputs.find(name);
    return it == outputs.end() ? nullptr : it->second;
  };
  const bool plan_tables = std::any_of(outputs.begin(), outputs.end(), [](const auto& o) {
    return o.first != "nodes" && o.first != "edges";
  });
  if (plan_tables) {
    if (Status s = source.plans([&](const StoredDocument& d) { WritePlanRows(d, out); }); !s.ok()) {
      return s;
    }
  }
  if (std::ostream* nodes = out("nodes")) {
    Status s = source.vertices([&](const GraphVertex& v) {
      // A document id or node id of 0 is none: an empty field.
      Row().Text(v.id).Int(v.document_id != 0)
          .Text(v.document_id ? std::to_string(v.document_id) : "")
          .Text(v.node_id ? std::to_string(v.node_id) : "").Text(v.key).Text(v.type)
          .Text(v.symbol).Text(v.date).Text(v.issuer).Text(v.title).Text(v.path)
          .WriteTo(nodes);
    });
    if (!s.ok()) return s;
  }
  if (std::ostream* edges = out("edges")) {
    Status s = source.edges([&](const GraphEdge& e) {
      Row().Text(e.from).Text(e.to).Text(e.relation).Int(e.count).WriteTo(edges);
    });
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace plangraph
