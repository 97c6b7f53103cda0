// Hostile input, end to end through the built binary: empty and blank files, NUL bytes, invalid
// UTF-8, inputs over the size limits, a very long line, 10,000-deep numbering, a million bullets
// (scaled), pathological text for every rule family, Vietnamese file names with spaces, entries
// that are not regular files, and a symbolic link loop in a folder. Each must give a clear
// per-file error or a correct result, within a wall-clock limit (run through `timeout`) and a
// memory limit (`ulimit -v`), and an import must go on with the other files.
//
// Every input is generated here, in a temporary folder. PLANGRAPH_HOSTILE_SCALE multiplies the
// sizes of the large ones: 1 by default (a few seconds in a release build), 0.1 by default under
// AddressSanitizer (3-10 times slower); PLANGRAPH_HOSTILE_SCALE=10 makes the bullets case the
// million bullets of the issue (about 70 s in a release build) and the line of citations as long
// as the text limit allows (33 MB, about 12 s).
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "json_output.h"
#include "json_stream.h"
#include "reader.h"
#include "test_util.h"

namespace plangraph {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::Quote;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

double Scale() {
  const char* env = std::getenv("PLANGRAPH_HOSTILE_SCALE");
  if (env && *env) return std::max(0.001, std::atof(env));
  return kSanitized ? 0.1 : 1.0;
}

// Limits for one run of the binary. They are far above what a correct run needs (seconds, a
// few hundred MB): a run that reaches them has gone super-linear. AddressSanitizer reserves
// terabytes of virtual memory, so no memory limit is set under it, and its runs get more time;
// larger inputs (PLANGRAPH_HOSTILE_SCALE above 1) get proportionally more.
int SecondsPerRun() { return static_cast<int>((kSanitized ? 600 : 60) * std::max(1.0, Scale())); }
constexpr long kMemoryLimitKb = 4L << 20;  // 4 GB

size_t Scaled(size_t n) { return std::max<size_t>(1, static_cast<size_t>(n * Scale())); }

std::string Repeat(std::string_view piece, size_t n) {
  std::string out;
  out.reserve(piece.size() * n);
  for (size_t i = 0; i < n; ++i) out += piece;
  return out;
}

// A plan header whose body starts in the task section, so that items below it are tasks.
const char kHeader[] =
    "ỦY BAN NHÂN DÂN TỈNH\nSố: 12/KH-UBND\nHà Nội, ngày 1 tháng 2 năm 2024\nKẾ HOẠCH\n"
    "Thử nghiệm dữ liệu bất thường\nI. TỔ CHỨC THỰC HIỆN\n";
const char kGoodPlan[] =
    "SỞ Y TẾ\nSố: 7/KH-SYT\nHà Nội, ngày 3 tháng 4 năm 2024\nKẾ HOẠCH\nPhòng chống dịch bệnh\n"
    "I. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì, phối hợp với Sở Tài chính triển khai Kế hoạch; "
    "hoàn thành trước ngày 30/6/2024.\n";

struct CliRun {
  int status;        // exit status; 124 when `timeout` stopped it
  std::string out;   // stdout and stderr
  double seconds;
};

class HostileInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::FreshTestDir("hostile");
    db_ = (dir_ / "kế hoạch.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  std::string Write(const std::string& name, const std::string& bytes) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return Path(name);
  }

  // Runs `plangraph ARGS` with the time and memory limits; stderr folded into the output.
  CliRun Cli(const std::string& args) {
    std::string limits = kSanitized ? "" : "ulimit -v " + std::to_string(kMemoryLimitKb) + " && ";
    std::string cmd = "(" + limits + "exec timeout -k 5 " + std::to_string(SecondsPerRun()) + " " +
                      Quote(PLANGRAPH_BINARY) + " " + args + ") 2>&1";
    auto start = std::chrono::steady_clock::now();
    testing::CommandRun r = testing::Shell(cmd);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_NE(r.status, 124) << "timed out after " << seconds << " s: plangraph " << args;
    EXPECT_TRUE(r.status == 0 || r.status == 1 || r.status == 2)
        << "crashed or killed (status " << r.status << ", memory limit " << kMemoryLimitKb
        << " KB?): plangraph " << args << "\n" << r.out.substr(0, 2000);
    return {r.status, r.out, seconds};
  }

