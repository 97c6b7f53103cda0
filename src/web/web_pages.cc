// Home, search, cited-document, cites, audit and graph pages. The plan page is in
// web_plan_page.cc.
#include "web_pages.h"

#include <algorithm>
#include <set>

#include "graph_export.h"
#include "reference.h"
#include "rules.h"
#include "text.h"
#include "web_format.h"
#include "web_graph.h"

namespace plangraph::web {

std::string PlanName(const std::string& type, const std::string& symbol) {
  return (type.empty() ? "Văn bản" : type) + " " + (symbol.empty() ? "(không số)" : symbol);
}

std::string Param(const Params& p, const std::string& name) {
  auto it = p.find(name);
  return it == p.end() ? "" : Utf8Cut(Trim(it->second), 500);
}

int IntParam(const Params& p, const std::string& name, int fallback, int lo, int hi) {
  const std::string s = Param(p, name);
  if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), ::isdigit)) return fallback;
  return std::clamp(std::stoi(s), lo, hi);
}

std::string ErrorPage(const Templates& t, const std::string& title, const std::string& message) {
  Data d;
  d.set("heading", title);
  d.set("message", message);
  auto html = t.RenderPage("error", title, d);
  return html.ok() ? *html : HtmlEscape(title + ": " + message);
}

namespace {

constexpr int kPageSize = 20;
constexpr size_t kMaxListed = 200;  // rows of a list of citing plans shown on one page

Data DocData(const DocumentSummary& d) {
  Data x;
  x.set("id", std::to_string(d.id));
  x.set("name", PlanName(d.type, d.symbol));
  x.set("type", d.type);
  x.set("symbol", d.symbol);
  x.set("date", VnDate(d.date));
  x.set("place", d.place);
  x.set("issuer", d.issuer);
  x.set("title", d.title);
  x.set("imported_at", d.imported_at);
  return x;
}

Data NodeData(const NodeInfo& n) {
  Data x;
  x.set("node_id", std::to_string(n.node_id));
  x.set("name", PlanName(n.type, n.symbol.empty() ? n.key : n.symbol));
  x.set("date", VnDate(n.date));
  x.set("issuer", n.issuer);
  x.set("title", n.title);
  x.set("citing", VnNumber(n.citing_plans));
  x.set("url", n.document_id ? "/plan/" + std::to_string(n.document_id)
                             : "/node/" + std::to_string(n.node_id));
  x.set("imported", n.document_id != 0);
  return x;
}

Data CitingData(const CitingPlan& p, int depth, bool cycle) {
  Data x;
  x.set("id", std::to_string(p.document_id));
  x.set("name", PlanName(p.type, p.symbol));
  x.set("date", VnDate(p.date));
  x.set("issuer", p.issuer);
  std::string relations;
  for (const auto& r : p.relations) relations += (relations.empty() ? "" : ", ") + RelationLabel(r);
  x.set("relations", relations);
  x.set("line", std::to_string(p.first_line));
  x.set("mentions", VnNumber(p.mentions));
  x.set("indent", std::to_string(std::min(depth, 10)));
  x.set("cycle", cycle);
  return x;
}

// The filters shared by search and audit: type (exact), issuer (folded substring), year.
struct DocFilter {
  std::string type, issuer, year;
  explicit DocFilter(const Params& p)
      : type(Param(p, "type")), issuer(Param(p, "issuer")), year(Param(p, "year")) {}
  bool Matches(const DocumentSummary& d) const {
    if (!type.empty() && d.type != type) return false;
    if (!year.empty() && d.date.compare(0, year.size(), year) != 0) return false;
    if (!issuer.empty()) {
      const std::string want = Fold(issuer);
      if (!want.empty() && Fold(d.issuer).find(want) == std::string::npos) return false;
    }
    return true;
  }
  // Query string of the filters, "&type=…" for links.
  std::string Query() const {
    std::string q;
    if (!type.empty()) q += "&type=" + UrlEncode(type);
    if (!issuer.empty()) q += "&issuer=" + UrlEncode(issuer);
    if (!year.empty()) q += "&year=" + UrlEncode(year);
    return q;
  }
  // Form data: the current values and the document types to choose from.
  void Fill(Data& d, const std::vector<DocumentSummary>& docs) const {
    d.set("f_issuer", issuer);
    d.set("f_year", year);
    std::set<std::string> types;
    for (const auto& doc : docs) {
      if (!doc.type.empty()) types.insert(doc.type);
    }
    Data list{Data::type::list};
    for (const auto& t : types) {
      Data o;
      o.set("value", t);
      o.set("selected", t == type);
      list.push_back(o);
    }
    d.set("types", list);
  }
};

// Previous / next links and "trang 2 / 5".
void Paging(Data& d, int page, size_t total, int page_size, const std::string& base) {
  const int pages = std::max<int>(1, static_cast<int>((total + page_size - 1) / page_size));
  d.set("page", VnNumber(page));
  d.set("pages", VnNumber(pages));
  d.set("many_pages", pages > 1);
  if (page > 1) d.set("prev_url", base + "&page=" + std::to_string(page - 1));
  if (page < pages) d.set("next_url", base + "&page=" + std::to_string(page + 1));
}

Data CountsData(const AuditCounts& c, int plans, int without_organisation) {
  Data x;
  x.set("plans", VnNumber(plans));
  x.set("tasks", VnNumber(c.tasks));
  x.set("no_deadline", VnNumber(c.tasks_without_deadline));
  x.set("no_assignee", VnNumber(c.tasks_without_assignee));
  x.set("targets", VnNumber(c.targets));
  x.set("no_year", VnNumber(c.targets_without_year));
  x.set("citations", VnNumber(c.citations));
  x.set("unresolved", VnNumber(c.unresolved_citations));
  x.set("no_organisation", VnNumber(without_organisation));
  return x;
}

Result<Page> Render(PageContext& c, const std::string& page, const std::string& title,
                    const Data& d) {
  auto html = c.templates.RenderPage(page, title, d);
  if (!html.ok()) return html.status();
  return Page{std::move(*html)};
}

}  // namespace

