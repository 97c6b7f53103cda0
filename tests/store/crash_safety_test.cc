// Crash safety and concurrent readers, end to end through the built binary.
//
// CrashSafetyTest kills `plangraph import` with SIGKILL at random moments and checks that the
// database it leaves opens, passes SQLite's own checks, holds only whole documents, and that a
// re-run finishes the job exactly as a clean import would. ConcurrentReaderTest runs `cites`,
// `search` and Store queries while an import (new files and replaced ones) runs in another
// process, and checks that every reader succeeds and only ever sees whole documents.
//
// Both work on a generated folder of small plans that cite each other and one resolution, so
// every document writes rows into every table. Kill delays are derived from a measured clean
// import, so the test scales to a slow (sanitizer) build instead of relying on constants.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "rules.h"
#include "plangraph/store.h"
#include "test_util.h"

extern char** environ;

namespace plangraph {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

// ---------------------------------------------------------------------------------------------
// The generated corpus. Plan i has số (100 + i)/KH-UBND, cites the resolution 02-NQ/TW and the
// plans i - 1 and i - 5 with their dates (dated citations only, so a node key never depends on
// what was imported before), and has targets and tasks with assignees and deadlines.

constexpr int kPlans = 48;
constexpr const char* kResolution = "02-NQ/TW";
constexpr const char* kResolutionKey = "2|NQ-TW|2021";

const char* const kProvinces[] = {"ĐẮK LẮK", "GIA LAI", "KON TUM", "ĐẮK NÔNG", "LÂM ĐỒNG"};
const char* const kPlaces[] = {"Đắk Lắk", "Gia Lai", "Kon Tum", "Đắk Nông", "Lâm Đồng"};
const char* const kAgencies[] = {"Sở Nội vụ",
                                 "Sở Tài chính",
                                 "Sở Lao động - Thương binh và Xã hội",
                                 "Sở Thông tin và Truyền thông",
                                 "Liên đoàn Lao động tỉnh",
                                 "Sở Kế hoạch và Đầu tư",
                                 "Công an tỉnh",
                                 "Sở Y tế"};
const char* const kActions[] = {
    "tham mưu kiện toàn tổ chức công đoàn cơ sở trong các doanh nghiệp",
    "hướng dẫn doanh nghiệp thực hiện chính sách đối với người lao động",
    "tuyên truyền về vai trò của tổ chức công đoàn trong tình hình mới",
    "bố trí kinh phí thực hiện Kế hoạch",
    "kiểm tra việc thực hiện pháp luật về lao động tại doanh nghiệp",
    "tổ chức đối thoại giữa người sử dụng lao động và người lao động",
    "xây dựng đội ngũ cán bộ công đoàn chuyên nghiệp"};

struct PlanDate {
  int day, month, year;
};

PlanDate DateOf(int i) { return {1 + i % 27, 1 + i % 12, 2022 + i / 16}; }

std::string DateNumbers(const PlanDate& d) {
  return std::to_string(d.day) + "/" + std::to_string(d.month) + "/" + std::to_string(d.year);
}

std::string PlanSymbol(int i) { return std::to_string(100 + i) + "/KH-UBND"; }

std::string CitationOfPlan(int i) {
  return "Kế hoạch số " + PlanSymbol(i) + " ngày " + DateNumbers(DateOf(i)) +
         " của Ủy ban nhân dân tỉnh";
}

std::string DeadlineText(int k, int year) {
  switch (k % 5) {
    case 0:
      return "hoàn thành trước ngày 30/6/" + std::to_string(year);
    case 1:
      return "thời gian: Quý III/" + std::to_string(year);
    case 2:
      return "thực hiện thường xuyên";
    case 3:
      return "hoàn thành trong năm " + std::to_string(year + 1);
    default:
      return "báo cáo kết quả trước ngày 15/12 hằng năm";
  }
}

std::string Header(int i) {
  const PlanDate d = DateOf(i);
  return std::string("ỦY BAN NHÂN DÂN\nTỈNH ") + kProvinces[i % 5] + "\nSố: " + PlanSymbol(i) +
         "\n" + kPlaces[i % 5] + ", ngày " + std::to_string(d.day) + " tháng " +
         std::to_string(d.month) + " năm " + std::to_string(d.year) +
         "\nKẾ HOẠCH\nTriển khai thực hiện Nghị quyết số 02-NQ/TW, ngày 12/6/2021 của Bộ Chính "
         "trị về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới\n\n";
}

std::string Targets(int i, int revision) {
  const PlanDate d = DateOf(i);
  std::string text = "II. MỤC TIÊU\n";
  const int count = 1 + i % 3 + revision;
  for (int k = 0; k < count; ++k) {
    text += std::to_string(k + 1) + ". Đến năm " + std::to_string(d.year + 2 + k) +
            ", phấn đấu có " + std::to_string(70 + (i + k) % 25) +
            "% doanh nghiệp có tổ chức công đoàn.\n";
  }
  return text;
}

std::string Tasks(int i, int revision) {
  const int year = DateOf(i).year;
  std::string text = "III. NHIỆM VỤ VÀ GIẢI PHÁP\n";
  const int count = 4 + i % 5;
  for (int k = 0; k < count; ++k) {
    const int a = (i + k) % 8;
    text += std::to_string(k + 1) + ". " + kAgencies[a] + " chủ trì" +
            (k % 2 ? std::string(", phối hợp với ") + kAgencies[(a + 3) % 8] : std::string()) +
            " " + kActions[(i + 2 * k) % 7] + "; " + DeadlineText(i + k, year) + ".\n";
  }
  if (i >= 1) {
    text += std::to_string(count + 1) +
            ". Ủy ban nhân dân các huyện tổ chức sơ kết việc thực "
            "hiện " +
            CitationOfPlan(i - 1) + "; hoàn thành trong năm " + std::to_string(year + 1) + ".\n";
  }
  if (revision > 0) {
    // A second revision adds a task that mentions the resolution again: a reader that mixed
    // the two versions of a plan would count the wrong number of mentions.
    text += std::to_string(count + 2) +
            ". Sở Nội vụ chủ trì sơ kết 03 năm thực hiện Nghị quyết "
            "số 02-NQ/TW; hoàn thành trong Quý IV/" +
            std::to_string(year + 1) + ".\n";
  }
  return text;
}

// `revision` 0 or 1: the same file before and after an edit (one more target and task).
std::string PlanText(int i, int revision) {
  std::string text = Header(i);
  text += "Căn cứ Nghị quyết số 02-NQ/TW, ngày 12/6/2021 của Bộ Chính trị";
  if (i >= 1) text += "; căn cứ " + CitationOfPlan(i - 1);
  if (i >= 5) text += "; căn cứ " + CitationOfPlan(i - 5);
  text += ", Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:\n";
  text +=
      "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Quán triệt sâu rộng Nghị quyết số 02-NQ/TW đến "
      "cán bộ, công chức, viên chức và người lao động.\n2. Yêu cầu\n- Việc triển khai phải "
      "đồng bộ, hiệu quả, phù hợp với tình hình thực tế của địa phương.\n";
  text += Targets(i, revision);
  text += Tasks(i, revision);
  text +=
      "IV. TỔ CHỨC THỰC HIỆN\nVăn phòng Ủy ban nhân dân tỉnh theo dõi, tổng hợp kết quả "
      "thực hiện Kế hoạch, báo cáo Ủy ban nhân dân tỉnh.\n";
  return text;
}

std::string PlanFile(int i) {
  char name[32];
  std::snprintf(name, sizeof(name), "ke-hoach-%03d.txt", 100 + i);
  return name;
}

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// ---------------------------------------------------------------------------------------------
// Child processes. The binary is started with posix_spawn (not through a shell) so that the pid
// is the importer's own and SIGKILL reaches it; output goes to a file so a child never blocks on
// a full pipe while the test is busy elsewhere.

pid_t StartPlangraph(const std::vector<std::string>& args, const std::string& output) {
  std::vector<std::string> words = {PLANGRAPH_BINARY};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, output.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, PLANGRAPH_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

// Exit code, or 128 + signal number as a shell reports it.
int Decode(int wait_status) {
  if (WIFEXITED(wait_status)) return WEXITSTATUS(wait_status);
  if (WIFSIGNALED(wait_status)) return 128 + WTERMSIG(wait_status);
  return -1;
}

int WaitFor(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return Decode(status);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct ChildRun {
  int status = -1;
  std::string out;  // stdout and stderr
};

ChildRun RunPlangraph(const std::vector<std::string>& args, const std::string& output) {
  const pid_t pid = StartPlangraph(args, output);
  if (pid < 0) return {};
  ChildRun r;
  r.status = WaitFor(pid);
  r.out = ReadFile(output);
  return r;
}

// ---------------------------------------------------------------------------------------------
// What a database holds, in forms that compare across databases (paths and keys, not row ids).

// Per source path: the document's hash and cited keys and, for every table that hangs off a
// document (found from the schema, so a table added later is covered too), how many rows it
// has. A document cut short would miss rows in some table.
using Fingerprints = std::map<std::string, std::string>;

std::vector<std::string> TablesWithColumn(SQLite::Database& db, const std::string& column) {
  SQLite::Statement st(db,
                       "SELECT m.name FROM sqlite_schema m WHERE m.type = 'table' "
                       "AND m.name NOT IN ('documents', 'nodes', 'tasks') AND EXISTS "
                       "(SELECT 1 FROM pragma_table_info(m.name) p WHERE p.name = ?1) "
                       "ORDER BY m.name");
  st.bind(1, column);
  std::vector<std::string> tables;
  while (st.executeStep()) tables.push_back(st.getColumn(0).getString());
  return tables;
}

std::string FingerprintSql(SQLite::Database& db) {
  std::string sql =
      "SELECT d.source_path, 'hash=' || d.content_hash || ' key=' || coalesce(d.ref_key, '') "
      "|| ' tasks=' || (SELECT count(*) FROM tasks WHERE document_id = d.id)";
  for (const std::string& t : TablesWithColumn(db, "document_id")) {
    sql += " || ' " + t + "=' || (SELECT count(*) FROM \"" + t + "\" x WHERE x.document_id = d.id)";
  }
  for (const std::string& t : TablesWithColumn(db, "task_id")) {
    sql += " || ' " + t + "=' || (SELECT count(*) FROM \"" + t +
           "\" x JOIN tasks k ON k.id = x.task_id WHERE k.document_id = d.id)";
  }
  sql +=
      " || ' cites=' || coalesce((SELECT group_concat(key, ',') FROM (SELECT DISTINCT n.key "
      "FROM citations c JOIN nodes n ON n.id = c.node_id WHERE c.document_id = d.id "
      "ORDER BY n.key)), '') FROM documents d";
  return sql;
}

// One statement, hence one snapshot of the file.
Fingerprints DocumentFingerprints(SQLite::Database& db) {
  SQLite::Statement st(db, FingerprintSql(db));
  Fingerprints prints;
  while (st.executeStep()) prints[st.getColumn(0).getString()] = st.getColumn(1).getString();
  return prints;
}

std::vector<std::string> Column(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement st(db, sql);
  std::vector<std::string> values;
  while (st.executeStep()) values.push_back(st.getColumn(0).getString());
  return values;
}

// Everything a finished import leaves, for comparing a killed-and-resumed database with a clean
// one. FTS5's own shadow tables are left out: their layout is the index's business.
struct DatabaseImage {
  Fingerprints documents;
  std::vector<std::string> nodes;     // key, linked document path, citation count
  std::vector<std::string> agencies;  // name and spellings
  std::vector<std::string> table_rows;
};

DatabaseImage ImageOf(SQLite::Database& db) {
  SQLite::Transaction snapshot(db);  // several statements, one state; rolled back, read only
  DatabaseImage image;
  image.documents = DocumentFingerprints(db);
  image.nodes = Column(db,
                       "SELECT n.key || ' -> ' || coalesce(d.source_path, '-') || ' x' || "
                       "(SELECT count(*) FROM citations c WHERE c.node_id = n.id) "
                       "FROM nodes n LEFT JOIN documents d ON d.id = n.document_id ORDER BY 1");
  image.agencies = Column(db,
                          "SELECT g.name || ': ' || coalesce((SELECT group_concat(spelling, '; ') "
                          "FROM (SELECT spelling FROM agency_aliases a WHERE a.agency_id = g.id "
                          "ORDER BY spelling)), '') FROM agencies g ORDER BY 1");
  for (const std::string& table :
       Column(db,
              "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
              "'sqlite_%' AND name NOT LIKE 'search_index_%' ORDER BY name")) {
    image.table_rows.push_back(table + "=" +
                               db.execAndGet("SELECT count(*) FROM \"" + table + "\"").getString());
  }
  return image;
}

// The entries of `want` and `got` that differ, one per line; "" when they are equal. Printing
// only these keeps a failure readable (the whole image runs to hundreds of lines).
std::string Differences(const std::map<std::string, std::string>& want,
                        const std::map<std::string, std::string>& got) {
  std::string out;
  for (const auto& [key, value] : want) {
    const auto it = got.find(key);
    if (it == got.end()) {
      out += "  missing " + key + ": " + value + "\n";
    } else if (it->second != value) {
      out += "  " + key + ": " + it->second + "\n    expected: " + value + "\n";
    }
  }
  for (const auto& [key, value] : got) {
    if (!want.count(key)) out += "  unexpected " + key + ": " + value + "\n";
  }
  return out;
}

std::map<std::string, std::string> Keyed(const std::vector<std::string>& lines) {
  std::map<std::string, std::string> keyed;
  for (const std::string& line : lines) keyed[line] = "";
  return keyed;
}

void ExpectSameImage(const DatabaseImage& got, const DatabaseImage& want) {
  EXPECT_EQ(Differences(want.documents, got.documents), "") << "documents";
  EXPECT_EQ(Differences(Keyed(want.nodes), Keyed(got.nodes)), "") << "nodes";
  EXPECT_EQ(Differences(Keyed(want.agencies), Keyed(got.agencies)), "") << "agencies";
  EXPECT_EQ(Differences(Keyed(want.table_rows), Keyed(got.table_rows)), "") << "row counts";
}

// SQLite's own checks plus the store's invariants that only a torn write could break: every
// node and agency is used by some row (both are created and pruned inside the transaction of
// the document that uses them).
void ExpectSound(SQLite::Database& db) {
  EXPECT_EQ(Column(db, "PRAGMA integrity_check"), std::vector<std::string>{"ok"});
  EXPECT_EQ(Column(db, "PRAGMA foreign_key_check"), std::vector<std::string>{});
  EXPECT_EQ(Column(db,
                   "SELECT key FROM nodes n WHERE NOT EXISTS "
                   "(SELECT 1 FROM citations c WHERE c.node_id = n.id)"),
            std::vector<std::string>{});
  EXPECT_EQ(Column(db,
                   "SELECT name FROM agencies g WHERE NOT EXISTS "
                   "(SELECT 1 FROM assignments a WHERE a.agency_id = g.id)"),
            std::vector<std::string>{});
}

// Every stored document equals one of the versions a clean import of its file gives.
void ExpectWhole(const Fingerprints& got, const std::vector<const Fingerprints*>& versions) {
  for (const auto& [path, print] : got) {
    bool known = false;
    for (const Fingerprints* v : versions) {
      const auto it = v->find(path);
      known = known || (it != v->end() && it->second == print);
    }
    EXPECT_TRUE(known) << path << " stored as: " << print;
  }
}

// ---------------------------------------------------------------------------------------------
// Import runs and kills.

json SummaryOf(const ChildRun& r) {
  // The JSON summary is the last thing written; errors (if any) come before it.
  const size_t brace = r.out.find('{');
  if (brace == std::string::npos) return json::object();
  return json::parse(r.out.substr(brace), nullptr, /*allow_exceptions=*/false);
}

// imported/unchanged/replaced/failed of an import run, "1/2/3/4".
std::string Tally(const ChildRun& r) {
  const json j = SummaryOf(r);
  if (!j.is_object() || !j.contains("failed")) return "no summary: " + r.out;
  return std::to_string(j["imported"].get<int>()) + "/" +
         std::to_string(j["unchanged"].get<int>()) + "/" +
         std::to_string(j["replaced"].get<int>()) + "/" + std::to_string(j["failed"].get<int>());
}

void RemoveDb(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db + suffix);
}

uint32_t SeedFromEnvironmentOrClock() {
  if (const char* s = std::getenv("PLANGRAPH_CRASH_SEED"); s && *s) {
    return static_cast<uint32_t>(std::strtoul(s, nullptr, 10));
  }
  return static_cast<uint32_t>(Clock::now().time_since_epoch().count());
}

using Micros = std::chrono::microseconds;

template <typename Duration>
Micros ToMicros(Duration d) {
  return std::chrono::duration_cast<Micros>(d);
}

// When to kill the importer: `delay` after it starts or, to hit the creation of the database
// and its schema (a few milliseconds that a delay drawn over the whole import seldom meets),
// `delay` after the database file appears.
struct KillPlan {
  Micros delay;
  bool after_file_appears;

  std::string Describe() const {
    return "kill " + std::to_string(delay.count()) + " us after " +
           (after_file_appears ? "the database file appeared" : "the start");
  }
};

// Round 0 kills while the database and its schema are being created (within a fortieth of a
// full import of the file appearing); the others draw one delay in each slice of a full import,
// so early and late kills are both covered whatever the seed.
KillPlan PlanKill(int round, int rounds, Clock::duration full, std::mt19937& random) {
  if (round == 0) {
    std::uniform_real_distribution<double> soon(0, 1 / 40.0);
    return {ToMicros(full * soon(random)), true};
  }
  std::uniform_real_distribution<double> within((round - 1) / double(rounds - 1),
                                                round / double(rounds - 1));
  return {ToMicros(full * within(random)), false};
}

// Polls for `path` at most `limit`; a file that never appears (a child that failed early) ends
// the wait, and the checks after the kill report what went wrong.
void WaitForFile(const std::string& path, Clock::duration limit) {
  const Clock::time_point give_up = Clock::now() + limit;
  while (!fs::exists(path) && Clock::now() < give_up) {
    std::this_thread::sleep_for(Micros(100));
  }
}

// ---------------------------------------------------------------------------------------------
// Fixture.

class CrashFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::FreshTestDir("crash");
    fs::create_directories(dir_ / "plans");
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Plans() const { return (dir_ / "plans").string(); }
  std::string Db(const std::string& name) const { return (dir_ / (name + ".db")).string(); }
  std::string Log(const std::string& name) const { return (dir_ / (name + ".log")).string(); }

  void WritePlans(int revision, bool odd_ones_too = true) {
    for (int i = 0; i < kPlans; ++i) {
      if (i % 2 == 1 && !odd_ones_too) continue;
      WriteFile(dir_ / "plans" / PlanFile(i), PlanText(i, revision));
    }
  }

  std::vector<std::string> ImportArgs(const std::string& db) const {
    return {"import", Plans(), "--db", db, "--quiet", "--format", "json",
            "--jobs", std::to_string(jobs_), "--batch", std::to_string(batch_)};
  }
  int jobs_ = 1;   // import --jobs: worker threads beside the one writer
  int batch_ = 1;  // import --batch: documents a transaction; 1 shows readers every document

  // A clean import into a fresh database; its duration is the scale of every delay.
  Clock::duration ImportClean(const std::string& db) {
    const Clock::time_point start = Clock::now();
    const ChildRun r = RunPlangraph(ImportArgs(db), Log("clean"));
    const Clock::duration took = Clock::now() - start;
    EXPECT_EQ(r.status, 0) << r.out;
    return took;
  }

  // Starts an import into `db` and kills it as `plan` says; the exit status, 128 + SIGKILL when
  // the kill landed before the import finished.
  int ImportAndKill(const std::string& db, const KillPlan& plan, Clock::duration full) {
    const pid_t pid = StartPlangraph(ImportArgs(db), Log("killed"));
    if (pid < 0) return -1;
    if (plan.after_file_appears) WaitForFile(db, 2 * full);
    std::this_thread::sleep_for(plan.delay);
    kill(pid, SIGKILL);
    return WaitFor(pid);
  }

  // What the kill left must open with the product (which recovers the WAL), pass SQLite's checks
  // and hold only whole documents.
  void ExpectKilledDatabaseSound(const std::string& db, const DatabaseImage& want) {
    Result<Store> store = Store::Open(db);
    ASSERT_TRUE(store.ok()) << store.status().message();
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    ExpectSound(raw);
    ExpectWhole(DocumentFingerprints(raw), {&want.documents});
  }

  // Importing again finishes the job exactly as a clean import would, and a third run finds
  // nothing left to do.
  void ExpectResumeCompletes(const std::string& db, const DatabaseImage& want) {
    const ChildRun resumed = RunPlangraph(ImportArgs(db), Log("resumed"));
    EXPECT_EQ(resumed.status, 0) << resumed.out;
    {
      SQLite::Database raw(db, SQLite::OPEN_READONLY);
      ExpectSound(raw);
      ExpectSameImage(ImageOf(raw), want);
    }
    const ChildRun third = RunPlangraph(ImportArgs(db), Log("third"));
    EXPECT_EQ(third.status, 0) << third.out;
    EXPECT_EQ(Tally(third), "0/" + std::to_string(kPlans) + "/0/0")
        << "imported/unchanged/replaced/failed";
  }

  fs::path dir_;
};

// ---------------------------------------------------------------------------------------------
// SIGKILL during import.

class CrashSafetyTest : public CrashFixture {
 protected:
  // Kills imports at seeded moments; each must leave a sound database that a re-run completes.
  void KillImportsAndResume();
};

TEST_F(CrashSafetyTest, SigkillDuringImportLeavesWholeDocumentsAndResumes) {
  KillImportsAndResume();
}

// Worker threads extract ahead of the writer, which commits several documents at a time: a kill
// must still leave whole documents only.
TEST_F(CrashSafetyTest, SigkillDuringImportWithTwoJobsAndBatchesLeavesWholeDocumentsAndResumes) {
  jobs_ = 2;
  batch_ = 5;
  KillImportsAndResume();
}

void CrashSafetyTest::KillImportsAndResume() {
  WritePlans(/*revision=*/0);
  const std::string reference_db = Db("reference");
  const Clock::duration full = ImportClean(reference_db);
  SQLite::Database reference(reference_db, SQLite::OPEN_READONLY);
  const DatabaseImage want = ImageOf(reference);
  ASSERT_EQ(want.documents.size(), static_cast<size_t>(kPlans));
  RecordProperty("full_import_us", std::to_string(ToMicros(full).count()));

  const uint32_t seed = SeedFromEnvironmentOrClock();
  std::mt19937 random(seed);
  constexpr int kRounds = 7;
  int killed = 0;
  for (int round = 0; round < kRounds && !HasFailure(); ++round) {
    const KillPlan plan = PlanKill(round, kRounds, full, random);
    SCOPED_TRACE("seed " + std::to_string(seed) +
                 " (rerun with PLANGRAPH_CRASH_SEED=" + std::to_string(seed) + "), round " +
                 std::to_string(round) + ": " + plan.Describe() + "; a full import took " +
                 std::to_string(ToMicros(full).count()) + " us");
    const std::string db = Db("killed");
    RemoveDb(db);
    const int status = ImportAndKill(db, plan, full);
    killed += status == 128 + SIGKILL;
    ASSERT_TRUE(status == 128 + SIGKILL || status == 0) << status << ReadFile(Log("killed"));
    ExpectKilledDatabaseSound(db, want);
    ExpectResumeCompletes(db, want);
  }
  // Most kills land inside the import; if none did, the rounds above tested little.
  EXPECT_GE(killed, kRounds / 2) << "seed " << seed;
}

// ---------------------------------------------------------------------------------------------
// Readers during an import.

using ConcurrentReaderTest = CrashFixture;

// The mechanism `cites`, `show` and `export` rely on, without timing: a snapshot taken before a
// commit by another connection keeps showing the state before it, and does not hold the writer up.
TEST_F(ConcurrentReaderTest, SnapshotHidesAnImportCommittedMeanwhile) {
  const std::string db = Db("snapshot");
  Result<Store> writer = Store::Open(db);
  ASSERT_TRUE(writer.ok()) << writer.status().message();
  auto import = [&](int i) {
    const std::string text = PlanText(i, 0);
    return writer->Import(testing::ExtractText(text), (dir_ / PlanFile(i)).string(),
                          Store::ContentHash(text), static_cast<int64_t>(text.size()));
  };
  ASSERT_TRUE(import(0).ok());
  Result<Store> reader = Store::Open(db);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  auto query = ParseReferenceQuery(testing::ProjectExtractor().rules().document_types, kResolution);
  ASSERT_TRUE(query.ok()) << query.status().message();
  int64_t node = 0;
  {
    auto snapshot = reader->ReadSnapshot();
    ASSERT_TRUE(snapshot.ok()) << snapshot.status().message();
    auto nodes = reader->ResolveReference(*query);
    ASSERT_TRUE(nodes.ok() && nodes->size() == 1u);
    node = nodes->front().node_id;
    EXPECT_EQ(nodes->front().citing_plans, 1);
    auto committed = import(1);  // WAL: the open read transaction does not block this
    EXPECT_TRUE(committed.ok()) << committed.status().message();
    auto plans = reader->CitingPlans(node);
    ASSERT_TRUE(plans.ok()) << plans.status().message();
    EXPECT_EQ(plans->size(), 1u);
    // Calls with a snapshot of their own nest inside this one.
    auto graph = reader->CitationGraph();
    ASSERT_TRUE(graph.ok()) << graph.status().message();
    EXPECT_EQ(graph->vertices.size(), 2u);  // plan 100 and the resolution
    // Writing under a snapshot is refused, not half done.
    EXPECT_FALSE(
        reader->Import(testing::ExtractText(PlanText(2, 0)), "/elsewhere.txt", "0", 1).ok());
  }
  auto plans = reader->CitingPlans(node);
  ASSERT_TRUE(plans.ok()) << plans.status().message();
  EXPECT_EQ(plans->size(), 2u);
  auto docs = reader->Documents();
  ASSERT_TRUE(docs.ok());
  EXPECT_EQ(docs->size(), 2u);
}

// A value per document path as it is before the import and after it; a reader may see either,
// never a mixture.
struct Versions {
  std::map<std::string, std::string> before, after;

