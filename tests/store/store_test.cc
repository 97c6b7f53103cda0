#include "plangraph/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "plangraph/pipeline.h"
#include "rules.h"

#ifndef PLANGRAPH_SOURCE_DIR
#define PLANGRAPH_SOURCE_DIR "/work/main"
#endif

namespace plangraph {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Helpers.

// A fresh database path under the test temp dir (old files of an earlier run removed).
std::string FreshPath(const std::string& name) {
  const std::string path = ::testing::TempDir() + "plangraph_store_" + name + ".db";
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix);
  return path;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

Store OpenOrDie(const std::string& path) {
  Result<Store> store = Store::Open(path);
  if (!store.ok()) {
    ADD_FAILURE() << store.status().message();
    std::abort();
  }
  return std::move(*store);
}

int64_t CountRows(const std::string& path, const std::string& table) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

int64_t PragmaValue(const std::string& path, const std::string& pragma) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet("PRAGMA " + pragma).getInt64();
}

std::vector<std::string> TableNames(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement st(db,
                       "SELECT name FROM sqlite_schema WHERE type = 'table' "
                       "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%' "
                       "ORDER BY name");
  std::vector<std::string> names;
  while (st.executeStep()) names.push_back(st.getColumn(0).getString());
  return names;
}

// Hand-built fixtures: a plan with a header and whatever a test adds.
Extraction Plan(const std::string& type, const std::string& symbol, const std::string& date,
                const std::string& issuer) {
  Extraction e;
  e.format = "text";
  e.encoding = "UTF-8";
  e.document = {type, symbol, date, "Đắk Lắk", issuer, "về một việc"};
  return e;
}

int AddSection(Extraction& e, const std::string& label, const std::string& heading, int line,
               int parent = -1) {
  Section s;
  s.id = static_cast<int>(e.sections.size());
  s.parent = parent;
  s.depth = parent < 0 ? 1 : e.sections[parent].depth + 1;
  s.kind = parent < 0 ? "roman" : "arabic";
  s.label = label;
  s.heading = heading;
  s.span = {line, static_cast<size_t>(line) * 100, static_cast<size_t>(line) * 100 + 50};
  s.last_line = line + 5;
  e.sections.push_back(s);
  return s.id;
}

void AddCitation(Extraction& e, const std::string& key, const std::string& symbol,
                 const std::string& relation, int line, const std::string& date = "") {
  Citation c;
  c.key = key;
  c.type = "Nghị quyết";
  c.symbol = symbol;
  c.date = date;
  c.issuer = "Bộ Chính trị";
  c.relation = relation;
  c.span = {line, 10, 30};
  c.text = "Nghị quyết số " + symbol;
  e.citations.push_back(c);
}

// A task; `agency` "" means no assignee, `deadline` "" means none.
void AddTask(Extraction& e, const std::string& text, int section, int line,
             const std::string& agency, const std::string& deadline) {
  Task t;
  t.id = static_cast<int>(e.tasks.size());
  t.section = section;
  t.text = text;
  t.span = {line, 0, text.size()};
  if (!agency.empty()) t.assignees.push_back({agency, "lead", agency});
  if (!deadline.empty()) {
    t.deadline = Deadline{deadline, "2022-01-01", "2022-03-31", ""};
    t.schedule.push_back(*t.deadline);
  }
  e.tasks.push_back(t);
}

// Body text that is no task; its byte range follows the line, as AddSection's does.
void AddParagraph(Extraction& e, const std::string& text, int section, int line,
                  int last_line = 0) {
  Paragraph p;
  p.section = section;
  p.text = text;
  p.span = {line, static_cast<size_t>(line) * 100, static_cast<size_t>(line) * 100 + text.size()};
  p.last_line = last_line > 0 ? last_line : line;
  e.paragraphs.push_back(p);
}

void AddTarget(Extraction& e, const std::string& indicator, double value, std::optional<int> year) {
  Target t;
  t.indicator = indicator;
  t.value = value;
  t.value_text = std::to_string(static_cast<int>(value));
  t.unit = "%";
  t.kind = "reach";
  t.year = year;
  t.span = {20, 0, 10};
  e.targets.push_back(t);
}

ImportOutcome ImportOrDie(Store& store, const Extraction& e, const std::string& path,
                          const std::string& version = "v1") {
  Result<ImportOutcome> r = store.Import(e, path, Store::ContentHash(version), version.size());
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : ImportOutcome{};
}

const Extractor& ProjectExtractor() {
  static const Extractor* extractor = [] {
    auto e = Extractor::Create(std::string(PLANGRAPH_SOURCE_DIR) + "/rules");
    if (!e.ok()) {
      ADD_FAILURE() << e.status().message();
      std::abort();
    }
    return new Extractor(std::move(*e));
  }();
  return *extractor;
}

std::vector<NodeInfo> Cites(Store& store, const std::string& typed) {
  Result<ReferenceQuery> q = ParseReferenceQuery(ProjectExtractor().rules().document_types, typed);
  EXPECT_TRUE(q.ok()) << typed << ": " << q.status().message();
  if (!q.ok()) return {};
  Result<std::vector<NodeInfo>> nodes = store.ResolveReference(*q);
  EXPECT_TRUE(nodes.ok()) << nodes.status().message();
  return nodes.ok() ? *nodes : std::vector<NodeInfo>{};
}

// The node with this key (fails the test when there is none).
NodeInfo NodeByKey(Store& store, const std::string& key) {
  Result<StoreStats> stats = store.Stats(1000);
  EXPECT_TRUE(stats.ok());
  for (const NodeInfo& n : stats->top_cited) {
    if (n.key == key) return n;
  }
  ADD_FAILURE() << "no node " << key;
  return NodeInfo{};
}

std::vector<SearchHit> SearchOrDie(Store& store, const std::string& text, int limit = 20) {
  Result<std::vector<SearchHit>> hits = store.Search(text, limit);
  EXPECT_TRUE(hits.ok()) << text << ": " << hits.status().message();
  return hits.ok() ? *hits : std::vector<SearchHit>{};
}

// The sample plan text of the brief: Đắk Lắk plan 49-KH/TU implementing 02-NQ/TW.
const char kDaklakPlan[] =
    "TỈNH ỦY ĐẮK LẮK\nSố: 49-KH/TU\nĐắk Lắk, ngày 16 tháng 11 năm 2021\nKẾ HOẠCH\n"
    "thực hiện Nghị quyết số 02-NQ/TW, ngày 12/6/2021 của Bộ Chính trị\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nâng cao chất lượng.\nII. TỔ CHỨC THỰC HIỆN\n"
    "1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan triển khai thực hiện "
    "Kế hoạch; thời gian: Quý I/2022.\n";

const char kResolution[] =
    "BAN CHẤP HÀNH TRUNG ƯƠNG\nSố: 02-NQ/TW\nHà Nội, ngày 12 tháng 6 năm 2021\nNGHỊ QUYẾT\n"
    "của Bộ Chính trị về đổi mới tổ chức hoạt động của Mặt trận\nI. TÌNH HÌNH\n1. Kết quả\n"
    "- Đạt 95% số xã.\nII. TỔ CHỨC THỰC HIỆN\n1. Các tỉnh ủy xây dựng kế hoạch thực hiện.\n";

Extraction Extract(const std::string& text) {
  Result<Extraction> e = ProjectExtractor().ExtractBytes("a.txt", text);
  EXPECT_TRUE(e.ok()) << e.status().message();
  return e.ok() ? *e : Extraction{};
}

// ---------------------------------------------------------------------------------------------
// Schema, migration, refusal.

TEST(StoreSchemaTest, CreatesEveryTableAtTheCurrentVersion) {
  const std::string path = FreshPath("schema");
  {
    Store store = OpenOrDie(path);
    Result<int> version = store.SchemaVersion();
    ASSERT_TRUE(version.ok());
    EXPECT_EQ(*version, Store::kSchemaVersion);
  }
  EXPECT_EQ(PragmaValue(path, "user_version"), Store::kSchemaVersion);
  EXPECT_EQ(PragmaValue(path, "application_id"), 0x504C4752);
  EXPECT_EQ(TableNames(path),
            (std::vector<std::string>{"agencies", "agency_aliases", "assignments", "citations",
                                      "documents", "nodes", "paragraphs", "plan_limits",
                                      "search_index",
                                      "sections", "targets", "task_schedule", "tasks"}));
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
}

TEST(StoreSchemaTest, EnforcesForeignKeysAndCascades) {
  const std::string path = FreshPath("cascade");
  Store store = OpenOrDie(path);
  Extraction e = Plan("Kế hoạch", "1-KH/TU", "2021-01-01", "TỈNH ỦY");
  const int s = AddSection(e, "I", "NHIỆM VỤ", 5);
  AddTask(e, "Ủy ban nhân dân tỉnh chủ trì.", s, 6, "Ủy ban nhân dân tỉnh", "Quý I/2022");
  AddCitation(e, "2|NQ-TW|2021", "02-NQ/TW", "implements", 3);
  AddParagraph(e, "Quán triệt sâu rộng.", s, 7);
  const ImportOutcome out = ImportOrDie(store, e, "/plans/a.txt");
  EXPECT_EQ(CountRows(path, "task_schedule"), 1);
  EXPECT_EQ(CountRows(path, "paragraphs"), 1);
  ASSERT_TRUE(store.Remove(out.document_id).ok());
  for (const char* table : {"documents", "sections", "tasks", "task_schedule", "assignments",
                            "citations", "nodes", "agencies", "agency_aliases", "paragraphs",
                            "search_index"}) {
    EXPECT_EQ(CountRows(path, table), 0) << table;
  }
  EXPECT_EQ(store.Remove(out.document_id).kind(), Status::Kind::kNotFound);
}

TEST(StoreMigrationTest, EmptyFileIsVersionZeroAndIsMigrated) {
  const std::string path = FreshPath("v0");
  WriteBytes(path, "");
  {
    Store store = OpenOrDie(path);
    EXPECT_EQ(*store.SchemaVersion(), Store::kSchemaVersion);
  }
  EXPECT_EQ(TableNames(path).size(), 13u);
}