// --- home -------------------------------------------------------------------------------------

Result<Page> HomePage(PageContext& c, const Params&) {
  auto snapshot = c.store.ReadSnapshot();
  if (!snapshot.ok()) return snapshot.status();
  auto stats = c.cache.Stats(c.store);
  if (!stats.ok()) return stats.status();
  auto audit = c.cache.AuditCounts(c.store);
  if (!audit.ok()) return audit.status();
  Data d;
  const StoreStats& s = **stats;
  d.set("documents", VnNumber(s.documents));
  d.set("citations", VnNumber(s.citations));
  d.set("nodes", VnNumber(s.nodes));
  d.set("tasks", VnNumber(s.tasks));
  d.set("targets", VnNumber(s.targets));
  d.set("agencies", VnNumber(s.agencies));
  Data top{Data::type::list};
  for (const auto& n : s.top_cited) top.push_back(NodeData(n));
  d.set("top_cited", top);
  AuditCounts total;
  int without_organisation = 0;
  for (const auto& a : **audit) {
    AddCounts(total, a.counts);
    without_organisation += !a.has_organisation_section;
  }
  d.set("audit", CountsData(total, static_cast<int>((*audit)->size()), without_organisation));
  std::vector<const DocumentSummary*> latest;
  for (const auto& a : **audit) latest.push_back(&a.document);
  const size_t shown = std::min<size_t>(latest.size(), 10);
  std::partial_sort(latest.begin(), latest.begin() + shown, latest.end(),
                    [](const auto* a, const auto* b) {
                      return std::tie(a->imported_at, a->id) > std::tie(b->imported_at, b->id);
                    });
  Data recent{Data::type::list};
  for (size_t i = 0; i < shown; ++i) recent.push_back(DocData(*latest[i]));
  d.set("latest", recent);
  d.set("empty", s.documents == 0);
  d.set("allow_import", c.allow_import);
  return Render(c, "home", "plangraph: kế hoạch và nhiệm vụ", d);
}

// --- search -----------------------------------------------------------------------------------

