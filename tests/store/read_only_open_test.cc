// Read commands open the database read-only (Store::OpenForReading): nothing is written or
// created beside a file in a read-only directory, and an older schema is upgraded once when the
// file may be written.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "plangraph/store.h"

namespace plangraph {
namespace {

namespace fs = std::filesystem;

// A fresh directory holding a new WAL database `plans.db` (closed: no -wal, no -shm left).
std::string FreshDatabase(const std::string& name) {
  const std::string dir = ::testing::TempDir() + "plangraph_ro_" + name;
  if (fs::exists(dir)) chmod(dir.c_str(), 0755);
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = dir + "/plans.db";
  {
    Result<Store> store = Store::Open(path);
    EXPECT_TRUE(store.ok()) << store.status().message();
  }
  return path;
}

// Runs `fn` in a child process that cannot write `dir` (as nobody when we are root) and returns
// its exit status.
template <typename Fn>
int RunWithoutWriteAccess(const std::string& dir, Fn fn) {
  chmod(dir.c_str(), 0555);
  const pid_t pid = fork();
  if (pid == 0) {
    if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(90);
    _exit(fn());
  }
  int status = 0;
  waitpid(pid, &status, 0);
  chmod(dir.c_str(), 0755);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 99;
}

TEST(StoreReadOnlyOpenTest, ReadsAWalDatabaseInAReadOnlyDirectoryAndCreatesNothing) {
  const std::string path = FreshDatabase("dir");
  ASSERT_FALSE(fs::exists(path + "-wal"));
  chmod(path.c_str(), 0444);
  const std::string dir = fs::path(path).parent_path().string();
  const int code = RunWithoutWriteAccess(dir, [&] {
    Result<Store> store = Store::OpenForReading(path);
    if (!store.ok()) {
      fprintf(stderr, "%s\n", store.status().message().c_str());
      return 1;
    }
    Result<StoreStats> stats = store->Stats(5);
    if (!stats.ok()) {
      fprintf(stderr, "%s\n", stats.status().message().c_str());
      return 2;
    }
    return stats->documents == 0 ? 0 : 3;
  });
  EXPECT_EQ(code, 0);
  EXPECT_FALSE(fs::exists(path + "-wal"));
  EXPECT_FALSE(fs::exists(path + "-shm"));
}

TEST(StoreReadOnlyOpenTest, NeitherWritesTheFileNorBlocksAWriter) {
  const std::string path = FreshDatabase("writer");
  Result<Store> reader = Store::OpenForReading(path);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  Result<Store::Snapshot> snapshot = reader->ReadSnapshot();
  ASSERT_TRUE(snapshot.ok()) << snapshot.status().message();
  // The reader holds a read transaction; a writer still commits at once.
  SQLite::Database writer(path, SQLite::OPEN_READWRITE);
  writer.exec("CREATE TABLE written_meanwhile(x)");
}

TEST(StoreReadOnlyOpenTest, UpgradesAnOlderWritableSchemaOnce) {
  const std::string path = FreshDatabase("older");
  fs::remove(path);
  {
    Result<Store> old = Store::OpenForTesting(path, Store::kSchemaVersion - 1);
    ASSERT_TRUE(old.ok()) << old.status().message();
  }
  Result<Store> store = Store::OpenForReading(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  Result<int> version = store->SchemaVersion();
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, Store::kSchemaVersion);
}

TEST(StoreReadOnlyOpenTest, MissingFileIsNotFoundAndNotCreated) {
  const std::string path = FreshDatabase("missing") + ".absent";
  Result<Store> store = Store::OpenForReading(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().kind(), Status::Kind::kNotFound);
  EXPECT_FALSE(fs::exists(path));
}

}  // namespace
}  // namespace plangraph