TEST(StoreMigrationTest, VersionOneFileGainsSearchOverItsExistingRows) {
  const std::string path = FreshPath("v1");
  {
    Result<Store> old = Store::OpenForTesting(path, 1);
    ASSERT_TRUE(old.ok()) << old.status().message();
    EXPECT_EQ(*old->SchemaVersion(), 1);
  }
  EXPECT_EQ(PragmaValue(path, "user_version"), 1);
  std::vector<std::string> v1_tables = TableNames(path);
  EXPECT_EQ(std::count(v1_tables.begin(), v1_tables.end(), "search_index"), 0);
  {
    // Rows written by a version-1 binary: no search index existed then.
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec(
        "INSERT INTO documents(id, source_path, content_hash, byte_size, format, encoding, symbol) "
        "VALUES (7, '/plans/old.txt', 'abc', 10, 'text', 'UTF-8', '3-KH/UBND');"
        "INSERT INTO sections(document_id, local_id, parent, depth, kind, label, heading, line, "
        "byte_begin, byte_end, last_line) VALUES (7, 0, NULL, 1, 'roman', 'II', "
        "'NHIỆM VỤ CỦA ỦY BAN NHÂN DÂN', 12, 0, 0, 20);"
        "INSERT INTO tasks(document_id, local_id, section, text, line, byte_begin, byte_end) "
        "VALUES (7, 0, 0, 'Các cấp ủy Đảng lãnh đạo thực hiện.', 13, 0, 0);");
  }
  Store store = OpenOrDie(path);
  EXPECT_EQ(*store.SchemaVersion(), Store::kSchemaVersion);  // through v2 (index filled), then the later steps
  EXPECT_EQ(CountRows(path, "documents"), 1);
  EXPECT_EQ(CountRows(path, "search_index"), 2);
  EXPECT_EQ(CountRows(path, "paragraphs"), 0);
  std::vector<SearchHit> hits = SearchOrDie(store, "uy ban");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].document_id, 7);
  EXPECT_EQ(hits[0].kind, "heading");
  EXPECT_EQ(hits[0].snippet, "NHIỆM VỤ CỦA ỦY BAN NHÂN DÂN");
  hits = SearchOrDie(store, "dang");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].line, 13);
  EXPECT_EQ(hits[0].section_path, "II");
}

// A file written by a schema-2 binary: the rows and the index rows it would have made (folded
// by hand: a plain connection has no plangraph_fold), and no paragraph text anywhere.
void WriteVersionTwoRows(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  db.exec(
      "INSERT INTO documents(id, source_path, content_hash, byte_size, format, encoding, symbol) "
      "VALUES (7, '/plans/old.txt', 'abc', 10, 'text', 'UTF-8', '3-KH/UBND');"
      "INSERT INTO sections(id, document_id, local_id, parent, depth, kind, label, heading, line, "
      "byte_begin, byte_end, last_line) VALUES (5, 7, 0, NULL, 1, 'roman', 'I', "
      "'MỤC ĐÍCH, YÊU CẦU', 12, 0, 0, 20);"
      "INSERT INTO tasks(id, document_id, local_id, section, text, line, byte_begin, byte_end) "
      "VALUES (9, 7, 0, 0, 'Các cấp ủy Đảng lãnh đạo thực hiện.', 14, 0, 0);"
      "INSERT INTO search_index(rowid, body, document_id, kind, item_id) VALUES "
      "(5 * 4 + 1, 'muc dich, yeu cau', 7, 'heading', 5), "
      "(9 * 4 + 2, 'cac cap uy dang lanh dao thuc hien.', 7, 'task', 9);");
}

TEST(StoreMigrationTest, VersionTwoFileGainsAnEmptyParagraphTableAndKeepsItsIndex) {
  const std::string path = FreshPath("v2");
  {
    Result<Store> old = Store::OpenForTesting(path, 2);
    ASSERT_TRUE(old.ok()) << old.status().message();
    EXPECT_EQ(*old->SchemaVersion(), 2);
  }
  const std::vector<std::string> v2_tables = TableNames(path);
  EXPECT_EQ(std::count(v2_tables.begin(), v2_tables.end(), "paragraphs"), 0);
  WriteVersionTwoRows(path);
  Store store = OpenOrDie(path);
  EXPECT_EQ(*store.SchemaVersion(), Store::kSchemaVersion);
  EXPECT_EQ(PragmaValue(path, "user_version"), Store::kSchemaVersion);
  // The v2 rows and their index rows are kept as they were; there is no text to fill in.
  EXPECT_EQ(CountRows(path, "paragraphs"), 0);
  EXPECT_EQ(CountRows(path, "search_index"), 2);
  EXPECT_EQ(store.Stats()->paragraphs, 0);
  std::vector<SearchHit> hits = SearchOrDie(store, "lanh dao");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].kind, "task");
  EXPECT_EQ(hits[0].line, 14);
  Result<StoredDocument> loaded = store.LoadDocument(7);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_TRUE(loaded->extraction.paragraphs.empty());
  EXPECT_TRUE(SearchOrDie(store, "quan triet").empty());

  // Imported again (import --force), the document gains its paragraphs and their search rows.
  Extraction e = Plan("Kế hoạch", "3-KH/UBND", "2022-01-01", "ỦY BAN NHÂN DÂN TỈNH");
  const int s = AddSection(e, "I", "MỤC ĐÍCH, YÊU CẦU", 12);
  AddTask(e, "Các cấp ủy Đảng lãnh đạo thực hiện.", s, 14, "Các cấp ủy Đảng", "");
  AddParagraph(e, "Quán triệt sâu rộng Nghị quyết đến cán bộ, đảng viên.", s, 13);
  Result<ImportOutcome> again = store.Import(e, "/plans/old.txt", "abc", 10, /*force=*/true);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->kind, ImportOutcome::kReplaced);
  EXPECT_EQ(again->document_id, 7);
  EXPECT_EQ(CountRows(path, "paragraphs"), 1);
  EXPECT_EQ(CountRows(path, "search_index"), 3);
  hits = SearchOrDie(store, "quan triet");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].kind, "paragraph");
  EXPECT_EQ(hits[0].document_id, 7);
  EXPECT_EQ(hits[0].section_path, "I");
}

TEST(StoreOpenTest, RefusesANewerSchemaWithoutTouchingTheFile) {
  const std::string path = FreshPath("newer");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA application_id = 1347176274; CREATE TABLE future(x); PRAGMA user_version = 9");
  }
  const std::string before = ReadBytes(path);
  Result<Store> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().kind(), Status::Kind::kInvalidInput);
  EXPECT_EQ(store.status().message(),
            path + ": schema version 9 is newer than this plangraph supports (" +
                std::to_string(Store::kSchemaVersion) + "); use a newer plangraph");
  EXPECT_EQ(ReadBytes(path), before);
  EXPECT_EQ(PragmaValue(path, "user_version"), 9);
}

TEST(StoreOpenTest, RefusesAFileThatIsNotSqlite) {
  const std::string path = FreshPath("garbage");
  std::string garbage = "KẾ HOẠCH\nSố: 49-KH/TU\n";
  while (garbage.size() < 8192) garbage += garbage;
  WriteBytes(path, garbage);
  Result<Store> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().kind(), Status::Kind::kInvalidInput);
  EXPECT_EQ(store.status().message(), path + ": not a SQLite database");
  EXPECT_EQ(ReadBytes(path), garbage);
  EXPECT_FALSE(fs::exists(path + "-wal"));
}

// Open checks only the header (a full check cost 0.7 s per command on 10,000 plans); damage is
// reported by the call that meets it, and in full by Check, and the file is never changed.
TEST(StoreOpenTest, DamageIsReportedByCheckAndByTheCallThatMeetsIt) {
  const std::string path = FreshPath("corrupt");
  {
    Store store = OpenOrDie(path);
    for (int i = 0; i < 30; ++i) {
      Extraction e = Plan("Kế hoạch", std::to_string(i + 1) + "-KH/TU", "2021-01-01", "TỈNH ỦY");
      const int s = AddSection(e, "I", "NHIỆM VỤ VÀ GIẢI PHÁP " + std::to_string(i), 5);
      for (int k = 0; k < 10; ++k) {
        AddTask(e, "Sở Giáo dục và Đào tạo chủ trì triển khai nhiệm vụ số " + std::to_string(k), s,
                6 + k, "Sở Giáo dục và Đào tạo", "");
      }
      ImportOrDie(store, e, "/plans/" + std::to_string(i) + ".txt");
    }
  }
  std::string bytes = ReadBytes(path);
  ASSERT_GT(bytes.size(), 5u * 4096);
  for (size_t i = 4096; i < bytes.size(); ++i) bytes[i] = static_cast<char>(0x5A ^ (i & 0xFF));
  WriteBytes(path, bytes);
  Result<Store> store = Store::Open(path);
  if (store.ok()) {
    Result<CheckReport> report = store->Check();
    ASSERT_TRUE(report.ok()) << report.status().message();
    EXPECT_FALSE(report->ok());
    ASSERT_FALSE(report->problems.empty());
    Result<StoreStats> stats = store->Stats();
    if (!stats.ok()) {
      EXPECT_EQ(stats.status().message().rfind(path + ": database damaged: run plangraph check", 0),
                0u)
          << stats.status().message();
    }
  } else {
    EXPECT_EQ(store.status().kind(), Status::Kind::kInvalidInput);
    EXPECT_EQ(store.status().message().rfind(path + ": database damaged: run plangraph check", 0),
              0u)
        << store.status().message();
  }
  EXPECT_EQ(ReadBytes(path), bytes);
}

TEST(StoreCheckTest, SoundFileIsOkAndAnOrphanNodeIsNamed) {
  const std::string path = FreshPath("check");
  {
    Store store = OpenOrDie(path);
    Extraction e = Plan("Kế hoạch", "12-KH/TU", "2021-01-01", "TỈNH ỦY");
    AddCitation(e, "2|NQ-TW|2021", "02-NQ/TW", "implements", 5);
    ImportOrDie(store, e, "/plans/a.txt");
    Result<CheckReport> report = store.Check();
    ASSERT_TRUE(report.ok()) << report.status().message();
    EXPECT_TRUE(report->ok()) << report->problems.front();
  }
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("INSERT INTO nodes(key, stem, number, year) VALUES ('7|CV-SCT|2020', '7|CV-SCT', '7', "
            "2020)");
  }
  Store store = OpenOrDie(path);
  Result<CheckReport> report = store.Check();
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->problems,
            std::vector<std::string>{"orphan node: 7|CV-SCT|2020 is cited by no document"});
}