  bool Allows(const std::string& path, const std::string& value) const {
    const auto b = before.find(path);
    const auto a = after.find(path);
    return (b != before.end() && b->second == value) || (a != after.end() && a->second == value);
  }
};

// How many times each document cites the resolution.
std::map<std::string, std::string> ResolutionMentions(SQLite::Database& db) {
  SQLite::Statement st(db,
                       "SELECT d.source_path, count(*) FROM citations c "
                       "JOIN nodes n ON n.id = c.node_id JOIN documents d ON d.id = c.document_id "
                       "WHERE n.key = ?1 GROUP BY d.id");
  st.bind(1, kResolutionKey);
  std::map<std::string, std::string> mentions;
  while (st.executeStep()) mentions[st.getColumn(0).getString()] = st.getColumn(1).getString();
  return mentions;
}

constexpr const char* kSearchText = "cong doan";

template <typename Hits, typename PathOf>
std::map<std::string, std::string> HitsPerDocument(const Hits& hits, PathOf path_of) {
  std::map<std::string, int> count;
  for (const auto& h : hits) ++count[path_of(h)];
  std::map<std::string, std::string> out;
  for (const auto& [path, n] : count) out[path] = std::to_string(n);
  return out;
}

// What LoadDocument gives back, in counts.
std::string ShapeOf(const Extraction& e) {
  size_t assignees = 0, schedule = 0;
  for (const Task& t : e.tasks) {
    assignees += t.assignees.size();
    schedule += t.schedule.size();
  }
  return "sections=" + std::to_string(e.sections.size()) +
         " citations=" + std::to_string(e.citations.size()) +
         " targets=" + std::to_string(e.targets.size()) +
         " tasks=" + std::to_string(e.tasks.size()) + " assignees=" + std::to_string(assignees) +
         " schedule=" + std::to_string(schedule);
}

// An audit's per-document counts, without the one that depends on other documents (whether a
// cited plan is imported yet).
std::string AuditShapeOf(const AuditCounts& c) {
  return "tasks=" + std::to_string(c.tasks) +
         " no_deadline=" + std::to_string(c.tasks_without_deadline) +
         " no_assignee=" + std::to_string(c.tasks_without_assignee) +
         " targets=" + std::to_string(c.targets) +
         " no_year=" + std::to_string(c.targets_without_year) +
         " citations=" + std::to_string(c.citations);
}

// Everything the readers compare against, taken from one finished database.
struct DatabaseViews {
  std::map<std::string, std::string> fingerprints, mentions, hits, shapes, audits;
};

DatabaseViews ViewsOf(const std::string& db) {
  DatabaseViews v;
  {
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    v.fingerprints = DocumentFingerprints(raw);
    v.mentions = ResolutionMentions(raw);
  }
  Result<Store> store = Store::Open(db);
  EXPECT_TRUE(store.ok()) << store.status().message();
  if (!store.ok()) return v;
  Result<std::vector<SearchHit>> hits = store->Search(kSearchText, 100000);
  EXPECT_TRUE(hits.ok()) << hits.status().message();
  if (hits.ok()) v.hits = HitsPerDocument(*hits, [](const SearchHit& h) { return h.path; });
  Result<AuditReport> audit = store->Audit({});
  EXPECT_TRUE(audit.ok()) << audit.status().message();
  if (!audit.ok()) return v;
  for (const DocumentAudit& a : audit->documents) {
    v.audits[a.document.path] = AuditShapeOf(a.counts);
    Result<StoredDocument> doc = store->LoadDocument(a.document.id);
    EXPECT_TRUE(doc.ok()) << doc.status().message();
    if (doc.ok()) v.shapes[a.document.path] = ShapeOf(doc->extraction);
  }
  return v;
}

struct Expectations {
  Versions fingerprints, mentions, hits, shapes, audits;
};

Expectations Expect(const DatabaseViews& before, const DatabaseViews& after) {
  return {{before.fingerprints, after.fingerprints},
          {before.mentions, after.mentions},
          {before.hits, after.hits},
          {before.shapes, after.shapes},
          {before.audits, after.audits}};
}

bool Stop(const std::atomic<bool>& done) { return done || ::testing::Test::HasFailure(); }

// The command-line readers, as a user would run them next to an import.
class CliReader {
 public:
  CliReader(const fs::path& dir, const std::string& db, const Expectations& want)
      : dir_(dir), db_(db), want_(want) {}

