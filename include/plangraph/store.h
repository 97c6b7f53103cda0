// The plangraph store: imported plan documents and their citation graph in one SQLite file.
//
//   auto store = plangraph::Store::Open("plans.db");          // creates or migrates the file
//   if (!store.ok()) { ... store.status().message() ... }
//   auto outcome = store->Import(extraction, "/abs/path/plan.txt", Store::ContentHash(bytes),
//                                bytes.size());
//   auto hits = store->Search("uy ban nhan dan", 20);
//
// The tables are described in docs/schema.md. Every query returns plain structs; nothing here
// prints. Every public function returns a Status or Result: SQLite errors are caught here and
// turned into a Status whose message starts with the database path.
//
// A Store owns one SQLite connection and is not thread-safe; open one Store per thread. Several
// processes may share a file (WAL mode, 10 s busy timeout, write transactions taken IMMEDIATE).
// A call that makes several queries reads one state of the file, never half of an import
// committed meanwhile; ReadSnapshot extends that over several calls.
#ifndef PLANGRAPH_STORE_H_
#define PLANGRAPH_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "plangraph/extraction.h"
#include "plangraph/reference_query.h"
#include "plangraph/status.h"

namespace SQLite {
class Database;
}  // namespace SQLite

namespace plangraph {

// One imported document, without its content.
struct DocumentSummary {
  int64_t id = 0;
  std::string path;          // source path as given to Import
  std::string content_hash;  // Store::ContentHash of the raw file bytes
  int64_t byte_size = 0;
  std::string format;
  std::string encoding;
  std::string imported_at;  // UTC, "2024-05-01T10:22:03Z"
  std::string type, symbol, date, place, issuer, title;
  std::string key;  // own reference key ("49|KH-TU|2021"), "" when the document has no số
};

// A document rebuilt from its rows: enough to print the plan tree. Citation keys are the keys
// of the nodes they were attached to (a "…|?" key may have been resolved to a dated one); an
// assignee's `canonical` is its agency's stored name, shared by every spelling with the same fold
// ("Tỉnh uỷ" / "Tỉnh ủy"), so it may differ in tone placement from what the extractor gave.
// `paragraphs` is empty for a document last imported before schema 3, which did not store them.
struct StoredDocument {
  DocumentSummary summary;
  Extraction extraction;
};

struct ImportOutcome {
  enum Kind { kImported, kUnchanged, kReplaced };
  Kind kind = kImported;
  int64_t document_id = 0;
};

// A cited document (graph node), with how many imported plans cite it.
struct NodeInfo {
  int64_t node_id = 0;
  std::string key;                                // "2|NQ-TW|2021"
  std::string type, symbol, date, issuer, title;  // symbol as first seen; issuer as cited, else
                                                  // the imported document's header
  std::string issuer_scope;  // "tinh:binh phuoc"; "?" when the citations leave it open; "" none
  int citing_plans = 0;
  int64_t document_id = 0;  // the imported document that is this node, 0 when not imported
};

// A document citing a node.
struct CitingPlan {
  int64_t document_id = 0;
  std::string path, type, symbol, date, issuer;
  std::vector<std::string> relations;  // distinct, strongest first: implements, based_on, mentions
  int first_line = 0;                  // line of the first mention
  int mentions = 0;
};

// One line of an implementation tree: `plan` cites node `node_id` and sits at `depth` (1 = cites
// the root). A plan already on the path from the root is listed with cycle = true, not expanded.
struct TreeEntry {
  int depth = 0;
  int64_t node_id = 0;
  CitingPlan plan;
  bool cycle = false;
};

// What to audit: a document (id, symbol or path, as DocumentByRef) and/or an issuer substring
// (diacritics- and case-insensitive). Both empty: every document.
struct AuditFilter {
  std::string document;
  std::string issuer;
};

struct AuditTask {
  int local_id = 0;           // task id inside its document
  std::string section_label;  // label of the task's section, "" outside the tree
  std::string section_path;   // "II > 1 > a"
  int line = 0;
  std::string text;  // at most 100 characters
};

struct AuditCounts {
  int tasks = 0;
  int tasks_without_deadline = 0;    // no limit of their own and no plan-wide limit
  int tasks_without_assignee = 0;    // really unassigned: the plan names other bodies elsewhere
  int tasks_under_plan_limit = 0;    // no limit of their own, covered by the plan-wide limit
  int tasks_assigned_to_issuer = 0;  // no body named, in a plan whose issuer does the work
  int targets = 0;
  int targets_without_year = 0;
  int citations = 0;
  int unresolved_citations = 0;  // citations whose node has no imported document
};

// Adds every count of `n` to `total` (audit totals, here and in the web pages).
void AddCounts(AuditCounts& total, const AuditCounts& n);

struct DocumentAudit {
  DocumentSummary document;
  AuditCounts counts;
  bool has_organisation_section = false;  // a heading folding to "… to chuc thuc hien …"
  std::vector<AuditTask> tasks_without_deadline;
  std::vector<AuditTask> tasks_without_assignee;
  std::optional<Deadline> plan_limit;             // "Thời gian thực hiện: năm 2024" on its own
  std::vector<AuditTask> tasks_under_plan_limit;  // no limit of their own; plan_limit holds them
  // True when no task names a body other than the issuer: the issuer does the work itself (a
  // party committee's or a union's own plan), and its tasks without a body are its own.
  bool issuer_does_the_work = false;
  std::vector<AuditTask> tasks_assigned_to_issuer;  // assigned to the issuer (implicit)
  std::vector<std::string> unresolved_keys;  // distinct node keys, sorted
  std::vector<std::string> unresolved_names;  // the same nodes as written: "Kế hoạch 62-KH/HU (2022)"
};

struct AuditReport {
  std::vector<DocumentAudit> documents;  // by id
  AuditCounts total;
  int documents_without_organisation_section = 0;
};

struct SearchHit {
  int64_t document_id = 0;
  std::string path, symbol;
  std::string kind;          // "heading", "task", "citation" or "paragraph" (other body text)
  std::string section_path;  // "II > 1 > a", "" outside the section tree
  int line = 0;
  std::string snippet;  // original text, ~20 words around the first matched term, "…" where cut
  double score = 0;     // -bm25: higher is better
};

struct StoreStats {
  int64_t documents = 0, sections = 0, citations = 0, nodes = 0, targets = 0, tasks = 0,
          agencies = 0, assignments = 0;
  // 0 in a file upgraded from schema 2 until its documents are imported again (import --force).
  int64_t paragraphs = 0;
  std::vector<NodeInfo> top_cited;  // most citing plans first
};

// The citation graph for export. Vertices are every imported document ("d<id>") and every cited
// node that is not an imported document ("n<id>"); a citation of a node that is an imported
// document points at that document's vertex.
struct GraphVertex {
  std::string id;           // "d12" or "n5"
  int64_t document_id = 0;  // 0 for a node that is not imported
  int64_t node_id = 0;      // 0 for a document nobody cites
  std::string key, type, symbol, date, issuer, title;
  std::string path;  // "" for a node that is not imported
};

struct GraphEdge {
  std::string from, to;  // vertex ids
  std::string relation;
  int count = 0;  // citations with this relation
};

struct GraphData {
  std::vector<GraphVertex> vertices;
  std::vector<GraphEdge> edges;
};

// What `plangraph check` found: one line per problem, empty when the file is sound.
struct CheckReport {
  std::vector<std::string> problems;
  bool ok() const { return problems.empty(); }
};

class Store {
 public:
  static constexpr int kSchemaVersion = 6;