Result<Page> SearchPage(PageContext& c, const Params& p) {
  constexpr int kMaxScanned = 5000;
  const std::string q = Param(p, "q");
  const DocFilter filter(p);
  const int page = IntParam(p, "page", 1, 1, 100000);
  auto snapshot = c.store.ReadSnapshot();
  if (!snapshot.ok()) return snapshot.status();
  auto docs = c.cache.Documents(c.store);
  if (!docs.ok()) return docs.status();
  const DocumentIndex& index = **docs;
  Data d;
  d.set("q", q);
  filter.Fill(d, index.documents);
  const std::vector<std::string> terms = QueryTerms(q);
  d.set("searched", !q.empty());
  if (!terms.empty()) {
    Data header_list{Data::type::list};
    int header_count = 0;
    for (const DocumentSummary* doc : index.HeaderMatches(q, 200)) {
      if (!filter.Matches(*doc)) continue;
      ++header_count;
      Data x = DocData(*doc);
      x.set("title_html", HighlightHtml(doc->title, terms));
      x.set("issuer_html", HighlightHtml(doc->issuer, terms));
      header_list.push_back(x);
    }
    d.set("header_hits", header_list);
    d.set("has_header_hits", header_count > 0);
    auto keep = [&](int64_t id) {
      const DocumentSummary* doc = index.Find(id);
      return doc != nullptr && filter.Matches(*doc);
    };
    auto hits = c.store.SearchPage(q, keep, (page - 1) * kPageSize, kPageSize, kMaxScanned);
    if (!hits.ok()) return hits.status();
    Data list{Data::type::list};
    static const std::map<std::string, std::string> kKinds = {
        {"heading", "tiêu đề mục"}, {"task", "nhiệm vụ"}, {"citation", "trích dẫn"},
        {"paragraph", "nội dung"}};
    for (const SearchHit& h : hits->hits) {
      const DocumentSummary* doc = index.Find(h.document_id);
      if (doc == nullptr) continue;
      Data x = DocData(*doc);
      x.set("line", std::to_string(h.line));
      x.set("section", h.section_path);
      auto kind = kKinds.find(h.kind);
      x.set("kind", kind == kKinds.end() ? h.kind : kind->second);
      x.set("snippet_html", HighlightHtml(h.snippet, terms));
      list.push_back(x);
    }
    d.set("hits", list);
    d.set("hit_count", VnNumber(hits->total));
    d.set("capped", hits->capped);
    Paging(d, page, hits->total, kPageSize, "/search?q=" + UrlEncode(q) + filter.Query());
    d.set("graph_url", "/graph?q=" + UrlEncode(q) + filter.Query());
  }
  return Render(c, "search", q.empty() ? "Tìm kiếm" : "Tìm kiếm: " + q, d);
}

// --- a cited document -------------------------------------------------------------------------

Result<Page> NodePage(PageContext& c, int64_t node_id) {
  auto snapshot = c.store.ReadSnapshot();
  if (!snapshot.ok()) return snapshot.status();
  auto node = c.store.NodeById(node_id);
  if (!node.ok()) return node.status();
  auto plans = c.store.CitingPlans(node_id);
  if (!plans.ok()) return plans.status();
  Data d = NodeData(*node);
  d.set("key", node->key);
  if (node->document_id) d.set("plan_url", "/plan/" + std::to_string(node->document_id));
  Data list{Data::type::list};
  for (size_t i = 0; i < plans->size() && i < kMaxListed; ++i) {
    list.push_back(CitingData((*plans)[i], 1, false));
  }
  d.set("citing_plans", list);
  if (plans->size() > kMaxListed) d.set("more", VnNumber(plans->size() - kMaxListed));
  return Render(c, "node", PlanName(node->type, node->symbol), d);
}

// --- cites ------------------------------------------------------------------------------------

