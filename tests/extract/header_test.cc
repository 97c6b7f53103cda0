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

// A header typed as two columns side by side, held apart by runs of spaces or tabs (no table):
// each line is cut at its gutter, the left column giving the issuer and số, the right one the
// quốc hiệu, place and date. Collapsed, the columns merged line by line ("ỦY BAN NHÂN DÂN CỘNG
// HÒA …", "Số: 123/UBND-KT Quảng Ngãi, ngày …") and the issuer and place were lost.
TEST(HeaderTest, HeaderTypedInColumnsGivesIssuerNumberPlaceAndDate) {
  struct Case {
    std::string text;
    const char* type;
    const char* symbol;
    const char* date;
    const char* issuer;
    const char* place;
  };
  const std::vector<Case> cases = {
      // A letter (no type line) typed with spaces; a blank line inside the block.
      {"      ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "       TỈNH QUẢNG NGÃI              Độc lập - Tự do - Hạnh phúc\n"
       "  \n"
       "     Số: 123/UBND-KT                       Quảng Ngãi, ngày 3 tháng 4 năm 2026\n"
       " V/v tăng cường phòng, chống dịch\n"
       "                                         Kính gửi: Sở Y tế\n"
       "Ủy ban nhân dân tỉnh nhận được văn bản của Bộ Y tế về việc tăng cường phòng, chống dịch.\n",
       "Công văn", "123/UBND-KT", "2026-04-03", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "Quảng Ngãi"},
      // Tabs; an issuer over three lines; a draft's blanks for the number and the day.
      {"UBND TỈNH GIA LAI\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "SỞ NÔNG NGHIỆP\t\t\tĐộc lập - Tự do - Hạnh phúc\n"
       "VÀ MÔI TRƯỜNG\n"
       "Số:\t\t/KH-SNNMT\t\t\tGia Lai, ngày\t\ttháng 6 năm 2026\n"
       "\nKẾ HOẠCH\nPhòng, chống thiên tai năm 2026\n",
       "Kế hoạch", "", "", "UBND TỈNH GIA LAI SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Gia Lai"},
      // A party committee under its provincial party organisation; "Số" without a colon.
      {"ĐẢNG BỘ TỈNH QUẢNG NAM              ĐẢNG CỘNG SẢN VIỆT NAM\n"
       "   HUYỆN ỦY ĐẠI LỘC\n"
       "          *\n"
       "   Số 45-KH/HU                        Đại Lộc, ngày 12 tháng 3 năm 2025\n"
       "\nKẾ HOẠCH\nTổ chức đại hội chi bộ\n",
       "Kế hoạch", "45-KH/HU", "2025-03-12", "ĐẢNG BỘ TỈNH QUẢNG NAM HUYỆN ỦY ĐẠI LỘC", "Đại Lộc"},
      // A trade union.
      {"LĐLĐ TỈNH TÂY NINH               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "CÔNG ĐOÀN NGÀNH GIÁO DỤC            Độc lập - Tự do - Hạnh phúc\n"
       "Số: 18/KH-CĐN                    Tây Ninh, ngày 5 tháng 9 năm 2024\n"
       "\nKẾ HOẠCH\nTổ chức Tháng Công nhân\n",
       "Kế hoạch", "18/KH-CĐN", "2024-09-05", "LĐLĐ TỈNH TÂY NINH CÔNG ĐOÀN NGÀNH GIÁO DỤC", "Tây Ninh"},
      // No "Số:"; the date alone on the right, indented there.
      {"BỘ TÀI CHÍNH            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "                           Độc lập - Tự do - Hạnh phúc\n"
       "                                   Hà Nội, ngày 9 tháng 10 năm 2025\n"
       "V/v hướng dẫn quyết toán\n"
       "Kính gửi: Các bộ, cơ quan ngang bộ.\n",
       "Công văn", "", "2025-10-09", "BỘ TÀI CHÍNH", "Hà Nội"},
      // "Số:" on the left, no date on the right.
      {"SỞ Y TẾ                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "Số: 77/SYT-NV             Độc lập - Tự do - Hạnh phúc\n"
       "V/v báo cáo số liệu\n"
       "Kính gửi: Các bệnh viện.\n",
       "Công văn", "77/SYT-NV", "", "SỞ Y TẾ", ""},
  };
  for (const Case& c : cases) {
    Extraction e = ExtractText(c.text);
    EXPECT_EQ(e.document.type, c.type) << c.text;
    EXPECT_EQ(e.document.symbol, c.symbol) << c.text;
    EXPECT_EQ(e.document.date, c.date) << c.text;
    EXPECT_EQ(e.document.issuer, c.issuer) << c.text;
    EXPECT_EQ(e.document.place, c.place) << c.text;
  }
}

