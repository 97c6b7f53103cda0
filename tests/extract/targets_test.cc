#include "targets.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace plangraph {
namespace {

using testing::ExtractText;

struct Expected {
  double value;
  std::string unit;
  int year;  // 0 = none
};

std::vector<Expected> Targets(const std::string& body) {
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\n" + body + "\n");
  std::vector<Expected> out;
  for (const auto& t : e.targets) out.push_back({t.value, t.unit, t.year.value_or(0)});
  return out;
}

void ExpectTargets(const std::string& body, const std::vector<Expected>& expected) {
  auto got = Targets(body);
  ASSERT_EQ(got.size(), expected.size()) << body;
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_DOUBLE_EQ(got[i].value, expected[i].value) << body;
    EXPECT_EQ(got[i].unit, expected[i].unit) << body;
    EXPECT_EQ(got[i].year, expected[i].year) << body;
  }
}

TEST(TargetsTest, TargetSectionLinesAndThresholds) {
  ExpectTargets("II. CHỈ TIÊU\n- Phát triển đoàn viên mới năm 2024: tăng thêm 106 đoàn viên.\n"
                "- Thành lập CĐCS doanh nghiệp từ 10 - dưới 25 lao động: đạt 100%.\n"
                "- Thành lập CĐCS doanh nghiệp từ 25 lao động trở lên: đạt 100%.\n"
                "- Ký mới thỏa ước: 01 doanh nghiệp.",
                {{106, "đoàn viên", 2024}, {100, "%", 0}, {100, "%", 0}, {1, "doanh nghiệp", 0}});
}

TEST(TargetsTest, HorizonYearFromStarHeading) {
  ExpectTargets("II. MỤC TIÊU\n2. Mục tiêu cụ thể\n* Đến năm 2023\n"
                "- Phấn đấu toàn tỉnh có 76.500 đoàn viên công đoàn, hầu hết doanh nghiệp có 25 công nhân lao động trở lên có tổ chức công đoàn.\n"
                "- 98% trở lên cơ quan tổ chức hội nghị; trên 75% doanh nghiệp ngoài Nhà nước.\n",
                {{76500, "đoàn viên công đoàn", 2023}, {98, "%", 2023}, {75, "%", 2023}});
}

TEST(TargetsTest, CuesOutsideTargetSectionsAndRestatementsOnce) {
  ExpectTargets("II. NỘI DUNG\n- Sở Xây dựng nghiên cứu, thiết kế tối thiểu 03 mẫu nhà ở điển hình;\n"
                "- Nhà có tuổi thọ từ 10 năm trở lên;\n- Nhà sửa chữa có tuổi thọ từ 10 năm trở lên.\n"
                "III. TỔ CHỨC\n- Nghiên cứu, thiết kế tối thiểu 03 mẫu nhà điển hình.\n",
                {{3, "mẫu nhà", 0}, {10, "năm", 0}});
}

TEST(TargetsTest, NumbersThatAreNotTargets) {
  ExpectTargets("III. NHIỆM VỤ\n- Kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam.\n"
                "- Phối hợp với 6 tổ chức chính trị - xã hội.\n- Báo cáo trước ngày 15 tháng 6 năm 2013.\n"
                "| I | SỞ Y TẾ | 14.000 triệu đồng |\n",
                {});
}

TEST(TargetsTest, HorizonYearIgnoresPeriods) {
  EXPECT_EQ(HorizonYear("Đến năm 2025"), 2025);
  EXPECT_EQ(HorizonYear("kế hoạch vốn năm 2023 thực hiện"), 2023);
  EXPECT_EQ(HorizonYear("giai đoạn 2022-2025"), 0);
}