  CliRun Import(const std::string& paths) { return Cli("import " + paths + " --db " + Quote(db_)); }

  json Stats() { return json::parse(Cli("stats --format json --db " + Quote(db_)).out); }

  // `extract FILE` must fail with exactly one message, naming the file, containing `problem`.
  void ExpectRefused(const std::string& file, const std::string& problem) {
    CliRun r = Cli("extract " + Quote(file));
    EXPECT_EQ(r.status, 1) << r.out;
    EXPECT_NE(r.out.find("plangraph: " + file + ": " + problem), std::string::npos)
        << "expected '" << problem << "' for " << file << ", got:\n" << r.out.substr(0, 2000);
  }

  // Imports `bad` next to a good plan: the good plan is stored, the bad file reported.
  void ExpectImportGoesOn(const std::string& bad, const std::string& problem) {
    std::string good = Write("kế hoạch tốt " + std::to_string(++goods_) + ".txt", kGoodPlan);
    CliRun r = Import(Quote(bad) + " " + Quote(good));
    EXPECT_EQ(r.status, 1) << r.out;
    EXPECT_NE(r.out.find("plangraph: " + bad + ": " + problem), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("imported: " + good), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("2 files, 1 imported, 0 unchanged, 0 replaced, 1 failed"),
              std::string::npos)
        << r.out;
  }

  // The summary line `extract --format summary` prints for `file`.
  static std::string SummaryOf(const std::string& out, const std::string& file) {
    size_t at = out.find(file + ": ");
    if (at == std::string::npos) return "";
    size_t end = out.find('\n', at);
    return out.substr(at, end == std::string::npos ? std::string::npos : end - at);
  }

  fs::path dir_;
  std::string db_;
  int goods_ = 0;
};

// --- files without usable text ---------------------------------------------------------------

TEST_F(HostileInputTest, EmptyFileIsAClearError) {
  std::string file = Write("tệp rỗng.txt", "");
  ExpectRefused(file, "empty file, no text to extract");
  ExpectImportGoesOn(file, "empty file, no text to extract");
}

TEST_F(HostileInputTest, OnlyWhiteSpaceIsAClearError) {
  // Spaces, TABs, line ends of three kinds and a no-break space.
  std::string file = Write("chỉ có khoảng trắng.txt", " \n\t\r\n\r \xC2\xA0 \n\n");
  ExpectRefused(file, "only white space, no text to extract");
  ExpectImportGoesOn(file, "only white space, no text to extract");
}

TEST_F(HostileInputTest, NulBytesInTheMiddleGiveTheirOffset) {
  std::string text = std::string(kGoodPlan);
  size_t at = text.find("Phòng");
  text.insert(at, std::string("\0\0\0", 3));
  std::string file = Write("có byte NUL.txt", text);
  ExpectRefused(file, "binary file (NUL byte at offset " + std::to_string(at) + ")");
  ExpectImportGoesOn(file, "binary file (NUL byte at offset");
}

TEST_F(HostileInputTest, InvalidUtf8GivesItsOffset) {
  std::string text = std::string(kGoodPlan);
  size_t at = text.find("triển khai");
  text.insert(at, "\xFF\xFE\xC3");
  std::string file = Write("UTF-8 hỏng.txt", text);
  ExpectRefused(file, "invalid UTF-8 at byte " + std::to_string(at) +
                          "; no known Vietnamese encoding fits either");
  ExpectImportGoesOn(file, "invalid UTF-8 at byte " + std::to_string(at));
}

// --- limits ------------------------------------------------------------------------------------

