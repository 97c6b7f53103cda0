#include "plangraph/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <tuple>
#include <utility>

#include "reference.h"
#include "sqlite_errors.h"
#include "text.h"

namespace plangraph {
namespace {

// ---------------------------------------------------------------------------------------------
// Schema. Each step moves the file from version - 1 to version in one transaction; a file is
// never edited by hand-written ALTERs outside this list. Append new steps; never edit old ones,
// files in the field were built by them.

// "PLGR": marks the file as ours, so a SQLite file of another program is refused, not migrated.
constexpr int kApplicationId = 0x504C4752;

constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE documents (
  id           INTEGER PRIMARY KEY,
  source_path  TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  byte_size    INTEGER NOT NULL,
  format       TEXT NOT NULL,
  encoding     TEXT NOT NULL,
  imported_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  type         TEXT,
  symbol       TEXT,
  date         TEXT,
  place        TEXT,
  issuer       TEXT,
  title        TEXT,
  ref_key      TEXT,
  ref_stem     TEXT
);
CREATE INDEX documents_by_ref_key ON documents(ref_key);
CREATE INDEX documents_by_ref_stem ON documents(ref_stem);

CREATE TABLE sections (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  local_id    INTEGER NOT NULL,
  parent      INTEGER,
  depth       INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  label       TEXT NOT NULL,
  heading     TEXT NOT NULL,
  line        INTEGER NOT NULL,
  byte_begin  INTEGER NOT NULL,
  byte_end    INTEGER NOT NULL,
  last_line   INTEGER NOT NULL,
  UNIQUE (document_id, local_id)
);

CREATE TABLE nodes (
  id          INTEGER PRIMARY KEY,
  key         TEXT NOT NULL UNIQUE,
  stem        TEXT NOT NULL,
  number      TEXT NOT NULL,
  year        INTEGER,
  type        TEXT,
  symbol      TEXT,
  date        TEXT,
  issuer      TEXT,
  title       TEXT,
  document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL
);
CREATE INDEX nodes_by_stem ON nodes(stem);
CREATE INDEX nodes_by_number ON nodes(number, year);
CREATE INDEX nodes_by_document ON nodes(document_id);

CREATE TABLE citations (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  node_id     INTEGER NOT NULL REFERENCES nodes(id),
  relation    TEXT NOT NULL,
  section     INTEGER,
  line        INTEGER NOT NULL,
  byte_begin  INTEGER NOT NULL,
  byte_end    INTEGER NOT NULL,
  text        TEXT NOT NULL,
  type        TEXT,
  symbol      TEXT,
  date        TEXT,
  issuer      TEXT,
  title       TEXT
);
CREATE INDEX citations_by_document ON citations(document_id);
CREATE INDEX citations_by_node ON citations(node_id);

CREATE TABLE targets (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  indicator   TEXT NOT NULL,
  value       REAL NOT NULL,
  value_text  TEXT NOT NULL,
  unit        TEXT NOT NULL,
  comparator  TEXT NOT NULL,
  kind        TEXT NOT NULL,
  year        INTEGER,
  section     INTEGER,
  line        INTEGER NOT NULL,
  byte_begin  INTEGER NOT NULL,
  byte_end    INTEGER NOT NULL
);
CREATE INDEX targets_by_document ON targets(document_id);

CREATE TABLE tasks (
  id                  INTEGER PRIMARY KEY,
  document_id         INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  local_id            INTEGER NOT NULL,
  section             INTEGER,
  text                TEXT NOT NULL,
  line                INTEGER NOT NULL,
  byte_begin          INTEGER NOT NULL,
  byte_end            INTEGER NOT NULL,
  deadline_text       TEXT,
  deadline_start      TEXT,
  deadline_end        TEXT,
  deadline_recurrence TEXT,
  UNIQUE (document_id, local_id)
);

CREATE TABLE task_schedule (
  id          INTEGER PRIMARY KEY,
  task_id     INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  text        TEXT NOT NULL,
  start_date  TEXT,
  end_date    TEXT,
  recurrence  TEXT,
  UNIQUE (task_id, position)
);

CREATE TABLE agencies (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL,
  fold_key TEXT NOT NULL UNIQUE
);

CREATE TABLE agency_aliases (
  id        INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
  spelling  TEXT NOT NULL,
  UNIQUE (agency_id, spelling)
);

CREATE TABLE assignments (
  id         INTEGER PRIMARY KEY,
  task_id    INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  agency_id  INTEGER NOT NULL REFERENCES agencies(id),
  role       TEXT NOT NULL,
  as_written TEXT NOT NULL
);
CREATE INDEX assignments_by_task ON assignments(task_id);
CREATE INDEX assignments_by_agency ON assignments(agency_id, as_written);
)sql";

// The search index holds folded text only; the rowid encodes the indexed row (id * 4 + kind) so
// the delete triggers find it without a scan, and the original text is read back from its row.
constexpr const char* kSchemaV2 = R"sql(
CREATE VIRTUAL TABLE search_index USING fts5(
  body, document_id UNINDEXED, kind UNINDEXED, item_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER sections_unindex AFTER DELETE ON sections BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
END;
CREATE TRIGGER tasks_unindex AFTER DELETE ON tasks BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
END;
CREATE TRIGGER citations_unindex AFTER DELETE ON citations BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 4 + 3;
END;
)sql";

// Body paragraphs (Extraction::paragraphs) and their search rows. Their rowid is id * 4 + 0:
// 0 is the one residue of 4 that headings (1), tasks (2) and citations (3) leave free, so every
// row indexed by v2 keeps its rowid and nothing needs re-indexing. A v2 file never stored this
// text, so the table starts empty and a document gains its paragraphs when it is imported again.
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE paragraphs (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  section     INTEGER,
  text        TEXT NOT NULL,
  line        INTEGER NOT NULL,
  last_line   INTEGER NOT NULL,
  byte_begin  INTEGER NOT NULL,
  byte_end    INTEGER NOT NULL
);
CREATE INDEX paragraphs_by_document ON paragraphs(document_id);
CREATE TRIGGER paragraphs_unindex AFTER DELETE ON paragraphs BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 4;
END;
)sql";

// The plan-wide time limit of a document (Extraction::plan_limit), one row at most. Files imported
// before v4 have none until their documents are imported again.
constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE plan_limits (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  text        TEXT NOT NULL,
  start       TEXT,
  end         TEXT,
  recurrence  TEXT
);
)sql";

// What each kind of row puts in the index: rowid, folded body, document_id, kind, item_id.
// Each ends in a WHERE clause so that a document filter can be appended.
constexpr const char* kIndexParagraphs =
    "SELECT id * 4, plangraph_fold(text), document_id, 'paragraph', id FROM paragraphs WHERE 1";
constexpr const char* kIndexHeadings =
    "SELECT id * 4 + 1, plangraph_fold(heading), document_id, 'heading', id FROM sections "
    "WHERE heading <> ''";
constexpr const char* kIndexTasks =
    "SELECT id * 4 + 2, plangraph_fold(text), document_id, 'task', id FROM tasks WHERE 1";
constexpr const char* kIndexCitations =
    "SELECT id * 4 + 3, plangraph_fold(text), document_id, 'citation', id FROM citations "
    "WHERE 1";

// The v2 migration step runs before the paragraphs table exists: its kinds stay as they were.
constexpr std::array<const char*, 3> kV2IndexSources = {kIndexHeadings, kIndexTasks,
                                                         kIndexCitations};
constexpr std::array<const char*, 4> kIndexSources = {kIndexParagraphs, kIndexHeadings,
                                                       kIndexTasks, kIndexCitations};

// Fills the index for one document, or for every document (a migration). Two statements, not
// one with "?1 IS NULL OR document_id = ?1": the OR would keep SQLite off the indexes.
std::string IndexTextSql(std::span<const char* const> sources, bool one_document) {
  const std::string filter = one_document ? " AND document_id = ?1" : "";
  std::string sql = "INSERT INTO search_index(rowid, body, document_id, kind, item_id) ";
  for (size_t i = 0; i < sources.size(); ++i) {
    sql += std::string(i == 0 ? "" : " UNION ALL ") + sources[i] + filter;
  }
  return sql;
}

void IndexText(SQLite::Database& db, std::span<const char* const> sources,
               std::optional<int64_t> document_id) {
  SQLite::Statement st(db, IndexTextSql(sources, document_id.has_value()));
  if (document_id) st.bind(1, *document_id);
  st.exec();
}

// Every kind of text of a document just written.
void IndexDocumentText(SQLite::Database& db, int64_t document_id) {
  IndexText(db, kIndexSources, document_id);
}

void IndexAllText(SQLite::Database& db) { IndexText(db, kV2IndexSources, std::nullopt); }

void MarkAsPlangraph(SQLite::Database& db) {
  // PRAGMA takes no bound parameter; the number is this file's constant.
  db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
}

struct MigrationStep {
  int version;
  const char* ddl;
  void (*then)(SQLite::Database&);  // code run after the DDL, in the same transaction
};

// The issuer part of a node key (issuer_scope.h): "10|KH-UBND|2022|tinh:binh phuoc". Keys
// written before schema 5 have none, so plans of different committees sharing a number may sit
// on one node until their documents are read again (import --force); new imports never merge them.
constexpr const char* kSchemaV5 = R"sql(
ALTER TABLE nodes ADD COLUMN issuer_scope TEXT;
)sql";

// Indexes for lookups that scanned a whole table: the citing count of a node (kNodeColumns, read
// for every node listed) and the plans citing it, now answered from the index alone; a document
// found by its số (FindDocuments) or by its content (a moved or duplicate file at import).
// citations(node_id, document_id) serves every lookup citations_by_node served.
constexpr const char* kSchemaV6 = R"sql(
CREATE INDEX IF NOT EXISTS citations_by_node_document ON citations(node_id, document_id);
DROP INDEX IF EXISTS citations_by_node;
CREATE INDEX IF NOT EXISTS documents_by_symbol ON documents(symbol);
CREATE INDEX IF NOT EXISTS documents_by_content_hash ON documents(content_hash);
)sql";

constexpr MigrationStep kMigrations[] = {
    {1, kSchemaV1, MarkAsPlangraph},
    {2, kSchemaV2, IndexAllText},  // files imported before v2 become searchable at once
    // Nothing to fill: a v2 file holds no paragraph text (see kSchemaV3).
    {3, kSchemaV3, nullptr},
    {4, kSchemaV4, nullptr},  // plan_limits: a document gains its row when imported again
    {5, kSchemaV5, nullptr},  // nodes.issuer_scope
    {6, kSchemaV6, nullptr},  // indexes only: SQLite fills them from the rows already there
};
static_assert(std::size(kMigrations) == Store::kSchemaVersion);

// plangraph_fold(text): Fold() for SQL, so indexing and the v2 backfill fold like queries do.
void SqlFold(sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  if (text == nullptr) {
    sqlite3_result_null(ctx);
    return;
  }
  try {
    const std::string folded = Fold(std::string_view(text, sqlite3_value_bytes(argv[0])));
    sqlite3_result_text(ctx, folded.data(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
  } catch (const std::exception&) {
    sqlite3_result_error_nomem(ctx);  // an exception must not cross SQLite's C frames
  }
}

// ---------------------------------------------------------------------------------------------
// Errors.

// How long a connection waits for another process's write before giving up ("database is locked").
constexpr int kBusyTimeoutMs = 10000;

Status SqliteStatus(const std::string& db_path, const SQLite::Exception& e) {
  const std::string msg = db_path + ": " + e.what();
  switch (e.getErrorCode() & 0xFF) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Status::InvalidInput(db_path + ": database damaged: run plangraph check (" +
                                  e.what() + ")");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::IOError(db_path + ": database is locked by another process (waited " +
                             std::to_string(kBusyTimeoutMs / 1000) +
                             " s); try again when it has finished");
    case SQLITE_FULL:
      return Status::IOError(db_path + ": database or disk is full");
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_PROTOCOL:
      return Status::IOError(msg);
    default:
      return Status::Internal(msg);
  }
}

// Runs fn, turning what it throws into a Status that names the database.
template <typename Fn>
auto Guarded(const std::string& db_path, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const SQLite::Exception& e) {
    return SqliteStatus(db_path, e);
  } catch (const std::exception& e) {
    return Status::Internal(db_path + ": " + e.what());
  }
}

// ---------------------------------------------------------------------------------------------
// Opening.

// A file SQLite would reject must be refused before SQLite opens it: the message should say what
// is wrong, and nothing may be written next to it.
Status CheckSqliteHeader(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status::Ok();
  if (fs::is_directory(path, ec)) return Status::InvalidInput(path + ": is a directory");
  const auto size = fs::file_size(path, ec);
  if (ec) return Status::IOError(path + ": " + ec.message());
  if (size == 0) return Status::Ok();  // SQLite treats an empty file as an empty database
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot read");
  char header[16] = {};
  in.read(header, sizeof(header));
  static constexpr char kMagic[16] = "SQLite format 3";  // with its terminating NUL: 16 bytes
  if (in.gcount() != sizeof(header) || !std::equal(header, header + 16, kMagic)) {
    return Status::InvalidInput(path + ": not a SQLite database");
  }
  return Status::Ok();
}

