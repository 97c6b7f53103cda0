// The commands that work on the plan database: import, cites, audit, search, show, export,
// stats. Each parses its options, opens the store, and prints what the store returns: text for
// people, --format json|csv for programs.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "commands.h"
#include "csv_tables.h"
#include "export_queries.h"
#include "graph_export.h"
#include "json_output.h"
#include "plangraph/import.h"
#include "plangraph/pipeline.h"
#include "plangraph/store.h"
#include "rules.h"
#include "text.h"
#include "text_output.h"

namespace plangraph::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Options every database command shares.
struct DbOptions {
  std::string db;
  std::string format = "text";
};

std::string DefaultDb() {
  const char* env = std::getenv("PLANGRAPH_DB");
  return env && *env ? env : "plangraph.db";
}

void AddDbOptions(CLI::App& app, DbOptions* o, std::vector<std::string> formats) {
  app.footer(
      "Exit status: 0 success; 1 an input failed or what was asked for is not found (or is "
      "ambiguous: the candidates are listed); 2 bad usage, or the database is missing, locked, "
      "full, damaged or not plangraph's.");
  o->db = DefaultDb();
  app.add_option("--db", o->db, "database file (default: $PLANGRAPH_DB or plangraph.db)");
  std::string list;
  for (const auto& f : formats) list += (list.empty() ? "" : "|") + f;
  app.add_option("--format", o->format, "output: " + list)->check(CLI::IsMember(formats));
}

// Parses `args` (in order); returns -1 to go on, else the exit code (help printed, bad usage).
int Parse(CLI::App& app, const std::vector<std::string>& args) {
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  return -1;
}

// Read commands (must_exist) open the file read-only: they create nothing beside it, take no
// write lock and work on read-only media.
std::optional<Store> OpenStore(const std::string& path, bool must_exist) {
  if (must_exist && !fs::exists(path)) {
    std::cerr << "plangraph: " << path << ": no such database (run 'plangraph import' first)\n";
    return std::nullopt;
  }
  auto store = must_exist ? Store::OpenForReading(path) : Store::Open(path);
  if (!store.ok()) {
    std::cerr << "plangraph: " << store.status().message() << "\n";
    return std::nullopt;
  }
  return std::move(*store);
}

// check's FTS5 integrity-check is a write statement: it needs a writable connection.
std::optional<Store> OpenWritableStore(const std::string& path) {
  if (!fs::exists(path)) {
    std::cerr << "plangraph: " << path << ": no such database (run 'plangraph import' first)\n";
    return std::nullopt;
  }
  return OpenStore(path, /*must_exist=*/false);
}

// j with every string (and key) holding ill-formed UTF-8, a file name in a legacy encoding,
// written escaped ("\\xE9"): dump() would throw on it.
json Escaped(json j) {
  if (j.is_string()) {
    const auto& v = j.get_ref<const std::string&>();
    std::string e = EscapeIllFormedUtf8(v);
    if (e != v) j = e;
  } else if (j.is_array()) {
    for (json& item : j) item = Escaped(std::move(item));
  } else if (j.is_object()) {
    json out = json::object();
    for (auto& [key, value] : j.items()) out[EscapeIllFormedUtf8(key)] = Escaped(value);
    j = std::move(out);
  }
  return j;
}

// The machine-output contract (README "Machine output"): what is not known is null, never "" or 0.
json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json IdOrNull(int64_t id) { return id > 0 ? json(id) : json(nullptr); }

// A path as shown in text: bytes of a legacy-encoded file name written "\\xE9".
std::string Shown(const std::string& path) { return EscapeIllFormedUtf8(path); }

// 1 when what was asked for is not there, 2 for every other failure.
int ExitCodeOf(const Status& s) { return s.kind() == Status::Kind::kNotFound ? 1 : 2; }

template <typename T>
bool Check(const Result<T>& r) {
  if (!r.ok()) std::cerr << "plangraph: " << r.status().message() << "\n";
  return r.ok();
}

std::string Join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string PlanName(const std::string& type, const std::string& symbol) {
  return (type.empty() ? "" : type + " ") + (symbol.empty() ? "(no số)" : symbol);
}

// --- import -----------------------------------------------------------------------------------

// A one-line progress bar on stderr, only when stderr is a terminal.
class Progress {
 public:
  explicit Progress(size_t total) : total_(total), on_(isatty(STDERR_FILENO) && total > 1) {}
  void Step(size_t done, const std::string& file) {
    if (!on_) return;
    const int kWidth = 30;
    int filled = static_cast<int>(kWidth * done / total_);
    std::string name = fs::path(file).filename().string();
    if (name.size() > 40) name = std::string(Utf8Prefix(name, 37)) + "…";
    std::cerr << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, ' ') << "] "
              << done << "/" << total_ << " " << name << "\x1b[K" << std::flush;
  }
  void Done() {
    if (on_) std::cerr << "\r\x1b[K" << std::flush;
  }

 private:
  size_t total_;
  bool on_;
};

}  // namespace