TEST(StoreOpenTest, RefusesTheDatabaseOfAnotherProgram) {
  const std::string path = FreshPath("foreign");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('a')");
  }
  const std::string before = ReadBytes(path);
  Result<Store> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().message(),
            path + ": a SQLite database with tables that are not plangraph's");
  EXPECT_EQ(ReadBytes(path), before);
}

TEST(StoreOpenTest, MissingDirectoryIsAnIoErrorNamingThePath) {
  const std::string path = ::testing::TempDir() + "no_such_dir_plangraph/x.db";
  Result<Store> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().kind(), Status::Kind::kIOError);
  EXPECT_EQ(store.status().message().rfind(path + ": ", 0), 0u) << store.status().message();
}

TEST(StoreTest, ContentHashIsFnv1a64) {
  EXPECT_EQ(Store::ContentHash(""), "cbf29ce484222325");
  EXPECT_EQ(Store::ContentHash("a"), "af63dc4c8601ec8c");
  EXPECT_NE(Store::ContentHash("Hoà"), Store::ContentHash("Hòa"));
}

// ---------------------------------------------------------------------------------------------
// Import.

Extraction PlanVersionOne() {
  Extraction e = Plan("Kế hoạch", "49-KH/TU", "2021-11-16", "TỈNH ỦY ĐẮK LẮK");
  const int org = AddSection(e, "II", "TỔ CHỨC THỰC HIỆN", 9);
  AddTask(e, "Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền.", org, 10, "Ban Tuyên giáo Tỉnh ủy",
          "Quý I/2022");
  AddTask(e, "Các huyện ủy xây dựng chương trình hành động.", org, 11, "Huyện ủy", "");
  AddTask(e, "Kiểm tra, giám sát việc thực hiện.", org, 12, "", "");
  AddCitation(e, "2|NQ-TW|2021", "02-NQ/TW", "implements", 5, "2021-06-12");
  AddCitation(e, "13|NQ-TW|2021", "13-NQ/TW", "mentions", 7);
  AddTarget(e, "Tỷ lệ xã đạt chuẩn", 95, 2025);
  return e;
}

Extraction PlanVersionTwo() {
  Extraction e = Plan("Kế hoạch", "49-KH/TU", "2021-11-20", "TỈNH ỦY ĐẮK LẮK");
  const int org = AddSection(e, "III", "TỔ CHỨC THỰC HIỆN", 9);
  AddTask(e, "Sở Nội vụ hướng dẫn thực hiện.", org, 10, "Sở Nội vụ", "");
  AddCitation(e, "2|NQ-TW|2021", "02-NQ/TW", "implements", 5, "2021-06-12");
  return e;
}

TEST(StoreImportTest, SameFileTwiceIsUnchangedAndWritesNothing) {
  const std::string path = FreshPath("unchanged");
  Store store = OpenOrDie(path);
  const ImportOutcome first = ImportOrDie(store, PlanVersionOne(), "/plans/49.txt");
  EXPECT_EQ(first.kind, ImportOutcome::kImported);
  const std::string imported_at = store.LoadDocument(first.document_id)->summary.imported_at;
  const StoreStats before = *store.Stats();
  const ImportOutcome second = ImportOrDie(store, PlanVersionOne(), "/plans/49.txt");
  EXPECT_EQ(second.kind, ImportOutcome::kUnchanged);
  EXPECT_EQ(second.document_id, first.document_id);
  const StoreStats after = *store.Stats();
  EXPECT_EQ(after.documents, 1);
  EXPECT_EQ(after.sections, 1);
  EXPECT_EQ(after.tasks, 3);
  EXPECT_EQ(after.citations, 2);
  EXPECT_EQ(after.nodes, 2);
  EXPECT_EQ(after.targets, 1);
  EXPECT_EQ(after.agencies, 2);
  EXPECT_EQ(after.assignments, 2);
  EXPECT_EQ(after.sections, before.sections);
  EXPECT_EQ(after.tasks, before.tasks);
  EXPECT_EQ(CountRows(path, "search_index"), 1 + 3 + 2);
  EXPECT_EQ(store.LoadDocument(first.document_id)->summary.imported_at, imported_at);
}

TEST(StoreImportTest, ChangedFileReplacesEveryOldRow) {
  const std::string path = FreshPath("replaced");
  Store store = OpenOrDie(path);
  const ImportOutcome first = ImportOrDie(store, PlanVersionOne(), "/plans/49.txt", "v1");
  ImportOrDie(store, PlanVersionTwo(), "/plans/other.txt", "other");  // unaffected neighbour
  const ImportOutcome second = ImportOrDie(store, PlanVersionTwo(), "/plans/49.txt", "v2");
  EXPECT_EQ(second.kind, ImportOutcome::kReplaced);
  EXPECT_EQ(second.document_id, first.document_id);
  const StoreStats s = *store.Stats();
  EXPECT_EQ(s.documents, 2);
  EXPECT_EQ(s.sections, 2);
  EXPECT_EQ(s.tasks, 2);
  EXPECT_EQ(s.citations, 2);
  EXPECT_EQ(s.nodes, 1);  // 13-NQ/TW was cited only by the old version
  EXPECT_EQ(s.targets, 0);
  EXPECT_EQ(s.agencies, 1);  // only Sở Nội vụ is still assigned
  EXPECT_EQ(CountRows(path, "agency_aliases"), 1);
  EXPECT_EQ(CountRows(path, "search_index"), 2 * (1 + 1 + 1));
  Result<StoredDocument> doc = store.LoadDocument(first.document_id);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->summary.date, "2021-11-20");
  EXPECT_EQ(doc->summary.content_hash, Store::ContentHash("v2"));
  ASSERT_EQ(doc->extraction.tasks.size(), 1u);
  EXPECT_EQ(doc->extraction.tasks[0].text, "Sở Nội vụ hướng dẫn thực hiện.");
  EXPECT_TRUE(SearchOrDie(store, "tuyen truyen").empty());
  EXPECT_EQ(SearchOrDie(store, "so noi vu").size(), 2u);
  EXPECT_EQ(NodeByKey(store, "2|NQ-TW|2021").citing_plans, 2);
}

TEST(StoreImportTest, FailedImportRollsBackAndKeepsTheOldVersion) {
  const std::string path = FreshPath("rollback");
  Store store = OpenOrDie(path);
  const ImportOutcome first = ImportOrDie(store, PlanVersionOne(), "/plans/49.txt", "v1");
  Extraction broken = PlanVersionTwo();
  AddTask(broken, "Nhiệm vụ trùng số.", 0, 11, "Sở Tài chính", "");
  broken.tasks.back().id = broken.tasks.front().id;  // violates UNIQUE(document_id, local_id)
  Result<ImportOutcome> r = store.Import(broken, "/plans/49.txt", Store::ContentHash("v2"), 2);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().rfind(path + ": ", 0), 0u) << r.status().message();
  EXPECT_NE(r.status().message().find("UNIQUE"), std::string::npos) << r.status().message();

  Result<StoredDocument> doc = store.LoadDocument(first.document_id);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->summary.content_hash, Store::ContentHash("v1"));
  EXPECT_EQ(doc->extraction.tasks.size(), 3u);
  EXPECT_EQ(doc->extraction.citations.size(), 2u);
  const StoreStats s = *store.Stats();
  EXPECT_EQ(s.documents, 1);
  EXPECT_EQ(s.tasks, 3);
  EXPECT_EQ(s.nodes, 2);
  EXPECT_EQ(s.agencies, 2);
  EXPECT_EQ(SearchOrDie(store, "tuyen truyen").size(), 1u);
  EXPECT_TRUE(SearchOrDie(store, "so tai chinh").empty());
  // The store is still usable, and the same version imports once fixed.
  EXPECT_EQ(ImportOrDie(store, PlanVersionTwo(), "/plans/49.txt", "v2").kind,
            ImportOutcome::kReplaced);
}

TEST(StoreImportTest, LoadDocumentRebuildsTheExtraction) {
  const std::string path = FreshPath("load");
  Store store = OpenOrDie(path);
  Extraction e = PlanVersionOne();
  e.sections.push_back(e.sections[0]);
  e.sections[1].id = 1;
  e.sections[1].parent = 0;
  e.sections[1].label = "1";
  e.sections[1].heading = "Phân công";
  e.tasks[1].section = 1;
  e.tasks[2].section = -1;
  e.tasks[0].deadline->recurrence = "quarterly";
  e.tasks[0].schedule.push_back({"hằng năm", "", "", "annual"});
  AddTarget(e, "Thu nhập bình quân", 120, std::nullopt);
  AddParagraph(e, "Thực hiện Nghị quyết số 02-NQ/TW của Bộ Chính trị.", -1, 5);
  AddParagraph(e, "Nâng cao nhận thức của cán bộ, đảng viên.", 1, 7, 8);
  const ImportOutcome out = ImportOrDie(store, e, "/plans/49.txt");
  Result<StoredDocument> doc = store.LoadDocument(out.document_id);
  ASSERT_TRUE(doc.ok());
  const Extraction& x = doc->extraction;
  EXPECT_EQ(x.source, "/plans/49.txt");
  EXPECT_EQ(x.document.symbol, "49-KH/TU");
  EXPECT_EQ(x.document.place, "Đắk Lắk");
  EXPECT_EQ(doc->summary.key, "49|KH-TU|2021");
  EXPECT_EQ(doc->summary.byte_size, 2);
  ASSERT_EQ(x.sections.size(), 2u);
  EXPECT_EQ(x.sections[1].parent, 0);
  EXPECT_EQ(x.sections[0].parent, -1);
  EXPECT_EQ(x.sections[1].span.begin, 900u);
  ASSERT_EQ(x.citations.size(), 2u);
  EXPECT_EQ(x.citations[0].key, "2|NQ-TW|2021");
  EXPECT_EQ(x.citations[0].relation, "implements");
  EXPECT_EQ(x.citations[0].date, "2021-06-12");
  EXPECT_EQ(x.citations[1].date, "");
  ASSERT_EQ(x.tasks.size(), 3u);
  EXPECT_EQ(x.tasks[1].section, 1);
  EXPECT_EQ(x.tasks[2].section, -1);
  ASSERT_TRUE(x.tasks[0].deadline.has_value());
  EXPECT_EQ(x.tasks[0].deadline->text, "Quý I/2022");
  EXPECT_EQ(x.tasks[0].deadline->end, "2022-03-31");
  EXPECT_EQ(x.tasks[0].deadline->recurrence, "quarterly");
  ASSERT_EQ(x.tasks[0].schedule.size(), 2u);
  EXPECT_EQ(x.tasks[0].schedule[0].text, "Quý I/2022");
  EXPECT_EQ(x.tasks[0].schedule[0].recurrence, "");
  EXPECT_EQ(x.tasks[0].schedule[1].text, "hằng năm");
  EXPECT_EQ(x.tasks[0].schedule[1].recurrence, "annual");
  EXPECT_EQ(x.tasks[0].schedule[1].start, "");
  EXPECT_FALSE(x.tasks[1].deadline.has_value());
  EXPECT_TRUE(x.tasks[1].schedule.empty());
  ASSERT_EQ(x.tasks[0].assignees.size(), 1u);
  EXPECT_EQ(x.tasks[0].assignees[0].agency, "Ban Tuyên giáo Tỉnh ủy");
  EXPECT_EQ(x.tasks[0].assignees[0].role, "lead");
  EXPECT_TRUE(x.tasks[2].assignees.empty());
  ASSERT_EQ(x.targets.size(), 2u);
  EXPECT_EQ(x.targets[0].year, 2025);
  EXPECT_EQ(x.targets[1].year, std::nullopt);
  EXPECT_DOUBLE_EQ(x.targets[1].value, 120);
  ASSERT_EQ(x.paragraphs.size(), 2u);
  EXPECT_EQ(x.paragraphs[0].section, -1);
  EXPECT_EQ(x.paragraphs[0].text, "Thực hiện Nghị quyết số 02-NQ/TW của Bộ Chính trị.");
  EXPECT_EQ(x.paragraphs[0].span.line, 5);
  EXPECT_EQ(x.paragraphs[0].last_line, 5);
  EXPECT_EQ(x.paragraphs[1].section, 1);
  EXPECT_EQ(x.paragraphs[1].span.begin, 700u);
  EXPECT_EQ(x.paragraphs[1].span.end, e.paragraphs[1].span.end);
  EXPECT_EQ(x.paragraphs[1].last_line, 8);
  EXPECT_EQ(store.LoadDocument(999).status().kind(), Status::Kind::kNotFound);
}

