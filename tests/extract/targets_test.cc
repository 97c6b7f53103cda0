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

}  // namespace
}  // namespace plangraph