int RunImport(const std::vector<std::string>& args) {
  CLI::App app{"Import plan documents into the database. Each document is stored whole or "
               "not at all (in transactions of up to --batch documents or one second): a file "
               "already stored with the same content is left as it is, a changed file replaces "
               "its old version, a bad file is reported and skipped.",
               "plangraph import"};
  DbOptions o;
  std::vector<std::string> inputs;
  std::string rules_dir = DefaultRulesDir();
  bool quiet = false, force = false, prune = false, accept_any = false;
  app.add_option("PATH", inputs, "files or folders (folders are read recursively)")->required();
  app.add_flag("--accept-any", accept_any,
               "import files that show no sign of a plan document too");
  app.add_flag("--prune", prune,
               "remove stored plans whose files are gone from the folders imported");
  AddDbOptions(app, &o, {"text", "json"});
  app.add_option("--rules", rules_dir, "rules folder (default: $PLANGRAPH_RULES or built-in)");
  app.add_flag("-q,--quiet", quiet, "print only errors and the closing summary");
  app.add_flag("--force", force, "re-extract and replace unchanged files too (after a rules change)");
  std::string encoding;
  app.add_option("--encoding", encoding,
                 "read plain text in this encoding instead of detecting it (see 'extract --help')");
  std::string ocr = "auto";
  app.add_option("--ocr", ocr, kOcrHelp)->check(CLI::IsMember({"never", "auto", "always"}));
  int jobs = 1;
  app.add_option("-j,--jobs", jobs,
                 "threads that read and extract files beside the one that stores them "
                 "(default 1; 0: one per core); the database is the same whatever the number")
      ->check(CLI::NonNegativeNumber);
  int batch = 50;
  app.add_option("--batch", batch,
                 "documents stored in one transaction at most (default 50; 1: each on its own, "
                 "so that readers beside the import see every document as soon as it is stored)")
      ->check(CLI::Range(1, 1000000));
  if (int code = Parse(app, args); code >= 0) return code;
  auto extractor = Extractor::Create(rules_dir);
  if (!Check(extractor)) return 2;
  auto store = OpenStore(o.db, /*must_exist=*/false);
  if (!store) return 2;
  ImportOptions options;
  options.force = force;
  options.prune = prune;
  options.accept_any = accept_any;
  options.read = ReadOptions{encoding, OcrModeNamed(ocr)};
  options.jobs = jobs;
  options.batch = batch;
  json results = json::array();
  std::optional<Progress> progress;
  auto summary = ImportFiles(*extractor, *store, inputs, options, [&](const ImportedFile& f) {
    if (!progress && f.total > 0) progress.emplace(f.total);
    if (f.outcome == ImportedFile::Outcome::kFailed) {
      if (progress) progress->Done();
      std::cerr << "plangraph: " << f.error.message() << "\n";
      json entry = {{"outcome", "failed"}, {"error", f.error.message()}};
      if (!f.path.empty()) entry["path"] = f.path;
      results.push_back(std::move(entry));
      return;
    }
    const std::string kind = OutcomeText(f);
    results.push_back({{"path", f.path}, {"outcome", kind}});
    if (progress && f.outcome != ImportedFile::Outcome::kPruned) {
      progress->Step(f.index + 1, f.path);
    }
    if (o.format == "text" && !quiet && f.outcome != ImportedFile::Outcome::kUnchanged) {
      if (progress) progress->Done();
      std::cout << kind << ": " << Shown(f.path) << "\n";
    }
  });
  if (progress) progress->Done();
  if (!Check(summary)) return 2;
  const ImportSummary& tally = *summary;
  if (o.format == "json") {
    std::cout << Escaped(json{{"database", o.db}, {"files", results}, {"imported", tally.imported},
                      {"unchanged", tally.unchanged}, {"replaced", tally.replaced},
                      {"moved", tally.moved}, {"duplicates", tally.duplicates},
                      {"pruned", tally.pruned}, {"failed", tally.failed},
                      {"unreadable", tally.unreadable}}).dump(1)
              << "\n";
  } else {
    std::cout << "import into " << o.db << ": " << tally.files << " files, " << tally.imported
              << " imported, " << tally.unchanged << " unchanged, " << tally.replaced
              << " replaced, " << tally.failed << " failed";
    if (tally.unreadable > 0) std::cout << " (unreadable: " << tally.unreadable << ")";
    if (tally.moved) std::cout << ", " << tally.moved << " moved";
    if (tally.duplicates) std::cout << ", " << tally.duplicates << " duplicates";
    if (prune) std::cout << ", " << tally.pruned << " pruned";
    std::cout << "\n";
  }
  return tally.failed ? 1 : 0;
}

// --- check ------------------------------------------------------------------------------------

int RunCheck(const std::vector<std::string>& args) {
  CLI::App app{"Check the database file in full: SQLite integrity_check, the search index, "
               "foreign keys, nodes no plan cites. Nothing is changed. Exit status 0 when "
               "sound, 1 when a problem is found (each listed), 2 when the file cannot be "
               "opened.",
               "plangraph check"};
  DbOptions o;
  AddDbOptions(app, &o, {"text", "json"});
  if (int code = Parse(app, args); code >= 0) return code;
  auto store = OpenWritableStore(o.db);
  if (!store) return 2;
  auto report = store->Check();
  if (!Check(report)) return 2;
  if (o.format == "json") {
    std::cout << Escaped(
                     json{{"database", o.db}, {"ok", report->ok()}, {"problems", report->problems}})
                     .dump(1)
              << "\n";
  } else if (report->ok()) {
    std::cout << o.db << ": ok\n";
  } else {
    for (const std::string& p : report->problems) std::cout << o.db << ": " << p << "\n";
  }
  return report->ok() ? 0 : 1;
}