TEST(StoreImportTest, AgencySpellingsMeetAtOneFoldKey) {
  const std::string path = FreshPath("agencies");
  Store store = OpenOrDie(path);
  Extraction e = Plan("Kế hoạch", "5-KH/UBND", "2022-01-01", "ỦY BAN NHÂN DÂN TỈNH");
  AddTask(e, "Tỉnh uỷ lãnh đạo.", -1, 10, "Tỉnh uỷ", "");
  AddTask(e, "Tỉnh ủy chỉ đạo.", -1, 11, "Tỉnh ủy", "");
  AddTask(e, "TU kiểm tra.", -1, 12, "TU", "");
  e.tasks[2].assignees[0].canonical = "Tỉnh ủy";  // the lexicon maps "TU" to Tỉnh ủy
  ImportOrDie(store, e, "/plans/5.txt");
  EXPECT_EQ(CountRows(path, "agencies"), 1);
  EXPECT_EQ(CountRows(path, "agency_aliases"), 3);
  EXPECT_EQ(CountRows(path, "assignments"), 3);
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT name || '|' || fold_key FROM agencies").getString(),
            "Tỉnh uỷ|tinh uy");
}

// ---------------------------------------------------------------------------------------------
// Nodes and citations.

Extraction Resolution() {
  Extraction e = Plan("Nghị quyết", "02-NQ/TW", "2021-06-12", "BỘ CHÍNH TRỊ");
  AddSection(e, "I", "TÌNH HÌNH", 6);
  return e;
}

Extraction PlanCiting(const std::string& symbol, const std::string& key,
                      const std::string& cited_symbol, const std::string& date = "2021-11-16") {
  Extraction e = Plan("Kế hoạch", symbol, date, "TỈNH ỦY ĐẮK LẮK");
  AddCitation(e, key, cited_symbol, "implements", 5, "2021-06-12");
  return e;
}

TEST(StoreNodeTest, NodeJoinsItsDocumentWhenTheDocumentComesAfter) {
  Store store = OpenOrDie(FreshPath("join_after"));
  ImportOrDie(store, PlanCiting("49-KH/TU", "2|NQ-TW|2021", "02-NQ/TW"), "/plans/b.txt");
  EXPECT_EQ(NodeByKey(store, "2|NQ-TW|2021").document_id, 0);
  const ImportOutcome a = ImportOrDie(store, Resolution(), "/plans/a.txt");
  EXPECT_EQ(NodeByKey(store, "2|NQ-TW|2021").document_id, a.document_id);
  ASSERT_TRUE(store.Remove(a.document_id).ok());
  EXPECT_EQ(NodeByKey(store, "2|NQ-TW|2021").document_id, 0);
}

TEST(StoreNodeTest, NodeJoinsItsDocumentWhenTheDocumentCameFirst) {
  Store store = OpenOrDie(FreshPath("join_before"));
  const ImportOutcome a = ImportOrDie(store, Resolution(), "/plans/a.txt");
  ImportOrDie(store, PlanCiting("49-KH/TU", "2|NQ-TW|2021", "02/NQ-TW"), "/plans/b.txt");
  const NodeInfo n = NodeByKey(store, "2|NQ-TW|2021");
  EXPECT_EQ(n.document_id, a.document_id);
  EXPECT_EQ(n.symbol, "02/NQ-TW");  // as first seen in a citation
  EXPECT_EQ(n.citing_plans, 1);
}

TEST(StoreNodeTest, LaterCitationsFillInWhatTheNodeLacked) {
  Store store = OpenOrDie(FreshPath("fill"));
  Extraction b = PlanCiting("49-KH/TU", "2|NQ-TW|2021", "02-NQ/TW");
  b.citations[0].date = "";
  b.citations[0].issuer = "";
  ImportOrDie(store, b, "/plans/b.txt");
  EXPECT_EQ(NodeByKey(store, "2|NQ-TW|2021").date, "");
  Extraction c = PlanCiting("50-KH/TU", "2|NQ-TW|2021", "2-NQ/TW");
  c.citations[0].issuer = "Bộ Chính trị khóa XIII";
  ImportOrDie(store, c, "/plans/c.txt");
  const NodeInfo n = NodeByKey(store, "2|NQ-TW|2021");
  EXPECT_EQ(n.date, "2021-06-12");
  EXPECT_EQ(n.issuer, "Bộ Chính trị khóa XIII");
  EXPECT_EQ(n.symbol, "02-NQ/TW");
  EXPECT_EQ(n.citing_plans, 2);
}

TEST(StoreNodeTest, UnknownYearAttachesToTheOnlyDatedNodeOfItsStem) {
  const std::string path = FreshPath("unknown_year");
  Store store = OpenOrDie(path);
  ImportOrDie(store, PlanCiting("1-KH/SCT", "5|CV-SCT|2020", "05/CV-SCT"), "/plans/1.txt");
  ImportOrDie(store, PlanCiting("2-KH/SCT", "5|CV-SCT|?", "5/CV-SCT"), "/plans/2.txt");
  EXPECT_EQ(NodeByKey(store, "5|CV-SCT|2020").citing_plans, 2);
  EXPECT_EQ(CountRows(path, "nodes"), 1);
  // A second dated node makes the stem ambiguous: the "?" node is kept.
  ImportOrDie(store, PlanCiting("3-KH/SCT", "5|CV-SCT|2022", "05/CV-SCT"), "/plans/3.txt");
  ImportOrDie(store, PlanCiting("4-KH/SCT", "5|CV-SCT|?", "5/CV-SCT"), "/plans/4.txt");
  EXPECT_EQ(NodeByKey(store, "5|CV-SCT|?").citing_plans, 1);
  EXPECT_EQ(CountRows(path, "nodes"), 3);
}

TEST(StoreNodeTest, UnknownYearMeetsADatedMentionInTheSamePlan) {
  const std::string path = FreshPath("unknown_same_plan");
  Store store = OpenOrDie(path);
  Extraction e = PlanCiting("1-KH/SCT", "5|CV-SCT|?", "5/CV-SCT");
  AddCitation(e, "5|CV-SCT|2020", "05/CV-SCT", "mentions", 9, "2020-03-01");
  ImportOrDie(store, e, "/plans/1.txt");
  EXPECT_EQ(CountRows(path, "nodes"), 1);
  Result<StoredDocument> doc = store.LoadDocument(1);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->extraction.citations[0].key, "5|CV-SCT|2020");
}

TEST(StoreCitesTest, VariantSpellingsFindTheSameNodeAndItsPlans) {
  Store store = OpenOrDie(FreshPath("cites"));
  Extraction b = PlanCiting("49-KH/TU", "2|NQ-TW|2021", "02-NQ/TW");
  AddCitation(b, "2|NQ-TW|2021", "02-NQ/TW", "mentions", 40);
  const ImportOutcome pb = ImportOrDie(store, b, "/plans/b.txt");
  Extraction c = Plan("Chương trình hành động", "88-CTr/TU", "2021-09-01", "TỈNH ỦY KON TUM");
  AddCitation(c, "2|NQ-TW|2021", "2-NQ/TW", "based_on", 7, "2021-06-12");
  const ImportOutcome pc = ImportOrDie(store, c, "/plans/c.txt");
  ImportOrDie(store, PlanCiting("7-KH/UBND", "2|NQ-HDND|2021", "02/NQ-HĐND"), "/plans/d.txt");

  for (const char* typed :
       {"02-NQ/TW", "Nghị quyết 02-NQ/TW", "nq 02/tw 2021", "2-NQ/TW", "02/nq-tw"}) {
    std::vector<NodeInfo> nodes = Cites(store, typed);
    ASSERT_EQ(nodes.size(), 1u) << typed;
    EXPECT_EQ(nodes[0].key, "2|NQ-TW|2021") << typed;
    EXPECT_EQ(nodes[0].citing_plans, 2) << typed;
  }
  // No letter groups typed: number and type decide, so the HĐND resolution matches too.
  std::vector<NodeInfo> by_type = Cites(store, "Nghị quyết 02");
  ASSERT_EQ(by_type.size(), 2u);
  EXPECT_EQ(by_type[0].key, "2|NQ-TW|2021");  // most cited first
  EXPECT_EQ(by_type[1].key, "2|NQ-HDND|2021");
  EXPECT_TRUE(Cites(store, "Quyết định 02").empty());
  EXPECT_TRUE(Cites(store, "02-NQ/TW 2020").empty());

  Result<std::vector<CitingPlan>> plans = store.CitingPlans(by_type[0].node_id);
  ASSERT_TRUE(plans.ok());
  ASSERT_EQ(plans->size(), 2u);
  EXPECT_EQ((*plans)[0].document_id, pc.document_id);  // 2021-09-01 before 2021-11-16
  EXPECT_EQ((*plans)[0].relations, std::vector<std::string>{"based_on"});
  EXPECT_EQ((*plans)[0].first_line, 7);
  EXPECT_EQ((*plans)[1].document_id, pb.document_id);
  EXPECT_EQ((*plans)[1].relations, (std::vector<std::string>{"implements", "mentions"}));
  EXPECT_EQ((*plans)[1].first_line, 5);
  EXPECT_EQ((*plans)[1].mentions, 2);
  EXPECT_EQ((*plans)[1].symbol, "49-KH/TU");
  EXPECT_EQ(store.CitingPlans(12345).status().kind(), Status::Kind::kNotFound);
}

