#include "header_columns.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace plangraph {
namespace {

TEST(HeaderColumnsTest, SplitsATypedLineAtItsGutter) {
  struct Case {
    std::string raw;
    const char* left;
    const char* right;
  } cases[] = {
      {"      ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ỦY BAN NHÂN DÂN",
       "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
      {"       TỈNH QUẢNG NGÃI\t                  Độc lập - Tự do - Hạnh phúc", "TỈNH QUẢNG NGÃI",
       "Độc lập - Tự do - Hạnh phúc"},
      {"SỞ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ Y TẾ",
       "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
      // No-break spaces, as Word files type them.
      {"HUYỆN ỦY ĐẠI LỘC\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0ĐẢNG CỘNG SẢN VIỆT NAM",
       "HUYỆN ỦY ĐẠI LỘC", "ĐẢNG CỘNG SẢN VIỆT NAM"},
      // Blanks left for the number and the day are not the gutter; the widest other run is.
      {"     Số:             /UBND-NC                       Quảng Ngãi, ngày         tháng 12 năm "
       "2025     ",
       "Số: /UBND-NC", "Quảng Ngãi, ngày tháng 12 năm 2025"},
      {"Số:\t\t/KH-SYT\t\t\tCần Thơ, ngày\t\ttháng 3 năm 2025", "Số: /KH-SYT",
       "Cần Thơ, ngày tháng 3 năm 2025"},
      {"Số: 45      /KH-UBND        Huế, ngày 2 tháng 5 năm 2024", "Số: 45 /KH-UBND",
       "Huế, ngày 2 tháng 5 năm 2024"},
      // Markup is cleaned on each side.
      {"**ỦY BAN NHÂN DÂN**        **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "ỦY BAN NHÂN DÂN",
       "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
      // One side only: placed by its indent.
      {"                          Độc lập - Tự do - Hạnh phúc", "", "Độc lập - Tự do - Hạnh phúc"},
      {"\t\t\tHà Nội, ngày 3 tháng 4 năm 2026", "", "Hà Nội, ngày 3 tháng 4 năm 2026"},
      {"       HUYỆN ỦY ĐẠI LỘC", "HUYỆN ỦY ĐẠI LỘC", ""},
      // Two or three spaces stand between words, not columns.
      {"                 Số  49 -KH/TU", "Số 49 -KH/TU", ""},
      {"Đắk Lắk, ngày 16  tháng 11   năm 2021", "Đắk Lắk, ngày 16 tháng 11 năm 2021", ""},
      {"  \t  ", "", ""},
  };
  for (const Case& c : cases) {
    HeaderColumns got = SplitHeaderLine(c.raw);
    EXPECT_EQ(got.left, c.left) << c.raw;
    EXPECT_EQ(got.right, c.right) << c.raw;
  }
}

TEST(HeaderColumnsTest, CountsTheCellsOfATabRowWithoutItsBlanks) {
  EXPECT_EQ(SplitHeaderLine("Số:\t\t/KH-SYT\t\t\tCần Thơ, ngày\t\ttháng 3 năm 2025").tab_cells, 2);
  EXPECT_EQ(SplitHeaderLine("1\tTổ chức hội nghị\tSở Y tế\tTháng 7").tab_cells, 4);
  EXPECT_EQ(SplitHeaderLine("ỦY BAN NHÂN DÂN            CỘNG HÒA").tab_cells, 1);
}

bool NoTypeLine(std::string_view) { return false; }

TEST(HeaderColumnsTest, ReadsTheHeaderBlockColumnByColumnAndLeavesTheBodyWhole) {
  const std::string text =
      "ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "TỈNH QUẢNG NGÃI              Độc lập - Tự do - Hạnh phúc\n"
      "\n"
      "Số: 123/UBND-KT              Quảng Ngãi, ngày 3 tháng 4 năm 2026\n"
      "V/v tăng cường phòng, chống dịch\n"
      "                                       Kính gửi: Sở Y tế.\n"
      "Ủy ban nhân dân tỉnh nhận được văn bản của Bộ Y tế về việc phòng, chống dịch    trong "
      "mùa mưa.\n"
      "Đề nghị     Sở Y tế khẩn trương triển khai.\n";
  Segmentation seg = Segment(text, NoTypeLine);
  std::vector<std::string> want = {
      "ỦY BAN NHÂN DÂN",
      "TỈNH QUẢNG NGÃI",
      "Số: 123/UBND-KT",
      "V/v tăng cường phòng, chống dịch",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Quảng Ngãi, ngày 3 tháng 4 năm 2026",
      "Kính gửi: Sở Y tế.",
      // The body runs across the page: it ends the block, and no line after it is cut.
      "Ủy ban nhân dân tỉnh nhận được văn bản của Bộ Y tế về việc phòng, chống dịch trong mùa mưa.",
      "Đề nghị Sở Y tế khẩn trương triển khai.",
  };
  EXPECT_EQ(HeaderPiecesByColumn(text, seg, 0, static_cast<int>(seg.lines.size())), want);
}

TEST(HeaderColumnsTest, TableRowsKeepTheirCellsAndWideRowsAreLeftOut) {
  const std::string text =
      "| SỞ Y TẾ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
      "| Số: 12/KH-SYT | Huế, ngày 2 tháng 5 năm 2024 |\n"
      "1\tTổ chức hội nghị\tSở Y tế\tTháng 7\n";
  Segmentation seg = Segment(text, NoTypeLine);
  std::vector<std::string> want = {"SỞ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/KH-SYT",
                                   "Huế, ngày 2 tháng 5 năm 2024"};
  EXPECT_EQ(HeaderPiecesByColumn(text, seg, 0, static_cast<int>(seg.lines.size())), want);
}

}  // namespace
}  // namespace plangraph