// --- remove -----------------------------------------------------------------------------------

int RunRemove(const std::vector<std::string>& args) {
  CLI::App app{"Remove plans from the database, with what they own; cited documents no plan "
               "cites any more go too. Exit status 1 when a DOC names no plan (the others are "
               "removed).",
               "plangraph remove"};
  DbOptions o;
  std::vector<std::string> refs;
  app.add_option("DOC", refs, "plans: id, số or path (relative paths as for show)")->required();
  AddDbOptions(app, &o, {"text"});
  if (int code = Parse(app, args); code >= 0) return code;
  auto store = OpenWritableStore(o.db);
  if (!store) return 2;
  int failed = 0;
  for (const std::string& ref : refs) {
    auto doc = store->DocumentByRef(ref);
    if (!doc.ok() && doc.status().kind() == Status::Kind::kNotFound) {
      auto by_path = store->DocumentByRef(StoredPath(ref));  // a path relative to here
      if (by_path.ok()) doc = std::move(by_path);
    }
    if (!doc.ok()) {
      std::cerr << "plangraph: " << doc.status().message() << "\n";
      if (doc.status().kind() != Status::Kind::kNotFound &&
          doc.status().kind() != Status::Kind::kInvalidInput) {
        return 2;
      }
      ++failed;
      continue;
    }
    if (Status s = store->Remove(doc->id); !s.ok()) {
      std::cerr << "plangraph: " << s.message() << "\n";
      return 2;
    }
    std::cout << "removed: " << doc->path << "\n";
  }
  return failed ? 1 : 0;
}

// --- cites ------------------------------------------------------------------------------------

namespace {

json PlanJson(const CitingPlan& p) {
  return {{"document_id", p.document_id}, {"path", p.path},           {"type", OrNull(p.type)},
          {"symbol", OrNull(p.symbol)},   {"date", OrNull(p.date)},   {"issuer", OrNull(p.issuer)},
          {"relations", p.relations},     {"line", p.first_line},     {"mentions", p.mentions}};
}

json NodeJson(const NodeInfo& n) {
  return {{"key", n.key},
          {"type", OrNull(n.type)},
          {"symbol", OrNull(n.symbol)},
          {"date", OrNull(n.date)},
          {"issuer", OrNull(n.issuer)},
          {"title", OrNull(n.title)},
          {"citing_plans", n.citing_plans},
          {"imported_document_id", IdOrNull(n.document_id)},
          {"issuer_scope", OrNull(n.issuer_scope)}};
}

std::string NodeLine(const NodeInfo& n) {
  std::string s = (n.type.empty() ? "" : n.type + " ") + n.symbol;
  if (!n.date.empty()) s += ", " + n.date;
  if (!n.issuer.empty()) s += ", " + n.issuer;
  // Where the issuer sits, as the key has it; "?" when the citing plans did not say.
  if (n.issuer_scope == "?") {
    s += ", issuer not told apart";
  } else if (!n.issuer_scope.empty()) {
    s += " [" + n.issuer_scope + "]";
  }
  return s;
}

std::string PlanLine(const CitingPlan& p) {
  std::string s = PlanName(p.type, p.symbol);
  if (!p.date.empty()) s += "  " + p.date;
  if (!p.issuer.empty()) s += "  " + p.issuer;
  return s + "  [" + Join(p.relations, ", ") + "]  " + Shown(p.path) + ":" +
         std::to_string(p.first_line);
}

}  // namespace