TEST(StoreCitesTest, SameNumberInTwoYearsGivesTwoCandidates) {
  Store store = OpenOrDie(FreshPath("ambiguous"));
  ImportOrDie(store, PlanCiting("1-KH/TU", "2|NQ-TW|2021", "02-NQ/TW"), "/plans/1.txt");
  ImportOrDie(store, PlanCiting("2-KH/TU", "2|NQ-TW|2022", "02-NQ/TW"), "/plans/2.txt");
  ImportOrDie(store, PlanCiting("3-KH/TU", "2|NQ-TW|2022", "02-NQ/TW"), "/plans/3.txt");
  std::vector<NodeInfo> nodes = Cites(store, "02-NQ/TW");
  ASSERT_EQ(nodes.size(), 2u);
  EXPECT_EQ(nodes[0].key, "2|NQ-TW|2022");
  EXPECT_EQ(nodes[0].citing_plans, 2);
  EXPECT_EQ(nodes[1].key, "2|NQ-TW|2021");
  EXPECT_EQ(nodes[1].citing_plans, 1);
  nodes = Cites(store, "nq 02/tw 2021");
  ASSERT_EQ(nodes.size(), 1u);
  EXPECT_EQ(nodes[0].key, "2|NQ-TW|2021");
}

// N (not imported) ← A ← B ← C, and A also cites C: a cycle A → C → B → A.
TEST(StoreTreeTest, TransitiveTreeStopsAtCycles) {
  Store store = OpenOrDie(FreshPath("tree"));
  Extraction a = PlanCiting("10-KH/TU", "1|NQ-TW|2020", "01-NQ/TW", "2020-05-01");
  AddCitation(a, "30|KH-SGD|2021", "30/KH-SGD", "mentions", 20);
  const int64_t ida = ImportOrDie(store, a, "/plans/a.txt").document_id;
  const int64_t idb =
      ImportOrDie(store, PlanCiting("20/KH-UBND", "10|KH-TU|2020", "10-KH/TU", "2021-02-01"),
                  "/plans/b.txt")
          .document_id;
  const int64_t idc =
      ImportOrDie(store, PlanCiting("30/KH-SGD", "20|KH-UBND|2021", "20/KH-UBND", "2021-03-01"),
                  "/plans/c.txt")
          .document_id;
  const NodeInfo root = NodeByKey(store, "1|NQ-TW|2020");
  Result<std::vector<TreeEntry>> tree = store.ImplementationTree(root.node_id, 10);
  ASSERT_TRUE(tree.ok()) << tree.status().message();
  ASSERT_EQ(tree->size(), 4u);
  const int64_t expected_docs[] = {ida, idb, idc, ida};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ((*tree)[i].depth, i + 1);
    EXPECT_EQ((*tree)[i].plan.document_id, expected_docs[i]);
    EXPECT_EQ((*tree)[i].cycle, i == 3);
  }
  EXPECT_EQ((*tree)[0].plan.relations, std::vector<std::string>{"implements"});
  EXPECT_EQ((*tree)[3].plan.relations, std::vector<std::string>{"mentions"});
  EXPECT_EQ((*tree)[1].node_id, NodeByKey(store, "10|KH-TU|2020").node_id);

  Result<std::vector<TreeEntry>> shallow = store.ImplementationTree(root.node_id, 2);
  ASSERT_TRUE(shallow.ok());
  EXPECT_EQ(shallow->size(), 2u);

  // From A's own node the cycle closes at A: B, C, then A again marked as a cycle.
  Result<std::vector<TreeEntry>> from_a =
      store.ImplementationTree(NodeByKey(store, "10|KH-TU|2020").node_id, 10);
  ASSERT_TRUE(from_a.ok());
  ASSERT_EQ(from_a->size(), 3u);
  EXPECT_EQ((*from_a)[2].plan.document_id, ida);
  EXPECT_TRUE((*from_a)[2].cycle);
}

// ---------------------------------------------------------------------------------------------
// Audit.

// A union's own plan (no body named anywhere, or only the issuer itself) with a plan-wide limit:
// its tasks without a body belong to the issuer and its tasks without a limit are covered.
TEST(StoreAuditTest, IssuersOwnPlanAndPlanWideLimitAreNoGaps) {
  Store store = OpenOrDie(FreshPath("audit-own"));
  Extraction own = Plan("Kế hoạch", "12/KH-LĐLĐ", "2024-03-01", "LIÊN ĐOÀN LAO ĐỘNG TỈNH GIA LAI");
  const int duties = AddSection(own, "II", "Nhiệm vụ", 20);
  AddTask(own, "Tổ chức Tháng Công nhân.", duties, 21, "", "");
  AddTask(own, "Tuyên truyền Bộ luật Lao động.", duties, 22, "Liên đoàn Lao động tỉnh Gia Lai",
          "Quý I/2022");
  own.tasks.back().assignees.push_back({"Sở Lao động", "support", "Sở Lao động"});  // a partner
  AddTask(own, "Thăm hỏi đoàn viên khó khăn.", duties, 23, "", "");
  own.plan_limit = Deadline{"năm 2024", "2024-01-01", "2024-12-31", ""};
  const int64_t own_id = ImportOrDie(store, own, "/plans/12.txt").document_id;

  Extraction shared = Plan("Kế hoạch", "30/KH-UBND", "2024-03-05", "ỦY BAN NHÂN DÂN TỈNH GIA LAI");
  const int org = AddSection(shared, "III", "Tổ chức thực hiện", 40);
  AddTask(shared, "Sở Y tế chủ trì kiểm tra.", org, 41, "Sở Y tế", "");
  AddTask(shared, "Rà soát số liệu.", org, 42, "", "");
  ImportOrDie(store, shared, "/plans/30.txt");

  Result<AuditReport> report = store.Audit({});
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_EQ(report->documents.size(), 2u);
  const DocumentAudit& a = report->documents[0];
  EXPECT_EQ(a.document.id, own_id);
  EXPECT_TRUE(a.issuer_does_the_work);
  EXPECT_EQ(a.counts.tasks_without_assignee, 0);
  EXPECT_EQ(a.counts.tasks_assigned_to_issuer, 2);
  ASSERT_EQ(a.tasks_assigned_to_issuer.size(), 2u);
  EXPECT_EQ(a.tasks_assigned_to_issuer[1].line, 23);
  ASSERT_TRUE(a.plan_limit.has_value());
  EXPECT_EQ(a.plan_limit->text, "năm 2024");
  EXPECT_EQ(a.plan_limit->end, "2024-12-31");
  EXPECT_EQ(a.counts.tasks_without_deadline, 0);
  EXPECT_EQ(a.counts.tasks_under_plan_limit, 2);
  EXPECT_EQ(a.tasks_under_plan_limit.size(), 2u);

  const DocumentAudit& b = report->documents[1];
  EXPECT_FALSE(b.issuer_does_the_work);  // it gives work to Sở Y tế: "Rà soát" is really unassigned
  EXPECT_EQ(b.counts.tasks_without_assignee, 1);
  EXPECT_EQ(b.counts.tasks_assigned_to_issuer, 0);
  ASSERT_EQ(b.tasks_without_assignee.size(), 1u);
  EXPECT_EQ(b.tasks_without_assignee[0].line, 42);
  EXPECT_FALSE(b.plan_limit.has_value());
  EXPECT_EQ(b.counts.tasks_without_deadline, 2);
  EXPECT_EQ(b.counts.tasks_under_plan_limit, 0);

  EXPECT_EQ(report->total.tasks_assigned_to_issuer, 2);
  EXPECT_EQ(report->total.tasks_without_assignee, 1);
  EXPECT_EQ(report->total.tasks_under_plan_limit, 2);
  EXPECT_EQ(report->total.tasks_without_deadline, 2);
  // The audit of all plans (one statement per kind of fact) equals the audit of each plan.
  for (const DocumentAudit& all : report->documents) {
    Result<AuditReport> one = store.Audit({std::to_string(all.document.id), ""});
    ASSERT_TRUE(one.ok()) << one.status().message();
    ASSERT_EQ(one->documents.size(), 1u);
    const DocumentAudit& d = one->documents[0];
    EXPECT_EQ(d.issuer_does_the_work, all.issuer_does_the_work);
    EXPECT_EQ(d.has_organisation_section, all.has_organisation_section);
    EXPECT_EQ(d.counts.tasks_assigned_to_issuer, all.counts.tasks_assigned_to_issuer);
    EXPECT_EQ(d.counts.tasks_under_plan_limit, all.counts.tasks_under_plan_limit);
    EXPECT_EQ(d.counts.tasks_without_assignee, all.counts.tasks_without_assignee);
    EXPECT_EQ(d.counts.tasks_without_deadline, all.counts.tasks_without_deadline);
    EXPECT_EQ(d.tasks_assigned_to_issuer.size(), all.tasks_assigned_to_issuer.size());
    EXPECT_EQ(d.tasks_under_plan_limit.size(), all.tasks_under_plan_limit.size());
    EXPECT_EQ(d.tasks_without_assignee.size(), all.tasks_without_assignee.size());
    EXPECT_EQ(d.tasks_without_deadline.size(), all.tasks_without_deadline.size());
    EXPECT_EQ(d.plan_limit.has_value(), all.plan_limit.has_value());
  }
  // The limit is kept with the document and read back with it.
  Result<StoredDocument> stored = store.LoadDocument(own_id);
  ASSERT_TRUE(stored.ok());
  ASSERT_TRUE(stored->extraction.plan_limit.has_value());
  EXPECT_EQ(stored->extraction.plan_limit->start, "2024-01-01");
}

