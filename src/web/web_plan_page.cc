// The plan page: header, section tree, tasks, targets, citations, "cited by", and the source
// text with an anchor on every line (#L42), every fact linking to its line.
//
// The database does not store the source text. The page reads the file at its stored path and
// shows it only when its content hash is still the one imported (else the line numbers could
// point at other text); otherwise the lines are rebuilt from what the database holds (headings,
// tasks, citations, paragraphs at their lines) and the page says so. Keeping the text in the
// database would double its size and change its schema while the file is usually at hand.
#include <algorithm>
#include <map>

#include "reader.h"
#include "web_format.h"
#include "web_pages.h"

namespace plangraph::web {
namespace {

constexpr size_t kMaxSourceLines = 20000;  // longer sources are cut, with a note

// The source lines, when the file is still the one imported.
std::optional<std::vector<std::string>> SourceLines(const DocumentSummary& doc) {
  auto bytes = ReadFileBytes(doc.path);
  if (!bytes.ok() || Store::ContentHash(*bytes) != doc.content_hash) return std::nullopt;
  auto decoded = DecodeBytes(doc.path, *bytes);
  if (!decoded.ok() || decoded->encoding != doc.encoding) {
    // Imported with --encoding: the stored encoding names the reading to repeat.
    const std::string name = doc.encoding.substr(0, doc.encoding.find(' '));
    decoded = DecodeBytesAs(doc.path, *bytes, name);
    if (!decoded.ok()) return std::nullopt;
  }
  std::vector<std::string> lines;
  size_t start = 0;
  const std::string& t = decoded->text;
  while (start <= t.size() && lines.size() < kMaxSourceLines) {
    size_t end = t.find('\n', start);
    if (end == std::string::npos) end = t.size();
    lines.push_back(t.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// Lines rebuilt from the stored facts: each fact's text at its first line.
std::vector<std::string> RebuiltLines(const Extraction& e) {
  std::map<int, std::string> at;
  auto put = [&](int line, const std::string& text) {
    if (line > 0 && !at.count(line)) at[line] = text;
  };
  for (const auto& s : e.sections) put(s.span.line, s.label + ". " + s.heading);
  for (const auto& t : e.tasks) put(t.span.line, t.text);
  for (const auto& p : e.paragraphs) put(p.span.line, p.text);
  for (const auto& c : e.citations) put(c.span.line, c.text);
  const int last = at.empty() ? 0 : std::min<int>(at.rbegin()->first, kMaxSourceLines);
  std::vector<std::string> lines(last);
  for (const auto& [line, text] : at) {
    if (line <= last) lines[line - 1] = text;
  }
  return lines;
}

std::string LineUrl(int line) { return "#L" + std::to_string(line); }

Data SectionPathData(const Extraction& e, int section) {
  std::string path;
  for (int guard = 0; section >= 0 && guard < 64; ++guard) {
    auto it = std::find_if(e.sections.begin(), e.sections.end(),
                           [&](const Section& s) { return s.id == section; });
    if (it == e.sections.end()) break;
    path = it->label + (path.empty() ? "" : " > " + path);
    section = it->parent;
  }
  return Data(path);
}

}  // namespace

Result<Page> PlanPage(PageContext& c, int64_t document_id) {
  auto snapshot = c.store.ReadSnapshot();
  if (!snapshot.ok()) return snapshot.status();
  auto stored = c.store.LoadDocument(document_id);
  if (!stored.ok()) return stored.status();
  const DocumentSummary& doc = stored->summary;
  const Extraction& e = stored->extraction;
  Data d;
  d.set("id", std::to_string(doc.id));
  d.set("name", PlanName(doc.type, doc.symbol));
  d.set("type", doc.type);
  d.set("symbol", doc.symbol);
  d.set("date", VnDate(doc.date));
  d.set("place", doc.place);
  d.set("issuer", doc.issuer);
  d.set("title", doc.title);
  d.set("path", doc.path);
  d.set("format", doc.format);
  d.set("encoding", doc.encoding);
  d.set("imported_at", doc.imported_at);
  d.set("byte_size", VnNumber(doc.byte_size));

  Data sections{Data::type::list};
  for (const Section& s : e.sections) {
    Data x;
    x.set("label", s.label);
    x.set("heading", s.heading);
    x.set("indent", std::to_string(std::clamp(s.depth, 0, 10)));
    x.set("url", LineUrl(s.span.line));
    x.set("line", std::to_string(s.span.line));
    sections.push_back(x);
  }
  d.set("sections", sections);

  Data tasks{Data::type::list};
  int without_deadline = 0, without_assignee = 0;
  for (const Task& t : e.tasks) {
    Data x;
    x.set("local_id", std::to_string(t.id));
    x.set("text", t.text);
    x.set("url", LineUrl(t.span.line));
    x.set("line", std::to_string(t.span.line));
    x.set("section", SectionPathData(e, t.section));
    Data who{Data::type::list};
    for (const Assignee& a : t.assignees) {
      Data w;
      w.set("agency", a.agency);
      w.set("role", RoleLabel(a.role));
      who.push_back(w);
    }
    x.set("assignees", who);
    x.set("no_assignee", t.assignees.empty());
    without_assignee += t.assignees.empty();
    if (t.deadline) {
      x.set("deadline", t.deadline->text);
      std::string range = VnDate(t.deadline->start);
      if (!t.deadline->end.empty() && t.deadline->end != t.deadline->start) {
        range += (range.empty() ? "" : " – ") + VnDate(t.deadline->end);
      }
      x.set("deadline_range", range);
    } else {
      ++without_deadline;
    }
    x.set("no_deadline", !t.deadline.has_value());
    tasks.push_back(x);
  }
  d.set("tasks", tasks);
  d.set("task_count", VnNumber(static_cast<int64_t>(e.tasks.size())));
  d.set("without_deadline", VnNumber(without_deadline));
  d.set("without_assignee", VnNumber(without_assignee));

  Data targets{Data::type::list};
  for (const Target& t : e.targets) {
    Data x;
    x.set("indicator", t.indicator);
    x.set("value", t.value_text);
    x.set("unit", t.unit);
    x.set("year", t.year ? std::to_string(*t.year) : "");
    x.set("no_year", !t.year.has_value());
    x.set("url", LineUrl(t.span.line));
    x.set("line", std::to_string(t.span.line));
    targets.push_back(x);
  }
  d.set("targets", targets);

  auto cited = c.store.CitedNodes(document_id);
  if (!cited.ok()) return cited.status();
  std::map<std::string, const NodeInfo*> node_by_key;
  for (const auto& n : *cited) node_by_key[n.key] = &n;
  Data citations{Data::type::list};
  for (const Citation& ct : e.citations) {
    Data x;
    x.set("text", ct.text);
    x.set("name", PlanName(ct.type, ct.symbol));
    x.set("relation", RelationLabel(ct.relation));
    x.set("date", VnDate(ct.date));
    x.set("url", LineUrl(ct.span.line));
    x.set("line", std::to_string(ct.span.line));
    auto it = node_by_key.find(ct.key);
    if (it != node_by_key.end()) {
      const NodeInfo& n = *it->second;
      x.set("target_url", n.document_id ? "/plan/" + std::to_string(n.document_id)
                                        : "/node/" + std::to_string(n.node_id));
      x.set("imported", n.document_id != 0);
    }
    citations.push_back(x);
  }
  d.set("citations", citations);

  Data cited_by{Data::type::list};
  auto self = c.store.NodeOfImportedDocument(document_id);
  if (self.ok()) {
    auto plans = c.store.CitingPlans(self->node_id);
    if (!plans.ok()) return plans.status();
    for (const auto& p : *plans) {
      Data x;
      x.set("id", std::to_string(p.document_id));
      x.set("name", PlanName(p.type, p.symbol));
      x.set("date", VnDate(p.date));
      x.set("issuer", p.issuer);
      x.set("line", std::to_string(p.first_line));
      std::string relations;
      for (const auto& r : p.relations) {
        relations += (relations.empty() ? "" : ", ") + RelationLabel(r);
      }
      x.set("relations", relations);
      cited_by.push_back(x);
    }
  } else if (self.status().kind() != Status::Kind::kNotFound) {
    return self.status();
  }
  d.set("cited_by", cited_by);

  std::optional<std::vector<std::string>> lines = SourceLines(doc);
  d.set("source_rebuilt", !lines.has_value());
  if (!lines) lines = RebuiltLines(e);
  Data source{Data::type::list};
  for (size_t i = 0; i < lines->size(); ++i) {
    Data x;
    x.set("n", std::to_string(i + 1));
    x.set("text", (*lines)[i]);
    source.push_back(x);
  }
  d.set("source", source);
  d.set("source_cut", lines->size() >= kMaxSourceLines);
  auto html = c.templates.RenderPage("plan", PlanName(doc.type, doc.symbol), d);
  if (!html.ok()) return html.status();
  return Page{std::move(*html)};
}

}  // namespace plangraph::web