int RunCites(const std::vector<std::string>& args) {
  CLI::App app{"List the plans that cite a document, given the way a person types it: "
               "\"02-NQ/TW\", \"Nghị quyết 02\", \"nq 02/tw 2021\".",
               "plangraph cites"};
  DbOptions o;
  std::string ref, rules_dir = DefaultRulesDir();
  bool transitive = false;
  int depth = 10;
  app.add_option("REF", ref, "the cited document")->required();
  AddDbOptions(app, &o, {"text", "json", "csv"});
  app.add_flag("-t,--transitive", transitive,
               "also the plans implementing those plans, as a tree");
  app.add_option("--depth", depth, "levels of --transitive (default 10)")->check(CLI::Range(1, 100));
  app.add_option("--rules", rules_dir, "rules folder (document types)");
  if (int code = Parse(app, args); code >= 0) return code;
  auto types = LoadDocumentTypesIn(rules_dir);  // all a reference needs: no other rule compiled
  if (!Check(types)) return 2;
  auto query = ParseReferenceQuery(*types, ref);
  if (!Check(query)) return 2;
  auto store = OpenStore(o.db, /*must_exist=*/true);
  if (!store) return 2;
  // The node's citing count and the plans listed come from one state of the database, even
  // while an import runs alongside.
  auto snapshot = store->ReadSnapshot();
  if (!Check(snapshot)) return 2;
  auto nodes = store->ResolveReference(*query);
  if (!Check(nodes)) return 2;
  if (nodes->empty()) {
    std::cerr << "plangraph: no plan in " << o.db << " cites '" << ref << "'\n";
    if (o.format == "json") {  // no match: an empty list
      std::cout << Escaped(json{{"query", ref}, {"node", nullptr}, {"plans", json::array()}}).dump(1)
                << "\n";
    } else if (o.format == "csv") {
      std::cout << "depth,relations,type,symbol,date,issuer,path,line\n";
    }
    return 1;
  }
  if (nodes->size() > 1) {
    // Same number in several years or under several issuers: the user chooses.
    if (o.format == "json") {
      json c = json::array();
      for (const auto& n : *nodes) c.push_back(NodeJson(n));
      std::cout << Escaped(json{{"query", ref}, {"ambiguous", true}, {"candidates", c}}).dump(1)
                << "\n";
    } else {
      std::cerr << "plangraph: '" << ref << "' matches " << nodes->size()
                << " documents; add the year or the full số:\n";
      for (const auto& n : *nodes) {
        std::cerr << "  " << NodeLine(n) << "  (cited by " << n.citing_plans << " plans)\n";
      }
    }
    return 1;
  }
  const NodeInfo& node = nodes->front();
  std::vector<TreeEntry> entries;
  if (transitive) {
    auto tree = store->ImplementationTree(node.node_id, depth);
    if (!Check(tree)) return 2;
    entries = std::move(*tree);
  } else {
    auto plans = store->CitingPlans(node.node_id);
    if (!Check(plans)) return 2;
    for (auto& p : *plans) entries.push_back({1, node.node_id, std::move(p), false});
  }
  if (o.format == "json") {
    json list = json::array();
    for (const auto& e : entries) {
      json j = PlanJson(e.plan);
      j["depth"] = e.depth;
      j["cycle"] = e.cycle;
      list.push_back(j);
    }
    std::cout << Escaped(json{{"query", ref}, {"node", NodeJson(node)}, {"plans", list}}).dump(1)
              << "\n";
  } else if (o.format == "csv") {
    std::cout << "depth,relations,type,symbol,date,issuer,path,line\n";
    for (const auto& e : entries) {
      const CitingPlan& p = e.plan;
      std::cout << e.depth << "," << CsvField(Join(p.relations, ";")) << "," << CsvField(p.type)
                << "," << CsvField(p.symbol) << "," << p.date << "," << CsvField(p.issuer) << ","
                << CsvField(p.path) << "," << p.first_line << "\n";
    }
  } else {
    std::cout << NodeLine(node) << ": cited by " << node.citing_plans << " plan"
              << (node.citing_plans == 1 ? "" : "s") << "\n";
    for (const auto& e : entries) {
      std::cout << std::string(2 * e.depth, ' ') << PlanLine(e.plan)
                << (e.cycle ? "  (cycle: already listed above)" : "") << "\n";
    }
  }
  return 0;
}

// --- audit ------------------------------------------------------------------------------------

namespace {

json CountsJson(const AuditCounts& c) {
  return {{"tasks", c.tasks},
          {"tasks_without_deadline", c.tasks_without_deadline},
          {"tasks_without_assignee", c.tasks_without_assignee},
          {"tasks_under_plan_limit", c.tasks_under_plan_limit},
          {"tasks_assigned_to_issuer", c.tasks_assigned_to_issuer},
          {"targets", c.targets},
          {"targets_without_year", c.targets_without_year},
          {"citations", c.citations},
          {"citations_not_in_database", c.unresolved_citations}};
}

json AuditTasksJson(const std::vector<AuditTask>& tasks) {
  json out = json::array();
  for (const auto& t : tasks) {
    out.push_back({{"task", t.local_id}, {"section", OrNull(t.section_path)}, {"line", t.line},
                   {"text", t.text}});
  }
  return out;
}

std::string CountsLine(const AuditCounts& c) {
  return std::to_string(c.tasks_without_deadline) + "/" + std::to_string(c.tasks) +
         " tasks without deadline, " + std::to_string(c.tasks_under_plan_limit) +
         " covered by the plan-wide limit, " + std::to_string(c.tasks_without_assignee) + "/" +
         std::to_string(c.tasks) + " without assignee, " +
         std::to_string(c.tasks_assigned_to_issuer) + " assigned to the issuer (implicit), " +
         std::to_string(c.targets_without_year) +
         "/" + std::to_string(c.targets) + " targets without year, " +
         std::to_string(c.unresolved_citations) + "/" + std::to_string(c.citations) +
         " citations of documents not in the database";
}

void PrintAuditTasks(const char* what, const std::vector<AuditTask>& tasks) {
  if (tasks.empty()) return;
  std::cout << "    " << what << ":\n";
  for (const auto& t : tasks) {
    std::cout << "      line " << t.line << (t.section_path.empty() ? "" : " [" + t.section_path + "]")
              << " " << t.text << "\n";
  }
}

}  // namespace