TEST(StoreAuditTest, CountsGapsPerDocumentAndInTotal) {
  Store store = OpenOrDie(FreshPath("audit"));
  const int64_t resolution = ImportOrDie(store, Resolution(), "/plans/nq.txt").document_id;

  Extraction p = Plan("Kế hoạch", "49-KH/TU", "2021-11-16", "TỈNH UỶ ĐẮK LẮK");
  const int org = AddSection(p, "II", "Tổ chức thực hiện", 30);
  const int sub = AddSection(p, "1", "Phân công", 31, org);
  AddTask(p, "Ban Tuyên giáo chủ trì.", sub, 32, "Ban Tuyên giáo", "Quý I/2022");
  AddTask(p, std::string(60, 'x') + " Đảng ủy các cấp quán triệt đầy đủ nội dung Nghị quyết.", sub,
          33, "Đảng ủy", "");
  AddTask(p, "Tổng kết việc thực hiện.", sub, 34, "", "");
  AddTask(p, "Báo cáo định kỳ.", org, 35, "", "Tháng 12 hằng năm");
  AddTarget(p, "Tỷ lệ", 90, 2025);
  AddTarget(p, "Số xã", 10, std::nullopt);
  AddTarget(p, "Số hộ", 20, std::nullopt);
  AddCitation(p, "2|NQ-TW|2021", "02-NQ/TW", "implements", 5, "2021-06-12");
  AddCitation(p, "13|NQ-TW|2021", "13-NQ/TW", "mentions", 7);
  AddCitation(p, "13|NQ-TW|2021", "13-NQ/TW", "mentions", 8);
  const int64_t plan = ImportOrDie(store, p, "/plans/49.txt").document_id;

  Result<AuditReport> all = store.Audit({});
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all->documents.size(), 2u);
  const DocumentAudit& a = all->documents[1];
  EXPECT_EQ(a.document.id, plan);
  EXPECT_EQ(a.counts.tasks, 4);
  EXPECT_EQ(a.counts.tasks_without_deadline, 2);
  EXPECT_EQ(a.counts.tasks_without_assignee, 2);
  EXPECT_EQ(a.counts.targets, 3);
  EXPECT_EQ(a.counts.targets_without_year, 2);
  EXPECT_EQ(a.counts.citations, 3);
  EXPECT_EQ(a.counts.unresolved_citations, 2);  // 02-NQ/TW is imported, 13-NQ/TW is not
  EXPECT_EQ(a.unresolved_keys, std::vector<std::string>{"13|NQ-TW|2021"});
  EXPECT_EQ(a.unresolved_names, std::vector<std::string>{"Nghị quyết 13-NQ/TW (2021)"});
  EXPECT_FALSE(a.issuer_does_the_work);  // Ban Tuyên giáo and Đảng ủy are named
  EXPECT_TRUE(a.tasks_assigned_to_issuer.empty());
  EXPECT_FALSE(a.plan_limit.has_value());
  EXPECT_EQ(a.counts.tasks_under_plan_limit, 0);
  EXPECT_TRUE(a.has_organisation_section);
  EXPECT_FALSE(all->documents[0].has_organisation_section);
  EXPECT_EQ(all->documents[0].document.id, resolution);
  EXPECT_EQ(all->documents_without_organisation_section, 1);
  EXPECT_EQ(all->total.tasks, 4);
  EXPECT_EQ(all->total.targets_without_year, 2);
  EXPECT_EQ(all->total.unresolved_citations, 2);

  ASSERT_EQ(a.tasks_without_deadline.size(), 2u);
  const AuditTask& long_task = a.tasks_without_deadline[0];
  EXPECT_EQ(long_task.local_id, 1);
  EXPECT_EQ(long_task.line, 33);
  EXPECT_EQ(long_task.section_label, "1");
  EXPECT_EQ(long_task.section_path, "II > 1");
  EXPECT_EQ(long_task.text, std::string(60, 'x') + " Đảng ủy các cấp quán triệt đầy đủ nội d");
  ASSERT_EQ(a.tasks_without_assignee.size(), 2u);
  EXPECT_EQ(a.tasks_without_assignee[1].local_id, 3);
  EXPECT_EQ(a.tasks_without_assignee[1].section_path, "II");

  Result<AuditReport> by_symbol = store.Audit({"49/KH-TU", ""});
  ASSERT_TRUE(by_symbol.ok());
  ASSERT_EQ(by_symbol->documents.size(), 1u);
  EXPECT_EQ(by_symbol->documents[0].document.id, plan);

  Result<AuditReport> by_issuer = store.Audit({"", "tinh uy dak lak"});
  ASSERT_TRUE(by_issuer.ok());
  ASSERT_EQ(by_issuer->documents.size(), 1u);
  EXPECT_EQ(by_issuer->documents[0].document.id, plan);
  EXPECT_EQ(store.Audit({"", "Tỉnh ủy Đắk Lắk"})->documents.size(), 1u);
  EXPECT_EQ(store.Audit({"", "Kon Tum"})->documents.size(), 0u);
  EXPECT_EQ(store.Audit({"99-KH/TU", ""}).status().kind(), Status::Kind::kNotFound);
}

TEST(StoreDocumentTest, AnAmbiguousReferenceListsAtMostTwentyCandidates) {
  const std::string path = FreshPath("many_candidates");
  Store store = OpenOrDie(path);
  for (int i = 0; i < 23; ++i) {  // one plan number reused by 23 communes of a district
    ImportOrDie(store,
                Plan("Kế hoạch", "12/KH-UBND", "2023-03-" + std::to_string(10 + i),
                     "ỦY BAN NHÂN DÂN XÃ " + std::to_string(i + 1)),
                "/plans/xa" + std::to_string(i + 1) + ".txt");
  }
  Result<DocumentSummary> ambiguous = store.DocumentByRef("12/KH-UBND");
  ASSERT_FALSE(ambiguous.ok());
  const std::string& m = ambiguous.status().message();
  EXPECT_EQ(m.rfind(path + ": '12/KH-UBND' matches 23 documents:\n  #", 0), 0u) << m;
  EXPECT_EQ(std::count(m.begin(), m.end(), '\n'), 21) << m;
  EXPECT_NE(m.find("  2023-03-10  ỦY BAN NHÂN DÂN XÃ 1  /plans/xa1.txt\n"), std::string::npos) << m;
  EXPECT_TRUE(m.ends_with("\n  … and 3 more")) << m;
}

TEST(StoreDocumentTest, FindsDocumentsByIdPathAndSymbol) {
  const std::string path = FreshPath("by_ref");
  Store store = OpenOrDie(path);
  const int64_t a = ImportOrDie(store, Resolution(), "/plans/nq.txt").document_id;
  ImportOrDie(store, PlanCiting("49-KH/TU", "2|NQ-TW|2021", "02-NQ/TW"), "/plans/49.txt");
  ImportOrDie(store, PlanCiting("49/KH-TU", "2|NQ-TW|2021", "02-NQ/TW", "2022-01-01"),
              "/plans/49b.txt");
  EXPECT_EQ(store.DocumentByRef(std::to_string(a))->path, "/plans/nq.txt");
  EXPECT_EQ(store.DocumentByRef("/plans/49b.txt")->symbol, "49/KH-TU");
  EXPECT_EQ(store.DocumentByRef("02-NQ/TW")->id, a);
  EXPECT_EQ(store.DocumentByRef(" 02/NQ-TW ")->id, a);
  EXPECT_EQ(store.DocumentByRef("49-KH/TU")->path, "/plans/49.txt");  // exact symbol first
  Result<DocumentSummary> ambiguous = store.DocumentByRef("49/TU-KH");
  ASSERT_FALSE(ambiguous.ok());
  EXPECT_EQ(ambiguous.status().kind(), Status::Kind::kInvalidInput);
  EXPECT_EQ(ambiguous.status().message(),
            path + ": '49/TU-KH' matches 2 documents:\n"
                   "  #2  2021-11-16  TỈNH ỦY ĐẮK LẮK  /plans/49.txt\n"
                   "  #3  2022-01-01  TỈNH ỦY ĐẮK LẮK  /plans/49b.txt");
  EXPECT_EQ(store.DocumentByRef("77-KH/TU").status().kind(), Status::Kind::kNotFound);
  EXPECT_EQ(store.DocumentByRef("'; DROP TABLE documents; --").status().kind(),
            Status::Kind::kNotFound);
  EXPECT_EQ(store.Documents()->size(), 3u);
}

// ---------------------------------------------------------------------------------------------
// Search.

Store SearchFixture(const std::string& name) {
  Store store = OpenOrDie(FreshPath(name));
  Extraction e = Plan("Kế hoạch", "12-KH/UBND", "2022-03-01", "ỦY BAN NHÂN DÂN TỈNH HOÀ BÌNH");
  const int s1 = AddSection(e, "II", "NHIỆM VỤ CỦA ỦY BAN NHÂN DÂN CÁC HUYỆN", 20);
  const int s2 = AddSection(e, "1", "Phát triển du lịch Hoà Bình", 21, s1);
  AddTask(e,
          "Các cấp ủy Đảng, chính quyền lãnh đạo, chỉ đạo triển khai có hiệu quả các nhiệm vụ "
          "phát triển kinh tế xã hội của địa phương gắn với bảo đảm quốc phòng an ninh và xây "
          "dựng hệ thống chính trị vững mạnh.",
          s2, 22, "Các cấp ủy Đảng", "");
  AddTask(e, "Sở Văn hoá quảng bá sản phẩm du lịch 100% số huyện.", s2, 23, "Sở Văn hoá", "");
  // A numbered item that is also a task: heading and task text on one line.
  const int s3 = AddSection(e, "2", "Sở Tài chính bố trí kinh phí.", 24, s1);
  AddTask(e, "Sở Tài chính bố trí kinh phí.", s3, 24, "Sở Tài chính", "");
  ImportOrDie(store, e, "/plans/hoabinh.txt");
  return store;
}