  void RunUntil(const std::atomic<bool>& done) {
    while (!Stop(done)) {
      Cites();
      Search();
      ++rounds_;
    }
  }
  int rounds() const { return rounds_; }

 private:
  // Exit 0 (the seed plan always cites the resolution), a count that agrees with the list (one
  // snapshot), never fewer plans than an earlier run saw (the import only adds and replaces),
  // and each plan's mentions those of a whole version of it.
  void Cites() {
    const ChildRun r = RunPlangraph({"cites", kResolution, "--db", db_, "--format", "json"},
                                    (dir_ / "cites.log").string());
    ASSERT_EQ(r.status, 0) << r.out;
    const json j = json::parse(r.out, nullptr, false);
    ASSERT_TRUE(j.is_object() && j.contains("plans")) << r.out;
    const int listed = static_cast<int>(j["plans"].size());
    EXPECT_EQ(j["node"]["citing_plans"].get<int>(), listed) << r.out;
    EXPECT_GE(listed, citing_plans_seen_);
    citing_plans_seen_ = std::max(citing_plans_seen_, listed);
    for (const json& p : j["plans"]) {
      const std::string path = p["path"].get<std::string>();
      EXPECT_TRUE(want_.mentions.Allows(path, std::to_string(p["mentions"].get<int>())))
          << path << ": " << p.dump();
    }
  }