int RunAudit(const std::vector<std::string>& args) {
  CLI::App app{"Audit plans: tasks without a deadline or an assignee, targets without a horizon "
               "year, plans without an organisation (Tổ chức thực hiện) section, citations of "
               "documents that are not in the database; per plan and in total.",
               "plangraph audit"};
  DbOptions o;
  AuditFilter filter;
  bool details = false, totals_only = false;
  AddDbOptions(app, &o, {"text", "json", "csv"});
  app.add_flag("--total", totals_only, "print only the totals line (text format)");
  app.add_option("--document", filter.document, "one plan: id, số or path");
  app.add_option("--issuer", filter.issuer, "plans whose issuer contains this (accents optional)");
  app.add_flag("-d,--details", details, "list the offending tasks (text format)");
  if (int code = Parse(app, args); code >= 0) return code;
  auto store = OpenStore(o.db, /*must_exist=*/true);
  if (!store) return 2;
  // A path relative to here names the plan stored under its absolute path, as for show.
  if (!filter.document.empty() && fs::exists(filter.document) &&
      store->DocumentByRef(StoredPath(filter.document)).ok()) {
    filter.document = StoredPath(filter.document);
  }
  // Not found and ambiguous are the same situation as for show: its message, exit 1.
  if (!filter.document.empty()) {
    auto doc = store->DocumentByRef(filter.document);
    if (!Check(doc)) return 1;
    filter.document = std::to_string(doc->id);
  }
  auto report = store->Audit(filter);
  if (!Check(report)) return ExitCodeOf(report.status());
  if (o.format == "json") {
    json docs = json::array();
    for (const auto& d : report->documents) {
      docs.push_back({{"document_id", d.document.id},
                      {"path", d.document.path},
                      {"type", OrNull(d.document.type)},
                      {"symbol", OrNull(d.document.symbol)},
                      {"issuer", OrNull(d.document.issuer)},
                      {"counts", CountsJson(d.counts)},
                      {"has_organisation_section", d.has_organisation_section},
                      {"tasks_without_deadline", AuditTasksJson(d.tasks_without_deadline)},
                      {"tasks_without_assignee", AuditTasksJson(d.tasks_without_assignee)},
                      {"plan_limit", d.plan_limit ? DeadlineJson(*d.plan_limit) : json(nullptr)},
                      {"tasks_under_plan_limit", AuditTasksJson(d.tasks_under_plan_limit)},
                      {"issuer_does_the_work", d.issuer_does_the_work},
                      {"tasks_assigned_to_issuer", AuditTasksJson(d.tasks_assigned_to_issuer)},
                      {"citations_not_in_database", d.unresolved_names},
                      {"citation_keys_not_in_database", d.unresolved_keys}});
    }
    std::cout << Escaped(json{{"documents", docs},
                      {"total", CountsJson(report->total)},
                      {"documents_without_organisation_section",
                       report->documents_without_organisation_section}}).dump(1)
              << "\n";
  } else if (o.format == "csv") {
    std::cout << "document_id,symbol,path,tasks,tasks_without_deadline,tasks_without_assignee,"
                 "targets,targets_without_year,citations,citations_not_in_database,"
                 "has_organisation_section,tasks_under_plan_limit,tasks_assigned_to_issuer\n";
    for (const auto& d : report->documents) {
      const AuditCounts& c = d.counts;
      std::cout << d.document.id << "," << CsvField(d.document.symbol) << ","
                << CsvField(d.document.path) << "," << c.tasks << "," << c.tasks_without_deadline
                << "," << c.tasks_without_assignee << "," << c.targets << ","
                << c.targets_without_year << "," << c.citations << "," << c.unresolved_citations
                << "," << (d.has_organisation_section ? 1 : 0) << "," << c.tasks_under_plan_limit << ","
                << c.tasks_assigned_to_issuer << "\n";
    }
  } else {
    for (const auto& d : report->documents) {
      if (totals_only) break;
      std::cout << PlanName(d.document.type, d.document.symbol) << "  "
                << Shown(d.document.path) << "\n  " << CountsLine(d.counts)
                << (d.has_organisation_section ? "" : "; no organisation section") << "\n";
      if (d.plan_limit) std::cout << "  plan-wide limit: " << d.plan_limit->text << "\n";
      if (details) {
        PrintAuditTasks("without deadline", d.tasks_without_deadline);
        PrintAuditTasks("covered by the plan-wide limit", d.tasks_under_plan_limit);
        PrintAuditTasks("without assignee", d.tasks_without_assignee);
        PrintAuditTasks("assigned to the issuer (implicit)", d.tasks_assigned_to_issuer);
        if (!d.unresolved_names.empty()) {
          std::cout << "    cited, not in the database: " << Join(d.unresolved_names, ", ") << "\n";
        }
      }
    }
    std::cout << "total (" << report->documents.size() << " plans): " << CountsLine(report->total)
              << "; " << report->documents_without_organisation_section
              << " plans without an organisation section\n";
  }
  // An --issuer no plan has: no match.
  return report->documents.empty() && !filter.issuer.empty() ? 1 : 0;
}

// --- search -----------------------------------------------------------------------------------