Result<Page> CitesPage(PageContext& c, const Params& p) {
  const std::string ref = Param(p, "ref");
  Data d;
  d.set("ref", ref);
  if (ref.empty()) return Render(c, "cites", "Văn bản nào thực hiện…?", d);
  auto query = ParseReferenceQuery(c.extractor.rules().document_types, ref);
  if (!query.ok()) {
    d.set("error", query.status().message());
    return Render(c, "cites", "Văn bản nào thực hiện " + ref + "?", d);
  }
  auto snapshot = c.store.ReadSnapshot();
  if (!snapshot.ok()) return snapshot.status();
  auto nodes = c.store.ResolveReference(*query);
  if (!nodes.ok()) return nodes.status();
  d.set("searched", true);
  if (nodes->empty()) {
    d.set("none", true);
  } else if (nodes->size() > 1) {
    Data list{Data::type::list};
    for (const auto& n : *nodes) list.push_back(NodeData(n));
    d.set("candidates", list);
  } else {
    const NodeInfo& node = nodes->front();
    d.set("node", NodeData(node));
    auto direct = c.store.CitingPlans(node.node_id);
    if (!direct.ok()) return direct.status();
    Data list{Data::type::list};
    for (size_t i = 0; i < direct->size() && i < kMaxListed; ++i) {
      list.push_back(CitingData((*direct)[i], 1, false));
    }
    d.set("direct", list);
    if (direct->size() > kMaxListed) d.set("more", VnNumber(direct->size() - kMaxListed));
    auto tree = c.store.ImplementationTree(node.node_id, 10);
    if (!tree.ok()) return tree.status();
    Data tree_list{Data::type::list};
    for (size_t i = 0; i < tree->size() && i < kMaxListed; ++i) {
      const TreeEntry& e = (*tree)[i];
      tree_list.push_back(CitingData(e.plan, e.depth, e.cycle));
    }
    d.set("tree", tree_list);
    if (tree->size() > kMaxListed) d.set("tree_more", VnNumber(tree->size() - kMaxListed));
    d.set("deeper", std::any_of(tree->begin(), tree->end(), [](const auto& e) { return e.depth > 1; }));
  }
  return Render(c, "cites", "Văn bản nào thực hiện " + ref + "?", d);
}

// --- audit ------------------------------------------------------------------------------------

namespace {

// The audit rows passing the filters, sorted as asked.
// `holder` keeps the cached rows alive while the page uses them.
Result<std::vector<const DocumentAudit*>> AuditRows(
    PageContext& c, const Params& p, std::shared_ptr<const std::vector<DocumentAudit>>* holder) {
  auto rows = c.cache.AuditCounts(c.store);
  if (!rows.ok()) return rows.status();
  *holder = *rows;
  const DocFilter filter(p);
  const int only = IntParam(p, "doc", 0, 0, 1000000000);  // one plan, from its page
  std::vector<const DocumentAudit*> kept;
  for (const auto& r : **rows) {
    if (filter.Matches(r.document) && (only == 0 || r.document.id == only)) kept.push_back(&r);
  }
  const std::string sort = Param(p, "sort");
  const bool descending = Param(p, "order") == "desc";
  auto key = [&](const DocumentAudit* a) -> std::tuple<int64_t, const std::string*> {
    static const std::string kNone;
    const AuditCounts& n = a->counts;
    if (sort == "tasks") return {n.tasks, &kNone};
    if (sort == "no_deadline") return {n.tasks_without_deadline, &kNone};
    if (sort == "no_assignee") return {n.tasks_without_assignee, &kNone};
    if (sort == "no_year") return {n.targets_without_year, &kNone};
    if (sort == "unresolved") return {n.unresolved_citations, &kNone};
    if (sort == "date") return {0, &a->document.date};
    if (sort == "symbol") return {0, &a->document.symbol};
    if (sort == "issuer") return {0, &a->document.issuer};
    return {a->document.id, &kNone};
  };
  auto less = [&](const DocumentAudit* a, const DocumentAudit* b) {
    const auto ka = key(a), kb = key(b);
    if (std::get<0>(ka) != std::get<0>(kb)) return std::get<0>(ka) < std::get<0>(kb);
    return *std::get<1>(ka) < *std::get<1>(kb);
  };
  std::stable_sort(kept.begin(), kept.end(), [&](const auto* a, const auto* b) {
    return descending ? less(b, a) : less(a, b);
  });
  return kept;
}

Data AuditTasksData(int64_t id, const std::vector<AuditTask>& tasks) {
  Data list{Data::type::list};
  for (const auto& t : tasks) {
    Data x;
    x.set("url", "/plan/" + std::to_string(id) + "#L" + std::to_string(t.line));
    x.set("line", std::to_string(t.line));
    x.set("section", t.section_path);
    x.set("text", t.text);
    list.push_back(x);
  }
  return list;
}

}  // namespace