  // Exit 0 (the seed plan always matches), and the hits of each document those of a whole
  // version of it: the hit's document exists and all its indexed rows are there.
  void Search() {
    const ChildRun r =
        RunPlangraph({"search", kSearchText, "-n", "10000", "--db", db_, "--format", "json"},
                     (dir_ / "search.log").string());
    ASSERT_EQ(r.status, 0) << r.out;
    json hits = json::parse(r.out, nullptr, false);
    ASSERT_TRUE(hits.is_array()) << r.out;
    // The plans whose header matches come first, as kind "document": not text hits.
    hits.erase(std::remove_if(hits.begin(), hits.end(),
                              [](const json& h) { return h["kind"] == "document"; }),
               hits.end());
    const auto per_document =
        HitsPerDocument(hits, [](const json& h) { return h["path"].get<std::string>(); });
    for (const auto& [path, count] : per_document) {
      EXPECT_TRUE(want_.hits.Allows(path, count)) << path << ": " << count << " hits";
    }
  }

  fs::path dir_;
  std::string db_;
  const Expectations& want_;
  int citing_plans_seen_ = 0;
  int rounds_ = 0;
};

// The Store API in this process, on one connection held open for the whole import, in a tight
// loop: many more looks at the database than the command-line readers get.
class StoreReader {
 public:
  StoreReader(Store store, const std::string& db, const Expectations& want,
              const ReferenceQuery& resolution)
      : store_(std::move(store)),
        raw_(db, SQLite::OPEN_READONLY),
        want_(want),
        resolution_(resolution) {
    raw_.setBusyTimeout(5000);
  }