int RunSearch(const std::vector<std::string>& args) {
  CLI::App app{"Full-text search of the plans' headers (type, số, place, issuer, title), "
               "then of headings, tasks, citations and the other body text; accents, đ/d and "
               "tone placement are optional (\"uy ban\" finds \"Ủy ban\").",
               "plangraph search"};
  DbOptions o;
  std::vector<std::string> words;
  int limit = 20;
  app.add_option("TEXT", words, "words to find (all must occur)")->required();
  AddDbOptions(app, &o, {"text", "json", "csv"});
  app.add_option("-n,--limit", limit, "at most this many hits (default 20)")->check(CLI::Range(1, 10000));
  if (int code = Parse(app, args); code >= 0) return code;
  auto store = OpenStore(o.db, /*must_exist=*/true);
  if (!store) return 2;
  auto snapshot = store->ReadSnapshot();  // header matches and text hits from one state
  if (!Check(snapshot)) return 2;
  // Plans whose header (type, số, place, issuer, title) holds the words, then the text hits.
  auto headers = store->SearchHeaders(Join(words, " "), limit);
  if (!Check(headers)) return 2;
  auto hits = store->Search(Join(words, " "), limit);
  if (!Check(hits)) return 2;
  if (o.format == "json") {
    json list = json::array();
    for (const auto& d : *headers) {
      list.push_back({{"document_id", d.id}, {"path", d.path}, {"symbol", OrNull(d.symbol)},
                      {"kind", "document"}, {"type", OrNull(d.type)}, {"date", OrNull(d.date)},
                      {"issuer", OrNull(d.issuer)}, {"title", OrNull(d.title)}});
    }
    for (const auto& h : *hits) {
      list.push_back({{"document_id", h.document_id}, {"path", h.path},
                      {"symbol", OrNull(h.symbol)}, {"kind", h.kind},
                      {"section", OrNull(h.section_path)}, {"line", h.line},
                      {"snippet", h.snippet}, {"score", h.score}});
    }
    std::cout << Escaped(list).dump(1) << "\n";
  } else if (o.format == "csv") {
    std::cout << "score,symbol,path,line,kind,section,snippet\n";
    for (const auto& d : *headers) {
      std::cout << "," << CsvField(d.symbol) << "," << CsvField(d.path) << ",,document,,"
                << CsvField(d.title) << "\n";
    }
    for (const auto& h : *hits) {
      std::cout << h.score << "," << CsvField(h.symbol) << "," << CsvField(h.path) << "," << h.line
                << "," << h.kind << "," << CsvField(h.section_path) << "," << CsvField(h.snippet)
                << "\n";
    }
  } else {
    for (const auto& d : *headers) {
      std::cout << PlanName(d.type, d.symbol) << "  " << d.date << "  " << d.issuer << "  "
                << Shown(d.path) << "\n    " << d.title << "\n";
    }
    for (const auto& h : *hits) {
      std::cout << (h.symbol.empty() ? "(no số)" : h.symbol) << "  " << Shown(h.path) << ":"
                << h.line
                << (h.section_path.empty() ? "" : "  [" + h.section_path + "]") << "\n    "
                << h.snippet << "\n";
    }
    if (hits->empty() && headers->empty()) std::cout << "no match\n";
  }
  return hits->empty() && headers->empty() ? 1 : 0;
}

// --- show -------------------------------------------------------------------------------------

int RunShow(const std::vector<std::string>& args) {
  CLI::App app{"Show one imported plan: its section tree with citations, targets, tasks, "
               "assignees and deadlines.",
               "plangraph show"};
  DbOptions o;
  std::string ref;
  app.add_option("DOC", ref, "the plan: its số (\"49-KH/TU\"), its path, or its id")->required();
  AddDbOptions(app, &o, {"text", "json"});
  if (int code = Parse(app, args); code >= 0) return code;
  auto store = OpenStore(o.db, /*must_exist=*/true);
  if (!store) return 2;
  auto snapshot = store->ReadSnapshot();  // the document found is the one loaded
  if (!Check(snapshot)) return 2;
  std::string lookup = fs::exists(ref) ? StoredPath(ref) : ref;
  auto doc = store->DocumentByRef(lookup);
  if (!doc.ok() && lookup != ref) doc = store->DocumentByRef(ref);
  if (!Check(doc)) return 1;
  auto stored = store->LoadDocument(doc->id);
  if (!Check(stored)) return 2;
  if (o.format == "json") {
    json j = ExtractionToJson(stored->extraction);
    j["document_id"] = doc->id;
    j["content_hash"] = doc->content_hash;
    j["imported_at"] = doc->imported_at;
    std::cout << Escaped(j).dump(1) << "\n";
  } else {
    std::cout << "#" << doc->id << " imported " << doc->imported_at << " (" << doc->encoding
              << ")\n"
              << ExtractionToText(stored->extraction) << "\n";
  }
  return 0;
}

// --- export -----------------------------------------------------------------------------------