Result<Page> AuditPage(PageContext& c, const Params& p) {
  auto snapshot = c.store.ReadSnapshot();
  if (!snapshot.ok()) return snapshot.status();
  std::shared_ptr<const std::vector<DocumentAudit>> holder;
  auto rows = AuditRows(c, p, &holder);
  if (!rows.ok()) return rows.status();
  auto docs = c.cache.Documents(c.store);
  if (!docs.ok()) return docs.status();
  const DocFilter filter(p);
  const int page = IntParam(p, "page", 1, 1, 100000);
  const std::string sort = Param(p, "sort");
  const std::string order = Param(p, "order") == "desc" ? "desc" : "asc";
  Data d;
  filter.Fill(d, (*docs)->documents);
  AuditCounts total;
  int without_organisation = 0;
  for (const DocumentAudit* r : *rows) {
    AddCounts(total, r->counts);
    without_organisation += !r->has_organisation_section;
  }
  d.set("total", CountsData(total, static_cast<int>(rows->size()), without_organisation));
  const std::string base = "/audit?sort=" + UrlEncode(sort) + "&order=" + order + filter.Query();
  Data list{Data::type::list};
  for (size_t i = (page - 1) * kPageSize; i < rows->size() && i < size_t(page) * kPageSize; ++i) {
    const DocumentAudit& r = *(*rows)[i];
    Data x = DocData(r.document);
    Data counts = CountsData(r.counts, 1, !r.has_organisation_section);
    x.set("counts", counts);
    x.set("no_organisation", !r.has_organisation_section);
    // The task lists of the plans on this page (a few queries per plan).
    auto detail = c.store.Audit(AuditFilter{std::to_string(r.document.id), ""});
    if (detail.ok() && !detail->documents.empty()) {
      const DocumentAudit& a = detail->documents.front();
      x.set("without_deadline", AuditTasksData(r.document.id, a.tasks_without_deadline));
      x.set("without_assignee", AuditTasksData(r.document.id, a.tasks_without_assignee));
      x.set("has_gaps", !a.tasks_without_deadline.empty() || !a.tasks_without_assignee.empty());
    }
    list.push_back(x);
  }
  d.set("rows", list);
  Paging(d, page, rows->size(), kPageSize, base);
  // Column headers: a click sorts by the column, a second click reverses.
  Data columns{Data::type::list};
  static const std::pair<const char*, const char*> kColumns[] = {
      {"symbol", "Văn bản"},          {"issuer", "Cơ quan ban hành"},
      {"date", "Ngày"},               {"tasks", "Nhiệm vụ"},
      {"no_deadline", "Thiếu thời hạn"}, {"no_assignee", "Thiếu đơn vị thực hiện"},
      {"no_year", "Chỉ tiêu thiếu năm"}, {"unresolved", "Trích dẫn chưa có trong CSDL"}};
  for (const auto& [code, label] : kColumns) {
    Data col;
    col.set("label", label);
    const bool current = sort == code;
    col.set("url", "/audit?sort=" + std::string(code) +
                       "&order=" + (current && order == "asc" ? "desc" : "asc") + filter.Query());
    col.set("mark", current ? (order == "asc" ? " ▲" : " ▼") : "");
    columns.push_back(col);
  }
  d.set("columns", columns);
  d.set("sort", sort);
  d.set("order", order);
  d.set("csv_url", "/audit.csv?sort=" + UrlEncode(sort) + "&order=" + order + filter.Query());
  return Render(c, "audit", "Kiểm tra kế hoạch", d);
}

