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

TEST(SegmenterTest, AnnexCaptionWrappedAfterItsFirstWordResumesBody) {
  const std::vector<std::pair<std::string, size_t>> cases = {
      {"(Ban\nhành kèm theo Quyết định số 7/QĐ-BTC)\n", 2},
      {"(Kèm\ntheo Kế hoạch số 20/KH-UBND)\n", 2},
      {"(Ban\nchỉ đạo tỉnh)\n", 1},  // not a caption: the footer goes on
  };
  for (const auto& [caption, headings] : cases) {
    Extraction e = ExtractText("QUYẾT ĐỊNH\nThử\n\nĐiều 1. Ban hành.\nNơi nhận:\n- Như Điều 3;\n" +
                               caption + "1. Danh mục\n");
    EXPECT_EQ(e.sections.size(), headings) << caption;
  }
}

// A long line cut mid-sentence carries on onto a line starting with a capital (a place name).
TEST(SegmenterTest, LongLineCutMidSentenceGoesOnOntoACapital) {
  const std::string head = "CÔNG ĐIỆN\nThử\n\nII. NHIỆM VỤ\n";
  const std::vector<std::pair<std::string, size_t>> cases = {
      {"- Bộ trưởng Bộ Xây dựng phối hợp hỗ trợ các tỉnh Quảng Ngãi, Bình\n"
       "Định và Phú Yên khắc phục hậu quả mưa lũ.\n", 1},
      {"- Bộ trưởng Bộ Xây dựng phối hợp hỗ trợ các tỉnh khắc phục hậu quả mưa lũ.\n"
       "- Bộ Y tế bảo đảm thuốc men cho Nhân dân vùng bị chia cắt.\n", 2},
      {"- Sở Y tế chủ trì thực hiện\nSở Tài chính bố trí kinh phí.\n", 2},  // a short line
  };
  for (const auto& [body, blocks] : cases) {
    Extraction e = ExtractText(head + body);
    EXPECT_EQ(e.tasks.size(), blocks) << body;
  }
}

TEST(SegmenterTest, CleanLineSplitsMarkdownTableCells) {
  Line l = CleanLine("| Số: 518/QĐ-UBND | Bình Định, ngày 23 tháng 02 năm 2023 |");
  EXPECT_TRUE(l.table_row);
  ASSERT_EQ(l.cells.size(), 2u);
  EXPECT_EQ(l.cells[0], "Số: 518/QĐ-UBND");
  Line bold = CleanLine("**TM. BAN THƯỜNG VỤ");
  EXPECT_EQ(bold.text, "TM. BAN THƯỜNG VỤ");
}

// Pages saved from legal portals wrap a bold heading over several source lines.
TEST(SegmenterTest, BoldHeadingWrappedOverLinesIsReadWhole) {
  struct Case {
    std::string body;
    std::vector<std::string> headings;
  };
  const std::vector<Case> cases = {
      {"**I. MỤC\nĐÍCH, YÊU CẦU**\n\n**1. Mục\nđích**\n- Nội dung.\n",
       {"I|MỤC ĐÍCH, YÊU CẦU", "1|Mục đích"}},
      {"**II.\nNHIỆM VỤ TRỌNG TÂM**\n\n1. Rà soát\n", {"II|NHIỆM VỤ TRỌNG TÂM", "1|Rà soát"}},
      {"**3. Sở Giáo dục\nvà Đào tạo tỉnh\nGia Lai**\n- Chủ trì.\n", {"3|Sở Giáo dục và Đào tạo tỉnh Gia Lai"}},
      {"**IV. TỔ CHỨC\nTHỰC HIỆN**\n**1. Sở\nTài chính**\n", {"IV|TỔ CHỨC THỰC HIỆN", "1|Sở Tài chính"}},
      // Closed on its own line: nothing to join.
      {"**I. MỤC TIÊU**\nBảo đảm an toàn.\n", {"I|MỤC TIÊU"}},
  };
  for (const auto& c : cases) {
    Extraction e = ExtractText("KẾ HOẠCH\nThử nghiệm\n\n" + c.body);
    EXPECT_EQ(Headings(e, 2), c.headings) << c.body;
  }
  // A bold paragraph that is not a heading keeps its lines; unclosed emphasis joins nothing.
  Extraction p = ExtractText("KẾ HOẠCH\nThử\n\n**Ngày 27/11/2025, Thủ tướng\nChính phủ đã ban hành.**\n"
                             "**1. Vụ\nPháp chế\n\nCục Báo chí\n");
  EXPECT_EQ(Headings(p, 2), (std::vector<std::string>{"1|Vụ"}));
}

