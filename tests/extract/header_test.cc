#include "header.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace plangraph {
namespace {

using testing::ExtractText;

TEST(HeaderTest, SymbolDateAndTypeFromTwoColumnHeader) {
  struct Case {
    const char* text;
    const char* type;
    const char* symbol;
    const char* date;
  } cases[] = {
      {"TỈNH ỦY ĐẮK LẮK\n*\n Số  49 -KH/TU\n\tĐẢNG CỘNG SẢN VIỆT NAM\n Đắk Lắk, ngày 16  tháng 11 năm 2021\n\nKẾ HOẠCH\nThực hiện\n",
       "Kế hoạch", "49-KH/TU", "2021-11-16"},
      {"Huyện DMC, ngày 01 tháng 4 năm 2024\n\nSố: 31/KH- LĐLĐ\n\nKẾ HOẠCH\n\nThực hiện\n",
       "Kế hoạch", "31/KH-LĐLĐ", "2024-04-01"},
      {"| ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
       "| Số: 518/QĐ-UBND | Bình Định, ngày 23 tháng 02 năm 2023 |\n\nQUYẾT ĐỊNH\n\nVỀ VIỆC\n",
       "Quyết định", "518/QĐ-UBND", "2023-02-23"},
      // A line above the header that cites another document's date is not the issue date.
      {"# Hướng dẫn thực hiện Quyết định số 22/2013/QĐ-TTg ngày 26 tháng 4 năm 2013 của Thủ tướng\n"
       "| ỦY BAN NHÂN DÂN THÀNH PHỐ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|\n"
       "| Số: 3210/QĐ - UBND | Thành phố Hồ Chí Minh, ngày 28 tháng 6 năm 2014 |\n\nQUYẾT ĐỊNH\n\nVỀ VIỆC\n",
       "Quyết định", "3210/QĐ-UBND", "2014-06-28"},
      {"SỞ CÔNG THƯƠNG\nSố:           /KH-SCT\t\t   Lào Cai,  ngày       tháng 4 năm 2026\nKẾ HOẠCH\nKiểm tra\n",
       "Kế hoạch", "", ""},
  };
  for (const Case& c : cases) {
    Extraction e = ExtractText(c.text);
    EXPECT_EQ(e.document.type, c.type) << c.text;
    EXPECT_EQ(e.document.symbol, c.symbol) << c.text;
    EXPECT_EQ(e.document.date, c.date) << c.text;
  }
}

TEST(HeaderTest, IssuerAndPlace) {
  Extraction e = ExtractText("TỈNH ỦY ĐẮK LẮK\n*\nSố 49-KH/TU\nĐắk Lắk, ngày 16 tháng 11 năm 2021\nKẾ HOẠCH\nThử\n");
  EXPECT_EQ(e.document.place, "Đắk Lắk");
  EXPECT_EQ(e.document.issuer.rfind("TỈNH ỦY ĐẮK LẮK", 0), 0u);
  EXPECT_EQ(e.document.title, "Thử");
}

TEST(HeaderTest, ParseVietnameseDateRejectsImpossibleDates) {
  EXPECT_EQ(ParseVietnameseDate("ngày 16 tháng 11 năm 2021"), "2021-11-16");
  EXPECT_EQ(ParseVietnameseDate("ngày 12/6/2021"), "2021-06-12");
  EXPECT_EQ(ParseVietnameseDate("ngày 31/2/2021"), "");
  EXPECT_EQ(ParseVietnameseDate("ngày 29/2/2024"), "2024-02-29");
  EXPECT_EQ(ParseVietnameseDate("ngày      tháng 4 năm 2026"), "");
}

}  // namespace
}  // namespace plangraph