  void RunUntil(const std::atomic<bool>& done) {
    while (!Stop(done)) {
      Rows();
      // These are cheap, and a commit between their queries is rare: look more often.
      for (int i = 0; i < 4; ++i) {
        Graph();
        Cites();
      }
      Audit();
      Documents();
      ++rounds_;
    }
  }
  int rounds() const { return rounds_; }
  // How many different numbers of finished documents the reader saw: proof it looked while
  // the import was under way, not only before or after.
  size_t progress_states() const { return progress_.size(); }

 private:
  void Rows() {
    const Fingerprints now = DocumentFingerprints(raw_);
    int finished = 0;
    for (const auto& [path, print] : now) {
      EXPECT_TRUE(want_.fingerprints.Allows(path, print)) << path << " stored as: " << print;
      const auto it = want_.fingerprints.after.find(path);
      finished += it != want_.fingerprints.after.end() && it->second == print;
    }
    progress_.insert(finished);
  }

  // What `cites` does, in a loop too tight for the command line: the node's count and the list
  // of plans read under one snapshot agree.
  void Cites() {
    auto snapshot = store_.ReadSnapshot();
    ASSERT_TRUE(snapshot.ok()) << snapshot.status().message();
    Result<std::vector<NodeInfo>> nodes = store_.ResolveReference(resolution_);
    ASSERT_TRUE(nodes.ok() && nodes->size() == 1u);
    Result<std::vector<CitingPlan>> plans = store_.CitingPlans(nodes->front().node_id);
    ASSERT_TRUE(plans.ok()) << plans.status().message();
    EXPECT_EQ(static_cast<size_t>(nodes->front().citing_plans), plans->size());
  }