namespace {

// What the export options select, or the exit code when they cannot: a --document that names no
// plan or several (as show), a --cites that matches several documents (as cites). A --cites
// nobody cites selects no plan.
struct ExportSelection {
  bool selecting = false;  // an option narrowed the export
  PlanSelection plans;
  int exit_code = -1;      // >= 0: stop with it
  bool reported = false;   // why nothing is selected was said already
};

ExportSelection SelectForExport(Store& store, const std::string& db, const std::string& document,
                                const std::string& cites, std::optional<int> depth,
                                const std::string& rules_dir) {
  ExportSelection out;
  out.selecting = !document.empty() || !cites.empty();
  if (!document.empty()) {
    std::string lookup = fs::exists(document) ? StoredPath(document) : document;
    auto doc = store.DocumentByRef(lookup);
    if (!doc.ok() && lookup != document) doc = store.DocumentByRef(document);
    if (!Check(doc)) return out.exit_code = 1, out;
    out.plans.among = std::vector<int64_t>{doc->id};
  }
  if (!cites.empty()) {
    auto types = LoadDocumentTypesIn(rules_dir);
    if (!Check(types)) return out.exit_code = 2, out;
    auto query = ParseReferenceQuery(*types, cites);
    if (!Check(query)) return out.exit_code = 2, out;
    auto nodes = store.ResolveReference(*query);
    if (!Check(nodes)) return out.exit_code = 2, out;
    std::set<int64_t> citing;
    if (nodes->empty()) {
      std::cerr << "plangraph: no plan in " << db << " cites '" << cites << "'\n";
      out.reported = true;
    } else if (nodes->size() > 1) {
      std::cerr << "plangraph: '" << cites << "' matches " << nodes->size()
                << " documents; add the year or the full số:\n";
      for (const auto& n : *nodes) {
        std::cerr << "  " << NodeLine(n) << "  (cited by " << n.citing_plans << " plans)\n";
      }
      return out.exit_code = 1, out;
    } else if (depth) {
      auto tree = store.ImplementationTree(nodes->front().node_id, *depth);
      if (!Check(tree)) return out.exit_code = 2, out;
      for (const TreeEntry& e : *tree) citing.insert(e.plan.document_id);
    } else {
      auto plans = store.CitingPlans(nodes->front().node_id);
      if (!Check(plans)) return out.exit_code = 2, out;
      for (const CitingPlan& p : *plans) citing.insert(p.document_id);
    }
    std::vector<int64_t> among;
    for (int64_t id : citing) {
      if (!out.plans.among || std::count(out.plans.among->begin(), out.plans.among->end(), id)) {
        among.push_back(id);
      }
    }
    out.plans.among = std::move(among);
  }
  return out;
}

// The parts of the export, read from the store's cursors when the format asks for them.
GraphSource StoreSource(ExportQueries& queries, const PlanScope& scope) {
  GraphSource source;
  source.vertices = [&](const auto& fn) { return queries.ForEachVertex(scope, fn); };
  source.edges = [&](const auto& fn) { return queries.ForEachEdge(scope, fn); };
  source.plans = [&](const auto& fn) { return queries.ForEachPlan(scope, fn); };
  return source;
}

// The export, streamed from the store to `out` (csv: the one table `table`).
Status WriteExport(ExportQueries& queries, const PlanScope& scope, const std::string& format,
                   const std::string& table, std::ostream& out) {
  const GraphSource source = StoreSource(queries, scope);
  if (format == "dot") return WriteDot(source, out);
  if (format == "graphml") return WriteGraphml(source, out);
  if (format == "json") return WriteJson(source, out);
  return WriteCsvTables(source, {{table, &out}});
}

// --out DIR: every CSV table, DIR/NAME.csv.
Status WriteCsvFolder(ExportQueries& queries, const PlanScope& scope, const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::IOError(dir + ": cannot create folder (" + ec.message() + ")");
  std::vector<std::ofstream> files;
  files.reserve(CsvTableNames().size());
  std::map<std::string, std::ostream*> outputs;
  for (const std::string& name : CsvTableNames()) {
    const std::string path = (fs::path(dir) / (name + ".csv")).string();
    files.emplace_back(path, std::ios::binary);
    if (!files.back()) return Status::IOError(path + ": cannot write (" + std::strerror(errno) + ")");
    outputs[name] = &files.back();
  }
  if (Status s = WriteCsvTables(StoreSource(queries, scope), outputs); !s.ok()) return s;
  for (size_t i = 0; i < files.size(); ++i) {
    files[i].close();
    if (!files[i]) {
      return Status::IOError((fs::path(dir) / (CsvTableNames()[i] + ".csv")).string() +
                             ": cannot write (" + std::strerror(errno) + ")");
    }
  }
  return Status::Ok();
}

}  // namespace