// A letter has no type line, so its header pieces run on into the body: only the capitals at
// the top of a header with a "Số" or a quốc hiệu are its issuer, never a heading of the body.
TEST(HeaderTest, LetterIssuerIsTheCapitalsAtTheTopOfItsHeader) {
  struct Case {
    const char* text;
    const char* issuer;
  } cases[] = {
      {"BỘ TÀI CHÍNH\nSố: 1234/BTC-NSNN\nV/v hướng dẫn lập dự toán\nKính gửi: Các bộ.\n"
       "I. TÌNH HÌNH CHUNG\nNăm 2025 thu ngân sách đạt kế hoạch.\n",
       "BỘ TÀI CHÍNH"},
      // No header marks: a body heading in capitals is not an issuer.
      {"V/v góp ý dự thảo\nKính gửi: Các sở.\nI. NỘI DUNG GÓP Ý\nĐề nghị các sở góp ý.\n", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ExtractText(c.text).document.issuer, c.issuer) << c.text;
  }
}

// A quốc hiệu wrapped in a narrow cell came in pieces that were not known as the motto, and
// "CHỦ NGHĨA VIỆT NAM" ended up in the issuer ("BỘ NỘI VỤ CHỦ NGHĨA VIỆT NAM").
TEST(HeaderTest, WrappedQuocHieuIsNotPartOfTheIssuer) {
  struct Case {
    const char* text;
    const char* issuer;
  } cases[] = {
      {"|\n**BỘ NỘI VỤ**\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\n"
       "Số: 12/QĐ-BNV\n|\n*Hà Nội, ngày 2 tháng 3 năm 2025*\n\n**QUYẾT ĐỊNH**\nVề việc thử\n",
       "BỘ NỘI VỤ"},
      {"|\n**ỦY BAN NHÂN DÂN**\nTỈNH ĐẮK LẮK\n|\n**CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM**\n|\n"
       "Số: 5/CT-UBND\n\n**CHỈ THỊ**\nVề việc thử\n",
       "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"},
      {"|\n**THỦ TƯỚNG CHÍNH PHỦ**\n|\n**CỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n|\n"
       "Số: 9/CĐ-TTg\n\n**CÔNG ĐIỆN**\nVề việc thử\n",
       "THỦ TƯỚNG CHÍNH PHỦ"},
      // "VIỆT NAM" alone ends a wrapped issuer's name, not the quốc hiệu.
      {"TỔNG LIÊN ĐOÀN LAO ĐỘNG\nVIỆT NAM\nSố: 3/KH-TLĐ\n\nKẾ HOẠCH\nThử\n",
       "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ExtractText(c.text).document.issuer, c.issuer) << c.text;
  }
}

TEST(HeaderTest, ParseVietnameseDateRejectsImpossibleDates) {
  EXPECT_EQ(ParseVietnameseDate("ngày 16 tháng 11 năm 2021"), "2021-11-16");
  EXPECT_EQ(ParseVietnameseDate("ngày 12/6/2021"), "2021-06-12");
  EXPECT_EQ(ParseVietnameseDate("ngày 31/2/2021"), "");
  EXPECT_EQ(ParseVietnameseDate("ngày 29/2/2024"), "2024-02-29");
  EXPECT_EQ(ParseVietnameseDate("ngày      tháng 4 năm 2026"), "");
}

// Header cells of a page saved from a portal wrap: "*Hà Nội, ngày" / "24 tháng 11 năm 2025*".
TEST(HeaderTest, WrappedHeaderCellsAreJoined) {
  struct Case {
    std::string text;
    const char* type;
    const char* symbol;
    const char* date;
  };
  const std::string motto = "|\n**CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n---------------\n|\n|\n";
  const std::vector<Case> cases = {
      {"|\n**ỦY BAN NHÂN\nDÂN **\nTỈNH NGHỆ AN\n--------\n" + motto +
           "Số: 88/KH-UBND\n|\n*Nghệ An, ngày\n05 tháng 3 năm 2026*\n|\n\n**KẾ HOẠCH**\n\nPHÒNG CHỐNG DỊCH\n",
       "Kế hoạch", "88/KH-UBND", "2026-03-05"},
      {"|\n**BỘ Y TẾ**\n-------\n" + motto + "Số: 1021/QĐ-BYT\n|\n*Hà Nội, ngày 18\ntháng 4 năm 2025*\n|\n"
           "** **\n**QUYẾT ĐỊNH**\nVỀ VIỆC BAN HÀNH\n",
       "Quyết định", "1021/QĐ-BYT", "2025-04-18"},
      {"|\n**ỦY BAN NHÂN DÂN**\nTỈNH CÀ MAU\n" + motto + "Số:\n07/CT-UBND\n|\n*Cà Mau, ngày 2 tháng 1 năm 2026*\n"
           "\n**CHỈ THỊ**\nVỀ TĂNG CƯỜNG\n",
       "Chỉ thị", "07/CT-UBND", "2026-01-02"},
  };
  for (const Case& c : cases) {
    Extraction e = ExtractText(c.text);
    EXPECT_EQ(e.document.type, c.type) << c.text;
    EXPECT_EQ(e.document.symbol, c.symbol) << c.text;
    EXPECT_EQ(e.document.date, c.date) << c.text;
  }
  // A date line that is complete is not joined with the cell after it; a blank one stays blank.
  Extraction blank = ExtractText("SỞ Y TẾ\nSố:      /KH-SYT\n*Huế, ngày      tháng 5 năm 2026*\n"
                                 "12 tháng 5\nKẾ HOẠCH\nThử\n");
  EXPECT_EQ(blank.document.symbol, "");
  EXPECT_EQ(blank.document.date, "");
}

// The document proper starts at its motto block; a portal's banner, metadata table or summary
// above it gives the type, số and date only where the document does not.
TEST(HeaderTest, PortalMetadataCaptionAndSubjectLine) {
  struct Case {
    std::string text;
    const char* type;
    const char* symbol;
    const char* date;
  };
  const std::string banner = "Bản dịch này thuộc quyền sở hữu của **\nTHƯ VIỆN**.\n|\n|\nĐang tải văn bản...\n#\n";
  const std::vector<Case> cases = {
      // Only the portal's metadata gives them (a letter without its own header block).
      {banner + "**Số hiệu:**\n|\n4512/BYT-KCB\n|\n|\n**Loại văn bản:**\n|\nCông văn\n|\n"
                "**Ngày ban hành:**\n|\n03/12/2025\n|\nKính gửi: Sở Y tế các tỉnh.\n",
       "Công văn", "4512/BYT-KCB", "2025-12-03"},
      // The document's own header wins over the metadata and over a summary before it.
      {banner + "**Số hiệu:**\n|\n99/CĐ-TTg\n|\n**Ngày ban hành:**\n|\n01/12/2025\n|\n"
                "## Tóm tắt\nNgày 30/11/2025, Thủ tướng đã ban hành.\n|\n**THỦ TƯỚNG CHÍNH PHỦ**\n-----\n|\n"
                "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\nSố: 98/CĐ-TTg\n|\n"
                "*Hà Nội, ngày 30\ntháng 11 năm 2025*\n|\n**CÔNG ĐIỆN**\nVỀ VIỆC ỨNG PHÓ BÃO\n",
       "Công điện", "98/CĐ-TTg", "2025-11-30"},
      // No header at all: the caption of the attached appendix names the document itself.
      {"**NGHỊ QUYẾT**\n\nVỀ CHƯƠNG TRÌNH\n\n**CHÍNH PHỦ**\n\nQUYẾT NGHỊ:\n\nI. MỤC TIÊU\n\n**PHỤ LỤC**\n"
       "DANH MỤC\n*(Kèm theo\nNghị quyết số 17/NQ-CP ngày 08 tháng 02 năm 2026 của Chính phủ)*\n",
       "Nghị quyết", "17/NQ-CP", "2026-02-08"},
      // A caption of another type of document is not this one's.
      {"**NGHỊ QUYẾT**\n\nVỀ CHƯƠNG TRÌNH\n\nI. MỤC TIÊU\n- Thực hiện Kế hoạch (kèm theo Quyết định số "
       "55/QĐ-UBND ngày 2/3/2025).\n",
       "Nghị quyết", "", ""},
      // A letter: no type word, a "V/v" subject line.
      {"BỘ TÀI CHÍNH\nSố: 1234/BTC-NSNN\nV/v hướng dẫn lập dự toán năm 2026\nHà Nội, ngày 15 tháng 7 năm 2025\n"
       "Kính gửi: Các bộ.\n",
       "Công văn", "1234/BTC-NSNN", "2025-07-15"},
      // The symbol's type code gives the type when no type line is found.
      {"UBND TỈNH AN GIANG\nSố: 45/TB-UBND\nAn Giang, ngày 3 tháng 6 năm 2025\nKết luận của Chủ tịch.\n",
       "Thông báo", "45/TB-UBND", "2025-06-03"},
  };
  for (const Case& c : cases) {
    Extraction e = ExtractText(c.text);
    EXPECT_EQ(e.document.type, c.type) << c.text;
    EXPECT_EQ(e.document.symbol, c.symbol) << c.text;
    EXPECT_EQ(e.document.date, c.date) << c.text;
  }
}

}  // namespace
}  // namespace plangraph