int PragmaInt(SQLite::Database& db, const char* pragma) {
  return db.execAndGet(std::string("PRAGMA ") + pragma).getInt();
}

// Reads only: a file refused here is left exactly as it was.
// No quick_check here: it reads every page (0.7 s for 10,000 plans) on every command.
Status CheckOpenable(SQLite::Database& db, const std::string& path) {
  const int app = PragmaInt(db, "application_id");
  const int version = PragmaInt(db, "user_version");
  if (app != 0 && app != kApplicationId) {
    return Status::InvalidInput(path + ": a SQLite database of another application, not plangraph");
  }
  if (app == 0 && version == 0 &&
      db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0) {
    return Status::InvalidInput(path + ": a SQLite database with tables that are not plangraph's");
  }
  if (version > Store::kSchemaVersion) {
    return Status::InvalidInput(path + ": schema version " + std::to_string(version) +
                                " is newer than this plangraph supports (" +
                                std::to_string(Store::kSchemaVersion) + "); use a newer plangraph");
  }
  return Status::Ok();
}

void Configure(SQLite::Database& db) {
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA journal_mode = WAL");
  db.createFunction("plangraph_fold", 1, true, nullptr, SqlFold);
}

void Migrate(SQLite::Database& db, int target_version) {
  for (const MigrationStep& step : kMigrations) {
    if (step.version > target_version) break;
    // Read first so that opening an up-to-date file takes no write lock.
    if (PragmaInt(db, "user_version") >= step.version) continue;
    // IMMEDIATE, and the version re-read inside: a second process migrating the same file waits,
    // then finds the step done.
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (PragmaInt(db, "user_version") >= step.version) continue;
    db.exec(step.ddl);
    if (step.then != nullptr) step.then(db);
    // PRAGMA takes no bound parameter; the number comes from the table above.
    db.exec("PRAGMA user_version = " + std::to_string(step.version));
    tx.commit();
  }
}

// ---------------------------------------------------------------------------------------------
// Small value helpers.

// Optional text is stored as NULL when empty, so "IS NULL" works in the sqlite3 shell.
void BindText(SQLite::Statement& st, int index, const std::string& value) {
  if (value.empty()) {
    st.bind(index);
  } else {
    st.bind(index, value);
  }
}

void BindOptionalInt(SQLite::Statement& st, int index, std::optional<int64_t> value) {
  if (value) {
    st.bind(index, *value);
  } else {
    st.bind(index);
  }
}

// A local id of -1 (outside the section tree) is NULL.
std::optional<int64_t> LocalId(int id) {
  return id < 0 ? std::nullopt : std::optional<int64_t>(id);
}

std::string Text(const SQLite::Statement& st, int column) {
  const SQLite::Column c = st.getColumn(column);
  return c.isNull() ? std::string() : c.getString();
}

int IntOr(const SQLite::Statement& st, int column, int fallback) {
  const SQLite::Column c = st.getColumn(column);
  return c.isNull() ? fallback : c.getInt();
}

// A source position stored as (line, byte_begin, byte_end) columns.
SourceSpan SpanAt(const SQLite::Statement& st, int line, int begin, int end) {
  return {st.getColumn(line).getInt(), static_cast<size_t>(st.getColumn(begin).getInt64()),
          static_cast<size_t>(st.getColumn(end).getInt64())};
}

int YearOf(const std::string& iso_date) {
  if (iso_date.size() < 4 || !std::all_of(iso_date.begin(), iso_date.begin() + 4,
                                          [](char c) { return c >= '0' && c <= '9'; })) {
    return 0;
  }
  return std::stoi(iso_date.substr(0, 4));
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    parts.push_back(s.substr(start, at == std::string::npos ? at : at - start));
    if (at == std::string::npos) return parts;
    start = at + 1;
  }
}

// The first `n` code points of UTF-8 text.
std::string Utf8Prefix(const std::string& s, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((s[i] & 0xC0) != 0x80 && count++ == n) return s.substr(0, i);
  }
  return s;
}

// The parts of a node key "10|KH-UBND|2022|tinh:binh phuoc" the schema keeps in their own
// columns: number|letter groups|year, then the issuer part when the groups do not name the issuer.
struct KeyParts {
  std::string stem;    // "10|KH-UBND"
  std::string number;  // "10"
  std::optional<int64_t> year;
  std::string scope;   // "tinh:binh phuoc", "?" when ambiguous, "" for none
  bool year_unknown = false;
};

KeyParts SplitKey(const std::string& key) {
  KeyParts parts;
  const std::vector<std::string> fields = Split(key, '|');
  parts.number = fields[0];
  parts.stem = fields.size() > 1 ? fields[0] + "|" + fields[1] : key;
  if (fields.size() > 2) {
    const std::string& year = fields[2];
    parts.year_unknown = year == "?";
    if (!year.empty() &&
        std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      parts.year = std::stoll(year);
    }
  }
  if (fields.size() > 3) parts.scope = fields[3];
  return parts;
}

bool YearUnknown(const std::string& key) { return SplitKey(key).year_unknown; }

// A citation whose issuer could not be told ("…|?") names no one document: it is never linked to
// an imported document, which would merge documents of different issuers.
bool IssuerAmbiguous(const std::string& key) { return SplitKey(key).scope == "?"; }

// The key a citation's node is filed under; the extractor always sets one, the fallback keeps a
// hand-built Extraction importable.
std::string CitationKey(const Citation& c) {
  return !c.key.empty() ? c.key : ReferenceKey(SplitSymbol(c.symbol), YearOf(c.date));
}

// The document's own key and stem, as a citation of it would have them; empty without a number.
// The pipeline sets DocumentInfo::key with its issuer part; a hand-built Extraction has none.
std::pair<std::string, std::string> DocumentKey(const DocumentInfo& d) {
  if (d.symbol.empty()) return {};
  const SymbolParts parts = SplitSymbol(d.symbol);
  if (parts.number.empty()) return {};
  return {!d.key.empty() ? d.key : ReferenceKey(parts, YearOf(d.date)), ReferenceStem(parts)};
}

int RelationRank(const std::string& relation) {
  if (relation == "implements") return 0;
  if (relation == "based_on") return 1;
  if (relation == "mentions") return 2;
  return 3;
}

// ---------------------------------------------------------------------------------------------
// Reading rows into structs. Each kColumns list and its Read function go together.

constexpr const char* kDocumentColumns =
    "d.id, d.source_path, d.content_hash, d.byte_size, d.format, d.encoding, d.imported_at, "
    "d.type, d.symbol, d.date, d.place, d.issuer, d.title, d.ref_key";

DocumentSummary ReadDocument(const SQLite::Statement& st) {
  DocumentSummary d;
  d.id = st.getColumn(0).getInt64();
  d.path = Text(st, 1);
  d.content_hash = Text(st, 2);
  d.byte_size = st.getColumn(3).getInt64();
  d.format = Text(st, 4);
  d.encoding = Text(st, 5);
  d.imported_at = Text(st, 6);
  d.type = Text(st, 7);
  d.symbol = Text(st, 8);
  d.date = Text(st, 9);
  d.place = Text(st, 10);
  d.issuer = Text(st, 11);
  d.title = Text(st, 12);
  d.key = Text(st, 13);
  return d;
}

std::vector<DocumentSummary> SelectDocuments(SQLite::Database& db, const std::string& where,
                                             const std::vector<std::string>& params) {
  // `where` is a constant of this file; values only ever arrive through `params`.
  SQLite::Statement st(db, std::string("SELECT ") + kDocumentColumns + " FROM documents d " +
                               where + " ORDER BY d.id");
  for (size_t i = 0; i < params.size(); ++i) st.bind(static_cast<int>(i) + 1, params[i]);
  std::vector<DocumentSummary> docs;
  while (st.executeStep()) docs.push_back(ReadDocument(st));
  return docs;
}

std::optional<DocumentSummary> DocumentById(SQLite::Database& db, int64_t id) {
  SQLite::Statement st(
      db, std::string("SELECT ") + kDocumentColumns + " FROM documents d WHERE d.id = ?1");
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  return ReadDocument(st);
}

constexpr const char* kNodeColumns =
    "n.id, n.key, n.type, n.symbol, n.date, n.issuer, n.title, n.document_id, "
    "(SELECT count(DISTINCT c.document_id) FROM citations c WHERE c.node_id = n.id), n.stem, "
    "n.issuer_scope, (SELECT d.issuer FROM documents d WHERE d.id = n.document_id)";

NodeInfo ReadNode(const SQLite::Statement& st) {
  NodeInfo n;
  n.node_id = st.getColumn(0).getInt64();
  n.key = Text(st, 1);
  n.type = Text(st, 2);
  n.symbol = Text(st, 3);
  n.date = Text(st, 4);
  n.issuer = Text(st, 5);
  n.title = Text(st, 6);
  n.document_id = st.getColumn(7).getInt64();
  n.citing_plans = st.getColumn(8).getInt();
  n.issuer_scope = Text(st, 10);
  if (n.issuer.empty()) n.issuer = Text(st, 11);  // an imported document's header
  return n;
}

// Labels and parents of one document's sections, for "II > 1 > a" paths.
class SectionPaths {
 public:
  explicit SectionPaths(SQLite::Database& db) : db_(db) {}

  std::string Label(int64_t document_id, std::optional<int> local_id) {
    if (!local_id) return "";
    const auto& sections = Load(document_id);
    const auto it = sections.find(*local_id);
    return it == sections.end() ? "" : it->second.label;
  }

  std::string Path(int64_t document_id, std::optional<int> local_id) {
    if (!local_id) return "";
    const auto& sections = Load(document_id);
    std::vector<std::string> labels;
    int at = *local_id;
    // The bound stops a parent cycle written into the table by hand.
    for (size_t guard = 0; guard <= sections.size(); ++guard) {
      const auto it = sections.find(at);
      if (it == sections.end()) break;
      labels.push_back(it->second.label);
      at = it->second.parent;
    }
    std::string path;
    for (auto it = labels.rbegin(); it != labels.rend(); ++it) {
      path += (path.empty() ? "" : " > ") + *it;
    }
    return path;
  }

  // Reads the sections of every document in one statement, for a caller that will ask about
  // most of them (the audit of all plans) instead of one statement per document.
  void LoadAll() {
    SQLite::Statement st(db_, "SELECT document_id, local_id, parent, label FROM sections");
    while (st.executeStep()) {
      cache_[st.getColumn(0).getInt64()][st.getColumn(1).getInt()] =
          Entry{IntOr(st, 2, -1), Text(st, 3)};
    }
    loaded_all_ = true;
  }

 private:
  struct Entry {
    int parent;
    std::string label;
  };

  const std::map<int, Entry>& Load(int64_t document_id) {
    if (loaded_all_) {  // a document without sections has no entry
      const auto found = cache_.find(document_id);
      return found == cache_.end() ? kNoSections : found->second;
    }
    auto [it, fresh] = cache_.try_emplace(document_id);
    if (!fresh) return it->second;
    SQLite::Statement st(db_,
                         "SELECT local_id, parent, label FROM sections WHERE document_id = ?1");
    st.bind(1, document_id);
    while (st.executeStep()) {
      it->second[st.getColumn(0).getInt()] = Entry{IntOr(st, 1, -1), Text(st, 2)};
    }
    return it->second;
  }

  inline static const std::map<int, Entry> kNoSections;
  SQLite::Database& db_;
  std::map<int64_t, std::map<int, Entry>> cache_;
  bool loaded_all_ = false;
};

std::optional<int> OptionalInt(const SQLite::Statement& st, int column) {
  const SQLite::Column c = st.getColumn(column);
  return c.isNull() ? std::nullopt : std::optional<int>(c.getInt());
}

// ---------------------------------------------------------------------------------------------
// Import.

// Writes one Extraction as the rows of one document. Runs inside the caller's transaction.
class DocumentWriter {
 public:
  explicit DocumentWriter(SQLite::Database& db) : db_(db) {}

  // `reuse_id` keeps the id of a replaced document; 0 lets SQLite choose.
  int64_t Write(const Extraction& e, const std::string& source_path,
                const std::string& content_hash, int64_t byte_size, int64_t reuse_id) {
    InsertDocument(e, source_path, content_hash, byte_size, reuse_id);
    InsertSections(e.sections);
    InsertCitations(e.citations);
    InsertTargets(e.targets);
    InsertTasks(e.tasks);
    InsertParagraphs(e.paragraphs);
    InsertPlanLimit(e.plan_limit);
    IndexDocumentText(db_, id_);
    return id_;
  }

