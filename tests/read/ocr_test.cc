// OCR of scans: a plan printed to PDF, rendered to a 200 dpi image-only PDF
// (tools/make_scan_fixture.py) and to a PNG, must extract like the original. Slow: Tesseract
// takes seconds per page. Skipped when poppler-utils (pdftoppm) is missing.
#include "ocr.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "json_output.h"
#include "scoring.h"
#include "test_util.h"

namespace plangraph {
namespace {

const char kSeed[] = "daklak-kh-49-2021";  // corpus/docs/ → tests/fixtures/pdf/ (text layer)

bool HavePdftoppm() { return testing::Shell("command -v pdftoppm >/dev/null 2>&1").status == 0; }

// The extraction of `original` in the form of a gold annotation (GOLD.md), so that the scorer
// measures how far `variant` agrees with it.
double Agreement(const Extraction& original, const Extraction& variant) {
  PredictedFields fields = ExtractPredictedFields(ExtractionToJson(original));
  nlohmann::json gold = {{"document", fields.document},   {"citations", fields.citations},
                         {"headings", fields.headings},   {"targets", fields.targets},
                         {"assignees", fields.assignees}, {"deadlines", fields.deadlines}};
  return ScoreDocument(ExtractionToJson(variant), gold, nullptr, "variant").OverallF1();
}

Extraction Extract(const std::string& path, OcrMode ocr = OcrMode::kAuto) {
  auto r = testing::ProjectExtractor().ExtractFile(path, ReadOptions{"", ocr});
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : Extraction{};
}

TEST(OcrTest, ScannedPlanExtractsLikeItsOriginal) {
  if (!HavePdftoppm()) GTEST_SKIP() << "pdftoppm (poppler-utils) not installed";
  std::filesystem::path dir = testing::FreshTestDir("ocr");
  std::string pdf = testing::SourceDir() + "/tests/fixtures/pdf/" + kSeed + ".pdf";
  std::string scan = (dir / "scan.pdf").string();
  ASSERT_EQ(testing::Shell("python3 " +
                           testing::Quote(testing::SourceDir() + "/tools/make_scan_fixture.py") +
                           " " + testing::Quote(pdf) + " " + testing::Quote(scan) + " 200")
                .status,
            0);
  Extraction original = Extract(testing::SourceDir() + "/corpus/docs/" + kSeed + ".txt");
  Extraction ocr = Extract(scan);
  EXPECT_EQ(ocr.format, "pdf");
  EXPECT_EQ(ocr.encoding.rfind("OCR (Tesseract, vie), confidence 0.", 0), 0u) << ocr.encoding;
  EXPECT_EQ(ocr.document.symbol, original.document.symbol);
  EXPECT_EQ(ocr.document.date, original.document.date);
  double agreement = Agreement(original, ocr);
  EXPECT_GE(agreement, 0.90);
  std::cerr << "OCR of a 200 dpi scan: agreement " << agreement << " with the original\n";
}

TEST(OcrTest, ImageFileIsReadByOcr) {
  if (!HavePdftoppm()) GTEST_SKIP() << "pdftoppm (poppler-utils) not installed";
  std::filesystem::path dir = testing::FreshTestDir("ocr");
  std::string pdf = testing::SourceDir() + "/tests/fixtures/pdf/" + kSeed + ".pdf";
  ASSERT_EQ(testing::Shell("pdftoppm -png -gray -r 200 -f 1 -l 1 -singlefile " +
                           testing::Quote(pdf) + " " + testing::Quote((dir / "page").string()))
                .status,
            0);
  std::string png = (dir / "page.png").string();
  Extraction page = Extract(png);
  EXPECT_EQ(page.format, "image");
  EXPECT_EQ(page.document.type, "Kế hoạch");
  EXPECT_EQ(page.document.symbol, "49-KH/TU");
  EXPECT_EQ(page.document.date, "2021-11-16");
  auto refused = testing::ProjectExtractor().ExtractFile(png, ReadOptions{"", OcrMode::kNever});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().kind(), Status::Kind::kUnreadable);
  EXPECT_EQ(refused.status().message(),
            png + ": an image (a scan) is read only by OCR, and --ocr never forbids it");
}

TEST(OcrTest, MissingVietnameseModelIsAClearError) {
  std::filesystem::path dir = testing::FreshTestDir("ocr");
  const char* old = std::getenv("TESSDATA_PREFIX");
  std::string saved = old != nullptr ? old : "";
  setenv("TESSDATA_PREFIX", dir.c_str(), 1);
  std::ifstream in(testing::SourceDir() + "/tests/fixtures/pdf/scanned.pdf", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto r = OcrPdf("scan.pdf", bytes);
  if (old != nullptr)
    setenv("TESSDATA_PREFIX", saved.c_str(), 1);
  else
    unsetenv("TESSDATA_PREFIX");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "scan.pdf: OCR needs Tesseract's Vietnamese model, and " + dir.string() +
                "/vie.traineddata does not exist (install the Debian package tesseract-ocr-vie, "
                "or set TESSDATA_PREFIX to the folder holding vie.traineddata)");
}

TEST(OcrTest, ImageMagicNumbers) {
  EXPECT_TRUE(LooksLikeImage("\x89PNG\r\n\x1a\n...."));
  EXPECT_TRUE(LooksLikeImage("\xFF\xD8\xFF\xE0...."));
  EXPECT_TRUE(LooksLikeImage(std::string("II*\0....", 8)));
  EXPECT_TRUE(LooksLikeImage(std::string("MM\0*....", 8)));
  EXPECT_FALSE(LooksLikeImage("%PDF-1.4"));
  EXPECT_FALSE(LooksLikeImage("Kế hoạch số 12"));
}

}  // namespace
}  // namespace plangraph
