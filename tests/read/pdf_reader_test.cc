// PDF reader: glyph substitutes mapped back, a text layer typed in a legacy 8-bit font
// converted (fixture from tools/make_pdf_fixtures.py).
#include "pdf_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "test_util.h"

namespace plangraph {
namespace {

TEST(PdfReaderTest, GlyphSubstitutesAreMappedBack) {
  struct Case {
    const char* layer;
    const char* text;
  };
  const Case kCases[] = {
      {"SỞ CÔNG THƢƠNG TỈNH YÊN BÁI", "SỞ CÔNG THƯƠNG TỈNH YÊN BÁI"},
      {"các đơn vị thực hiện theo hƣớng dẫn của Bộ Tƣ pháp",
       "các đơn vị thực hiện theo hướng dẫn của Bộ Tư pháp"},
      // "Õ" stands for "Ò" only in a font that prints the quốc hiệu "CỘNG HÕA".
      {"CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCÔNG TRÌNH HÕA BÌNH",
       "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCÔNG TRÌNH HÒA BÌNH"},
      {"Đ/c VÕ VĂN KIỆT; đường NGÕ HẺM", "Đ/c VÕ VĂN KIỆT; đường NGÕ HẺM"},
      {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nông VÕ THANH",
       "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nông VÕ THANH"},
  };
  for (const Case& c : kCases) EXPECT_EQ(FixGlyphSubstitutes(c.layer), c.text) << c.layer;
}

TEST(PdfReaderTest, LegacyFontTextLayerIsConverted) {
  auto r = testing::ProjectExtractor().ExtractFile(testing::SourceDir() +
                                                   "/tests/fixtures/pdf/legacy-font.pdf");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->encoding, "PDF text layer, legacy font: TCVN3 mojibake (via Windows-1252)");
  EXPECT_EQ(r->document.symbol, "15/KH-UBND");
  EXPECT_EQ(r->document.date, "2024-03-05");
  EXPECT_EQ(r->document.place, "An Giang");
  ASSERT_EQ(r->tasks.size(), 2u);
  ASSERT_TRUE(r->tasks[0].deadline.has_value());
  EXPECT_EQ(r->tasks[0].deadline->end, "2024-09-30");
  EXPECT_EQ(r->tasks[0].assignees.at(0).agency, "Sở Thông tin và Truyền thông");
}

}  // namespace
}  // namespace plangraph