TEST_F(HostileInputTest, TextOverTheSizeLimitIsRefusedNamingTheLimit) {
  // One line of citations, just over the limit: refused before it is decoded.
  std::string line = std::string(kHeader) + "- ";
  const std::string piece = "Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị ";
  line += Repeat(piece, kMaxTextBytes / piece.size() + 1) + "\n";
  std::string file = Write("một dòng rất dài.txt", line);
  const std::string problem = "plain text file too large: " + std::to_string(line.size()) +
                              " bytes, more than the limit of " + std::to_string(kMaxTextBytes) +
                              " (32 MiB)";
  ExpectRefused(file, problem);
  ExpectImportGoesOn(file, problem);
}

TEST_F(HostileInputTest, TwoHundredMegabyteFileIsRefusedQuickly) {
  // Sparse files: their size is what is tested, not the disk. 200 MB is read and refused as
  // plain text over the text limit; 300 MB is refused before it is read.
  std::string big = Path("200 MB.txt"), huge = Path("300 MB.txt");
  ASSERT_EQ(::truncate(Write("200 MB.txt", "").c_str(), 200'000'000), 0);
  ASSERT_EQ(::truncate(Write("300 MB.txt", "").c_str(), 300'000'000), 0);
  ExpectRefused(big, "plain text file too large: 200000000 bytes");
  ExpectRefused(huge, "file too large: 300000000 bytes, more than the limit of " +
                          std::to_string(kMaxFileBytes) + " (256 MiB)");
  ExpectImportGoesOn(huge, "file too large: 300000000 bytes");
}

TEST_F(HostileInputTest, HtmlOverTheLimitIsRefusedAndDeepHtmlIsRead) {
  // An HTML page's tree takes about fifty times the page: a big page of tiny elements is
  // refused by its size before it is parsed.
  const std::string start = "<html><body><p>KẾ HOẠCH</p><p>Thử nghiệm</p><p>I. NHIỆM VỤ</p>";
  std::string page = start + Repeat("<b>a</b>", kMaxTextBytes / 8 + 1) + "</body></html>";
  std::string big = Write("trang lớn.html", page);
  ExpectRefused(big, "HTML file too large: " + std::to_string(page.size()) +
                         " bytes, more than the limit of " + std::to_string(kMaxTextBytes));
  // 100,000 nested elements: the parser's depth limit keeps the walk over the tree shallow.
  const size_t depth = 100'000;
  std::string deep = Write("trang sâu.html", start + Repeat("<div>", depth) + "Sở Y tế thực hiện." +
                                                 Repeat("</div>", depth) + "</body></html>");
  CliRun r = Cli("extract --format summary " + Quote(deep));
  EXPECT_EQ(r.status, 0) << r.out.substr(0, 2000);
  EXPECT_NE(SummaryOf(r.out, deep).find("sections 1,"), std::string::npos) << r.out;
}

TEST_F(HostileInputTest, TooManyLinesIsRefusedNamingTheLimit) {
  std::string text = "KẾ HOẠCH\n" + std::string(kMaxLines, '\n');
  std::string file = Write("quá nhiều dòng.txt", text);
  ExpectRefused(file, "too many lines: " + std::to_string(kMaxLines + 2) +
                          ", more than the limit of " + std::to_string(kMaxLines));
}

// --- large inputs within the limits: correct results ----------------------------------------