  // Opens `path`, creating it when missing and migrating an older schema step by step. Refuses,
  // without touching the file: a file that is not SQLite, a database of another application,
  // and a schema newer than kSchemaVersion. Only the header is checked (a full check of a large
  // file takes seconds: see Check); damage found later by any call is an InvalidInput
  // "<file>: database damaged: run plangraph check (…)".
  static Result<Store> Open(const std::string& path);
  // As Open, but migrates no further than `schema_version`: tests build older files with it.
  static Result<Store> OpenForTesting(const std::string& path, int schema_version);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  const std::string& path() const { return path_; }
  Result<int> SchemaVersion();

  // 64-bit FNV-1a of the raw bytes, 16 lowercase hex digits.
  static std::string ContentHash(std::string_view bytes);

  // Stores one document in one transaction (inside a WriteBatch: in a savepoint of the batch's).
  // Same path and hash as stored: kUnchanged, nothing written. Same path, other hash: the old rows are replaced (same document id). On any error
  // the transaction rolls back and the stored version stays as it was.
  // `force` replaces even unchanged content: after the rules change, a re-import re-extracts.
  Result<ImportOutcome> Import(const Extraction& e, const std::string& source_path,
                               const std::string& content_hash, int64_t byte_size,
                               bool force = false);
  // Deletes a document and what it owns; nodes no longer cited are dropped.
  Status Remove(int64_t document_id);