TEST(StoreSearchTest, IgnoresDiacriticsDBarAndTonePlacement) {
  Store store = SearchFixture("search");
  std::vector<SearchHit> hits = SearchOrDie(store, "uy ban");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].kind, "heading");
  EXPECT_EQ(hits[0].snippet, "NHIỆM VỤ CỦA ỦY BAN NHÂN DÂN CÁC HUYỆN");
  EXPECT_EQ(hits[0].section_path, "II");
  EXPECT_EQ(hits[0].line, 20);
  EXPECT_EQ(hits[0].path, "/plans/hoabinh.txt");
  EXPECT_EQ(hits[0].symbol, "12-KH/UBND");
  EXPECT_GT(hits[0].score, 0);

  for (const char* typed : {"hoa binh", "Hòa Bình", "HOÀ BÌNH"}) {
    hits = SearchOrDie(store, typed);
    ASSERT_EQ(hits.size(), 1u) << typed;
    EXPECT_EQ(hits[0].snippet, "Phát triển du lịch Hoà Bình") << typed;
    EXPECT_EQ(hits[0].section_path, "II > 1") << typed;
  }
  hits = SearchOrDie(store, "dang");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].kind, "task");
  EXPECT_EQ(hits[0].line, 22);
  EXPECT_EQ(SearchOrDie(store, "van hoa").size(), 1u);  // "Văn hoá" in old tone placement
  EXPECT_EQ(SearchOrDie(store, "du lich").size(), 2u);
  EXPECT_EQ(SearchOrDie(store, "du lich", 1).size(), 1u);
  EXPECT_EQ(SearchOrDie(store, "100%").size(), 1u);
  hits = SearchOrDie(store, "kinh phi");
  ASSERT_EQ(hits.size(), 1u);  // one hit per line, not one per indexed row
  EXPECT_EQ(hits[0].section_path, "II > 2");
  EXPECT_TRUE(SearchOrDie(store, "khong co").empty());
}

// Lines indexed three times (a heading that is also a task and a paragraph) fill the ranked page
// with duplicates: the page grows until it holds `limit` distinct lines, or every line.
TEST(StoreSearchTest, LinesIndexedManyTimesStillFillTheLimit) {
  Store store = OpenOrDie(FreshPath("search_dups"));
  Extraction e = Plan("Kế hoạch", "88/KH-UBND", "2024-05-20", "UBND TỈNH NINH THUẬN");
  for (int i = 0; i < 12; ++i) {
    const std::string text =
        "Kiểm tra an toàn thực phẩm tại chợ " + std::to_string(i + 1) + " trong quý " +
        std::to_string(i % 4 + 1);
    const int line = 10 + i * 3;
    const int section = AddSection(e, std::to_string(i + 1), text, line);
    AddTask(e, text, section, line, "", "");
    AddParagraph(e, text, section, line);
  }
  ImportOrDie(store, e, "/plans/ninhthuan.txt");
  for (const auto& [limit, expected] : {std::pair{10, 10u}, std::pair{1, 1u}, std::pair{50, 12u}}) {
    const std::vector<SearchHit> hits = SearchOrDie(store, "an toan thuc pham", limit);
    EXPECT_EQ(hits.size(), expected) << limit;
    std::set<int> lines;
    for (const SearchHit& h : hits) lines.insert(h.line);
    EXPECT_EQ(lines.size(), hits.size()) << limit;
  }
  EXPECT_TRUE(SearchOrDie(store, "an toan giao thong").empty());
}

TEST(StoreSearchTest, SnippetIsAWindowOfOriginalWordsAroundTheMatch) {
  Store store = SearchFixture("snippet");
  std::vector<SearchHit> hits = SearchOrDie(store, "quoc phong");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].snippet,
            "… tế xã hội của địa phương gắn với bảo đảm quốc phòng an ninh và xây dựng hệ thống "
            "chính …");
  hits = SearchOrDie(store, "cac cap uy");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].snippet,
            "Các cấp ủy Đảng, chính quyền lãnh đạo, chỉ đạo triển khai có hiệu quả các nhiệm vụ "
            "phát triển …");
}

TEST(StoreSearchTest, OperatorsAndQuotesTypedByAUserArePlainText) {
  Store store = SearchFixture("hostile");
  for (const char* typed :
       {"\"", "AND OR", "'; DROP TABLE documents; --", "*", "NEAR(", "col:", "body: uy", "\"uy ban",
        "uy*", "(", "-", "^uy", "NOT", "", "   ", "%"}) {
    Result<std::vector<SearchHit>> hits = store.Search(typed, 10);
    EXPECT_TRUE(hits.ok()) << typed << ": " << hits.status().message();
  }
  EXPECT_EQ(store.Stats()->documents, 1);
  // The words are searched for, not obeyed.
  EXPECT_TRUE(SearchOrDie(store, "ủy AND ban").empty());
  EXPECT_EQ(SearchOrDie(store, "\"uy ban").size(), 1u);
  EXPECT_EQ(SearchOrDie(store, "uy*").size(), 2u);
  EXPECT_EQ(SearchOrDie(store, "NEAR(uy ban)").size(), 0u);
  EXPECT_EQ(SearchOrDie(store, "body: uy ban").size(), 0u);
}

// A plan whose purpose section has only ordinary paragraphs, no task and no matching heading.
Extraction PlanWithBodyText(const std::string& paragraph) {
  Extraction e = Plan("Kế hoạch", "7-KH/TU", "2022-05-01", "TỈNH ỦY ĐẮK LẮK");
  const int purpose = AddSection(e, "I", "MỤC ĐÍCH, YÊU CẦU", 10);
  const int org = AddSection(e, "II", "TỔ CHỨC THỰC HIỆN", 20);
  AddParagraph(e, "Thực hiện Kế hoạch số 49-KH/TU của Tỉnh ủy.", -1, 8);
  AddParagraph(e, paragraph, purpose, 11, 12);
  AddTask(e, "Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền.", org, 21, "Ban Tuyên giáo Tỉnh ủy", "");
  return e;
}

TEST(StoreSearchTest, FindsBodyTextThatIsNoTaskWithoutDiacritics) {
  Store store = OpenOrDie(FreshPath("paragraphs"));
  ImportOrDie(store,
              PlanWithBodyText("Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về vị trí, "
                               "vai trò của tổ chức công đoàn trong tình hình mới."),
              "/plans/7.txt");
  for (const char* typed : {"nhan thuc cong doan", "NHẬN THỨC công đoàn", "nhận thức cong đoan"}) {
    std::vector<SearchHit> hits = SearchOrDie(store, typed);
    ASSERT_EQ(hits.size(), 1u) << typed;
    EXPECT_EQ(hits[0].kind, "paragraph") << typed;
    EXPECT_EQ(hits[0].section_path, "I") << typed;
    EXPECT_EQ(hits[0].line, 11) << typed;
    EXPECT_EQ(hits[0].path, "/plans/7.txt") << typed;
    EXPECT_EQ(hits[0].symbol, "7-KH/TU") << typed;
    EXPECT_EQ(hits[0].snippet,
              "Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về vị trí, vai trò của tổ "
              "chức …")
        << typed;
    EXPECT_GT(hits[0].score, 0) << typed;
  }
  // Preamble text sits outside the section tree.
  std::vector<SearchHit> hits = SearchOrDie(store, "thuc hien ke hoach so 49");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].kind, "paragraph");
  EXPECT_EQ(hits[0].section_path, "");
  // Ranked with the other kinds: "to chuc" is in a heading and in the paragraph.
  hits = SearchOrDie(store, "to chuc");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].kind, "heading");  // the shorter text ranks first
  EXPECT_EQ(hits[1].kind, "paragraph");
  EXPECT_EQ(CountRows(store.path(), "search_index"), 2 + 2 + 1);
}

TEST(StoreSearchTest, ReplacingADocumentReplacesItsParagraphsAndTheirSearchRows) {
  const std::string path = FreshPath("paragraphs_replace");
  Store store = OpenOrDie(path);
  const ImportOutcome first =
      ImportOrDie(store, PlanWithBodyText("Quán triệt sâu rộng Nghị quyết."), "/plans/7.txt", "v1");
  ImportOrDie(store, PlanWithBodyText("Quán triệt sâu rộng Nghị quyết."), "/plans/8.txt", "v1");
  EXPECT_EQ(CountRows(path, "paragraphs"), 4);
  EXPECT_EQ(SearchOrDie(store, "quan triet").size(), 2u);

  Extraction changed = PlanWithBodyText("Phát huy vai trò đại diện của công đoàn.");
  changed.paragraphs.erase(changed.paragraphs.begin());  // the preamble is gone too
  const ImportOutcome second = ImportOrDie(store, changed, "/plans/7.txt", "v2");
  EXPECT_EQ(second.kind, ImportOutcome::kReplaced);
  EXPECT_EQ(second.document_id, first.document_id);
  EXPECT_EQ(CountRows(path, "paragraphs"), 2 + 1);
  EXPECT_EQ(store.Stats()->paragraphs, 3);
  std::vector<SearchHit> hits = SearchOrDie(store, "quan triet");
  ASSERT_EQ(hits.size(), 1u);  // only the untouched neighbour still has the old text
  EXPECT_EQ(hits[0].path, "/plans/8.txt");
  hits = SearchOrDie(store, "dai dien");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].document_id, first.document_id);
  EXPECT_EQ(SearchOrDie(store, "ke hoach so 49").size(), 1u);
  // One search row per indexed row: 2 headings, 1 task and the paragraphs of both documents.
  EXPECT_EQ(CountRows(path, "search_index"), 2 * (2 + 1) + 3);

  ASSERT_TRUE(store.Remove(first.document_id).ok());
  EXPECT_EQ(CountRows(path, "paragraphs"), 2);
  EXPECT_EQ(CountRows(path, "search_index"), 2 + 1 + 2);
}

// ---------------------------------------------------------------------------------------------
// Stats, graph, the real extractor, two connections.