// A counted noun that the unit list does not know is read from the words after the number.
TEST(TargetsTest, CountedNounPhraseWithoutUnitList) {
  struct Case {
    std::string body;
    std::vector<Expected> expected;
  };
  const std::vector<Case> cases = {
      {"II. NỘI DUNG\n- Phấn đấu thành lập mới 15 tổ hợp tác trong năm 2026.", {{15, "tổ hợp tác", 0}}},
      {"II. NỘI DUNG\n- Bảo đảm mỗi học sinh học đủ 32 tuần học.", {{32, "tuần học", 0}}},
      {"II. NHIỆM VỤ\n- Đến năm 2027 có ít nhất 09 xã đạt chuẩn nông thôn mới nâng cao.", {{9, "xã", 2027}}},
      {"II. NHIỆM VỤ\n- Ban hành tối thiểu 04 Thông tư của Bộ trưởng.", {{4, "Thông tư", 0}}},
      {"II. MỤC TIÊU\n- Tổng tỷ suất sinh 2,1 con/phụ nữ.", {{2.1, "con", 0}}},
      {"III. GIẢI PHÁP\n- Mỗi xã đạt 4 tin, bài mỗi quý.", {{4, "tin", 0}}},
  };
  for (const auto& c : cases) ExpectTargets(c.body, c.expected);
}

// Dates, years, ages, article and document numbers, phone numbers are not counts, even in a
// targets section or beside a cue.
TEST(TargetsTest, GeneralRuleExclusions) {
  const std::vector<std::string> bodies = {
      "II. MỤC TIÊU\n- Phấn đấu đến năm 2030 hoàn thành chương trình.",
      "II. MỤC TIÊU\n- Người từ 60 tuổi trở lên được khám sức khỏe định kỳ.",
      "II. MỤC TIÊU\n- Thực hiện theo Điều 5 Nghị định này và khoản 2 Điều 7.",
      "II. MỤC TIÊU\n- Đạt chuẩn theo Quyết định số 12 của Ủy ban nhân dân tỉnh.",
      "II. MỤC TIÊU\n- Phấn đấu hoàn thành trước 17 giờ ngày 30 hằng tháng.",
      "II. MỤC TIÊU\n- Đường dây nóng 0906229966 hoạt động 24/7 để tiếp nhận.",
      "II. MỤC TIÊU\n- Phấn đấu giai đoạn 2026 - 2030 kỳ họp thứ 9 thông qua.",
  };
  for (const auto& b : bodies) ExpectTargets(b, {});
}

TEST(TargetsTest, SharesWithDuocAndSentenceCues) {
  ExpectTargets("III. NHIỆM VỤ\n- Năm 2026: 95% hồ sơ được số hóa; 80% người dân có tài khoản định danh.",
                {{95, "%", 2026}, {80, "%", 0}});
  ExpectTargets("III. NHIỆM VỤ\n- Phấn đấu đến năm 2030: tỷ số giới tính khi sinh dưới 109 bé trai/100 bé gái; "
                "tuổi thọ bình quân 75 tuổi.",
                {{109, "bé trai", 0}});
  // No cue and no target section: a share that only describes.
  ExpectTargets("III. NHIỆM VỤ\n- Năm qua, 40% hộ dân chịu thiệt hại do lũ.", {});
}

// Both ends of a range are targets (see ../shared/corpus/GOLD.md notes).
TEST(TargetsTest, BothEndsOfARange) {
  ExpectTargets("II. NỘI DUNG\n- Vốn ngân sách dự kiến 85%-90% tổng vốn.", {{85, "%", 0}, {90, "%", 0}});
  ExpectTargets("II. NỘI DUNG\n- Vốn địa phương dự kiến khoảng 12.173 tỷ đồng - 18.260 tỷ đồng.",
                {{12173, "tỷ đồng", 0}, {18260, "tỷ đồng", 0}});
  ExpectTargets("II. NỘI DUNG\n- Tỷ lệ bao phủ phấn đấu đạt 75 - 80%.", {{75, "%", 0}, {80, "%", 0}});
  // A period is no range of quantities.
  ExpectTargets("II. NỘI DUNG\n- Chương trình giai đoạn 2021-2025 đạt kết quả.", {});
}