  // Documents whose raw bytes hash to `content_hash`, by id: a file moved or copied elsewhere.
  Result<std::vector<DocumentSummary>> DocumentsWithContent(const std::string& content_hash);
  // The document is now at `new_path` (a file moved or renamed): only its path changes.
  // InvalidInput when another document is stored under that path. One transaction, or a
  // savepoint of the open WriteBatch.
  Status Relocate(int64_t document_id, const std::string& new_path);

  // Every document, by id.
  Result<std::vector<DocumentSummary>> Documents();
  // A document by id (all digits), path exactly as stored (pass the same canonical absolute path
  // given to Import), or số ("49-KH/TU", or another spelling of it: "49/KH-TU"). NotFound when
  // none matches, InvalidInput naming the candidates when several do.
  Result<DocumentSummary> DocumentByRef(const std::string& symbol_or_path);
  Result<StoredDocument> LoadDocument(int64_t document_id);

  // Nodes matching a parsed query (ParseReferenceQuery): same number; every letter group of the
  // query among the node's (or, when the query has no groups, the same type); same year when
  // given. Most cited first.
  Result<std::vector<NodeInfo>> ResolveReference(const ReferenceQuery& q);
  // The documents citing a node, oldest first (undated last). NotFound for an unknown node.
  Result<std::vector<CitingPlan>> CitingPlans(int64_t node_id);
  // Plans citing the node, then plans citing those plans (when they are nodes), and so on, in
  // depth-first order, down to max_depth levels.
  Result<std::vector<TreeEntry>> ImplementationTree(int64_t node_id, int max_depth);

  // Gaps per document and in total. NotFound when filter.document names no document.
  Result<AuditReport> Audit(const AuditFilter& filter);
  // Full-text search of headings, task and citation text and the other body paragraphs, ranked
  // together; diacritics, đ/d, case and tone placement are ignored; every word must occur. Text
  // with no letter or digit finds nothing.
  Result<std::vector<SearchHit>> Search(const std::string& text, int limit);

  // The full checks a user or cron runs (Open only looks at the file header): SQLite's
  // integrity_check, the search index's FTS5 integrity-check, foreign_key_check, and nodes no
  // citation refers to. Damage is a problem in the report, not an error; nothing is changed.
  Result<CheckReport> Check();

  // Row counts and the top_n most cited nodes.
  Result<StoreStats> Stats(int top_n = 10);
  Result<GraphData> CitationGraph();

  // While it lives, every query of this Store reads the state of the file at ReadSnapshot():
  // a node's citing count and then its plans agree even while another process imports. Only
  // reads may run under it (an Import fails); snapshots nest; it must not outlive the Store.
  class Snapshot {
   public:
    Snapshot(Snapshot&& other) noexcept;
    Snapshot& operator=(Snapshot&&) = delete;
    ~Snapshot();

   private:
    friend class Store;
    explicit Snapshot(SQLite::Database* db) : db_(db) {}
    SQLite::Database* db_;  // null once moved from
  };
  Result<Snapshot> ReadSnapshot();

