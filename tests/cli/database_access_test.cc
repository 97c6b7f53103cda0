// End-to-end: how the database commands meet the file system: a full disk stops an import with
// one message, read commands work in a read-only directory, "not found" exits 1.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "test_util.h"

namespace plangraph {
namespace {

namespace fs = std::filesystem;
using testing::Quote;
using testing::Shell;

// A plan of the Sở Y tế of another province, made long by `n` numbered tasks.
std::string LongPlan(int number, int tasks) {
  std::string text = "SỞ Y TẾ TỈNH NGHỆ AN\nSố: " + std::to_string(number) +
                     "/KH-SYT\nNghệ An, ngày 3 tháng 2 năm 2024\nKẾ HOẠCH\n"
                     "phòng, chống dịch bệnh truyền nhiễm năm 2024\nI. NHIỆM VỤ\n";
  for (int i = 1; i <= tasks; ++i) {
    text += std::to_string(i) + ". Trung tâm Kiểm soát bệnh tật tỉnh chủ trì giám sát ca bệnh "
            "tại xã thứ " + std::to_string(i * 7 + number) +
            ", báo cáo kết quả định kỳ hằng tháng về Sở Y tế trước ngày 25.\n";
  }
  return text;
}

class DatabaseAccessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::FreshTestDir("database_access");
    fs::create_directories(dir_ / "plans");
  }
  void TearDown() override {
    if (mounted_) Shell("umount " + Quote((dir_ / "small").string()));
    chmod(dir_.c_str(), 0755);
    fs::remove_all(dir_);
  }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  testing::CommandRun Run(const std::string& args, const std::string& db) {
    return Shell(std::string(PLANGRAPH_BINARY) + " " + args + " --db " + Quote(db) + " 2>&1");
  }
  fs::path dir_;
  bool mounted_ = false;
};

TEST_F(DatabaseAccessTest, FullDiskStopsTheImportWithOneMessageNamingTheFile) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root to mount a small tmpfs";
  fs::create_directories(dir_ / "small");
  const auto m = Shell("mount -t tmpfs -o size=1m tmpfs " + Quote((dir_ / "small").string()) +
                       " 2>&1");
  if (m.status != 0) GTEST_SKIP() << "cannot mount a tmpfs: " << m.out;
  mounted_ = true;
  for (int i = 1; i <= 12; ++i) {
    Write("plans/kh" + std::to_string(10 + i) + ".txt", LongPlan(10 + i, 60));
  }
  const std::string db = (dir_ / "small" / "plans.db").string();
  auto r = Run("import " + Quote((dir_ / "plans").string()), db);
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find(db + ": database or disk is full while importing "), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("; import stopped: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" document(s) stored before it are kept, "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("imported: "), std::string::npos) << r.out;  // some fitted
  // One message, not one per remaining file.
  size_t count = 0;
  for (size_t at = r.out.find("disk is full"); at != std::string::npos;
       at = r.out.find("disk is full", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 1u) << r.out;
  // What was kept is readable.
  {
    auto c = Run("check", db);
    EXPECT_EQ(c.status, 0) << c.out;
  }
}

TEST_F(DatabaseAccessTest, ReadCommandsWorkInAReadOnlyDirectory) {
  Write("plans/kh1.txt", LongPlan(1, 3));
  const std::string db = (dir_ / "plans.db").string();
  ASSERT_EQ(Run("import " + Quote((dir_ / "plans").string()), db).status, 0);
  ASSERT_FALSE(fs::exists(db + "-wal"));
  chmod(db.c_str(), 0444);
  chmod(dir_.c_str(), 0555);
  // As nobody when we are root (root writes anywhere).
  const std::string as =
      geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  for (const char* command : {"stats", "search \"kiểm soát bệnh tật\"", "show 1/KH-SYT",
                              "audit", "export --format graphml"}) {
    auto r = Shell(as + PLANGRAPH_BINARY + " " + command + " --db " + Quote(db) + " 2>&1");
    EXPECT_EQ(r.status, 0) << command << "\n" << r.out;
    EXPECT_EQ(r.out.find("plangraph: "), std::string::npos) << command << "\n" << r.out;
  }
  EXPECT_FALSE(fs::exists(db + "-wal"));
  EXPECT_FALSE(fs::exists(db + "-shm"));
}

TEST_F(DatabaseAccessTest, FileNamesThatAreNotUtf8AreEscapedAndNeverAbortJson) {
  // "kế hoạch" saved by an old Windows tool in Windows-1258 / TCVN3 bytes.
  const std::string name = "k\xE9 ho\xB9" "ch 7.txt";
  Write("plans/" + name, LongPlan(7, 2));
  const std::string plans = Quote((dir_ / "plans").string());
  const std::string db = (dir_ / "plans.db").string();
  auto r = Shell(std::string(PLANGRAPH_BINARY) + " extract " + plans + " --format json 2>&1");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out.find("type_error"), std::string::npos) << r.out;
  r = Run("import " + plans + " --format json", db);
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("k\\\\xE9 ho\\\\xB9ch 7.txt"), std::string::npos) << r.out;
  for (const char* command : {"show 7/KH-SYT --format json", "search \"giam sat\" --format json",
                              "audit --format json", "export --format json"}) {
    r = Run(command, db);
    EXPECT_EQ(r.status, 0) << command << "\n" << r.out;
    EXPECT_NE(r.out.find("k\\\\xE9 ho\\\\xB9ch 7.txt"), std::string::npos) << command << "\n"
                                                                         << r.out;
  }
  // In text, the name is shown escaped too.
  r = Run("search \"giam sat\"", db);
  EXPECT_NE(r.out.find("k\\xE9 ho\\xB9ch 7.txt"), std::string::npos) << r.out;
  r = Run("audit", db);
  EXPECT_NE(r.out.find("k\\xE9 ho\\xB9ch 7.txt"), std::string::npos) << r.out;
  r = Run("export --format graphml", db);
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out.find('\xE9'), std::string::npos);  // no stray byte: the XML stays valid
  // Stored losslessly: the plan is found again by its real (raw) path.
  r = Run("show " + Quote((dir_ / "plans" / name).string()), db);
  EXPECT_EQ(r.status, 0) << r.out;
}

}  // namespace
}  // namespace plangraph