  // Edges and vertices from one state: an edge never leads to or from a missing vertex.
  void Graph() {
    Result<GraphData> graph = store_.CitationGraph();
    ASSERT_TRUE(graph.ok()) << graph.status().message();
    std::set<std::string> ids;
    for (const GraphVertex& v : graph->vertices) ids.insert(v.id);
    for (const GraphEdge& e : graph->edges) {
      EXPECT_TRUE(ids.count(e.from) && ids.count(e.to)) << e.from << " -> " << e.to;
    }
  }

  void Audit() {
    Result<AuditReport> report = store_.Audit({});
    ASSERT_TRUE(report.ok()) << report.status().message();
    for (const DocumentAudit& a : report->documents) {
      const std::string shape = AuditShapeOf(a.counts);
      EXPECT_TRUE(want_.audits.Allows(a.document.path, shape)) << a.document.path << ": " << shape;
    }
  }

  void Documents() {
    Result<std::vector<DocumentSummary>> docs = store_.Documents();
    ASSERT_TRUE(docs.ok()) << docs.status().message();
    for (const DocumentSummary& d : *docs) {
      Result<StoredDocument> doc = store_.LoadDocument(d.id);
      // Replacement keeps the id, so the document is always there.
      ASSERT_TRUE(doc.ok()) << doc.status().message();
      const std::string shape = ShapeOf(doc->extraction);
      EXPECT_TRUE(want_.shapes.Allows(d.path, shape)) << d.path << ": " << shape;
    }
  }