  // While it lives, the writes of Import and Relocate go into one transaction, committed by
  // Commit: one fsync for many documents. Each call still runs in a savepoint, so a call that
  // fails leaves the batch as it was before it; a batch dropped without Commit is rolled back.
  // A kill before Commit loses the batch whole, never part of a document. After an error that
  // ends the transaction in SQLite (a full disk, an I/O error) the batch is over: Commit fails,
  // and the caller redoes its writes one transaction at a time. It takes the write lock (BEGIN
  // IMMEDIATE, waiting up to the busy timeout); it must not outlive the Store, nor nest.
  class WriteBatch {
   public:
    WriteBatch(WriteBatch&& other) noexcept;
    WriteBatch& operator=(WriteBatch&&) = delete;
    ~WriteBatch();
    Status Commit();
    // False once an error ended the transaction: what was written in it is gone.
    bool open() const;

   private:
    friend class Store;
    explicit WriteBatch(Store* store) : store_(store) {}
    Store* store_;  // null once moved from, committed or rolled back
  };
  Result<WriteBatch> BeginWriteBatch();

  // --- Queries of the web application (plangraph serve; src/web_*.cc) ---------------------------

  // Opens an existing file for reading only (SQLITE_OPEN_READONLY): never creates, migrates or
  // writes it, so an import may run beside it (WAL). Refuses a file that is not plangraph's or
  // whose schema is not kSchemaVersion (an older file needs one `import` or `stats` to upgrade).
  // Where the -shm index of a WAL file cannot be created (read-only directory or medium) the file
  // is read immutable, with no lock and nothing created beside it.
  static Result<Store> OpenReadOnly(const std::string& path);
  // What read commands open: OpenReadOnly, after upgrading an older schema once when the file
  // may be written (a read-only file of an older schema is refused by OpenReadOnly).
  static Result<Store> OpenForReading(const std::string& path);
  // Documents whose header (type, số, place, issuer, title) holds `text` as a phrase,
  // folded like Search ("dang uy xa tan tien" finds "Đảng ủy xã Tân Tiến"; "49-KH/TU" its plan),
  // newest first, at most `limit`. Text with no letter or digit finds nothing.
  Result<std::vector<DocumentSummary>> SearchHeaders(const std::string& text, int limit);
  // The audit counts of every document (no task lists), by id, in a few grouped queries.
  Result<std::vector<DocumentAudit>> AuditCountsByDocument();
  // One node by id, with its citing count. NotFound for an unknown id.
  Result<NodeInfo> NodeById(int64_t node_id);
  // The node an imported document became, NotFound when nobody cites it.
  Result<NodeInfo> NodeOfImportedDocument(int64_t document_id);
  // The nodes a document cites, by key.
  Result<std::vector<NodeInfo>> CitedNodes(int64_t document_id);
  // PRAGMA data_version: changes when another connection commits, so a reader can keep what it
  // computed until then.
  Result<int64_t> DataVersion();
  // One page of Search: hits of documents passing `keep`, ranked as Search ranks them; only the
  // `limit` hits from `offset` on get their snippet and section path. `total` counts every kept
  // hit among the first `max_scanned` rows, `document_ids` the distinct kept documents in rank
  // order.
  struct SearchPageResult {
    std::vector<SearchHit> hits;
    int total = 0;
    bool capped = false;  // max_scanned rows were read: there may be more
    std::vector<int64_t> document_ids;
  };
  Result<SearchPageResult> SearchPage(const std::string& text,
                                      const std::function<bool(int64_t)>& keep, int offset,
                                      int limit, int max_scanned);

 private:
  friend class ExportQueries;  // export's cursors (export_queries.h)
  Store(std::string path, std::unique_ptr<SQLite::Database> db);
  static Result<Store> OpenAt(const std::string& path, int schema_version);

  std::string path_;
  std::unique_ptr<SQLite::Database> db_;
  bool in_write_batch_ = false;  // a WriteBatch is open: writes take savepoints
};

}  // namespace plangraph

#endif  // PLANGRAPH_STORE_H_