int RunExport(const std::vector<std::string>& args) {
  CLI::App app{"Export the citation graph (and, for json and csv, each plan's extraction), or "
               "the part of it around the plans selected: the plans, their facts, the documents "
               "their citations reach and the edges among them. The selection options combine "
               "(every one must hold); a selection that matches no plan writes the empty graph "
               "and exits 1.",
               "plangraph export"};
  std::string db = DefaultDb(), format = "dot", output, out_dir, table, document, cites, issuer;
  std::string rules_dir = DefaultRulesDir();
  std::optional<int> depth;
  int year = 0;
  app.footer(
      "Exit status: 0 success; 1 the selection matches no plan, or --document/--cites names no "
      "document or several (the candidates are listed); 2 bad usage, or the database is "
      "missing, locked, damaged or not plangraph's.");
  app.add_option("--db", db, "database file (default: $PLANGRAPH_DB or plangraph.db)");
  app.add_option("--format", format, "dot (Graphviz), graphml, json or csv")
      ->check(CLI::IsMember({"dot", "graphml", "json", "csv"}));
  auto* output_opt =
      app.add_option("-o,--output", output, "write to this file instead of standard output");
  auto* out_opt = app.add_option("--out", out_dir, "csv: write every table to DIR/NAME.csv");
  auto* table_opt =
      app.add_option("--table", table, "csv: the one table to write (default documents)")
          ->check(CLI::IsMember(CsvTableNames()));
  out_opt->excludes(output_opt)->excludes(table_opt);
  app.add_option("--document", document, "one plan: its số, path or id (as for show)");
  auto* cites_opt = app.add_option(
      "--cites", cites, "the plans citing this document, spelt any way (as for cites)");
  app.add_option("--depth", depth,
                 "with --cites: also the plans implementing those, N levels down (as cites "
                 "--transitive --depth N)")
      ->check(CLI::Range(1, 100))
      ->needs(cites_opt);
  app.add_option("--issuer", issuer, "plans whose issuer contains this (accents optional)");
  app.add_option("--year", year, "plans dated in this year")->check(CLI::Range(1000, 9999));
  app.add_option("--rules", rules_dir, "rules folder (document types, for --cites)");
  if (int code = Parse(app, args); code >= 0) return code;
  if ((!out_dir.empty() || !table.empty()) && format != "csv") {
    std::cerr << "plangraph: --out and --table are options of --format csv\n";
    return 2;
  }
  if (table.empty()) table = "documents";
  auto store = OpenStore(db, /*must_exist=*/true);
  if (!store) return 2;
  auto snapshot = store->ReadSnapshot();  // the selection, graph and documents agree
  if (!Check(snapshot)) return 2;
  ExportSelection selection = SelectForExport(*store, db, document, cites, depth, rules_dir);
  if (selection.exit_code >= 0) return selection.exit_code;
  selection.plans.issuer = issuer;
  selection.plans.year = year;
  selection.selecting = selection.selecting || !issuer.empty() || year != 0;
  ExportQueries queries(*store);
  PlanScope scope = PlanScope::Everything();
  if (selection.selecting) {
    auto ids = queries.SelectPlans(selection.plans);
    if (!Check(ids)) return 2;
    scope = PlanScope::Only(std::move(*ids));
    if (scope.plans.empty() && !selection.reported) {
      std::cerr << "plangraph: no plan in " << db << " matches the selection\n";
    }
  }
  const int done = selection.selecting && scope.plans.empty() ? 1 : 0;
  Status status;
  if (!out_dir.empty()) {
    status = WriteCsvFolder(queries, scope, out_dir);
  } else if (output.empty()) {
    status = WriteExport(queries, scope, format, table, std::cout);
    std::cout.flush();
  } else {
    std::ofstream out(output, std::ios::binary);
    if (out) {
      status = WriteExport(queries, scope, format, table, out);
      if (status.ok()) out.close();
    }
    if (status.ok() && !out) {
      std::cerr << "plangraph: " << output << ": cannot write (" << std::strerror(errno) << ")\n";
      return 2;
    }
  }
  if (!status.ok()) {
    std::cerr << "plangraph: " << status.message() << "\n";
    return 2;
  }
  return done;
}

// --- stats ------------------------------------------------------------------------------------

int RunStats(const std::vector<std::string>& args) {
  CLI::App app{"Counts of documents, citations, targets, tasks and agencies; the most cited "
               "documents.",
               "plangraph stats"};
  DbOptions o;
  int top = 10;
  AddDbOptions(app, &o, {"text", "json"});
  app.add_option("--top", top, "how many most-cited documents (default 10)")->check(CLI::Range(0, 1000));
  if (int code = Parse(app, args); code >= 0) return code;
  auto store = OpenStore(o.db, /*must_exist=*/true);
  if (!store) return 2;
  auto stats = store->Stats(top);
  if (!Check(stats)) return 2;
  const StoreStats& s = *stats;
  if (o.format == "json") {
    json topj = json::array();
    for (const auto& n : s.top_cited) topj.push_back(NodeJson(n));
    std::cout << Escaped(json{{"documents", s.documents}, {"sections", s.sections},
                      {"citations", s.citations}, {"cited_documents", s.nodes},
                      {"targets", s.targets},     {"tasks", s.tasks},
                      {"agencies", s.agencies},   {"assignments", s.assignments},
                      {"paragraphs", s.paragraphs}, {"top_cited", topj}}).dump(1)
              << "\n";
    return 0;
  }
  std::cout << s.documents << " plans, " << s.sections << " sections, " << s.citations
            << " citations of " << s.nodes << " documents, " << s.targets << " targets, "
            << s.tasks << " tasks, " << s.agencies << " agencies, " << s.assignments
            << " assignments, " << s.paragraphs << " paragraphs\n";
  if (!s.top_cited.empty()) std::cout << "most cited:\n";
  for (const auto& n : s.top_cited) {
    std::cout << "  " << n.citing_plans << "  " << NodeLine(n)
              << (n.document_id ? "  (imported)" : "") << "\n";
  }
  return 0;
}

}  // namespace plangraph::cli