 private:
  void InsertDocument(const Extraction& e, const std::string& source_path,
                      const std::string& content_hash, int64_t byte_size, int64_t reuse_id) {
    const DocumentInfo& d = e.document;
    const auto [key, stem] = DocumentKey(d);
    SQLite::Statement st(db_,
                         "INSERT INTO documents(id, source_path, content_hash, byte_size, format, "
                         "encoding, type, symbol, date, place, issuer, title, ref_key, ref_stem) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    BindOptionalInt(st, 1, reuse_id != 0 ? std::optional<int64_t>(reuse_id) : std::nullopt);
    st.bind(2, source_path);
    st.bind(3, content_hash);
    st.bind(4, byte_size);
    st.bind(5, e.format);
    st.bind(6, e.encoding);
    BindText(st, 7, d.type);
    BindText(st, 8, d.symbol);
    BindText(st, 9, d.date);
    BindText(st, 10, d.place);
    BindText(st, 11, d.issuer);
    BindText(st, 12, d.title);
    BindText(st, 13, key);
    BindText(st, 14, stem);
    st.exec();
    id_ = db_.getLastInsertRowid();
  }

  void InsertSections(const std::vector<Section>& sections) {
    SQLite::Statement st(db_,
                         "INSERT INTO sections(document_id, local_id, parent, depth, kind, label, "
                         "heading, line, byte_begin, byte_end, last_line) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    for (const Section& s : sections) {
      st.bind(1, id_);
      st.bind(2, s.id);
      BindOptionalInt(st, 3, LocalId(s.parent));
      st.bind(4, s.depth);
      st.bind(5, s.kind);
      st.bind(6, s.label);
      st.bind(7, s.heading);
      st.bind(8, s.span.line);
      st.bind(9, static_cast<int64_t>(s.span.begin));
      st.bind(10, static_cast<int64_t>(s.span.end));
      st.bind(11, s.last_line);
      st.exec();
      st.reset();
    }
  }

  void InsertCitations(const std::vector<Citation>& citations) {
    const std::vector<int64_t> nodes = NodesOf(citations);
    SQLite::Statement st(db_,
                         "INSERT INTO citations(document_id, node_id, relation, section, line, "
                         "byte_begin, byte_end, text, type, symbol, date, issuer, title) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    for (size_t i = 0; i < citations.size(); ++i) {
      const Citation& c = citations[i];
      st.bind(1, id_);
      st.bind(2, nodes[i]);
      st.bind(3, c.relation);
      BindOptionalInt(st, 4, LocalId(c.section));
      st.bind(5, c.span.line);
      st.bind(6, static_cast<int64_t>(c.span.begin));
      st.bind(7, static_cast<int64_t>(c.span.end));
      st.bind(8, c.text);
      BindText(st, 9, c.type);
      BindText(st, 10, c.symbol);
      BindText(st, 11, c.date);
      BindText(st, 12, c.issuer);
      BindText(st, 13, c.title);
      st.exec();
      st.reset();
    }
  }

  // The node of each citation. Dated keys go first so that an undated mention of the same
  // document in this plan can be attached to the dated node.
  std::vector<int64_t> NodesOf(const std::vector<Citation>& citations) {
    std::vector<int64_t> nodes(citations.size(), 0);
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t i = 0; i < citations.size(); ++i) {
        const std::string key = CitationKey(citations[i]);
        if (YearUnknown(key) != (pass == 1)) continue;
        nodes[i] = UpsertNode(citations[i], pass == 1 ? ResolveUnknownYear(key) : key);
      }
    }
    return nodes;
  }

  // "5|CV-SCT|?" → the one dated key with the same stem and issuer among nodes and imported
  // documents; unchanged when there is none or more than one.
  std::string ResolveUnknownYear(const std::string& key) {
    const KeyParts wanted = SplitKey(key);
    SQLite::Statement& st = Cached(
        "SELECT key FROM nodes WHERE stem = ?1 AND year IS NOT NULL "
        "UNION SELECT ref_key FROM documents WHERE ref_stem = ?1");
    st.bind(1, wanted.stem);
    std::vector<std::string> keys;
    while (st.executeStep() && keys.size() < 2) {
      const std::string k = Text(st, 0);
      const KeyParts have = SplitKey(k);
      if (!have.year_unknown && have.scope == wanted.scope) keys.push_back(k);
    }
    st.reset();
    return keys.size() == 1 ? keys.front() : key;
  }

  // A node is created on its first citation and gains date, issuer and title from later ones
  // that have them. It is linked to an imported document with the same key, if any.
  int64_t UpsertNode(const Citation& c, const std::string& key) {
    SQLite::Statement& st = Cached(
        "INSERT INTO nodes(key, stem, number, year, type, symbol, date, issuer, title, "
        "document_id, issuer_scope) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
        "        (SELECT id FROM documents WHERE ref_key = ?1 AND ?10 IS NOT '?' "
        "         ORDER BY id LIMIT 1), ?10) "
        "ON CONFLICT(key) DO UPDATE SET "
        "  type = coalesce(nodes.type, excluded.type), "
        "  symbol = coalesce(nodes.symbol, excluded.symbol), "
        "  date = coalesce(nodes.date, excluded.date), "
        "  issuer = coalesce(nodes.issuer, excluded.issuer), "
        "  title = coalesce(nodes.title, excluded.title) "
        "RETURNING id");
    const KeyParts parts = SplitKey(key);
    st.bind(1, key);
    st.bind(2, parts.stem);
    st.bind(3, parts.number);
    BindOptionalInt(st, 4, parts.year);
    BindText(st, 5, c.type);
    BindText(st, 6, c.symbol);
    BindText(st, 7, c.date);
    BindText(st, 8, c.issuer);
    BindText(st, 9, c.title);
    BindText(st, 10, parts.scope);
    st.executeStep();
    const int64_t id = st.getColumn(0).getInt64();
    st.reset();  // a cached statement is not left open
    return id;
  }

  void InsertTargets(const std::vector<Target>& targets) {
    SQLite::Statement st(db_,
                         "INSERT INTO targets(document_id, indicator, value, value_text, unit, "
                         "comparator, kind, year, section, line, byte_begin, byte_end) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    for (const Target& t : targets) {
      st.bind(1, id_);
      st.bind(2, t.indicator);
      st.bind(3, t.value);
      st.bind(4, t.value_text);
      st.bind(5, t.unit);
      st.bind(6, t.comparator);
      st.bind(7, t.kind);
      BindOptionalInt(st, 8, t.year ? std::optional<int64_t>(*t.year) : std::nullopt);
      BindOptionalInt(st, 9, LocalId(t.section));
      st.bind(10, t.span.line);
      st.bind(11, static_cast<int64_t>(t.span.begin));
      st.bind(12, static_cast<int64_t>(t.span.end));
      st.exec();
      st.reset();
    }
  }

  void InsertTasks(const std::vector<Task>& tasks) {
    SQLite::Statement st(
        db_,
        "INSERT INTO tasks(document_id, local_id, section, text, line, byte_begin, "
        "byte_end, deadline_text, deadline_start, deadline_end, "
        "deadline_recurrence) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    for (const Task& t : tasks) {
      st.bind(1, id_);
      st.bind(2, t.id);
      BindOptionalInt(st, 3, LocalId(t.section));
      st.bind(4, t.text);
      st.bind(5, t.span.line);
      st.bind(6, static_cast<int64_t>(t.span.begin));
      st.bind(7, static_cast<int64_t>(t.span.end));
      BindDeadline(st, t.deadline);
      st.exec();
      st.reset();
      const int64_t task_id = db_.getLastInsertRowid();
      InsertSchedule(task_id, t.schedule);
      for (const Assignee& a : t.assignees) InsertAssignment(task_id, a);
    }
  }

  void InsertPlanLimit(const std::optional<Deadline>& d) {
    if (!d) return;
    SQLite::Statement st(db_,
                         "INSERT INTO plan_limits(document_id, text, start, end, recurrence) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)");
    st.bind(1, id_);
    st.bind(2, d->text);
    BindText(st, 3, d->start);
    BindText(st, 4, d->end);
    BindText(st, 5, d->recurrence);
    st.exec();
  }

  void InsertParagraphs(const std::vector<Paragraph>& paragraphs) {
    SQLite::Statement st(db_,
                         "INSERT INTO paragraphs(document_id, section, text, line, last_line, "
                         "byte_begin, byte_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (const Paragraph& p : paragraphs) {
      st.bind(1, id_);
      BindOptionalInt(st, 2, LocalId(p.section));
      st.bind(3, p.text);
      st.bind(4, p.span.line);
      st.bind(5, p.last_line);
      st.bind(6, static_cast<int64_t>(p.span.begin));
      st.bind(7, static_cast<int64_t>(p.span.end));
      st.exec();
      st.reset();
    }
  }

  void InsertSchedule(int64_t task_id, const std::vector<Deadline>& schedule) {
    SQLite::Statement& st = Cached(
                         "INSERT INTO task_schedule(task_id, position, text, start_date, end_date, "
                         "recurrence) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (size_t i = 0; i < schedule.size(); ++i) {
      st.bind(1, task_id);
      st.bind(2, static_cast<int64_t>(i));
      st.bind(3, schedule[i].text);
      BindText(st, 4, schedule[i].start);
      BindText(st, 5, schedule[i].end);
      BindText(st, 6, schedule[i].recurrence);
      st.exec();
      st.reset();
    }
  }

  // deadline_text is NULL exactly when the task has no deadline ('' when it has one without
  // words); the other deadline columns are NULL when empty.
  static void BindDeadline(SQLite::Statement& st, const std::optional<Deadline>& d) {
    if (!d) {
      for (int i = 8; i <= 11; ++i) st.bind(i);
      return;
    }
    st.bind(8, d->text);
    BindText(st, 9, d->start);
    BindText(st, 10, d->end);
    BindText(st, 11, d->recurrence);
  }

  void InsertAssignment(int64_t task_id, const Assignee& a) {
    const std::string& canonical = a.canonical.empty() ? a.agency : a.canonical;
    const std::string& written = a.agency.empty() ? a.canonical : a.agency;
    const int64_t agency_id = UpsertAgency(canonical);
    SQLite::Statement& alias = Cached(
                            "INSERT OR IGNORE INTO agency_aliases(agency_id, spelling) "
                            "VALUES (?1, ?2)");
    alias.bind(1, agency_id);
    alias.bind(2, written);
    alias.exec();
    SQLite::Statement& st = Cached(
                         "INSERT INTO assignments(task_id, agency_id, role, as_written) "
                         "VALUES (?1, ?2, ?3, ?4)");
    st.bind(1, task_id);
    st.bind(2, agency_id);
    st.bind(3, a.role);
    st.bind(4, written);
    st.exec();
  }

  // One agency per fold key: "Tỉnh uỷ" and "Tỉnh ủy" are one row, named as first seen.
  int64_t UpsertAgency(const std::string& name) {
    std::string fold_key = Fold(name);
    if (fold_key.empty()) fold_key = name;  // a name of symbols only still needs a row
    SQLite::Statement& st = Cached(
                         "INSERT INTO agencies(name, fold_key) VALUES (?1, ?2) "
                         "ON CONFLICT(fold_key) DO UPDATE SET fold_key = excluded.fold_key "
                         "RETURNING id");
    st.bind(1, name);
    st.bind(2, fold_key);
    st.executeStep();
    const int64_t id = st.getColumn(0).getInt64();
    st.reset();  // a cached statement is not left open
    return id;
  }

  // The statement of `sql` prepared once per writer, reset and unbound before each reuse: the
  // statements run per citation, task or assignee were prepared again for every row.
  SQLite::Statement& Cached(const char* sql) {
    std::unique_ptr<SQLite::Statement>& st = statements_[sql];
    if (st == nullptr) {
      st = std::make_unique<SQLite::Statement>(db_, sql);
    } else {
      st->reset();
      st->clearBindings();
    }
    return *st;
  }

  SQLite::Database& db_;
  int64_t id_ = 0;
  std::map<const char*, std::unique_ptr<SQLite::Statement>> statements_;  // by the literal's address
};

struct StoredVersion {
  int64_t id = 0;
  std::string hash;
  std::string key;
};

std::optional<StoredVersion> VersionAt(SQLite::Database& db, const std::string& source_path) {
  SQLite::Statement st(db,
                       "SELECT id, content_hash, ref_key FROM documents WHERE source_path = ?1");
  st.bind(1, source_path);
  if (!st.executeStep()) return std::nullopt;
  return StoredVersion{st.getColumn(0).getInt64(), Text(st, 1), Text(st, 2)};
}

// Points the node with this key at the first imported document that has it as its own key.
void RelinkNode(SQLite::Database& db, const std::string& key) {
  if (key.empty() || IssuerAmbiguous(key)) return;
  SQLite::Statement st(db,
                       "UPDATE nodes SET document_id = "
                       "(SELECT d.id FROM documents d WHERE d.ref_key = ?1 ORDER BY d.id LIMIT 1) "
                       "WHERE key = ?1");
  st.bind(1, key);
  st.exec();
}