TEST(TargetsTest, NamesInQuotesAndBaselinesAreNotTargets) {
  ExpectTargets("II. MỤC TIÊU\n- Nhân rộng mô hình “Gia đình 5 không, 3 sạch” đạt 80% số hộ.", {{80, "%", 0}});
  ExpectTargets("II. MỤC TIÊU\n- Giảm tỷ suất sinh từ 23 ca sinh/1.000 phụ nữ xuống 18 ca sinh/1.000 phụ nữ.",
                {{18, "ca sinh", 0}});
  ExpectTargets("II. MỤC TIÊU\n- Nâng tỷ lệ bao phủ từ 85% lên 95% dân số.", {{95, "%", 0}});
  // "từ … trở lên" is a lower bound, not a change.
  ExpectTargets("II. MỤC TIÊU\n- Nhà ở có tuổi thọ từ 10 năm trở lên.", {{10, "năm", 0}});
}

// Regression: "Từ năm 2026 trở đi 100% xã …" and "Từ năm 2026 trở đi 100% trường …" were taken
// for one target restated, because the same words introduce them.
TEST(TargetsTest, SharesOfDifferentGroupsAreNotRestatements) {
  ExpectTargets("II. MỤC TIÊU\n- Chỉ tiêu 1: Từ năm 2026 trở đi 100% xã, phường có điểm bưu điện.\n"
                "- Chỉ tiêu 2: Từ năm 2026 trở đi 100% trường học có thư viện số.\n"
                "- Chỉ tiêu 3: Từ năm 2026 trở đi 100% xã, phường có điểm bưu điện.",
                {{100, "%", 2026}, {100, "%", 2026}});
}

// After a share in the same clause, "ít nhất N …" says which members count toward the share.
TEST(TargetsTest, AtLeastAfterAShareDefinesItsGroup) {
  ExpectTargets("II. MỤC TIÊU\n- 80% trẻ em dưới 1 tuổi được tiêm đủ ít nhất 8 loại vắc xin.\n"
                "- 100% thôn có tối thiểu 01 tổ hòa giải hoạt động thường xuyên.\n"
                "- Phấn đấu có ít nhất 12 mô hình điểm.\n",
                {{80, "%", 0}, {100, "%", 0}, {12, "mô hình", 0}});
}

// A span of the past and the length of a named plan are no targets.
TEST(TargetsTest, PastSpansAndPlanLengthsAreNoTargets) {
  ExpectTargets("II. MỤC TIÊU\n- Hơn 2 năm qua, tỉnh đã đạt nhiều kết quả.\n"
                "- Phù hợp với Kế hoạch phát triển kinh tế - xã hội 05 năm của tỉnh.\n"
                "- Thực hiện Chiến lược 10 năm về phát triển văn hóa.\n"
                "- Phấn đấu 95% hồ sơ được giải quyết đúng hạn.\n",
                {{95, "%", 0}});
  // A number of years that is the target itself stays one.
  ExpectTargets("II. MỤC TIÊU\n- Bảo đảm nhà ở sử dụng ổn định tối thiểu 10 năm.\n", {{10, "năm", 0}});
}

// A sentence about the present state holds facts, not targets; a bracketed restatement of a
// quantity is the same target once.
TEST(TargetsTest, PresentStateAndRestatementsAreNoNewTargets) {
  ExpectTargets("II. MỤC TIÊU\n- Hiện nay, toàn tỉnh có khoảng 250 trạm, trong đó có 30 trạm 5G.\n"
                "- Phấn đấu nâng băng thông lên 10 Gigabit mỗi giây (10 Gbps) tại 100% khu công nghiệp.\n",
                {{10, "Gigabit", 0}, {100, "%", 0}});
}

}  // namespace
}  // namespace plangraph