TEST_F(HostileInputTest, VeryLongLineOfCitationsIsExtractedCompletely) {
  // Every citation on one line, with no sentence break: each must be found, keyed and dated,
  // and the time must stay linear (the tail after each symbol is read within a window).
  const std::string piece = "Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị ";
  const size_t n = std::min(Scaled(100'000), kMaxTextBytes / piece.size() - 10);  // fits the limit
  std::string text = std::string(kHeader) + "- Triển khai " + Repeat(piece, n) + "\n";
  std::string file = Write("dòng dài hợp lệ.txt", text);
  CliRun r = Cli("extract --format summary " + Quote(file));
  ASSERT_EQ(r.status, 0) << r.out.substr(0, 2000);
  EXPECT_NE(SummaryOf(r.out, file).find("citations " + std::to_string(n) + ","),
            std::string::npos)
      << r.out.substr(0, 2000);
  // The details on a smaller line, in-process, its citations separated by ";" so that each
  // names its issuer (without punctuation the issuer runs on, up to the tail window).
  Extraction e = testing::ExtractText(
      std::string(kHeader) + "- Triển khai " +
      Repeat("Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị; ", 500) + "\n");
  ASSERT_EQ(e.citations.size(), 500u);
  for (const Citation& c : e.citations) {
    EXPECT_EQ(c.key, "2|NQ-TW|2021");
    EXPECT_EQ(c.date, "2021-06-12");
    EXPECT_EQ(c.issuer, "Bộ Chính trị");
    EXPECT_EQ(c.relation, "implements");  // the cue opening the item
    EXPECT_EQ(c.span.line, 7);
  }
}

TEST_F(HostileInputTest, TenThousandDeepNumberingGivesABoundedTree) {
  // Labels "1.", "1.1.", "1.1.1." … and then labels 10,000 levels deep. The outline grammar
  // has ten decimal levels (see segmenter.cc): deeper labels are siblings at the deepest one,
  // so the tree depth is bounded and nothing recurses along it.
  const int kLadder = 30, kDeepest = 10'000;
  const size_t deep_lines = Scaled(100);
  std::string text = std::string(kHeader);
  std::string label = "1";
  for (int i = 0; i < kLadder; ++i, label += ".1") text += label + ". Mục cấp " + std::to_string(i) + "\n";
  const std::string deepest = "1" + Repeat(".1", kDeepest - 1);
  for (size_t i = 0; i < deep_lines; ++i) text += deepest + ". Mục rất sâu\n";
  std::string file = Write("đánh số sâu.txt", text);
  CliRun r = Cli("extract " + Quote(file));
  ASSERT_EQ(r.status, 0) << r.out.substr(0, 2000);
  json j = json::parse(r.out);
  const json& sections = j["sections"];
  ASSERT_EQ(sections.size(), 1 + kLadder + deep_lines);
  // "I." depth 1, "1." depth 2, "1.1" depth 3 … a label of 11 or more numbers depth 12.
  EXPECT_EQ(sections[0]["label"], "I");
  for (size_t i = 1; i < sections.size(); ++i) {
    const json& s = sections[i];
    const std::string label_of_s = s["label"].get<std::string>();
    int numbers = static_cast<int>(std::count(label_of_s.begin(), label_of_s.end(), '.')) + 1;
    EXPECT_EQ(s["depth"], std::min(numbers, 11) + 1) << "section " << i;
    int parent = s["parent"].get<int>();
    EXPECT_EQ(sections[parent]["depth"].get<int>(), s["depth"].get<int>() - 1) << "section " << i;
  }
  EXPECT_EQ(sections.back()["label"].get<std::string>().size(), deepest.size());
  // The text form indents by depth; the store keeps the tree.
  EXPECT_EQ(Cli("extract --format text " + Quote(file)).status, 0);
  ASSERT_EQ(Import(Quote(file)).status, 0);
  EXPECT_EQ(Stats()["sections"], sections.size());
}

TEST_F(HostileInputTest, MillionBulletsScaledBecomeOneTaskEach) {
  // One bullet per line under the task section: each a task assigned to Sở Y tế (short, so
  // that a million of them stay within the text limit).
  const size_t n = Scaled(100'000);
  std::string text = std::string(kHeader);
  text.reserve(text.size() + 24 * n);
  for (size_t i = 0; i < n; ++i) text += "- Sở Y tế làm " + std::to_string(i) + ".\n";
  std::string file = Write("một triệu gạch đầu dòng.txt", text);
  CliRun r = Cli("extract --format summary " + Quote(file));
  ASSERT_EQ(r.status, 0) << r.out.substr(0, 2000);
  const std::string count = std::to_string(n);
  EXPECT_NE(SummaryOf(r.out, file).find("sections 1, citations 0, targets 0, tasks " + count +
                                        " (" + count + " assigned, 0 with deadline)"),
            std::string::npos)
      << r.out.substr(0, 2000);
  std::string good = Write("kế hoạch tốt.txt", kGoodPlan);
  CliRun imported = Import(Quote(file) + " " + Quote(good));
  ASSERT_EQ(imported.status, 0) << imported.out.substr(0, 2000);
  json stats = Stats();
  EXPECT_EQ(stats["documents"], 2);
  EXPECT_EQ(stats["tasks"], n + 1);
  EXPECT_EQ(stats["assignments"], n + 2);  // the good plan's task has a lead and a support
}

// --- pathological text for every rule family --------------------------------------------------

struct Pathology {
  std::string name;
  std::string text;
  std::string expected;  // a part of the summary line that must hold, or "" (only: extracted)
};

std::vector<Pathology> Pathologies(size_t n) {
  const std::string h = kHeader;
  const std::string goal = "ỦY BAN NHÂN DÂN TỈNH\nKẾ HOẠCH\nThử nghiệm\nI. MỤC TIÊU\n";
  std::string slips, bodies, aliases, xrefs, headed;
  for (size_t i = 0; i < n / 10; ++i) {
    std::string letters;
    for (size_t k = i, d = 0; d < 4; ++d, k /= 26) letters += static_cast<char>('A' + k % 26);
    slips += "- Nghị quyết số 1-NQ/" + letters + " ngày 1/1/2020 của Tỉnh ủy\n";
    bodies += "- Sở " + letters + " Thành Phố chủ trì thực hiện.\n";
    aliases += "- Nghị quyết số " + std::to_string(i + 1) + "-NQ/TW (sau đây gọi tắt là Nghị quyết " +
               letters + ") và Nghị quyết " + letters + ".\n";
    xrefs += "- Sở Y tế: tham mưu các nội dung 1.1, 1.2 của Khoản 1, Mục I\n";
    headed += "- Sở Y tế thực hiện việc " + std::to_string(i) + ".\n";
  }
  return {
      // Citations.
      {"nghị quyết không số", h + "- " + Repeat("Nghị quyết số ", n) + "\n", "citations 0,"},
      {"kí hiệu dài", h + "- Nghị quyết số 1" + Repeat("-NQ", n) + "\n", "citations 1,"},
      {"căn cứ lặp", h + Repeat("căn cứ ", n) + "Nghị quyết số 02-NQ/TW\n", "citations 1,"},
      {"tiêu đề không đóng", h + "- Nghị quyết số 02-NQ/TW về “" + Repeat("nội dung ", n) + "\n",
       "citations 1,"},
      {"nhầm kí hiệu", h + slips, "citations " + std::to_string(n / 10) + ","},
      {"nhiều năm", h + "- Nghị quyết số 02-NQ/TW ngày 1/1/2020\n- Nghị quyết số 02-NQ/TW ngày "
                        "1/1/2021\n" + Repeat("- Nghị quyết số 02-NQ/TW\n", n / 10),
       "citations " + std::to_string(n / 10 + 2) + ","},
      {"tên viết tắt", h + aliases, ""},
      // Targets and numbers.
      {"hàng nghìn chữ số", goal + "- Đạt " + Repeat("1234567890", n / 10) + " người\n",
       "targets 0,"},
      {"nhiều chỉ tiêu", goal + "- Phấn đấu " + Repeat("đạt 50% số xã ", n) + "\n", ""},
      // Deadlines.
      {"ngày ngày ngày", h + "- Sở Y tế hoàn thành trước " + Repeat("ngày ", n) + "\n",
       "(1 assigned, 0 with deadline)"},
      {"nhiều thời hạn", h + "- Sở Y tế thực hiện " + Repeat("trước ngày 15/12/2025, ", n) + "\n",
       ""},
      // Assignees.
      {"phối hợp với", h + "- Sở Tài chính chủ trì, " + Repeat("phối hợp với Sở Y tế, ", n) + "\n",
       ""},
      {"100 nghìn dấu phẩy", h + "- Sở Tài chính, " + Repeat("a, ", n) + "thực hiện\n", "tasks 1 ("},
      {"tên viết hoa dài", h + "- Giao Sở " + Repeat("Tài Chính Nhân Dân ", n) + "thực hiện\n",
       "tasks 1 ("},
      {"tên song song", h + "- " + Repeat("Sở a, ", n) + "thực hiện\n", ""},
      {"giao lặp", h + "- " + Repeat("giao Sở Tài chính, ", n) + "\n", ""},
      {"câu ngắn", h + "- " + Repeat("Sở Y tế. ", n) + "\n", ""},
      {"nhiều cơ quan", h + bodies, "tasks " + std::to_string(n / 10) + " ("},
      {"dẫn chiếu", h + "1. Chung\n1.1. Nhiệm vụ một\n1.2. Nhiệm vụ hai\n" + xrefs, ""},
      // Segmenter: tables, markup, headings.
      {"bảng 100 nghìn ô", h + "| Nội dung | Chủ trì |\n|---|---|\n" + Repeat("| việc ", n) + "|\n",
       ""},
      {"ô TAB", h + Repeat("việc\t", n) + "\n", ""},
      {"dấu sao", h + "- " + Repeat("**a", n) + "\n", "tasks 1 ("},
      {"đề mục nối dòng", h + "1. Nhiệm vụ chung\n" + Repeat("tiếp tục nội dung của đề mục\n", n),
       "sections 2,"},
      {"đề mục rất dài", h + "1. Nhiệm vụ " + Repeat("chung ", n) + "\n" + headed, "sections 2,"},
      {"ngày trong đầu văn bản", "| " + Repeat("ngày | ", n) + "\nKẾ HOẠCH\nThử nghiệm\n", ""},
  };
}

TEST_F(HostileInputTest, PathologicalTextForEveryRuleIsExtractedInBoundedTime) {
  const size_t n = Scaled(20'000);
  std::vector<Pathology> cases = Pathologies(n);
  for (const Pathology& p : cases) Write("bệnh lý/" + p.name + ".txt", p.text);
  CliRun r = Cli("extract --format summary " + Quote(Path("bệnh lý")));
  EXPECT_EQ(r.status, 0) << r.out.substr(0, 3000);
  EXPECT_NE(r.out.find("extracted " + std::to_string(cases.size()) + " of " +
                       std::to_string(cases.size()) + " files, 0 failed"),
            std::string::npos)
      << r.out.substr(0, 3000);
  for (const Pathology& p : cases) {
    std::string line = SummaryOf(r.out, Path("bệnh lý/" + p.name + ".txt"));
    EXPECT_FALSE(line.empty()) << p.name;
    EXPECT_NE(line.find(p.expected), std::string::npos) << p.name << ": " << line;
  }
  // The JSON of each is valid (every string cut at a character boundary).
  CliRun j = Cli("extract " + Quote(Path("bệnh lý")));
  ASSERT_EQ(j.status, 0);
  std::istringstream lines(j.out);
  std::string line;
  size_t parsed = 0;
  while (std::getline(lines, line)) {
    EXPECT_NO_THROW(json::parse(line)) << line.substr(0, 200);
    ++parsed;
  }
  EXPECT_EQ(parsed, cases.size());
}

// --- names, entries that are not files, link loops -------------------------------------------

TEST_F(HostileInputTest, EntriesThatAreNotDocumentsAreReportedAndSkipped) {
  // A folder with a plan under a Vietnamese name with spaces, a folder named like a file, a
  // broken link, a link loop, a FIFO, a link to the plan, and a link back up the tree.
  std::string plan = Write("hồ sơ/kế hoạch số 1 của Ủy ban.txt", kGoodPlan);
  // Other bytes than the plan's: the same bytes would be one document (a duplicate).
  std::string inner = Write("hồ sơ/x.txt/bên trong.txt", std::string(kGoodPlan) + "\n");
  fs::create_directories(dir_ / "hồ sơ/thư mục con/a");
  fs::create_symlink("..", dir_ / "hồ sơ/thư mục con/a/b");                 // a loop of folders
  fs::create_symlink("vòng.txt", dir_ / "hồ sơ/vòng.txt");                  // a loop of one link
  fs::create_symlink("không tồn tại.txt", dir_ / "hồ sơ/liên kết hỏng.txt");  // dangling
  fs::create_symlink("../kế hoạch số 1 của Ủy ban.txt", dir_ / "hồ sơ/thư mục con/bản sao.txt");
  ASSERT_EQ(::mkfifo(Path("hồ sơ/y.txt").c_str(), 0644), 0);  // reading it would wait forever
  const std::string folder = Path("hồ sơ");

  CliRun r = Import(Quote(folder));
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("plangraph: " + Path("hồ sơ/y.txt") +
                       ": a named pipe (FIFO), not a regular file; skipped"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("plangraph: " + Path("hồ sơ/liên kết hỏng.txt") +
                       ": broken symbolic link (its target does not exist)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("plangraph: " + Path("hồ sơ/vòng.txt") + ": symbolic link loop"),
            std::string::npos)
      << r.out;
  // The plan once (not again through its link or the loop), and the one in "x.txt/".
  EXPECT_NE(r.out.find("imported: " + plan), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("imported: " + inner), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("5 files, 2 imported, 0 unchanged, 0 replaced, 3 failed"), std::string::npos)
      << r.out;
  EXPECT_EQ(Stats()["documents"], 2);
  // The stored plan is found by its path, spaces and letters intact.
  CliRun show = Cli("show " + Quote(plan) + " --format json --db " + Quote(db_));
  ASSERT_EQ(show.status, 0) << show.out;
  EXPECT_EQ(json::parse(show.out)["document"]["symbol"], "7/KH-SYT");

  CliRun e = Cli("extract --format summary " + Quote(folder));
  EXPECT_EQ(e.status, 1) << e.out;
  EXPECT_NE(e.out.find("extracted 2 of 5 files, 3 failed"), std::string::npos) << e.out;
}

TEST_F(HostileInputTest, FifoOrDeviceNamedOnTheCommandLineDoesNotHang) {
  std::string fifo = Path("ống dẫn.txt");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  ExpectRefused(fifo, "a named pipe (FIFO), not a regular file; skipped");
  ExpectImportGoesOn(fifo, "a named pipe (FIFO), not a regular file; skipped");
  // /dev/zero never ends: reading it would exhaust memory.
  ExpectRefused("/dev/zero", "a character device, not a regular file; skipped");
  ExpectRefused(Path("không có.txt"), "no such file");
}

// --- the streamed JSON is the JSON -------------------------------------------------------------

TEST(HostileJsonStreamTest, StreamedJsonIsExactlyTheJsonTree) {
  // `extract` streams its JSON (json_stream.h); it must be byte for byte what dump() writes.
  std::vector<std::string> docs;
  for (const auto& entry : fs::directory_iterator(testing::SourceDir() + "/corpus/docs")) {
    docs.push_back(entry.path().string());
  }
  ASSERT_FALSE(docs.empty());
  std::sort(docs.begin(), docs.end());
  for (const std::string& doc : docs) {
    auto e = testing::ProjectExtractor().ExtractFile(doc);
    ASSERT_TRUE(e.ok()) << e.status().message();
    for (int indent : {-1, 0, 1, 2}) {
      std::ostringstream streamed;
      WriteExtractionJson(streamed, *e, indent);
      EXPECT_EQ(streamed.str(), ExtractionToJson(*e).dump(indent)) << doc << " indent " << indent;
    }
  }
  std::ostringstream empty;
  WriteExtractionJson(empty, Extraction{}, 1);
  EXPECT_EQ(empty.str(), ExtractionToJson(Extraction{}).dump(1));
}

}  // namespace
}  // namespace plangraph