// After a document's rows are gone: nodes nobody cites and agencies nobody is assigned go too.
void PruneOrphans(SQLite::Database& db) {
  db.exec(
      "DELETE FROM nodes WHERE NOT EXISTS (SELECT 1 FROM citations c WHERE c.node_id = nodes.id)");
  db.exec(
      "DELETE FROM agency_aliases WHERE NOT EXISTS (SELECT 1 FROM assignments a "
      "WHERE a.agency_id = agency_aliases.agency_id AND a.as_written = agency_aliases.spelling)");
  db.exec(
      "DELETE FROM agencies WHERE NOT EXISTS (SELECT 1 FROM assignments a "
      "WHERE a.agency_id = agencies.id)");
}

void DeleteDocument(SQLite::Database& db, int64_t id) {
  // Sections, citations, targets, tasks, assignments, paragraphs and their index rows cascade.
  SQLite::Statement st(db, "DELETE FROM documents WHERE id = ?1");
  st.bind(1, id);
  st.exec();
}

// ---------------------------------------------------------------------------------------------
// Queries.

// Every citation of the node, one CitingPlan per citing document, oldest plan first.
std::vector<CitingPlan> SelectCitingPlans(SQLite::Database& db, int64_t node_id) {
  SQLite::Statement st(db,
                       "SELECT d.id, d.source_path, d.type, d.symbol, d.date, d.issuer, "
                       "       c.relation, min(c.line), count(*) "
                       "FROM citations c JOIN documents d ON d.id = c.document_id "
                       "WHERE c.node_id = ?1 GROUP BY d.id, c.relation "
                       "ORDER BY d.date IS NULL, d.date, d.id");
  st.bind(1, node_id);
  std::vector<CitingPlan> plans;
  while (st.executeStep()) {
    const int64_t doc = st.getColumn(0).getInt64();
    if (plans.empty() || plans.back().document_id != doc) {
      CitingPlan p;
      p.document_id = doc;
      p.path = Text(st, 1);
      p.type = Text(st, 2);
      p.symbol = Text(st, 3);
      p.date = Text(st, 4);
      p.issuer = Text(st, 5);
      p.first_line = st.getColumn(7).getInt();
      plans.push_back(std::move(p));
    }
    CitingPlan& p = plans.back();
    p.relations.push_back(Text(st, 6));
    p.first_line = std::min(p.first_line, st.getColumn(7).getInt());
    p.mentions += st.getColumn(8).getInt();
  }
  for (CitingPlan& p : plans) {
    std::sort(p.relations.begin(), p.relations.end(),
              [](const auto& a, const auto& b) { return RelationRank(a) < RelationRank(b); });
  }
  return plans;
}

bool NodeExists(SQLite::Database& db, int64_t node_id) {
  SQLite::Statement st(db, "SELECT 1 FROM nodes WHERE id = ?1");
  st.bind(1, node_id);
  return st.executeStep();
}

std::optional<int64_t> NodeDocument(SQLite::Database& db, int64_t node_id) {
  SQLite::Statement st(db, "SELECT document_id FROM nodes WHERE id = ?1");
  st.bind(1, node_id);
  if (!st.executeStep() || st.getColumn(0).isNull()) return std::nullopt;
  return st.getColumn(0).getInt64();
}

std::optional<int64_t> NodeOfDocument(SQLite::Database& db, int64_t document_id) {
  SQLite::Statement st(db, "SELECT id FROM nodes WHERE document_id = ?1 ORDER BY id LIMIT 1");
  st.bind(1, document_id);
  if (!st.executeStep()) return std::nullopt;
  return st.getColumn(0).getInt64();
}

// A bound on the size of a tree in a densely cross-citing corpus.
constexpr size_t kMaxTreeEntries = 10000;

class TreeBuilder {
 public:
  TreeBuilder(SQLite::Database& db, int max_depth) : db_(db), max_depth_(max_depth) {}

  std::vector<TreeEntry> Build(int64_t root) {
    if (std::optional<int64_t> doc = NodeDocument(db_, root)) path_.insert(*doc);
    Expand(root, 1);
    return std::move(entries_);
  }

 private:
  // Only the documents on the path from the root count as a cycle: a plan cited along two
  // branches appears under both, as it does in the documents.
  void Expand(int64_t node_id, int depth) {
    if (depth > max_depth_) return;
    for (CitingPlan& plan : SelectCitingPlans(db_, node_id)) {
      if (entries_.size() >= kMaxTreeEntries) return;
      const int64_t doc = plan.document_id;
      const bool cycle = path_.count(doc) > 0;
      entries_.push_back(TreeEntry{depth, node_id, std::move(plan), cycle});
      if (cycle) continue;
      const std::optional<int64_t> child = NodeOfDocument(db_, doc);
      if (!child) continue;
      path_.insert(doc);
      Expand(*child, depth + 1);
      path_.erase(doc);
    }
  }

  SQLite::Database& db_;
  const int max_depth_;
  std::set<int64_t> path_;
  std::vector<TreeEntry> entries_;
};

bool GroupsContain(const std::string& stem, const std::vector<std::string>& wanted) {
  const size_t bar = stem.find('|');
  const std::vector<std::string> have =
      bar == std::string::npos ? std::vector<std::string>{} : Split(stem.substr(bar + 1), '-');
  return std::all_of(wanted.begin(), wanted.end(), [&](const std::string& g) {
    return std::find(have.begin(), have.end(), g) != have.end();
  });
}

bool IsAllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Ids of documents matching an id, a path or a số; several when the số is ambiguous.
std::vector<DocumentSummary> FindDocuments(SQLite::Database& db, const std::string& ref) {
  if (IsAllDigits(ref) && ref.size() < 18) {
    if (auto doc = DocumentById(db, std::stoll(ref))) return {*doc};
  }
  std::vector<DocumentSummary> docs = SelectDocuments(db, "WHERE d.source_path = ?1", {ref});
  if (!docs.empty()) return docs;
  docs = SelectDocuments(db, "WHERE d.symbol = ?1", {CleanSymbol(ref)});
  if (!docs.empty()) return docs;
  // A separator slip or other spelling: "49/KH-TU" for "49-KH/TU".
  const SymbolParts parts = SplitSymbol(CleanSymbol(ref));
  if (parts.number.empty() || parts.groups.empty()) return {};
  std::vector<DocumentSummary> same_stem =
      SelectDocuments(db, "WHERE d.ref_stem = ?1", {ReferenceStem(parts)});
  if (parts.year != 0) {  // every issuer's document of that number and year
    std::erase_if(same_stem, [&](const DocumentSummary& d) {
      return SplitKey(d.key).year != std::optional<int64_t>(parts.year);
    });
  }
  return same_stem;
}

// One candidate a line (id, date, issuer, path), at most 20, then "… and N more".
std::string CandidatesList(const std::vector<DocumentSummary>& docs) {
  constexpr size_t kShown = 20;
  std::string list;
  for (size_t i = 0; i < docs.size() && i < kShown; ++i) {
    const DocumentSummary& d = docs[i];
    list += "\n  #" + std::to_string(d.id) + "  " + (d.date.empty() ? "(no date)" : d.date) +
            "  " + (d.issuer.empty() ? "(no issuer)" : d.issuer) + "  " + d.path;
  }
  if (docs.size() > kShown) list += "\n  … and " + std::to_string(docs.size() - kShown) + " more";
  return list;
}

// ---------------------------------------------------------------------------------------------
// Loading a document back into an Extraction.

std::vector<Section> LoadSections(SQLite::Database& db, int64_t id) {
  SQLite::Statement st(
      db,
      "SELECT local_id, parent, depth, kind, label, heading, line, byte_begin, "
      "byte_end, last_line FROM sections WHERE document_id = ?1 ORDER BY local_id");
  st.bind(1, id);
  std::vector<Section> sections;
  while (st.executeStep()) {
    Section s;
    s.id = st.getColumn(0).getInt();
    s.parent = IntOr(st, 1, -1);
    s.depth = st.getColumn(2).getInt();
    s.kind = Text(st, 3);
    s.label = Text(st, 4);
    s.heading = Text(st, 5);
    s.span = SpanAt(st, 6, 7, 8);
    s.last_line = st.getColumn(9).getInt();
    sections.push_back(std::move(s));
  }
  return sections;
}

std::vector<Citation> LoadCitations(SQLite::Database& db, int64_t id) {
  SQLite::Statement st(db,
                       "SELECT n.key, c.type, c.symbol, c.date, c.issuer, c.title, c.relation, "
                       "c.section, c.line, c.byte_begin, c.byte_end, c.text "
                       "FROM citations c JOIN nodes n ON n.id = c.node_id "
                       "WHERE c.document_id = ?1 ORDER BY c.id");
  st.bind(1, id);
  std::vector<Citation> citations;
  while (st.executeStep()) {
    Citation c;
    c.key = Text(st, 0);
    c.type = Text(st, 1);
    c.symbol = Text(st, 2);
    c.date = Text(st, 3);
    c.issuer = Text(st, 4);
    c.title = Text(st, 5);
    c.relation = Text(st, 6);
    c.section = IntOr(st, 7, -1);
    c.span = SpanAt(st, 8, 9, 10);
    c.text = Text(st, 11);
    citations.push_back(std::move(c));
  }
  return citations;
}

std::vector<Target> LoadTargets(SQLite::Database& db, int64_t id) {
  SQLite::Statement st(
      db,
      "SELECT indicator, value, value_text, unit, comparator, kind, year, section, "
      "line, byte_begin, byte_end FROM targets WHERE document_id = ?1 ORDER BY id");
  st.bind(1, id);
  std::vector<Target> targets;
  while (st.executeStep()) {
    Target t;
    t.indicator = Text(st, 0);
    t.value = st.getColumn(1).getDouble();
    t.value_text = Text(st, 2);
    t.unit = Text(st, 3);
    t.comparator = Text(st, 4);
    t.kind = Text(st, 5);
    t.year = OptionalInt(st, 6);
    t.section = IntOr(st, 7, -1);
    t.span = SpanAt(st, 8, 9, 10);
    targets.push_back(std::move(t));
  }
  return targets;
}

std::vector<Assignee> LoadAssignees(SQLite::Database& db, int64_t task_row_id) {
  SQLite::Statement st(db,
                       "SELECT a.as_written, a.role, g.name FROM assignments a "
                       "JOIN agencies g ON g.id = a.agency_id WHERE a.task_id = ?1 ORDER BY a.id");
  st.bind(1, task_row_id);
  std::vector<Assignee> assignees;
  while (st.executeStep()) assignees.push_back({Text(st, 0), Text(st, 1), Text(st, 2)});
  return assignees;
}

std::vector<Deadline> LoadSchedule(SQLite::Database& db, int64_t task_row_id) {
  SQLite::Statement st(db,
                       "SELECT text, start_date, end_date, recurrence FROM task_schedule "
                       "WHERE task_id = ?1 ORDER BY position");
  st.bind(1, task_row_id);
  std::vector<Deadline> schedule;
  while (st.executeStep()) schedule.push_back({Text(st, 0), Text(st, 1), Text(st, 2), Text(st, 3)});
  return schedule;
}

std::vector<Task> LoadTasks(SQLite::Database& db, int64_t id) {
  SQLite::Statement st(db,
                       "SELECT id, local_id, section, text, line, byte_begin, byte_end, "
                       "deadline_text, deadline_start, deadline_end, deadline_recurrence "
                       "FROM tasks WHERE document_id = ?1 ORDER BY local_id");
  st.bind(1, id);
  std::vector<Task> tasks;
  while (st.executeStep()) {
    Task t;
    t.id = st.getColumn(1).getInt();
    t.section = IntOr(st, 2, -1);
    t.text = Text(st, 3);
    t.span = SpanAt(st, 4, 5, 6);
    if (!st.getColumn(7).isNull())
      t.deadline = Deadline{Text(st, 7), Text(st, 8), Text(st, 9), Text(st, 10)};
    t.schedule = LoadSchedule(db, st.getColumn(0).getInt64());
    t.assignees = LoadAssignees(db, st.getColumn(0).getInt64());
    tasks.push_back(std::move(t));
  }
  return tasks;
}

std::vector<Paragraph> LoadParagraphs(SQLite::Database& db, int64_t id) {
  SQLite::Statement st(db,
                       "SELECT section, text, line, last_line, byte_begin, byte_end "
                       "FROM paragraphs WHERE document_id = ?1 ORDER BY id");
  st.bind(1, id);
  std::vector<Paragraph> paragraphs;
  while (st.executeStep()) {
    Paragraph p;
    p.section = IntOr(st, 0, -1);
    p.text = Text(st, 1);
    p.span = SpanAt(st, 2, 4, 5);
    p.last_line = st.getColumn(3).getInt();
    paragraphs.push_back(std::move(p));
  }
  return paragraphs;
}

// ---------------------------------------------------------------------------------------------
// Audit.

constexpr size_t kAuditTextChars = 100;