TEST(SegmenterTest, LettersAndDecimalsAreNeverTopLevelsWithoutRomanNumerals) {
  Extraction e = ExtractText("CHỈ THỊ\nVề việc thử\n\n1. Sở Nội vụ\na) Rà soát thủ tục.\nb) Báo cáo.\n"
                             "2. Sở Tài chính\n2.1. Bố trí kinh phí\n* Năm 2026\n");
  EXPECT_EQ(Headings(e, 2), (std::vector<std::string>{"1|Sở Nội vụ", "2|Sở Tài chính"}));
  for (const auto& s : e.sections) {
    if (s.kind == "letter" || s.kind == "decimal") EXPECT_GE(s.depth, 3) << s.label;
  }
}

TEST(SegmenterTest, SubjectLineVvIsNotRomanNumeralFive) {
  for (const char* subject : {"V/v KHẨN TRƯƠNG RÀ SOÁT", "V/V TRIỂN KHAI THỰC HIỆN", "V/ v Báo cáo"}) {
    Extraction e = ExtractText(std::string("Số: 12/UBND-VX\n") + subject + "\n\n1. Sở Y tế\n");
    EXPECT_EQ(Headings(e, 2), (std::vector<std::string>{"1|Sở Y tế"})) << subject;
  }
  Extraction v = ExtractText("KẾ HOẠCH\nThử\n\nV. TỔ CHỨC THỰC HIỆN\n");
  EXPECT_EQ(Headings(v, 2), (std::vector<std::string>{"V|TỔ CHỨC THỰC HIỆN"}));
}

// A page from a portal: banner and metadata before the motto, related documents after the
// footer. Neither is part of the document.
TEST(SegmenterTest, PortalPageBeforeMottoAndAfterFooterIsNotBody) {
  const std::string page =
      "Bản quyền thuộc về trang.\n## Tóm tắt\nI. NỘI DUNG TÓM TẮT\n1. Ý chính\n"
      "|\n**Số hiệu:**\n|\n45/KH-UBND\n|\n"
      "**ỦY BAN NHÂN DÂN**\nTỈNH QUẢNG NGÃI\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n"
      "Độc lập - Tự do - Hạnh phúc\n|\nSố: 45/KH-UBND\n\n**KẾ HOẠCH**\nPHÒNG CHỐNG THIÊN TAI\n\n"
      "**I. MỤC TIÊU**\n1. Giảm thiệt hại\nNơi nhận:\n- Như trên;\n"
      "## Văn bản liên quan\nI. VĂN BẢN KHÁC\n1. Quyết định 12/QĐ-UBND\nKẾ HOẠCH\n";
  Extraction e = ExtractText(page);
  EXPECT_EQ(Headings(e, 2), (std::vector<std::string>{"I|MỤC TIÊU", "1|Giảm thiệt hại"}));
  EXPECT_EQ(e.document.type, "Kế hoạch");
}

// Regression: a PDF read column by column puts the issuer's block above the motto's block with a
// blank line between them; the issuer, số and V/v belong to the document, not to a banner.
TEST(SegmenterTest, IssuerColumnAboveTheMottoColumnIsPartOfTheDocument) {
  for (const char* issuer : {"BỘ Y TẾ\nSố: 215/QĐ-BYT\n", "UBND TỈNH GIA LAI\nSỞ NỘI VỤ\nSố: 88/KH-SNV\n"}) {
    Extraction e = ExtractText(std::string(issuer) +
                               "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                               "Pleiku, ngày 3 tháng 4 năm 2025\n\nKẾ HOẠCH\nThử\n\nI. MỤC TIÊU\n");
    EXPECT_FALSE(e.document.symbol.empty()) << issuer;
    EXPECT_EQ(Headings(e, 2), (std::vector<std::string>{"I|MỤC TIÊU"})) << issuer;
  }
  // Two blank lines or more: what stands above is not the header.
  Extraction far = ExtractText("Trang thông tin điện tử\n\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                               "Độc lập - Tự do - Hạnh phúc\n\nKẾ HOẠCH\nThử\n");
  EXPECT_EQ(far.document.issuer, "");
}

// Pages saved from portals mark italics with single stars, even inside words.
TEST(SegmenterTest, CleanLineRemovesSingleStarEmphasis) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"*Hà Nội, ngày", "Hà Nội, ngày"},
      {"24 tháng 11 năm 2025*", "24 tháng 11 năm 2025"},
      {"*(theo Quy*ế*t *đị*nh 1616/Q*Đ*-TTg)*", "(theo Quyết định 1616/QĐ-TTg)"},
      {"*c) *Việc tính toán", "c) Việc tính toán"},
      {"*Căn cứ Luật Tổ chức Chính phủ; *", "Căn cứ Luật Tổ chức Chính phủ;"},
      // Kept: a star block and a lone star between header cells.
      {"* Đến năm 2030", "* Đến năm 2030"},
      {"*", "*"},
  };
  for (const auto& [raw, text] : cases) EXPECT_EQ(CleanLine(raw).text, text) << raw;
}