  Store store_;
  SQLite::Database raw_;
  const Expectations& want_;
  const ReferenceQuery resolution_;
  int rounds_ = 0;
  std::set<int> progress_;
};

constexpr const char* kSeedPlan =
    "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH\nSố: 49-KH/TU\nĐắk Lắk, ngày 16 tháng 11 năm 2021\nKẾ HOẠCH\n"
    "thực hiện Nghị quyết số 02-NQ/TW, ngày 12/6/2021 của Bộ Chính trị\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nâng cao chất lượng hoạt động công đoàn.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền về tổ chức công đoàn; thời gian: Quý I/2022.\n";

TEST_F(ConcurrentReaderTest, ReadersSeeWholeDocumentsWhileAnImportRuns) {
  // After: the folder's final content, imported cleanly.
  WritePlans(/*revision=*/1);
  const std::string reference_db = Db("reference");
  ImportClean(reference_db);
  const DatabaseViews after = ViewsOf(reference_db);
  ASSERT_EQ(after.fingerprints.size(), static_cast<size_t>(kPlans));

  // Before: a seed plan outside the folder (so `cites` and `search` always find something) and
  // the first revision of the even plans, which the import replaces; the odd plans are new.
  const std::string db = Db("shared");
  WriteFile(dir_ / "seed.txt", kSeedPlan);
  fs::remove_all(dir_ / "plans");
  fs::create_directories(dir_ / "plans");
  WritePlans(/*revision=*/0, /*odd_ones_too=*/false);
  const ChildRun pre = RunPlangraph(
      {"import", (dir_ / "seed.txt").string(), Plans(), "--db", db, "--quiet", "--format", "json"},
      Log("pre"));
  ASSERT_EQ(pre.status, 0) << pre.out;
  const DatabaseViews before = ViewsOf(db);
  ASSERT_EQ(before.fingerprints.size(), static_cast<size_t>(kPlans / 2 + 1));
  WritePlans(/*revision=*/1);
  const Expectations want = Expect(before, after);

  Result<Store> store = Store::Open(db);
  ASSERT_TRUE(store.ok()) << store.status().message();
  CliReader cli(dir_, db, want);
  auto resolution =
      ParseReferenceQuery(testing::ProjectExtractor().rules().document_types, kResolution);
  ASSERT_TRUE(resolution.ok()) << resolution.status().message();
  StoreReader direct(std::move(*store), db, want, *resolution);
  const pid_t importer = StartPlangraph(ImportArgs(db), Log("import"));
  ASSERT_GT(importer, 0);
  std::atomic<bool> done = false;
  std::thread cli_thread([&] { cli.RunUntil(done); });
  std::thread store_thread([&] { direct.RunUntil(done); });
  const ChildRun import{WaitFor(importer), ReadFile(Log("import"))};
  done = true;
  cli_thread.join();
  store_thread.join();

  // Readers must never make the writer fail: every file imported or replaced, exit 0.
  EXPECT_EQ(import.status, 0) << import.out;
  EXPECT_EQ(Tally(import), std::to_string(kPlans / 2) + "/0/" + std::to_string(kPlans / 2) + "/0");
  // The readers looked often enough, and while the import was under way.
  EXPECT_GE(cli.rounds(), 2);
  RecordProperty("cli_reader_rounds", cli.rounds());
  RecordProperty("store_reader_rounds", direct.rounds());
  EXPECT_GE(direct.rounds(), 5);
  EXPECT_GE(direct.progress_states(), 3u) << direct.rounds() << " store reader rounds";

  SQLite::Database raw(db, SQLite::OPEN_READONLY);
  ExpectSound(raw);
  std::map<std::string, std::string> final_prints = want.fingerprints.after;
  // Stored paths are canonical (see `import`): the key the seed plan is filed under.
  const std::string seed = fs::weakly_canonical(dir_ / "seed.txt").string();
  ASSERT_EQ(before.fingerprints.count(seed), 1u);
  final_prints[seed] = before.fingerprints.at(seed);
  EXPECT_EQ(Differences(final_prints, DocumentFingerprints(raw)), "");
}

}  // namespace
}  // namespace plangraph