std::optional<Deadline> LoadPlanLimit(SQLite::Database& db, int64_t id) {
  SQLite::Statement st(db,
                       "SELECT text, start, end, recurrence FROM plan_limits WHERE document_id = ?1");
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  return Deadline{Text(st, 0), Text(st, 1), Text(st, 2), Text(st, 3)};
}

// Whether the plan's issuer does its work itself: no task gives work to a body other than the
// issuer ("Ban Thường vụ Huyện ủy" in a plan issued by "HUYỆN ỦY …" counts as another body; only
// the issuer's own name does not). A partner named only to support ("phối hợp với Sở Y tế") gives
// the work to nobody else. A task without a named body then belongs to the issuer, not to nobody.
bool IssuerDoesTheWork(SQLite::Database& db, int64_t id, const std::string& issuer) {
  SQLite::Statement st(db,
                       "SELECT DISTINCT g.name FROM assignments a JOIN tasks t ON t.id = a.task_id "
                       "JOIN agencies g ON g.id = a.agency_id "
                       "WHERE t.document_id = ?1 AND a.role <> 'support'");
  st.bind(1, id);
  const std::string own = Fold(issuer);
  while (st.executeStep()) {
    if (own.empty() || Fold(Text(st, 0)) != own) return false;
  }
  return true;
}

// The two implicit covers of audit, applied alike to one plan's audit and to the grouped counts
// of every plan (AuditCountsByDocument): tasks without a limit of their own under a plan-wide
// limit, and tasks without a body in a plan whose issuer does the work.
void CountUnderPlanLimit(AuditCounts& n) {
  n.tasks_under_plan_limit = n.tasks_without_deadline;
  n.tasks_without_deadline = 0;
}

void CountAsAssignedToIssuer(AuditCounts& n) {
  n.tasks_assigned_to_issuer = n.tasks_without_assignee;
  n.tasks_without_assignee = 0;
}

AuditCounts CountGaps(SQLite::Database& db, int64_t id) {
  AuditCounts n;
  SQLite::Statement tasks(db,
                          "SELECT count(*), total(deadline_text IS NULL), "
                          "total(NOT EXISTS (SELECT 1 FROM assignments a WHERE a.task_id = t.id)) "
                          "FROM tasks t WHERE t.document_id = ?1");
  tasks.bind(1, id);
  tasks.executeStep();
  n.tasks = tasks.getColumn(0).getInt();
  n.tasks_without_deadline = static_cast<int>(tasks.getColumn(1).getDouble());
  n.tasks_without_assignee = static_cast<int>(tasks.getColumn(2).getDouble());

  SQLite::Statement targets(
      db, "SELECT count(*), total(year IS NULL) FROM targets WHERE document_id = ?1");
  targets.bind(1, id);
  targets.executeStep();
  n.targets = targets.getColumn(0).getInt();
  n.targets_without_year = static_cast<int>(targets.getColumn(1).getDouble());

  SQLite::Statement citations(db,
                              "SELECT count(*), total(n.document_id IS NULL) FROM citations c "
                              "JOIN nodes n ON n.id = c.node_id WHERE c.document_id = ?1");
  citations.bind(1, id);
  citations.executeStep();
  n.citations = citations.getColumn(0).getInt();
  n.unresolved_citations = static_cast<int>(citations.getColumn(1).getDouble());
  return n;
}

// A task row of columns local_id, section, line, text from column `first` on.
AuditTask ReadAuditTask(const SQLite::Statement& st, int first, SectionPaths& paths, int64_t id) {
  AuditTask t;
  t.local_id = st.getColumn(first).getInt();
  const std::optional<int> section = OptionalInt(st, first + 1);
  t.section_label = paths.Label(id, section);
  t.section_path = paths.Path(id, section);
  t.line = st.getColumn(first + 2).getInt();
  t.text = Utf8Prefix(Text(st, first + 3), kAuditTextChars);
  return t;
}

// What the task conditions of the audit select (TasksWhere and AuditAll).
constexpr const char* kNoDeadline = "t.deadline_text IS NULL";
constexpr const char* kNoAssignee =
    "NOT EXISTS (SELECT 1 FROM assignments a WHERE a.task_id = t.id)";

// `condition` is one of this file's constants.
std::vector<AuditTask> TasksWhere(SQLite::Database& db, SectionPaths& paths, int64_t id,
                                  const char* condition) {
  SQLite::Statement st(db, std::string("SELECT local_id, section, line, text FROM tasks t "
                                       "WHERE t.document_id = ?1 AND ") +
                               condition + " ORDER BY local_id");
  st.bind(1, id);
  std::vector<AuditTask> tasks;
  while (st.executeStep()) tasks.push_back(ReadAuditTask(st, 0, paths, id));
  return tasks;
}

bool IsOrganisationHeading(const std::string& heading) {
  return Fold(heading).find("to chuc thuc hien") != std::string::npos;
}

bool HasOrganisationSection(SQLite::Database& db, int64_t id) {
  SQLite::Statement st(db, "SELECT heading FROM sections WHERE document_id = ?1");
  st.bind(1, id);
  while (st.executeStep()) {
    if (IsOrganisationHeading(Text(st, 0))) return true;
  }
  return false;
}

// A cited document as people write it: "Kế hoạch 62-KH/HU (2022)", not its key "62|KH-HU|2022".
// Columns type, symbol, year, key of a node from column `first` on.
std::string UnresolvedName(const SQLite::Statement& st, int first) {
  std::string name = Text(st, first + 1).empty() ? Text(st, first + 3) : Text(st, first + 1);
  if (!Text(st, first).empty()) name = Text(st, first) + " " + name;
  if (const std::optional<int> year = OptionalInt(st, first + 2)) {
    name += " (" + std::to_string(*year) + ")";
  }
  return name;
}

std::vector<std::string> UnresolvedNames(SQLite::Database& db, int64_t id) {
  SQLite::Statement st(db,
                       "SELECT n.type, n.symbol, n.year, n.key FROM citations c "
                       "JOIN nodes n ON n.id = c.node_id "
                       "WHERE c.document_id = ?1 AND n.document_id IS NULL "
                       "GROUP BY n.id ORDER BY n.key");
  st.bind(1, id);
  std::vector<std::string> names;
  while (st.executeStep()) names.push_back(UnresolvedName(st, 0));
  return names;
}

std::vector<std::string> UnresolvedKeys(SQLite::Database& db, int64_t id) {
  SQLite::Statement st(db,
                       "SELECT DISTINCT n.key FROM citations c JOIN nodes n ON n.id = c.node_id "
                       "WHERE c.document_id = ?1 AND n.document_id IS NULL ORDER BY n.key");
  st.bind(1, id);
  std::vector<std::string> keys;
  while (st.executeStep()) keys.push_back(Text(st, 0));
  return keys;
}

DocumentAudit AuditDocument(SQLite::Database& db, SectionPaths& paths, DocumentSummary doc) {
  DocumentAudit a;
  const int64_t id = doc.id;
  a.document = std::move(doc);
  a.counts = CountGaps(db, id);
  a.has_organisation_section = HasOrganisationSection(db, id);
  a.plan_limit = LoadPlanLimit(db, id);
  a.tasks_without_deadline = TasksWhere(db, paths, id, kNoDeadline);
  a.tasks_without_assignee = TasksWhere(db, paths, id, kNoAssignee);
  a.issuer_does_the_work = IssuerDoesTheWork(db, id, a.document.issuer);
  a.unresolved_keys = UnresolvedKeys(db, id);
  a.unresolved_names = UnresolvedNames(db, id);
  return a;
}

// Moves the tasks a plan covers implicitly out of the gaps: those under its plan-wide limit, and
// those of an issuer that does the work itself.
void ApplyImplicitCover(DocumentAudit& a) {
  if (a.plan_limit) {  // covered by the plan-wide limit, not left without one
    a.tasks_under_plan_limit = std::move(a.tasks_without_deadline);
    a.tasks_without_deadline.clear();
    CountUnderPlanLimit(a.counts);
  }
  if (a.issuer_does_the_work) {  // assigned to the issuer (implicit), not unassigned
    a.tasks_assigned_to_issuer = std::move(a.tasks_without_assignee);
    a.tasks_without_assignee.clear();
    CountAsAssignedToIssuer(a.counts);
  }
}

// The audit of every document of `docs` with one statement per kind of fact instead of nine per
// document; for each document the same result as AuditDocument. Rows of other documents are
// skipped.
std::vector<DocumentAudit> AuditAll(SQLite::Database& db, SectionPaths& paths,
                                    std::vector<DocumentSummary> docs) {
  std::vector<DocumentAudit> out(docs.size());
  std::map<int64_t, DocumentAudit*> by_id;
  for (size_t i = 0; i < docs.size(); ++i) {
    out[i].document = std::move(docs[i]);
    by_id[out[i].document.id] = &out[i];
    out[i].issuer_does_the_work = true;  // until a task names another body
  }
  auto at = [&](const SQLite::Statement& st) -> DocumentAudit* {
    const auto it = by_id.find(st.getColumn(0).getInt64());
    return it == by_id.end() ? nullptr : it->second;
  };
  paths.LoadAll();

  SQLite::Statement tasks(db,
                          std::string("SELECT t.document_id, count(*), total(") + kNoDeadline +
                              "), total(" + kNoAssignee + ") FROM tasks t GROUP BY t.document_id");
  while (tasks.executeStep()) {
    if (DocumentAudit* a = at(tasks)) {
      a->counts.tasks = tasks.getColumn(1).getInt();
      a->counts.tasks_without_deadline = static_cast<int>(tasks.getColumn(2).getDouble());
      a->counts.tasks_without_assignee = static_cast<int>(tasks.getColumn(3).getDouble());
    }
  }
  SQLite::Statement targets(
      db, "SELECT document_id, count(*), total(year IS NULL) FROM targets GROUP BY document_id");
  while (targets.executeStep()) {
    if (DocumentAudit* a = at(targets)) {
      a->counts.targets = targets.getColumn(1).getInt();
      a->counts.targets_without_year = static_cast<int>(targets.getColumn(2).getDouble());
    }
  }
  SQLite::Statement citations(db,
                              "SELECT c.document_id, count(*), total(n.document_id IS NULL) "
                              "FROM citations c JOIN nodes n ON n.id = c.node_id "
                              "GROUP BY c.document_id");
  while (citations.executeStep()) {
    if (DocumentAudit* a = at(citations)) {
      a->counts.citations = citations.getColumn(1).getInt();
      a->counts.unresolved_citations = static_cast<int>(citations.getColumn(2).getDouble());
    }
  }
  SQLite::Statement headings(db, "SELECT document_id, heading FROM sections");
  while (headings.executeStep()) {
    DocumentAudit* a = at(headings);
    if (a != nullptr && !a->has_organisation_section) {
      a->has_organisation_section = IsOrganisationHeading(Text(headings, 1));
    }
  }
  SQLite::Statement limits(db,
                           "SELECT document_id, text, start, end, recurrence FROM plan_limits");
  while (limits.executeStep()) {
    if (DocumentAudit* a = at(limits)) {
      a->plan_limit = Deadline{Text(limits, 1), Text(limits, 2), Text(limits, 3), Text(limits, 4)};
    }
  }
  for (const auto& [condition, list] :
       {std::pair{kNoDeadline, &DocumentAudit::tasks_without_deadline},
        std::pair{kNoAssignee, &DocumentAudit::tasks_without_assignee}}) {
    SQLite::Statement st(db, std::string("SELECT t.document_id, local_id, section, line, text "
                                         "FROM tasks t WHERE ") +
                                 condition + " ORDER BY t.document_id, local_id");
    while (st.executeStep()) {
      if (DocumentAudit* a = at(st)) {
        (a->*list).push_back(ReadAuditTask(st, 1, paths, a->document.id));
      }
    }
  }
  // IssuerDoesTheWork for every document.
  std::map<int64_t, std::string> own;
  SQLite::Statement bodies(db,
                           "SELECT DISTINCT t.document_id, g.name FROM assignments a "
                           "JOIN tasks t ON t.id = a.task_id JOIN agencies g ON g.id = a.agency_id "
                           "WHERE a.role <> 'support'");
  while (bodies.executeStep()) {
    DocumentAudit* a = at(bodies);
    if (a == nullptr || !a->issuer_does_the_work) continue;
    auto [it, fresh] = own.try_emplace(a->document.id);
    if (fresh) it->second = Fold(a->document.issuer);
    if (it->second.empty() || Fold(Text(bodies, 1)) != it->second) a->issuer_does_the_work = false;
  }
  // Node keys are unique: the distinct keys of UnresolvedKeys are the nodes of UnresolvedNames.
  SQLite::Statement unresolved(db,
                               "SELECT c.document_id, n.type, n.symbol, n.year, n.key "
                               "FROM citations c JOIN nodes n ON n.id = c.node_id "
                               "WHERE n.document_id IS NULL "
                               "GROUP BY c.document_id, n.id ORDER BY c.document_id, n.key");
  while (unresolved.executeStep()) {
    if (DocumentAudit* a = at(unresolved)) {
      a->unresolved_keys.push_back(Text(unresolved, 4));
      a->unresolved_names.push_back(UnresolvedName(unresolved, 1));
    }
  }
  for (DocumentAudit& a : out) ApplyImplicitCover(a);
  return out;
}