std::vector<std::string> ParagraphTexts(const Extraction& e) {
  std::vector<std::string> out;
  for (const auto& p : e.paragraphs) out.push_back(p.text);
  return out;
}

// A number does not open a sentence: after a line left open it goes on the same paragraph,
// however short that line is.
TEST(SegmenterTest, LineStartingWithANumberGoesOnAnOpenParagraph) {
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nCăn cứ Quyết định số\n"
                             "15/2024/QĐ-UBND ngày 02/4/2024 của Ủy ban nhân dân tỉnh;\n"
                             "Tổng kết năm 2023.\n2024 là năm bản lề.\n");
  EXPECT_EQ(ParagraphTexts(e),
            (std::vector<std::string>{"Căn cứ Quyết định số 15/2024/QĐ-UBND ngày 02/4/2024 của Ủy ban nhân dân tỉnh;",
                                      "Tổng kết năm 2023. 2024 là năm bản lề."}));
  ASSERT_EQ(e.citations.size(), 1u);
  EXPECT_EQ(e.citations[0].symbol, "15/2024/QĐ-UBND");
}

// In a text whose paragraphs are set apart by blank lines, a line after a line left open goes
// on the paragraph even when it starts with a capital ("Đài Truyền hình Việt" / "Nam, …").
TEST(SegmenterTest, BlankLineParagraphsGoOnOntoACapital) {
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nI. NHIỆM VỤ\n\n- Ngân hàng Nhà nước Việt\n"
                             "Nam rà soát các khó khăn.\n\n- Sở Tài chính bố trí kinh phí.\n\n"
                             "Các sở thực hiện.\n\n");
  ASSERT_FALSE(e.tasks.empty());
  EXPECT_EQ(e.tasks[0].text, "Ngân hàng Nhà nước Việt Nam rà soát các khó khăn.");
  // Without blank lines between paragraphs, a short open line followed by a capital is two.
  Extraction dense = ExtractText("KẾ HOẠCH\nThử\n\nI. NHIỆM VỤ\n- Ngân hàng Nhà nước Việt\n"
                                 "Nam rà soát các khó khăn.\n- Sở Tài chính bố trí kinh phí.\n");
  std::vector<std::string> dense_tasks;
  for (const auto& t : dense.tasks) dense_tasks.push_back(t.text);
  EXPECT_EQ(dense_tasks, (std::vector<std::string>{"Ngân hàng Nhà nước Việt", "Nam rà soát các khó khăn.",
                                                   "Sở Tài chính bố trí kinh phí."}));
}

// A heading stopped on a word that cannot end one goes on onto a capital; a heading followed
// by its body, or set apart by a blank line, does not.
TEST(SegmenterTest, HeadingCutAfterADanglingWordGoesOnOntoACapital) {
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nII. NỘI DUNG\n\n5. Xây dựng Nghị định của\nChính phủ\n\n"
                             "- Bộ Công an chủ trì.\n\n6. Mục đích\nNâng cao nhận thức.\n\n"
                             "7. Các công đoàn cơ sở trực thuộc\n\nCụ thể hóa các nội dung.\n");
  EXPECT_EQ(Headings(e, 2), (std::vector<std::string>{"II|NỘI DUNG", "5|Xây dựng Nghị định của Chính phủ",
                                                       "6|Mục đích", "7|Các công đoàn cơ sở trực thuộc"}));
}

}  // namespace
}  // namespace plangraph
