#include "segmenter.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace plangraph {
namespace {

using testing::ExtractText;

std::vector<std::string> Headings(const Extraction& e, int max_depth) {
  std::vector<std::string> out;
  for (const auto& s : e.sections) {
    if (s.depth >= 1 && s.depth <= max_depth) out.push_back(s.label + "|" + s.heading);
  }
  return out;
}

TEST(SegmenterTest, RomanNumeralWithHyphenStartsSection) {
  Extraction e = ExtractText("KẾ HOẠCH\nVề việc thử\n\nI- MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nội dung.\n"
                             "II. NHIỆM VỤ:\n");
  EXPECT_EQ(Headings(e, 2), (std::vector<std::string>{"I|MỤC ĐÍCH, YÊU CẦU", "1|Mục đích",
                                                       "II|NHIỆM VỤ"}));
}

TEST(SegmenterTest, WrappedHeadingIsJoined) {
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nI. NHIỆM VỤ\n5. Tăng cường sự lãnh đạo của Đảng đối với tổ chức và hoạt động\n"
                             "công đoàn\n\n- Bảo đảm sự lãnh đạo.\n");
  ASSERT_EQ(e.sections.size(), 2u);
  EXPECT_EQ(e.sections[1].heading,
            "Tăng cường sự lãnh đạo của Đảng đối với tổ chức và hoạt động công đoàn");
  EXPECT_EQ(e.sections[1].parent, 0);
  EXPECT_EQ(e.sections[1].depth, 2);
}

TEST(SegmenterTest, BodyLinesStartingWithNumbersAreNotHeadings) {
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nI. CHỈ TIÊU\n50.000 triệu đồng cho dự án.\n"
                             "28/7/1929 - 28/7/2024 kỷ niệm.\n2023 là năm bản lề.\n1.5 triệu đồng.\n");
  EXPECT_EQ(Headings(e, 9), (std::vector<std::string>{"I|CHỈ TIÊU"}));
}

TEST(SegmenterTest, TableRowsWithRomanNumeralsAreNotHeadings) {
  Extraction e = ExtractText("QUYẾT ĐỊNH\nThử\n\n| STT | Đơn vị | Vốn |\n|---|---|---|\n"
                             "| I | SỞ Y TẾ | 14.000 |\n| 1 | Trạm y tế xã A | 1.200 |\n");
  EXPECT_TRUE(Headings(e, 9).empty());
}

TEST(SegmenterTest, DecimalAndLetterLevelsNestBelowArabic) {
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nII. NỘI DUNG\n2. Trình tự\n2.1. Bước 1:\n"
                             "2.1.a. Thành lập Ban Chỉ đạo:\na) Việc khác\n");
  ASSERT_EQ(e.sections.size(), 5u);
  EXPECT_EQ(e.sections[2].label, "2.1");
  EXPECT_EQ(e.sections[2].depth, 3);
  EXPECT_EQ(e.sections[2].heading, "Bước 1");
  EXPECT_EQ(e.sections[3].label, "2.1.a");
  EXPECT_EQ(e.sections[3].parent, 2);
}

TEST(SegmenterTest, ShortTitleBeforeColonIsTheHeading) {
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nII. NỘI DUNG\n1. Thời gian kiểm tra: 13h30’ ngày 29/4/2026 (Thứ Tư).\n");
  ASSERT_EQ(e.sections.size(), 2u);
  EXPECT_EQ(e.sections[1].heading, "Thời gian kiểm tra");
}

TEST(SegmenterTest, StarBlocksAndArticlesSitOutsideTheNumberedOutline) {
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nII. MỤC TIÊU\n2. Mục tiêu cụ thể\n* Đến năm 2025\n- 100% cơ quan.\n");
  ASSERT_EQ(e.sections.size(), 3u);
  EXPECT_EQ(e.sections[2].kind, "star");
  EXPECT_EQ(e.sections[2].depth, 0);
  EXPECT_EQ(e.sections[2].parent, 1);
  Extraction q = ExtractText("QUYẾT ĐỊNH\nThử\n\nĐiều 1. Ban hành kèm theo Quyết định này.\n");
  ASSERT_EQ(q.sections.size(), 1u);
  EXPECT_EQ(q.sections[0].kind, "article");
  EXPECT_EQ(q.sections[0].depth, 0);
}

TEST(SegmenterTest, FooterStartsAtNoiNhanAndAttachedPlanResumesBody) {
  Extraction e = ExtractText("QUYẾT ĐỊNH\nThử\n\nĐiều 1. Ban hành.\nNơi nhận:\n- Như Điều 3;\n"
                             "I. KHÔNG PHẢI\nKẾ HOẠCH\nTRIỂN KHAI\n\nI. MỤC ĐÍCH\n");
  std::vector<std::string> h = Headings(e, 2);
  ASSERT_EQ(h.size(), 2u);  // the Roman line right after the footer restarts the body
  EXPECT_EQ(h.back(), "I|MỤC ĐÍCH");
}

TEST(SegmenterTest, CleanLineSplitsMarkdownTableCells) {
  Line l = CleanLine("| Số: 518/QĐ-UBND | Bình Định, ngày 23 tháng 02 năm 2023 |");
  EXPECT_TRUE(l.table_row);
  ASSERT_EQ(l.cells.size(), 2u);
  EXPECT_EQ(l.cells[0], "Số: 518/QĐ-UBND");
  Line bold = CleanLine("**TM. BAN THƯỜNG VỤ");
  EXPECT_EQ(bold.text, "TM. BAN THƯỜNG VỤ");
}

}  // namespace
}  // namespace plangraph