// ---------------------------------------------------------------------------------------------
// Search.

std::vector<std::string> FoldedTerms(const std::string& text) {
  std::string folded = Fold(text);
  // The index tokenizer splits at '%', which Fold keeps; split the query the same way.
  std::replace(folded.begin(), folded.end(), '%', ' ');
  std::vector<std::string> terms;
  for (std::string& t : Split(folded, ' ')) {
    if (!t.empty()) terms.push_back(std::move(t));
  }
  return terms;
}

// Every term a quoted FTS5 string, so nothing a user types is read as an operator.
std::string FtsQuery(const std::vector<std::string>& terms) {
  std::string query;
  for (const std::string& term : terms) {
    std::string quoted = "\"";
    for (char c : term) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    query += (query.empty() ? "" : " ") + quoted + "\"";
  }
  return query;
}

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

constexpr size_t kSnippetWords = 20;

// ~20 original words around the first word whose fold holds a query term.
std::string Snippet(const std::string& text, const std::vector<std::string>& terms) {
  const std::vector<std::string> words = Words(text);
  size_t hit = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::vector<std::string> folded = FoldedTerms(words[i]);
    const bool match = std::any_of(folded.begin(), folded.end(), [&](const std::string& f) {
      return std::find(terms.begin(), terms.end(), f) != terms.end();
    });
    if (match) {
      hit = i;
      break;
    }
  }
  size_t begin = hit > kSnippetWords / 2 ? hit - kSnippetWords / 2 : 0;
  const size_t end = std::min(words.size(), begin + kSnippetWords);
  begin = end > kSnippetWords ? std::min(begin, end - kSnippetWords) : 0;
  std::string snippet = begin > 0 ? "…" : "";
  for (size_t i = begin; i < end; ++i) snippet += (snippet.empty() ? "" : " ") + words[i];
  if (end < words.size()) snippet += " …";
  return snippet;
}

// Ranked inside the index first (ORDER BY score LIMIT ?2 in the subquery), then joined to the
// text of that page only: joining every match before the sort made common words slow.
constexpr const char* kSearchSql = R"sql(
SELECT m.document_id, m.kind, m.score,
       CASE m.kind WHEN 'heading' THEN s.heading WHEN 'task' THEN t.text
            WHEN 'paragraph' THEN p.text ELSE c.text END,
       CASE m.kind WHEN 'heading' THEN s.line WHEN 'task' THEN t.line
            WHEN 'paragraph' THEN p.line ELSE c.line END,
       CASE m.kind WHEN 'heading' THEN s.local_id WHEN 'task' THEN t.section
            WHEN 'paragraph' THEN p.section ELSE c.section END,
       d.source_path, d.symbol
FROM (SELECT document_id, kind, item_id, bm25(search_index) AS score FROM search_index
      WHERE search_index MATCH ?1 ORDER BY score LIMIT ?2) AS m
JOIN documents d ON d.id = m.document_id
LEFT JOIN sections s ON m.kind = 'heading' AND s.id = m.item_id
LEFT JOIN tasks t ON m.kind = 'task' AND t.id = m.item_id
LEFT JOIN citations c ON m.kind = 'citation' AND c.id = m.item_id
LEFT JOIN paragraphs p ON m.kind = 'paragraph' AND p.id = m.item_id
ORDER BY m.score
)sql";

// ---------------------------------------------------------------------------------------------
// Graph export.

std::string DocumentVertex(int64_t id) { return "d" + std::to_string(id); }
std::string NodeVertex(int64_t id) { return "n" + std::to_string(id); }

std::vector<GraphVertex> GraphVertices(SQLite::Database& db) {
  std::vector<GraphVertex> vertices;
  SQLite::Statement docs(db,
                         "SELECT d.id, (SELECT n.id FROM nodes n WHERE n.document_id = d.id "
                         "ORDER BY n.id LIMIT 1), d.ref_key, d.type, d.symbol, d.date, d.issuer, "
                         "d.title, d.source_path FROM documents d ORDER BY d.id");
  while (docs.executeStep()) {
    const int64_t id = docs.getColumn(0).getInt64();
    vertices.push_back({DocumentVertex(id), id, docs.getColumn(1).getInt64(), Text(docs, 2),
                        Text(docs, 3), Text(docs, 4), Text(docs, 5), Text(docs, 6), Text(docs, 7),
                        Text(docs, 8)});
  }
  SQLite::Statement nodes(db,
                          "SELECT id, key, type, symbol, date, issuer, title FROM nodes "
                          "WHERE document_id IS NULL ORDER BY id");
  while (nodes.executeStep()) {
    const int64_t id = nodes.getColumn(0).getInt64();
    vertices.push_back({NodeVertex(id), 0, id, Text(nodes, 1), Text(nodes, 2), Text(nodes, 3),
                        Text(nodes, 4), Text(nodes, 5), Text(nodes, 6), ""});
  }
  return vertices;
}

std::vector<GraphEdge> GraphEdges(SQLite::Database& db) {
  std::vector<GraphEdge> edges;
  SQLite::Statement st(db,
                       "SELECT c.document_id, n.id, n.document_id, c.relation, count(*) "
                       "FROM citations c JOIN nodes n ON n.id = c.node_id "
                       "GROUP BY c.document_id, n.id, c.relation "
                       "ORDER BY c.document_id, n.document_id IS NULL, "
                       "coalesce(n.document_id, n.id), "
                       "CASE c.relation WHEN 'implements' THEN 0 WHEN 'based_on' THEN 1 "
                       "WHEN 'mentions' THEN 2 ELSE 3 END, c.relation");
  while (st.executeStep()) {
    const SQLite::Column target_doc = st.getColumn(2);
    edges.push_back({DocumentVertex(st.getColumn(0).getInt64()),
                     target_doc.isNull() ? NodeVertex(st.getColumn(1).getInt64())
                                         : DocumentVertex(target_doc.getInt64()),
                     Text(st, 3), st.getColumn(4).getInt()});
  }
  return edges;
}

// ---------------------------------------------------------------------------------------------
// Checking (plangraph check). Each check runs on its own, so damage that stops one (a corrupt
// page read by integrity_check's caller, say) is reported and the others still run.

constexpr int kMaxProblemsPerCheck = 100;

void RunCheck(const char* name, std::vector<std::string>& problems,
              const std::function<void(std::vector<std::string>&)>& check) {
  try {
    check(problems);
  } catch (const SQLite::Exception& e) {
    problems.push_back(std::string(name) + ": " + e.what());
  }
}

void CheckIntegrity(SQLite::Database& db, std::vector<std::string>& problems) {
  SQLite::Statement st(db, "PRAGMA integrity_check(" + std::to_string(kMaxProblemsPerCheck) + ")");
  while (st.executeStep()) {
    const std::string row = Text(st, 0);
    if (row != "ok") problems.push_back("integrity_check: " + row);
  }
}

void CheckSearchIndex(SQLite::Database& db, std::vector<std::string>& problems) {
  // The FTS5 check is written as an INSERT; it changes nothing, and the savepoint makes sure.
  db.exec("SAVEPOINT plangraph_check");
  try {
    db.exec("INSERT INTO search_index(search_index, rank) VALUES ('integrity-check', 0)");
  } catch (const SQLite::Exception& e) {
    problems.push_back(std::string("search index: ") + e.what());
  }
  db.exec("ROLLBACK TO plangraph_check");
  db.exec("RELEASE plangraph_check");
}

void CheckForeignKeys(SQLite::Database& db, std::vector<std::string>& problems) {
  SQLite::Statement st(db, "PRAGMA foreign_key_check");
  int n = 0;
  while (st.executeStep() && n++ < kMaxProblemsPerCheck) {
    problems.push_back("foreign_key_check: " + Text(st, 0) + " row " + Text(st, 1) +
                       " refers to a missing " + Text(st, 2) + " row");
  }
}

void CheckOrphanNodes(SQLite::Database& db, std::vector<std::string>& problems) {
  SQLite::Statement st(db,
                       "SELECT key FROM nodes n WHERE NOT EXISTS "
                       "(SELECT 1 FROM citations c WHERE c.node_id = n.id) ORDER BY key");
  int n = 0;
  while (st.executeStep() && n++ < kMaxProblemsPerCheck) {
    problems.push_back("orphan node: " + Text(st, 0) + " is cited by no document");
  }
}

// ---------------------------------------------------------------------------------------------
// Read snapshots. In WAL mode a read transaction sees one committed state for as long as it is
// open, and never blocks the writer. A SAVEPOINT opens one when none is open and nests inside
// one that is, so a call's own snapshot sits inside a caller's.

constexpr const char* kReadSavepoint = "plangraph_read";

void EndRead(SQLite::Database& db) noexcept {
  try {
    db.exec(std::string("RELEASE ") + kReadSavepoint);
  } catch (const SQLite::Exception&) {
    // Only reads ran under it: nothing is lost, and a destructor must not throw.
  }
}

void BeginRead(SQLite::Database& db) {
  db.exec(std::string("SAVEPOINT ") + kReadSavepoint);
  try {
    // A deferred transaction pins its state at the first read: read now, not at the first query.
    db.execAndGet("SELECT count(*) FROM sqlite_schema");
  } catch (const SQLite::Exception&) {
    EndRead(db);
    throw;
  }
}

// The transaction of one write call: a transaction of its own (IMMEDIATE: the write lock is
// taken, or waited for, at once), or a savepoint of the open WriteBatch's. Rolled back unless
// committed.
class WriteScope {
 public:
  WriteScope(SQLite::Database& db, bool in_batch) : db_(db), in_batch_(in_batch) {
    db_.exec(in_batch_ ? "SAVEPOINT plangraph_write" : "BEGIN IMMEDIATE");
  }
  ~WriteScope() {
    if (done_) return;
    try {
      if (in_batch_) {
        db_.exec("ROLLBACK TO plangraph_write");
        db_.exec("RELEASE plangraph_write");
      } else {
        db_.exec("ROLLBACK");
      }
    } catch (const SQLite::Exception&) {
      // SQLite ended the transaction itself (a full disk): nothing is left to roll back.
    }
  }
  WriteScope(const WriteScope&) = delete;
  WriteScope& operator=(const WriteScope&) = delete;
  void Commit() {
    db_.exec(in_batch_ ? "RELEASE plangraph_write" : "COMMIT");
    done_ = true;
  }

 private:
  SQLite::Database& db_;
  const bool in_batch_;
  bool done_ = false;
};

// One Store call's queries on one state of the file.
class ReadScope {
 public:
  explicit ReadScope(SQLite::Database& db) : db_(db) { BeginRead(db_); }
  ~ReadScope() { EndRead(db_); }
  ReadScope(const ReadScope&) = delete;
  ReadScope& operator=(const ReadScope&) = delete;

 private:
  SQLite::Database& db_;
};

}  // namespace

void AddCounts(AuditCounts& total, const AuditCounts& n) {
  total.tasks += n.tasks;
  total.tasks_without_deadline += n.tasks_without_deadline;
  total.tasks_without_assignee += n.tasks_without_assignee;
  total.tasks_under_plan_limit += n.tasks_under_plan_limit;
  total.tasks_assigned_to_issuer += n.tasks_assigned_to_issuer;
  total.targets += n.targets;
  total.targets_without_year += n.targets_without_year;
  total.citations += n.citations;
  total.unresolved_citations += n.unresolved_citations;
}

// -----------------------------------------------------------------------------------------------
// Store.

