// Real Word files (../shared/real-formats/files, third-party: read in place, never copied):
// the facts each must give, and the facts none may invent. Skipped when ../shared is absent.
// Also the .doc/RTF reader's errors on files we make.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <thread>

#include "doc_reader.h"
#include "json_output.h"
#include "reader.h"
#include "test_util.h"

namespace plangraph {
namespace {

// The shared folder beside the repository (or beside the main checkout of a git worktree).
std::optional<std::string> RealFile(const std::string& name) {
  for (const char* up : {"/../shared", "/../../shared"}) {
    std::string path = testing::SourceDir() + up + "/real-formats/files/" + name;
    if (std::filesystem::exists(path)) return path;
  }
  return std::nullopt;
}

bool HasOffice() { return std::system("command -v soffice >/dev/null 2>&1") == 0; }

struct Expected {
  const char* file;
  const char* type;    // "" = none
  const char* symbol;  // "" = none (drafts leave "Số: /…" blank; a tracking sheet has none)
  const char* date;
  const char* issuer;
  const char* place;   // "" = none
  const char* must_contain;  // a piece of the document that must be extracted somewhere
};

TEST(WordFilesTest, RealWordFilesGiveTheirHeaderAndKeepTheirContent) {
  const Expected cases[] = {
      // Header laid out as a one-row table: issuer and place come from its cells.
      {"rf01-lamdong-tb-pci-2026.docx", "Thông báo", "", "", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
       "Lâm Đồng", "Hội nghị gặp mặt doanh nghiệp"},
      // The same notice as Word 97-2003.
      {"rf09-lamdong-tb-pci-2026.doc", "Thông báo", "", "", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
       "Lâm Đồng", "Hội nghị gặp mặt doanh nghiệp"},
      // "Số:" and the place and date sit in text boxes; the annex after the signature stays.
      {"rf04-laocai-sct-kh-huanluyen-2026.docx", "Kế hoạch", "", "",
       "UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG", "Lào Cai", "Rà soát vào điểm Nguyễn Thị Loan"},
      {"rf07-vptw-hd-36-2018.doc", "Hướng dẫn", "36-HD/VPTW", "2018-04-03", "", "Hà Nội",
       "Phạm vi điều chỉnh"},
      // A tracking sheet: no number or date of its own (its rows cite "Số 183/TB ngày 09/7/2014"),
      // and the deadline column is read cell by cell.
      {"rf10-travinh-bang-cv-chidao-2014.doc", "", "", "", "", "", "Trong tháng 7"},
      // A Công văn: no type word; a draft "Số: /UBND-NC" with a blank day. Its two-column header is
      // typed with runs of spaces on single lines, cut into columns at them.
      {"rf05-lamdong-cv-giao-5689-2025.docx", "Công văn", "", "", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
       "Lâm Đồng", "5689/BCA-C04"},
  };
  for (const Expected& c : cases) {
    std::optional<std::string> path = RealFile(c.file);
    if (!path) GTEST_SKIP() << "../shared/real-formats is not here; real Word files not checked";
    if (std::string(c.file).ends_with(".doc") && !HasOffice()) {
      ADD_FAILURE() << c.file << ": LibreOffice is not installed";
      continue;
    }
    auto r = testing::ProjectExtractor().ExtractFile(*path);
    ASSERT_TRUE(r.ok()) << r.status().message();
    const DocumentInfo& d = r->document;
    EXPECT_EQ(d.type, c.type) << c.file;
    EXPECT_EQ(d.symbol, c.symbol) << c.file;
    EXPECT_EQ(d.date, c.date) << c.file;
    if (*c.issuer) {
      EXPECT_EQ(d.issuer, c.issuer) << c.file;
    }
    EXPECT_EQ(d.place, c.place) << c.file;
    std::string json = ExtractionToJson(*r).dump();
    EXPECT_NE(json.find(c.must_contain), std::string::npos) << c.file << ": " << c.must_contain;
  }
}

TEST(WordFilesTest, TrackingSheetDeadlinesStayInTheirRows) {
  // antiword cut each cell to its first line and glued columns: the deadline column was lost.
  std::optional<std::string> path = RealFile("rf10-travinh-bang-cv-chidao-2014.doc");
  if (!path) GTEST_SKIP() << "../shared/real-formats is not here; real Word files not checked";
  if (!HasOffice()) GTEST_SKIP() << "LibreOffice is not installed";
  auto r = testing::ProjectExtractor().ExtractFile(*path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_FALSE(r->tasks.empty());
  const Task& first = r->tasks.front();
  EXPECT_EQ(first.text.rfind("Tham mưu lập thủ tục xin chủ trương", 0), 0u) << first.text;
  ASSERT_TRUE(first.deadline.has_value());
  EXPECT_EQ(first.deadline->text, "Trong tháng 7");
  ASSERT_FALSE(first.assignees.empty());
  EXPECT_EQ(first.assignees.front().agency, "Phòng QLĐT");
}

TEST(WordFilesTest, RtfIsRecognisedByContentWhateverItsName) {
  EXPECT_TRUE(LooksLikeRtf("{\\rtf1\\ansi hello}"));
  EXPECT_TRUE(LooksLikeRtf("\xEF\xBB\xBF\r\n{\\rtf1}"));
  EXPECT_FALSE(LooksLikeRtf("{\\rt"));
  EXPECT_FALSE(LooksLikeRtf("rtf1 {\\rtf1}"));
  EXPECT_FALSE(LooksLikeRtf("\xD0\xCF\x11\xE0"));
}

TEST(WordFilesTest, RtfNamedDocIsReadAsADocument) {
  if (!HasOffice()) GTEST_SKIP() << "LibreOffice is not installed";
  // RTF escapes: \'e1 is "á" in Windows-1252 code page text, \uN? a Unicode character.
  std::string rtf =
      "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n"
      "\\f0 K\\u7871? ho\\u7841?ch tri\\u7875?n khai n\\u259?m 2024\\par\n"
      "S\\u7903? T\\'e0i ch\\'ednh ch\\u7911? tr\\'ec th\\u7921?c hi\\u7879?n\\par\n}";
  auto r = DecodeBytes("ke-hoach.doc", rtf);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, "rtf");
  EXPECT_EQ(r->text, "Kế hoạch triển khai năm 2024\nSở Tài chính chủ trì thực hiện\n");
}

TEST(WordFilesTest, DocConversionsRunSideBySide) {
  // Each conversion has its own LibreOffice profile: two at once must not hand their work to
  // one another's instance or share a lock.
  if (!HasOffice()) GTEST_SKIP() << "LibreOffice is not installed";
  std::ifstream in(testing::SourceDir() + "/tests/fixtures/legacy/dmc-kh-31-2024.vni.doc",
                   std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Result<DocxText> first = Status::IOError("not run"), second = Status::IOError("not run");
  std::thread other([&] { second = ReadDoc("b.doc", bytes); });
  first = ReadDoc("a.doc", bytes);
  other.join();
  ASSERT_TRUE(first.ok()) << first.status().message();
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(first->text, second->text);
  EXPECT_EQ(first->legacy_fonts, "VNI runs (font VNI-Times)");
}

TEST(WordFilesTest, TruncatedDocSaysSo) {
  std::ifstream in(testing::SourceDir() + "/tests/fixtures/doc/daklak-kh-49-2021.doc",
                   std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(bytes.size(), 4096u);
  auto r = DecodeBytes("cut.doc", bytes.substr(0, 2048));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().rfind("cut.doc: truncated Word 97-2003 file (2048 bytes, its "
                                       "index needs ",
                                       0),
            0u)
      << r.status().message();
}

TEST(WordFilesTest, NamedEncodingReadsEveryLegacyRunOfAWordFile) {
  // VNI bytes under a font that claims TCVN3: --encoding VNI settles it without the content.
  std::ifstream in(testing::SourceDir() +
                       "/tests/fixtures/legacy/daklak-kh-49-2021.mislabelled.docx",
                   std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto named = DecodeBytesAs("plan.docx", bytes, "VNI");
  ASSERT_TRUE(named.ok()) << named.status().message();
  EXPECT_EQ(named->encoding, "VNI-Windows runs (given)");
  EXPECT_EQ(named->format, "docx");
  auto detected = DecodeBytes("plan.docx", bytes);
  ASSERT_TRUE(detected.ok());
  EXPECT_EQ(named->text, detected->text);
  EXPECT_NE(named->text.find("Tỉnh ủy Đắk Lắk"), std::string::npos);

  auto unicode_only = DecodeBytesAs("plan.docx", bytes, "Windows-1258");
  ASSERT_FALSE(unicode_only.ok());
  EXPECT_EQ(unicode_only.status().message(),
            "plan.docx: --encoding Windows-1258 does not apply to a Word file (its text is "
            "Unicode; legacy font runs are TCVN3 or VNI-Windows)");
}

}  // namespace
}  // namespace plangraph
