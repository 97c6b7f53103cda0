// Real PDF files (../shared/real-formats/files, third-party, not in the repository): the facts
// each must give, and the refusals. Skipped when the folder is absent. PLANGRAPH_SHARED_DIR
// names another location of ../shared.
//
// Regressions: rf13's header merged the left and right blocks line by line (no date, place or
// issuer) and its "Nơi nhận" list and signature became tasks; rf15's "Căn cứ" lines were joined;
// rf17 (broken font map) and rf19 (scan with a signature stamp) imported as garbage or empty.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "test_util.h"

namespace plangraph {
namespace {

std::string RealFile(const std::string& name) {
  const char* env = std::getenv("PLANGRAPH_SHARED_DIR");
  std::string shared = env != nullptr ? env : testing::SourceDir() + "/../shared";
  return shared + "/real-formats/files/" + name;
}

#define REQUIRE_REAL_FILE(path)                 \
  if (!std::filesystem::exists(path))           \
  GTEST_SKIP() << path                          \
               << " absent (third-party files " \
                  "are not in the repository)"

Result<Extraction> Read(const std::string& path, OcrMode ocr) {
  return testing::ProjectExtractor().ExtractFile(path, ReadOptions{"", ocr});
}

// No line of the closing block ("Nơi nhận" list, signature, signer) is a task or a paragraph.
void ExpectNoClosingBlockInBody(const Extraction& e, const std::vector<std::string>& signature) {
  std::vector<std::string> closing = {"Như trên", "Lưu:", "Nơi nhận"};
  closing.insert(closing.end(), signature.begin(), signature.end());
  for (const Task& t : e.tasks) {
    for (const std::string& c : closing) EXPECT_EQ(t.text.find(c), std::string::npos) << t.text;
  }
}

TEST(RealPdfTest, Rf13CongVanHeaderAndClosingBlock) {
  const std::string path = RealFile("rf13-laocai-cv-7432-2026.pdf");
  REQUIRE_REAL_FILE(path);
  auto e = Read(path, OcrMode::kNever);
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ(e->encoding, "PDF text layer");
  EXPECT_EQ(e->document.symbol, "7432/UBND-XD");
  EXPECT_EQ(e->document.date, "2026-07-21");
  EXPECT_EQ(e->document.place, "Lào Cai");
  // The header extractor names the issuer only for documents with a type line; a Công văn has
  // none (header.cc), so there is no issuer to check here.
  EXPECT_FALSE(e->tasks.empty());
  ExpectNoClosingBlockInBody(*e, {"CHỦ TỊCH", "Phan Trung Bá"});
}

TEST(RealPdfTest, Rf15QuyetDinhHeaderAndCitations) {
  const std::string path = RealFile("rf15-bxd-qd-1074-2026.pdf");
  REQUIRE_REAL_FILE(path);
  auto e = Read(path, OcrMode::kNever);
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ(e->document.type, "Quyết định");
  EXPECT_EQ(e->document.symbol, "1074/QĐ-BXD");
  EXPECT_EQ(e->document.date, "2026-06-29");
  EXPECT_EQ(e->document.place, "Hà Nội");
  EXPECT_EQ(e->document.issuer, "BỘ XÂY DỰNG");
  // Each "Căn cứ" line is its own citation, with its own date.
  std::map<std::string, std::string> dates;
  for (const Citation& c : e->citations) dates[c.symbol] = c.date;
  EXPECT_EQ(dates["55/2024/QH15"], "2024-11-29");
  EXPECT_EQ(dates["33/2025/NĐ-CP"], "2025-02-25");
  EXPECT_EQ(dates["105/2025/NĐ-CP"], "2025-05-15");
  EXPECT_EQ(dates["235/QĐ-TTg"], "2025-01-25");
  ExpectNoClosingBlockInBody(*e, {"BỘ TRƯỞNG"});
}

TEST(RealPdfTest, Rf17BrokenFontMapIsRefusedWithoutOcr) {
  const std::string path = RealFile("rf17-laocai-sct-kh-1105-2026.pdf");
  REQUIRE_REAL_FILE(path);
  auto e = Read(path, OcrMode::kNever);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().kind(), Status::Kind::kUnreadable);
  const std::string& m = e.status().message();
  EXPECT_EQ(m.rfind(path + ": the PDF's text layer is unreadable (broken font map): ", 0), 0u) << m;
  EXPECT_NE(m.find("; read it by OCR with --ocr auto"), std::string::npos) << m;
}

TEST(RealPdfTest, Rf19StampOnlyCopyIsRefusedWithoutOcr) {
  const std::string path = RealFile("rf19-bca-cv-4409-2025-signed.pdf");
  REQUIRE_REAL_FILE(path);
  auto e = Read(path, OcrMode::kNever);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().kind(), Status::Kind::kUnreadable);
  EXPECT_EQ(e.status().message(),
            path +
                ": the PDF's only text is an e-signature stamp (its body is a scanned image); "
                "read it by OCR with --ocr auto");
}

// OCR: slow (seconds per page), one test per file.
TEST(RealPdfOcrTest, Rf17IsReadByOcr) {
  const std::string path = RealFile("rf17-laocai-sct-kh-1105-2026.pdf");
  REQUIRE_REAL_FILE(path);
  auto e = Read(path, OcrMode::kAuto);
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ(e->encoding.rfind("OCR (Tesseract, vie), confidence 0.", 0), 0u) << e->encoding;
  EXPECT_EQ(e->document.type, "Kế hoạch");
  EXPECT_EQ(e->document.date, "2026-03-10");
  EXPECT_EQ(e->document.place, "Lào Cai");
  EXPECT_NE(e->document.issuer.find("SỞ CÔNG THƯƠNG"), std::string::npos) << e->document.issuer;
  EXPECT_FALSE(e->sections.empty());
  for (const Task& t : e->tasks) {
    EXPECT_EQ(t.text.find("Ӌ"), std::string::npos) << t.text;
    EXPECT_EQ(t.text.find("Ĉ"), std::string::npos) << t.text;
  }
}

TEST(RealPdfOcrTest, Rf19IsReadByOcr) {
  const std::string path = RealFile("rf19-bca-cv-4409-2025-signed.pdf");
  REQUIRE_REAL_FILE(path);
  auto e = Read(path, OcrMode::kAuto);
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ(e->encoding.rfind("OCR (Tesseract, vie), confidence 0.", 0), 0u) << e->encoding;
  // The scan is poor (the number reads "4H09", the day is a blot), so only what OCR reads
  // reliably is pinned: the place, and the documents cited in the body.
  EXPECT_EQ(e->document.place, "Hà Nội");
  std::set<std::string> cited;
  for (const Citation& c : e->citations) cited.insert(c.symbol);
  for (const char* symbol : {"93/NQ-CP", "132-KL/TW", "36-CT/TW"}) {
    EXPECT_EQ(cited.count(symbol), 1u) << symbol;
  }
  for (const Task& t : e->tasks) EXPECT_EQ(t.text.find("Thời gian ký"), std::string::npos);
}

}  // namespace
}  // namespace plangraph