TEST(StoreStatsTest, CountsAndTopCitedNodes) {
  Store store = OpenOrDie(FreshPath("stats"));
  ImportOrDie(store, PlanVersionOne(), "/plans/1.txt");
  ImportOrDie(store, PlanCiting("2-KH/TU", "2|NQ-TW|2021", "02-NQ/TW"), "/plans/2.txt");
  Result<StoreStats> s = store.Stats(1);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->documents, 2);
  EXPECT_EQ(s->citations, 3);
  EXPECT_EQ(s->nodes, 2);
  EXPECT_EQ(s->tasks, 3);
  EXPECT_EQ(s->assignments, 2);
  ASSERT_EQ(s->top_cited.size(), 1u);
  EXPECT_EQ(s->top_cited[0].key, "2|NQ-TW|2021");
  EXPECT_EQ(s->top_cited[0].citing_plans, 2);
  EXPECT_EQ(s->top_cited[0].type, "Nghị quyết");
  EXPECT_EQ(s->top_cited[0].issuer, "Bộ Chính trị");
}

TEST(StoreGraphTest, EdgesPointAtImportedDocumentsOrAtNodes) {
  Store store = OpenOrDie(FreshPath("graph"));
  const int64_t nq = ImportOrDie(store, Resolution(), "/plans/nq.txt").document_id;
  const int64_t plan = ImportOrDie(store, PlanVersionOne(), "/plans/49.txt").document_id;
  Result<GraphData> g = store.CitationGraph();
  ASSERT_TRUE(g.ok());
  ASSERT_EQ(g->vertices.size(), 3u);  // two documents and 13-NQ/TW
  EXPECT_EQ(g->vertices[0].id, "d" + std::to_string(nq));
  EXPECT_EQ(g->vertices[0].key, "2|NQ-TW|2021");
  EXPECT_NE(g->vertices[0].node_id, 0);
  EXPECT_EQ(g->vertices[1].node_id, 0);  // nobody cites the plan
  EXPECT_EQ(g->vertices[2].id.substr(0, 1), "n");
  EXPECT_EQ(g->vertices[2].key, "13|NQ-TW|2021");
  ASSERT_EQ(g->edges.size(), 2u);
  EXPECT_EQ(g->edges[0].from, "d" + std::to_string(plan));
  EXPECT_EQ(g->edges[0].to, "d" + std::to_string(nq));
  EXPECT_EQ(g->edges[0].relation, "implements");
  EXPECT_EQ(g->edges[0].count, 1);
  EXPECT_EQ(g->edges[1].to, g->vertices[2].id);
}

TEST(StoreExtractorTest, RealExtractionsJoinAndAudit) {
  const std::string path = FreshPath("extractor");
  Store store = OpenOrDie(path);
  const Extraction plan = Extract(kDaklakPlan);
  ASSERT_EQ(plan.citations.size(), 1u);
  ASSERT_EQ(plan.citations[0].key, "2|NQ-TW|2021");
  const int64_t plan_id =
      ImportOrDie(store, plan, "/corpus/daklak.txt", Store::ContentHash(kDaklakPlan)).document_id;
  const int64_t nq_id =
      ImportOrDie(store, Extract(kResolution), "/corpus/nq.txt", Store::ContentHash(kResolution))
          .document_id;
  std::vector<NodeInfo> nodes = Cites(store, "Nghị quyết 02");
  ASSERT_EQ(nodes.size(), 1u);
  EXPECT_EQ(nodes[0].document_id, nq_id);
  Result<std::vector<CitingPlan>> plans = store.CitingPlans(nodes[0].node_id);
  ASSERT_TRUE(plans.ok());
  ASSERT_EQ(plans->size(), 1u);
  EXPECT_EQ((*plans)[0].document_id, plan_id);
  EXPECT_EQ((*plans)[0].first_line, 5);

  Result<AuditReport> audit = store.Audit({"49-KH/TU", ""});
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->documents.size(), 1u);
  EXPECT_TRUE(audit->documents[0].has_organisation_section);
  EXPECT_EQ(audit->documents[0].counts.unresolved_citations, 0);
  EXPECT_EQ(audit->documents[0].counts.tasks, static_cast<int>(plan.tasks.size()));

  std::vector<SearchHit> hits = SearchOrDie(store, "to chuc thuc hien");
  ASSERT_EQ(hits.size(), 2u);  // both documents have the heading
  EXPECT_EQ(hits[0].snippet, "TỔ CHỨC THỰC HIỆN");
  EXPECT_EQ(hits[0].section_path, "II");

  // The bullet under "1. Mục đích" is body text; the task line is not repeated as a paragraph.
  ASSERT_EQ(plan.paragraphs.size(), 1u);
  EXPECT_EQ(plan.paragraphs[0].text, "Nâng cao chất lượng.");
  EXPECT_EQ(plan.paragraphs[0].section, 1);
  EXPECT_EQ(plan.paragraphs[0].span.line, 8);
  hits = SearchOrDie(store, "nang cao chat luong");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].kind, "paragraph");
  EXPECT_EQ(hits[0].section_path, "I > 1");
  EXPECT_EQ(hits[0].line, 8);
  hits = SearchOrDie(store, "ban tuyen giao");
  ASSERT_EQ(hits.size(), 1u);  // heading and task on one line: one hit, no paragraph
  EXPECT_NE(hits[0].kind, "paragraph");
  EXPECT_EQ(store.LoadDocument(plan_id)->extraction.paragraphs.size(), 1u);
}

TEST(StoreConcurrencyTest, TwoConnectionsShareOneFile) {
  const std::string path = FreshPath("two_connections");
  Store first = OpenOrDie(path);
  Store second = OpenOrDie(path);
  ImportOrDie(first, PlanVersionOne(), "/plans/1.txt");
  ImportOrDie(second, PlanCiting("2-KH/TU", "2|NQ-TW|2021", "02-NQ/TW"), "/plans/2.txt");
  EXPECT_EQ(first.Stats()->documents, 2);
  EXPECT_EQ(NodeByKey(first, "2|NQ-TW|2021").citing_plans, 2);
}

}  // namespace
}  // namespace plangraph

namespace plangraph {
namespace {

// Schema 4 adds the issuer part of node keys: a v3 file keeps its nodes (no issuer part) and
// gains the column; nodes written afterwards carry it.
TEST(StoreMigrationTest, VersionThreeFileGainsIssuerScopeOnItsNodes) {
  const std::string path = FreshPath("v3");
  {
    Result<Store> old = Store::OpenForTesting(path, 3);
    ASSERT_TRUE(old.ok()) << old.status().message();
  }
  {
    // A node and its citation as a version-3 binary wrote them.
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec(
        "INSERT INTO documents(id, source_path, content_hash, byte_size, format, encoding, symbol) "
        "VALUES (1, '/plans/old.txt', 'abc', 10, 'text', 'UTF-8', '3-KH/UBND');"
        "INSERT INTO nodes(id, key, stem, number, year) VALUES (1, '2|NQ-TW|2021', '2|NQ-TW', "
        "'2', 2021);"
        "INSERT INTO citations(document_id, node_id, relation, line, byte_begin, byte_end, text) "
        "VALUES (1, 1, 'implements', 5, 0, 10, 'Nghị quyết số 02-NQ/TW');");
  }
  EXPECT_EQ(PragmaValue(path, "user_version"), 3);
  Store store = OpenOrDie(path);
  EXPECT_EQ(*store.SchemaVersion(), Store::kSchemaVersion);
  Extraction e = Plan("Kế hoạch", "9-KH/UBND", "2022-01-02", "UBND TỈNH GIA LAI");
  AddCitation(e, "10|KH-UBND|2022|tinh:gia lai", "10/KH-UBND", "based_on", 5);
  ImportOrDie(store, e, "/plans/new.txt");
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement st(db, "SELECT key, issuer_scope FROM nodes ORDER BY id");
  std::vector<std::pair<std::string, std::string>> rows;
  while (st.executeStep()) {
    rows.push_back({st.getColumn(0).getString(),
                    st.getColumn(1).isNull() ? "NULL" : st.getColumn(1).getString()});
  }
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"2|NQ-TW|2021", "NULL"}, {"10|KH-UBND|2022|tinh:gia lai", "tinh:gia lai"}};
  EXPECT_EQ(rows, expected);
}

std::string QueryPlan(const std::string& path, const std::string& sql) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement st(db, "EXPLAIN QUERY PLAN " + sql);
  std::string plan;
  while (st.executeStep()) plan += st.getColumn(3).getString() + "\n";
  return plan;
}

// Step 6 adds indexes only: the rows of a version-5 file stay, and the lookups by node, số and
// content hash stop scanning their tables.
TEST(StoreMigrationTest, VersionFiveFileGainsIndexesAndKeepsItsRows) {
  const std::string path = FreshPath("v5");
  {
    Result<Store> old = Store::OpenForTesting(path, 5);
    ASSERT_TRUE(old.ok()) << old.status().message();
    Extraction e = Plan("Kế hoạch", "27/KH-UBND", "2023-03-14", "UBND TỈNH QUẢNG NGÃI");
    AddCitation(e, "45|QD-TTg|2022", "45/QĐ-TTg", "implements", 6);
    ImportOrDie(*old, e, "/plans/qngai.txt");
  }
  const std::vector<std::pair<std::string, std::string>> lookups = {
      {"SELECT count(DISTINCT document_id) FROM citations WHERE node_id = 1",
       "citations_by_node_document"},
      {"SELECT id FROM documents WHERE symbol = '27/KH-UBND'", "documents_by_symbol"},
      {"SELECT id FROM documents WHERE content_hash = 'x'", "documents_by_content_hash"},
  };
  for (const auto& [sql, index] : lookups) {
    EXPECT_EQ(QueryPlan(path, sql).find(index), std::string::npos) << sql;
  }
  Store store = OpenOrDie(path);
  EXPECT_EQ(*store.SchemaVersion(), Store::kSchemaVersion);
  for (const auto& [sql, index] : lookups) {
    const std::string plan = QueryPlan(path, sql);
    EXPECT_NE(plan.find(index), std::string::npos) << sql << ": " << plan;
    EXPECT_EQ(plan.find("SCAN"), std::string::npos) << sql << ": " << plan;
  }
  EXPECT_EQ(CountRows(path, "citations"), 1);
  Result<DocumentSummary> doc = store.DocumentByRef("27/KH-UBND");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->path, "/plans/qngai.txt");
}

}  // namespace
}  // namespace plangraph