Store::Store(std::string path, std::unique_ptr<SQLite::Database> db)
    : path_(std::move(path)), db_(std::move(db)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Result<Store> Store::Open(const std::string& path) { return OpenAt(path, kSchemaVersion); }

Result<Store> Store::OpenForTesting(const std::string& path, int schema_version) {
  return OpenAt(path, schema_version);
}

Result<Store> Store::OpenAt(const std::string& path, int schema_version) {
  if (Status s = CheckSqliteHeader(path); !s.ok()) return s;
  return Guarded(path, [&]() -> Result<Store> {
    auto db =
        std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db->setBusyTimeout(kBusyTimeoutMs);
    if (Status s = CheckOpenable(*db, path); !s.ok()) return s;
    Configure(*db);
    Migrate(*db, schema_version);
    return Store(path, std::move(db));
  });
}

Result<int> Store::SchemaVersion() {
  return Guarded(path_, [&]() -> Result<int> { return PragmaInt(*db_, "user_version"); });
}

std::string Store::ContentHash(std::string_view bytes) {
  uint64_t hash = 14695981039346656037ull;  // FNV-1a 64-bit offset basis
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;  // FNV prime
  }
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

Result<ImportOutcome> Store::Import(const Extraction& e, const std::string& source_path,
                                    const std::string& content_hash, int64_t byte_size,
                                    bool force) {
  return Guarded(path_, [&]() -> Result<ImportOutcome> {
    WriteScope tx(*db_, in_write_batch_);
    const std::optional<StoredVersion> old = VersionAt(*db_, source_path);
    if (old && old->hash == content_hash && !force) {
      return ImportOutcome{ImportOutcome::kUnchanged, old->id};
    }
    if (old) DeleteDocument(*db_, old->id);
    const int64_t id =
        DocumentWriter(*db_).Write(e, source_path, content_hash, byte_size, old ? old->id : 0);
    RelinkNode(*db_, DocumentKey(e.document).first);
    if (old) {
      RelinkNode(*db_, old->key);
      PruneOrphans(*db_);
    }
    tx.Commit();
    return ImportOutcome{old ? ImportOutcome::kReplaced : ImportOutcome::kImported, id};
  });
}

Status Store::Remove(int64_t document_id) {
  return Guarded(path_, [&]() -> Status {
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    const std::optional<DocumentSummary> doc = DocumentById(*db_, document_id);
    if (!doc) return Status::NotFound(path_ + ": no document " + std::to_string(document_id));
    DeleteDocument(*db_, document_id);
    RelinkNode(*db_, doc->key);
    PruneOrphans(*db_);
    tx.commit();
    return Status::Ok();
  });
}

Result<std::vector<DocumentSummary>> Store::DocumentsWithContent(const std::string& content_hash) {
  return Guarded(path_, [&]() -> Result<std::vector<DocumentSummary>> {
    return SelectDocuments(*db_, "WHERE d.content_hash = ?1", {content_hash});
  });
}

Status Store::Relocate(int64_t document_id, const std::string& new_path) {
  return Guarded(path_, [&]() -> Status {
    WriteScope tx(*db_, in_write_batch_);
    if (const std::optional<StoredVersion> there = VersionAt(*db_, new_path)) {
      if (there->id == document_id) return Status::Ok();
      return Status::InvalidInput(path_ + ": '" + new_path + "' is already document " +
                                  std::to_string(there->id));
    }
    SQLite::Statement st(*db_, "UPDATE documents SET source_path = ?2 WHERE id = ?1");
    st.bind(1, document_id);
    st.bind(2, new_path);
    if (st.exec() == 0) {
      return Status::NotFound(path_ + ": no document " + std::to_string(document_id));
    }
    tx.Commit();
    return Status::Ok();
  });
}

Result<std::vector<DocumentSummary>> Store::Documents() {
  return Guarded(path_, [&]() -> Result<std::vector<DocumentSummary>> {
    return SelectDocuments(*db_, "", {});
  });
}

Result<DocumentSummary> Store::DocumentByRef(const std::string& symbol_or_path) {
  return Guarded(path_, [&]() -> Result<DocumentSummary> {
    // Trim() goes through ICU, which would turn a path's ill-formed bytes into U+FFFD.
    const bool well_formed = EscapeIllFormedUtf8(symbol_or_path) == symbol_or_path;
    const std::string ref = well_formed ? Trim(symbol_or_path) : symbol_or_path;
    if (ref.empty()) return Status::InvalidInput(path_ + ": empty document reference");
    const std::vector<DocumentSummary> docs = FindDocuments(*db_, ref);
    if (docs.empty()) return Status::NotFound(path_ + ": no document '" + ref + "'");
    if (docs.size() > 1) {
      return Status::InvalidInput(path_ + ": '" + ref + "' matches " + std::to_string(docs.size()) +
                                  " documents:" + CandidatesList(docs));
    }
    return docs.front();
  });
}

Result<StoredDocument> Store::LoadDocument(int64_t document_id) {
  return Guarded(path_, [&]() -> Result<StoredDocument> {
    const ReadScope snapshot(*db_);  // never half of a replacement committed meanwhile
    std::optional<DocumentSummary> doc = DocumentById(*db_, document_id);
    if (!doc) return Status::NotFound(path_ + ": no document " + std::to_string(document_id));
    StoredDocument out;
    out.summary = std::move(*doc);
    Extraction& e = out.extraction;
    e.source = out.summary.path;
    e.format = out.summary.format;
    e.encoding = out.summary.encoding;
    e.document = {out.summary.type,  out.summary.symbol, out.summary.date,
                  out.summary.place, out.summary.issuer, out.summary.title};
    e.sections = LoadSections(*db_, document_id);
    e.citations = LoadCitations(*db_, document_id);
    e.targets = LoadTargets(*db_, document_id);
    e.tasks = LoadTasks(*db_, document_id);
    e.paragraphs = LoadParagraphs(*db_, document_id);
    e.plan_limit = LoadPlanLimit(*db_, document_id);
    return out;
  });
}

Result<std::vector<NodeInfo>> Store::ResolveReference(const ReferenceQuery& q) {
  return Guarded(path_, [&]() -> Result<std::vector<NodeInfo>> {
    if (q.parts.number.empty()) return Status::InvalidInput(path_ + ": reference without number");
    SQLite::Statement st(*db_, std::string("SELECT ") + kNodeColumns +
                                   " FROM nodes n WHERE n.number = ?1 AND (?2 = 0 OR n.year = ?2)");
    st.bind(1, q.parts.number);
    st.bind(2, q.year);
    std::vector<NodeInfo> nodes;
    while (st.executeStep()) {
      const bool match = !q.parts.groups.empty() ? GroupsContain(Text(st, 9), q.parts.groups)
                                                 : q.type.empty() || Text(st, 2) == q.type;
      if (match) nodes.push_back(ReadNode(st));
    }
    std::sort(nodes.begin(), nodes.end(), [](const NodeInfo& a, const NodeInfo& b) {
      return std::tie(b.citing_plans, a.key) < std::tie(a.citing_plans, b.key);
    });
    return nodes;
  });
}

Result<std::vector<CitingPlan>> Store::CitingPlans(int64_t node_id) {
  return Guarded(path_, [&]() -> Result<std::vector<CitingPlan>> {
    if (!NodeExists(*db_, node_id)) {
      return Status::NotFound(path_ + ": no node " + std::to_string(node_id));
    }
    return SelectCitingPlans(*db_, node_id);
  });
}

Result<std::vector<TreeEntry>> Store::ImplementationTree(int64_t node_id, int max_depth) {
  return Guarded(path_, [&]() -> Result<std::vector<TreeEntry>> {
    const ReadScope snapshot(*db_);
    if (!NodeExists(*db_, node_id)) {
      return Status::NotFound(path_ + ": no node " + std::to_string(node_id));
    }
    return TreeBuilder(*db_, max_depth).Build(node_id);
  });
}

Result<AuditReport> Store::Audit(const AuditFilter& filter) {
  return Guarded(path_, [&]() -> Result<AuditReport> {
    const ReadScope snapshot(*db_);
    std::vector<DocumentSummary> docs;
    if (!filter.document.empty()) {
      Result<DocumentSummary> doc = DocumentByRef(filter.document);
      if (!doc.ok()) return doc.status();
      docs.push_back(std::move(*doc));
    } else {
      docs = SelectDocuments(*db_, "", {});
    }
    const std::string issuer = Fold(filter.issuer);
    std::erase_if(docs, [&](const DocumentSummary& d) {
      return !issuer.empty() && Fold(d.issuer).find(issuer) == std::string::npos;
    });
    AuditReport report;
    SectionPaths paths(*db_);
    if (filter.document.empty()) {
      report.documents = AuditAll(*db_, paths, std::move(docs));
    } else {
      for (DocumentSummary& d : docs) {
        report.documents.push_back(AuditDocument(*db_, paths, std::move(d)));
        ApplyImplicitCover(report.documents.back());
      }
    }
    for (const DocumentAudit& a : report.documents) {
      AddCounts(report.total, a.counts);
      report.documents_without_organisation_section += a.has_organisation_section ? 0 : 1;
    }
    return report;
  });
}

Result<std::vector<SearchHit>> Store::Search(const std::string& text, int limit) {
  return Guarded(path_, [&]() -> Result<std::vector<SearchHit>> {
    const std::vector<std::string> terms = FoldedTerms(text);
    std::vector<SearchHit> hits;
    if (terms.empty() || limit <= 0) return hits;
    const std::string query = FtsQuery(terms);
    SectionPaths paths(*db_);
    // A heading that is also a task line would show twice: one hit per document line. The
    // duplicates dropped can leave a page of `rows` matches short of `limit` hits; then the page
    // grows until it holds them or every match.
    for (int64_t rows = int64_t{limit} * 2 + 8;; rows *= 4) {
      SQLite::Statement st(*db_, kSearchSql);
      st.bind(1, query);
      st.bind(2, rows);
      hits.clear();
      std::set<std::pair<int64_t, int>> seen;
      int64_t read = 0;
      while (hits.size() < static_cast<size_t>(limit) && st.executeStep()) {
        ++read;
        SearchHit h;
        h.document_id = st.getColumn(0).getInt64();
        h.line = st.getColumn(4).getInt();
        if (!seen.insert({h.document_id, h.line}).second) continue;
        h.kind = Text(st, 1);
        h.score = -st.getColumn(2).getDouble();
        h.snippet = Snippet(Text(st, 3), terms);
        h.section_path = paths.Path(h.document_id, OptionalInt(st, 5));
        h.path = Text(st, 6);
        h.symbol = Text(st, 7);
        hits.push_back(std::move(h));
      }
      if (hits.size() == static_cast<size_t>(limit) || read < rows) return hits;
    }
  });
}

Result<CheckReport> Store::Check() {
  return Guarded(path_, [&]() -> Result<CheckReport> {
    CheckReport report;
    RunCheck("integrity_check", report.problems, [&](auto& p) { CheckIntegrity(*db_, p); });
    RunCheck("search index", report.problems, [&](auto& p) { CheckSearchIndex(*db_, p); });
    RunCheck("foreign_key_check", report.problems, [&](auto& p) { CheckForeignKeys(*db_, p); });
    RunCheck("orphan nodes", report.problems, [&](auto& p) { CheckOrphanNodes(*db_, p); });
    return report;
  });
}

Result<StoreStats> Store::Stats(int top_n) {
  return Guarded(path_, [&]() -> Result<StoreStats> {
    const ReadScope snapshot(*db_);
    StoreStats s;
    SQLite::Statement counts(
        *db_,
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sections), "
        "(SELECT count(*) FROM citations), (SELECT count(*) FROM nodes), "
        "(SELECT count(*) FROM targets), (SELECT count(*) FROM tasks), "
        "(SELECT count(*) FROM agencies), (SELECT count(*) FROM assignments), "
        "(SELECT count(*) FROM paragraphs)");
    counts.executeStep();
    int64_t* fields[] = {&s.documents, &s.sections, &s.citations,   &s.nodes,     &s.targets,
                         &s.tasks,     &s.agencies, &s.assignments, &s.paragraphs};
    for (int i = 0; i < static_cast<int>(std::size(fields)); ++i) {
      *fields[i] = counts.getColumn(i).getInt64();
    }
    SQLite::Statement top(*db_, std::string("SELECT ") + kNodeColumns +
                                    " FROM nodes n ORDER BY 9 DESC, n.key LIMIT ?1");
    top.bind(1, std::max(top_n, 0));
    while (top.executeStep()) s.top_cited.push_back(ReadNode(top));
    return s;
  });
}

Result<GraphData> Store::CitationGraph() {
  return Guarded(path_, [&]() -> Result<GraphData> {
    const ReadScope snapshot(*db_);  // no edge to a vertex committed after the vertices were read
    return GraphData{GraphVertices(*db_), GraphEdges(*db_)};
  });
}

