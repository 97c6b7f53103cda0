// Text quality gate: Vietnamese prose passes; text from broken font maps, legacy fonts read as
// Latin-1 and control characters is refused with a reason; a signature stamp alone is a scan.
#include "text_quality.h"

#include <gtest/gtest.h>

#include <string>

namespace plangraph {
namespace {

TEST(TextQualityTest, VietnameseProsePasses) {
  const char* const kReadable[] = {
      "Ủy ban nhân dân tỉnh Bình Phước yêu cầu các sở, ban, ngành và UBND các huyện, thị xã "
      "khẩn trương triển khai thực hiện Kế hoạch số 45/KH-UBND ngày 12/3/2024; báo cáo kết quả "
      "về Sở Kế hoạch và Đầu tư trước ngày 30 tháng 6 năm 2024 để tổng hợp.",
      "BỘ TÀI CHÍNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13; theo đề nghị của Vụ trưởng Vụ Pháp chế, "
      "Bộ trưởng Bộ Tài chính ban hành Thông tư hướng dẫn quản lý kinh phí sự nghiệp.",
      // Old-style tone placement and a few English words, names and abbreviations.
      "Sở Thông tin và Truyền thông chủ trì, phối hợp với VNPT, Viettel triển khai nền tảng "
      "Zalo OA và email công vụ; hoà mạng, tuỳ chỉnh phần mềm HĐND, UBND, MTTQ cấp xã.",
  };
  for (const char* text : kReadable) {
    TextQuality q = MeasureText(text);
    EXPECT_EQ(UnreadableReason(q), "") << text;
    EXPECT_GT(q.VietnameseShare(), 0.85) << text;
  }
}

TEST(TextQualityTest, BrokenFontMapsAreRefused) {
  // Text layers whose font maps glyphs to the wrong code points: ASCII shifted by 29, accented
  // letters landing in Cyrillic and Latin Extended blocks.
  const char* const kGarbled[] = {
      "6Ӣ 7$, &+Ë1+ 9j 4Ӌ1 /ê &È& ĈѪ1 9Ӎ Ĉӎ$ 3+ѬѪ1* 7Ӕ &+Ӭ& 7+Ӳ& +,Ӊ1 .Ӂ +2Ҥ&+ 6Ӕ 12 "
      "1Ă0 2025 7ѭѫ1* 7ӵ 1+ѭ 7+Ӳ 7Ө& &Ӫ$ &È& &Ѫ 48$1 &+Ӫ& 1Ă1* 9j &È& +8<Ӊ1 7Ӎ1+ ",
      "7KӵF KLӋQ 4X\\ӃW ÿӏQK Vӕ FӫD Giám ÿӕF 6ӣ YӅ YLӋF NLӇP tra YLӋF FKҩS hành Quy ÿӏQK pháp "
      "OXұW trong Vӱ GөQJ và EҧR TXҧQ YұW OLӋX Qә công QJKLӋS trên ÿӏD bàn WӍQK",
  };
  for (const char* text : kGarbled) {
    std::string reason = UnreadableReason(MeasureText(text));
    EXPECT_NE(reason.find("words are Vietnamese syllables"), std::string::npos) << text;
    EXPECT_NE(reason.find("other scripts or symbols inside"), std::string::npos) << text;
  }
}

TEST(TextQualityTest, LegacyFontReadAsLatin1IsRefused) {
  // TCVN3 bytes shown as Windows-1252: "Kế hoạch tổ chức thực hiện…".
  std::string text =
      "KÕ ho¹ch tæ chøc thùc hiÖn NghÞ quyÕt cña Ban ChÊp hµnh §¶ng bé tØnh vÒ ph¸t triÓn kinh "
      "tÕ x· héi giai ®o¹n 2021 - 2025 vµ c¸c nhiÖm vô träng t©m cña n¨m";
  EXPECT_NE(UnreadableReason(MeasureText(text)), "");
}

TEST(TextQualityTest, ControlCharactersAreRefused) {
  std::string text = "Kế hoạch\x01\x02 thực hiện\x03\x04\x05 nhiệm vụ năm 2025\x06\x07";
  EXPECT_EQ(UnreadableReason(MeasureText(text)),
            "7 of its 43 characters are control, private-use or unknown characters");
  std::string unmapped = "\uE001\uE002\uE003\uE004\uE005 \uE006\uE007 \uE008";
  EXPECT_NE(UnreadableReason(MeasureText(unmapped)), "");
}

TEST(TextQualityTest, ShortTextIsJudgedOnlyOnItsCharacters) {
  EXPECT_EQ(UnreadableReason(MeasureText("Hello world, this is English.")), "");
  EXPECT_EQ(UnreadableReason(MeasureText("")), "");
}

TEST(TextQualityTest, NumbersAndAbbreviationsAreNotCounted) {
  TextQuality q = MeasureText("Số: 1074/QĐ-BXD ngày 29/6/2026 của UBND, HĐND, PCCC và CNTT");
  EXPECT_EQ(q.words, 4u);  // Số, ngày, của, và
  EXPECT_EQ(q.vietnamese, 4u);
}

TEST(TextQualityTest, StampOnlyText) {
  struct Case {
    const char* text;
    bool stamp_only;
  };
  const Case kCases[] = {
      {"SAO Y\nBộ Tư pháp\nThời gian ký: 2024-05-12T09:15:00+07:00\n", true},
      {"Ký bởi: Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi\nEmail: vanphong@quangngai.gov.vn\n"
       "Cơ quan: Tỉnh Quảng Ngãi\nThời gian ký: 03.02.2025 14:20:11 +07:00\n",
       true},
      {"Signed by: SO TAI CHINH\nDate: 2023-11-02\n", true},
      // A signed document with its body as text is not a scan.
      {"Ký bởi: Sở Y tế\nThời gian ký: 2024-01-05\nKẾ HOẠCH\nTriển khai tiêm chủng mở rộng năm "
       "2024 trên địa bàn tỉnh, bảo đảm an toàn, hiệu quả; các huyện, thị xã, thành phố tổ chức "
       "thực hiện đúng tiến độ đã đề ra",
       false},
      // Little text without a stamp is a short document, not a stamp.
      {"Bộ Công an\nSao gửi các đơn vị", false},
  };
  for (const Case& c : kCases) EXPECT_EQ(IsStampOnly(c.text), c.stamp_only) << c.text;
}

}  // namespace
}  // namespace plangraph