Result<Page> AuditCsv(PageContext& c, const Params& p) {
  auto snapshot = c.store.ReadSnapshot();
  if (!snapshot.ok()) return snapshot.status();
  std::shared_ptr<const std::vector<DocumentAudit>> holder;
  auto rows = AuditRows(c, p, &holder);
  if (!rows.ok()) return rows.status();
  std::string csv =
      "document_id,type,symbol,date,issuer,tasks,tasks_without_deadline,tasks_without_assignee,"
      "targets,targets_without_year,citations,citations_not_in_database,has_organisation_section\n";
  for (const DocumentAudit* row : *rows) {
    const DocumentAudit& r = *row;
    const AuditCounts& n = r.counts;
    const DocumentSummary& doc = r.document;
    csv += std::to_string(doc.id) + "," + CsvField(doc.type) + "," + CsvField(doc.symbol) + "," +
           doc.date + "," + CsvField(doc.issuer) + "," + std::to_string(n.tasks) + "," +
           std::to_string(n.tasks_without_deadline) + "," +
           std::to_string(n.tasks_without_assignee) + "," + std::to_string(n.targets) + "," +
           std::to_string(n.targets_without_year) + "," + std::to_string(n.citations) + "," +
           std::to_string(n.unresolved_citations) + "," +
           (r.has_organisation_section ? "1" : "0") + "\n";
  }
  return Page{std::move(csv), "text/csv; charset=utf-8", "plangraph-audit.csv"};
}

// --- graph ------------------------------------------------------------------------------------

Result<Page> GraphPage(PageContext& c, const Params& p) {
  constexpr size_t kMaxVertices = 80;  // beyond, a drawing is unreadable and slow to lay out
  const int plan = IntParam(p, "plan", 0, 0, 1000000000);
  const int node = IntParam(p, "node", 0, 0, 1000000000);
  const std::string q = Param(p, "q");
  auto snapshot = c.store.ReadSnapshot();
  if (!snapshot.ok()) return snapshot.status();
  std::set<std::string> seeds;
  Data d;
  int hops = 2;
  if (plan > 0) {
    auto doc = c.store.DocumentByRef(std::to_string(plan));
    if (!doc.ok()) return doc.status();
    seeds.insert("d" + std::to_string(plan));
    d.set("what", PlanName(doc->type, doc->symbol));
    d.set("back_url", "/plan/" + std::to_string(plan));
  } else if (node > 0) {
    auto info = c.store.NodeById(node);
    if (!info.ok()) return info.status();
    seeds.insert(info->document_id ? "d" + std::to_string(info->document_id)
                                   : "n" + std::to_string(node));
    d.set("what", PlanName(info->type, info->symbol));
  } else if (!q.empty()) {
    hops = 1;
    const DocFilter filter(p);
    auto docs = c.cache.Documents(c.store);
    if (!docs.ok()) return docs.status();
    const DocumentIndex& index = **docs;
    for (const DocumentSummary* doc : index.HeaderMatches(q, 30)) {
      if (filter.Matches(*doc)) seeds.insert("d" + std::to_string(doc->id));
    }
    auto keep = [&](int64_t id) {
      const DocumentSummary* doc = index.Find(id);
      return doc != nullptr && filter.Matches(*doc);
    };
    auto hits = c.store.SearchPage(q, keep, 0, 0, 2000);
    if (!hits.ok()) return hits.status();
    for (int64_t id : hits->document_ids) {
      if (seeds.size() >= 30) break;
      seeds.insert("d" + std::to_string(id));
    }
    d.set("what", "kết quả tìm “" + q + "”");
    d.set("back_url", "/search?q=" + UrlEncode(q) + filter.Query());
  } else {
    return Status::InvalidInput("graph: give plan=ID, node=ID or q=TEXT");
  }
  auto graph = c.cache.Graph(c.store);
  if (!graph.ok()) return graph.status();
  GraphData part = Neighbourhood(**graph, seeds, hops, kMaxVertices);
  if (plan > 0 && part.vertices.empty()) {
    return Status::NotFound("graph: no plan #" + std::to_string(plan));
  }
  d.set("vertices", VnNumber(static_cast<int64_t>(part.vertices.size())));
  d.set("edges", VnNumber(static_cast<int64_t>(part.edges.size())));
  d.set("capped", part.vertices.size() >= kMaxVertices);
  if (!part.vertices.empty()) {
    auto svg = RenderSvg(GraphDot(part, seeds));
    if (!svg.ok()) return svg.status();
    d.set("svg", *svg);
  }
  return Render(c, "graph", "Sơ đồ trích dẫn", d);
}

}  // namespace plangraph::web