Store::Snapshot::Snapshot(Snapshot&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Store::Snapshot::~Snapshot() {
  if (db_ != nullptr) EndRead(*db_);
}

Result<Store::Snapshot> Store::ReadSnapshot() {
  return Guarded(path_, [&]() -> Result<Snapshot> {
    BeginRead(*db_);
    return Snapshot(db_.get());
  });
}

Store::WriteBatch::WriteBatch(WriteBatch&& other) noexcept
    : store_(std::exchange(other.store_, nullptr)) {}

Store::WriteBatch::~WriteBatch() {
  if (store_ == nullptr) return;
  store_->in_write_batch_ = false;
  try {
    store_->db_->exec("ROLLBACK");
  } catch (const SQLite::Exception&) {
    // Already ended by SQLite (a full disk): nothing to roll back, and a destructor must not throw.
  }
}

Result<Store::WriteBatch> Store::BeginWriteBatch() {
  if (in_write_batch_) return Status::Internal(path_ + ": a write batch is already open");
  return Guarded(path_, [&]() -> Result<WriteBatch> {
    db_->exec("BEGIN IMMEDIATE");
    in_write_batch_ = true;
    return WriteBatch(this);
  });
}

bool Store::WriteBatch::open() const {
  return store_ != nullptr && sqlite3_get_autocommit(store_->db_->getHandle()) == 0;
}

Status Store::WriteBatch::Commit() {
  if (store_ == nullptr) return Status::Internal("write batch already ended");
  Store* store = std::exchange(store_, nullptr);
  store->in_write_batch_ = false;
  return Guarded(store->path_, [&]() -> Status {
    if (sqlite3_get_autocommit(store->db_->getHandle()) != 0) {
      return Status::IOError(store->path_ + ": the write batch was ended by an earlier error");
    }
    try {
      store->db_->exec("COMMIT");
    } catch (const SQLite::Exception&) {
      try {
        store->db_->exec("ROLLBACK");
      } catch (const SQLite::Exception&) {
      }
      throw;
    }
    return Status::Ok();
  });
}


// -----------------------------------------------------------------------------------------------
// Queries of the web application (plangraph serve). Kept together at the end of the file.

namespace {

// Percent-encodes what a URI filename may not hold as is ('?', '#', '%', spaces, bytes >= 0x80).
std::string FileUri(const std::string& path) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::strchr("/._-~", c) != nullptr) {
      uri += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof(hex), "%%%02X", c);
      uri += hex;
    }
  }
  return uri;
}

// A WAL file needs its -shm index. Where it cannot be created (a read-only directory or medium),
// the file is opened immutable: SQLite then reads the main file only, takes no lock and creates
// nothing. Refused when a -wal with content exists, whose commits immutable would not see.
std::unique_ptr<SQLite::Database> OpenReadOnlyConnection(const std::string& path) {
  try {
    auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY);
    db->setBusyTimeout(kBusyTimeoutMs);
    PragmaInt(*db, "application_id");  // the first read is where a missing -shm shows
    return db;
  } catch (const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xFF;
    if (code != SQLITE_CANTOPEN && code != SQLITE_READONLY) throw;
    std::error_code ec;
    if (std::filesystem::file_size(path + "-wal", ec) > 0 && !ec) throw;
    return std::make_unique<SQLite::Database>(FileUri(path) + "?immutable=1",
                                              SQLite::OPEN_READONLY | SQLite::OPEN_URI);
  }
}

}  // namespace

Result<Store> Store::OpenReadOnly(const std::string& path) {
  if (Status s = CheckSqliteHeader(path); !s.ok()) return s;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status::NotFound(path + ": no such database");
  return Guarded(path, [&]() -> Result<Store> {
    auto db = OpenReadOnlyConnection(path);
    const int app = PragmaInt(*db, "application_id");
    const int version = PragmaInt(*db, "user_version");
    if (app != kApplicationId) {
      return Status::InvalidInput(path + ": not a plangraph database");
    }
    if (version != kSchemaVersion) {
      return Status::InvalidInput(path + ": schema version " + std::to_string(version) +
                                  ", this plangraph reads version " +
                                  std::to_string(kSchemaVersion) +
                                  " (run 'plangraph stats' once to upgrade an older file)");
    }
    db->exec("PRAGMA query_only = ON");
    db->createFunction("plangraph_fold", 1, true, nullptr, SqlFold);
    return Store(path, std::move(db));
  });
}

Result<Store> Store::OpenForReading(const std::string& path) {
  if (Status s = CheckSqliteHeader(path); !s.ok()) return s;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound(path + ": no such database");
  // An older schema is upgraded once, as any command did before, when the file may be written;
  // the read itself then goes through a read-only connection.
  const Result<int> version = Guarded(path, [&]() -> Result<int> {
    auto db = OpenReadOnlyConnection(path);
    return PragmaInt(*db, "application_id") == kApplicationId ? PragmaInt(*db, "user_version")
                                                              : kSchemaVersion;
  });
  if (version.ok() && *version < kSchemaVersion && access(path.c_str(), W_OK) == 0) {
    if (Result<Store> upgraded = Open(path); !upgraded.ok()) return upgraded.status();
  }
  return OpenReadOnly(path);
}

Result<std::vector<DocumentSummary>> Store::SearchHeaders(const std::string& text, int limit) {
  return Guarded(path_, [&]() -> Result<std::vector<DocumentSummary>> {
    std::string phrase;
    for (const std::string& term : FoldedTerms(text)) phrase += (phrase.empty() ? "" : " ") + term;
    std::vector<DocumentSummary> docs;
    if (phrase.empty() || limit <= 0) return docs;
    // The phrase must start and end at word boundaries: "49 kh" does not find "149 kh".
    SQLite::Statement st(
        *db_, std::string("SELECT ") + kDocumentColumns +
                  " FROM documents d WHERE instr(' ' || plangraph_fold(coalesce(d.type, '') || "
                  "' ' || coalesce(d.symbol, '') || ' ' || coalesce(d.place, '') || ' ' || "
                  "coalesce(d.issuer, '') || ' ' || coalesce(d.title, '')) || ' ', ' ' || ?1 || ' ') > 0 "
                  "ORDER BY d.date IS NULL, d.date DESC, d.id DESC LIMIT ?2");
    st.bind(1, phrase);
    st.bind(2, limit);
    while (st.executeStep()) docs.push_back(ReadDocument(st));
    return docs;
  });
}

Result<std::vector<DocumentAudit>> Store::AuditCountsByDocument() {
  return Guarded(path_, [&]() -> Result<std::vector<DocumentAudit>> {
    const ReadScope snapshot(*db_);
    std::vector<DocumentAudit> out;
    std::map<int64_t, size_t> index;
    for (DocumentSummary& d : SelectDocuments(*db_, "", {})) {
      index[d.id] = out.size();
      DocumentAudit a;
      a.document = std::move(d);
      out.push_back(std::move(a));
    }
    auto at = [&](const SQLite::Statement& st) -> DocumentAudit* {
      auto it = index.find(st.getColumn(0).getInt64());
      return it == index.end() ? nullptr : &out[it->second];
    };
    SQLite::Statement tasks(*db_,
                            "SELECT t.document_id, count(*), total(t.deadline_text IS NULL), "
                            "total(NOT EXISTS (SELECT 1 FROM assignments a WHERE a.task_id = t.id)) "
                            "FROM tasks t GROUP BY t.document_id");
    while (tasks.executeStep()) {
      if (DocumentAudit* a = at(tasks)) {
        a->counts.tasks = tasks.getColumn(1).getInt();
        a->counts.tasks_without_deadline = static_cast<int>(tasks.getColumn(2).getDouble());
        a->counts.tasks_without_assignee = static_cast<int>(tasks.getColumn(3).getDouble());
      }
    }
    SQLite::Statement targets(*db_,
                              "SELECT document_id, count(*), total(year IS NULL) FROM targets "
                              "GROUP BY document_id");
    while (targets.executeStep()) {
      if (DocumentAudit* a = at(targets)) {
        a->counts.targets = targets.getColumn(1).getInt();
        a->counts.targets_without_year = static_cast<int>(targets.getColumn(2).getDouble());
      }
    }
    SQLite::Statement citations(*db_,
                                "SELECT c.document_id, count(*), total(n.document_id IS NULL) "
                                "FROM citations c JOIN nodes n ON n.id = c.node_id "
                                "GROUP BY c.document_id");
    while (citations.executeStep()) {
      if (DocumentAudit* a = at(citations)) {
        a->counts.citations = citations.getColumn(1).getInt();
        a->counts.unresolved_citations = static_cast<int>(citations.getColumn(2).getDouble());
      }
    }
    SQLite::Statement limits(*db_,
                             "SELECT document_id, text, start, end, recurrence FROM plan_limits");
    while (limits.executeStep()) {
      if (DocumentAudit* a = at(limits)) {
        a->plan_limit = Deadline{Text(limits, 1), Text(limits, 2), Text(limits, 3), Text(limits, 4)};
        CountUnderPlanLimit(a->counts);
      }
    }
    // IssuerDoesTheWork for every plan at once: a plan gives work to another body when one of
    // its non-supporting assignees is not the issuer itself.
    std::set<int64_t> gives_work_away;
    SQLite::Statement bodies(*db_,
                             "SELECT DISTINCT t.document_id, g.name FROM assignments a "
                             "JOIN tasks t ON t.id = a.task_id JOIN agencies g ON g.id = a.agency_id "
                             "WHERE a.role <> 'support'");
    while (bodies.executeStep()) {
      if (DocumentAudit* a = at(bodies)) {
        const std::string own = Fold(a->document.issuer);
        if (own.empty() || Fold(Text(bodies, 1)) != own) gives_work_away.insert(a->document.id);
      }
    }
    for (DocumentAudit& a : out) {
      a.issuer_does_the_work = gives_work_away.count(a.document.id) == 0;
      if (a.issuer_does_the_work) CountAsAssignedToIssuer(a.counts);
    }
    // Headings are indexed folded: the phrase query finds "… TỔ CHỨC THỰC HIỆN" like
    // HasOrganisationSection does, without folding every heading again.
    SQLite::Statement organisation(*db_,
                                   "SELECT DISTINCT document_id FROM search_index "
                                   "WHERE search_index MATCH '\"to chuc thuc hien\"' "
                                   "AND kind = 'heading'");
    while (organisation.executeStep()) {
      if (DocumentAudit* a = at(organisation)) a->has_organisation_section = true;
    }
    return out;
  });
}

Result<NodeInfo> Store::NodeById(int64_t node_id) {
  return Guarded(path_, [&]() -> Result<NodeInfo> {
    SQLite::Statement st(*db_, std::string("SELECT ") + kNodeColumns +
                                   " FROM nodes n WHERE n.id = ?1");
    st.bind(1, node_id);
    if (!st.executeStep()) {
      return Status::NotFound(path_ + ": no cited document #" + std::to_string(node_id));
    }
    return ReadNode(st);
  });
}

Result<NodeInfo> Store::NodeOfImportedDocument(int64_t document_id) {
  return Guarded(path_, [&]() -> Result<NodeInfo> {
    SQLite::Statement st(*db_, std::string("SELECT ") + kNodeColumns +
                                   " FROM nodes n WHERE n.document_id = ?1 ORDER BY n.id LIMIT 1");
    st.bind(1, document_id);
    if (!st.executeStep()) {
      return Status::NotFound(path_ + ": no plan cites document #" + std::to_string(document_id));
    }
    return ReadNode(st);
  });
}

Result<std::vector<NodeInfo>> Store::CitedNodes(int64_t document_id) {
  return Guarded(path_, [&]() -> Result<std::vector<NodeInfo>> {
    SQLite::Statement st(*db_, std::string("SELECT ") + kNodeColumns +
                                   " FROM nodes n WHERE n.id IN (SELECT node_id FROM citations "
                                   "WHERE document_id = ?1) ORDER BY n.key");
    st.bind(1, document_id);
    std::vector<NodeInfo> nodes;
    while (st.executeStep()) nodes.push_back(ReadNode(st));
    return nodes;
  });
}

Result<int64_t> Store::DataVersion() {
  return Guarded(path_, [&]() -> Result<int64_t> {
    return db_->execAndGet("PRAGMA data_version").getInt64();
  });
}

Result<Store::SearchPageResult> Store::SearchPage(const std::string& text,
                                                  const std::function<bool(int64_t)>& keep,
                                                  int offset, int limit, int max_scanned) {
  return Guarded(path_, [&]() -> Result<SearchPageResult> {
    const std::vector<std::string> terms = FoldedTerms(text);
    SearchPageResult out;
    if (terms.empty()) return out;
    // Ranked inside the index, then joined for the first max_scanned rows only (kSearchSql).
    SQLite::Statement st(*db_, kSearchSql);
    st.bind(1, FtsQuery(terms));
    st.bind(2, max_scanned + 1);
    SectionPaths paths(*db_);
    std::set<std::pair<int64_t, int>> seen;
    std::set<int64_t> documents;
    int scanned = 0;
    while (st.executeStep()) {
      if (++scanned > max_scanned) {
        out.capped = true;
        break;
      }
      const int64_t id = st.getColumn(0).getInt64();
      const int line = st.getColumn(4).getInt();
      if (!seen.insert({id, line}).second || !keep(id)) continue;
      if (documents.insert(id).second) out.document_ids.push_back(id);
      const int index = out.total++;
      if (index < offset || index >= offset + limit) continue;
      SearchHit h;
      h.document_id = id;
      h.line = line;
      h.kind = Text(st, 1);
      h.score = -st.getColumn(2).getDouble();
      h.snippet = Snippet(Text(st, 3), terms);
      h.section_path = paths.Path(id, OptionalInt(st, 5));
      h.path = Text(st, 6);
      h.symbol = Text(st, 7);
      out.hits.push_back(std::move(h));
    }
    return out;
  });
}

// The mapping of SqliteStatus for the store's other files (export_queries.cc).
Status SqliteErrorStatus(const std::string& db_path, const SQLite::Exception& e) {
  return SqliteStatus(db_path, e);
}

}  // namespace plangraph
