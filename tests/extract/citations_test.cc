#include "citations.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace plangraph {
namespace {

using testing::ExtractText;

Extraction Doc(const std::string& body) {
  return ExtractText("Số: 31/KH-LĐLĐ\nKẾ HOẠCH\nThử nghiệm\n\n" + body + "\n");
}

TEST(CitationsTest, SpellingsOfOneDocumentMeetAtOneKey) {
  Extraction e = Doc(
      "Thực hiện Nghị quyết số 02-NQ/TW, ngày 12/6/2021 của Bộ Chính trị về “Đổi mới tổ chức”.\n"
      "- Quán triệt Nghị quyết 02-NQ/TW.\n- Học tập NQ số 02-NQ/TW.\n- Theo Nghị quyết 02/NQ-TW.\n"
      "- Nghị quyết số 02-NQ/TW, ngày 05/3/2016 là văn bản khác.\n");
  ASSERT_EQ(e.citations.size(), 5u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(e.citations[i].key, "2|NQ-TW|2021") << i;
  EXPECT_EQ(e.citations[4].key, "2|NQ-TW|2016");
  EXPECT_EQ(e.citations[1].date, "2021-06-12");  // undated mention resolved
  EXPECT_EQ(e.citations[0].issuer, "Bộ Chính trị");
  EXPECT_EQ(e.citations[0].title, "Đổi mới tổ chức");
  EXPECT_EQ(e.citations[0].type, "Nghị quyết");
}

TEST(CitationsTest, RelationFromCue) {
  Extraction e = Doc("Căn cứ Nghị định số 40/2020/NĐ-CP ngày 06/4/2020 của Chính phủ;\n"
                     "Triển khai thực hiện Đề án số 08-ĐA/TU, ngày 27/3/2020 của Ban Thường vụ Tỉnh ủy.\n"
                     "I. NHIỆM VỤ\n- Báo cáo theo Công văn số 337-CV/HU ngày 03/8/2021.\n");
  ASSERT_EQ(e.citations.size(), 3u);
  EXPECT_EQ(e.citations[0].relation, "based_on");
  EXPECT_EQ(e.citations[0].date, "2020-04-06");
  EXPECT_EQ(e.citations[1].relation, "implements");
  EXPECT_EQ(e.citations[2].relation, "mentions");
  EXPECT_EQ(e.citations[2].type, "Công văn");
}

TEST(CitationsTest, OwnNumberAndNamesWithoutNumbersAreNotCitations) {
  Extraction e = Doc("Trên đây là Kế hoạch số 31/KH-LĐLĐ; thực hiện Luật Công đoàn năm 2012, "
                     "Nghị quyết Đại hội X Công đoàn tỉnh và Kế hoạch năm 2024.\n");
  EXPECT_TRUE(e.citations.empty());
}

TEST(CitationsTest, SymbolWithSpacesAndWordDates) {
  Extraction e = Doc("Căn cứ Quyết định số 22/2013/QĐ-TTg ngày 26 tháng 4 năm 2013 của Thủ tướng Chính phủ;\n"
                     "Xét đề nghị của Sở Xây dựng tại Công văn số 4236/SXD-QLN&CS ngày 22 tháng 5 năm 2014,\n"
                     "Căn cứ Quyết định số 3210/QĐ - UBND ngày 28/6/2014.\n");
  ASSERT_EQ(e.citations.size(), 3u);
  EXPECT_EQ(e.citations[0].date, "2013-04-26");
  EXPECT_EQ(e.citations[1].symbol, "4236/SXD-QLN&CS");
  EXPECT_EQ(e.citations[2].symbol, "3210/QĐ-UBND");
}

TEST(CitationsTest, GroupSlipWithSameDateIsOneDocument) {
  Extraction e = Doc("Thực hiện Kế hoạch số 57-KH/LĐLĐ, ngày 28/3/2024 của Ban Thường vụ Liên đoàn Lao động tỉnh.\n"
                     "I. MỤC ĐÍCH\nCụ thể hóa Kế hoạch số 57-KH/ĐĐ, ngày 28/3/2024 của Ban Thường vụ Liên đoàn Lao động tỉnh.\n");
  ASSERT_EQ(e.citations.size(), 2u);
  EXPECT_EQ(e.citations[0].symbol, "57-KH/LĐLĐ");
  EXPECT_EQ(e.citations[1].symbol, "57-KH/LĐLĐ");
  EXPECT_EQ(e.citations[1].text.find("57-KH/ĐĐ") != std::string::npos, true);
}

TEST(CitationsTest, ShortNameGivenBySauDayVietTatLaCitesTheSameDocument) {
  Extraction e = Doc(
      "Thực hiện Nghị quyết số 02-NQ/TW, ngày 12/6/2021 của Bộ Chính trị (sau đây viết tắt là "
      "Nghị quyết 02).\nI. NHIỆM VỤ\n- Quán triệt Nghị quyết 02 đến đoàn viên.\n"
      "- Nghị quyết 020 là số khác, không phải tên tắt.\n");
  ASSERT_EQ(e.citations.size(), 2u);
  EXPECT_EQ(e.citations[1].key, "2|NQ-TW|2021");
  EXPECT_EQ(e.citations[1].text, "Nghị quyết 02");
  EXPECT_EQ(e.citations[1].date, "2021-06-12");
  EXPECT_EQ(e.citations[1].span.line, 7);
}

// A party committee's "Thông tri" is a type of its own, not "Thông tư" (both are "TT").
TEST(CitationsTest, ThongTriIsAType) {
  Extraction e = Doc("Thực hiện Thông tri số 05-TT/TU ngày 10/3/2024 của Ban Thường vụ Tỉnh ủy;\n"
                     "Căn cứ Thông tư số 12/2023/TT-BTC ngày 01/02/2023 của Bộ Tài chính;");
  ASSERT_EQ(e.citations.size(), 2u);
  EXPECT_EQ(e.citations[0].type, "Thông tri");
  EXPECT_EQ(e.citations[1].type, "Thông tư");
}

}  // namespace
}  // namespace plangraph
