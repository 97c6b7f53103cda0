#include "plan_limit.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace plangraph {
namespace {

using testing::ExtractText;

struct Case {
  const char* body;  // after a header dated 2024
  const char* text;  // "" = no plan-wide limit
  const char* start;
  const char* end;
};

TEST(PlanLimitTest, LimitStandingAloneCoversThePlan) {
  const Case cases[] = {
      // A section that holds only the limit.
      {"II. NHIỆM VỤ\n1. Tổ chức hội thao công nhân.\nIV. THỜI GIAN THỰC HIỆN\nNăm 2024.\n",
       "Năm 2024", "2024-01-01", "2024-12-31"},
      {"II. NỘI DUNG\n1. Khảo sát nhu cầu.\nIII. THỜI GIAN\nTừ tháng 3 đến tháng 12/2024.\n",
       "Từ tháng 3 đến tháng 12/2024", "2024-03-01", "2024-12-31"},
      // The limit as a heading of its own.
      {"II. NHIỆM VỤ\n1. Rà soát hồ sơ.\nIII. Thời gian thực hiện: quý II/2024\n", "quý II/2024",
       "2024-04-01", "2024-06-30"},
      // A schedule line with no item above it in its section.
      {"I. MỤC ĐÍCH\nNâng cao nhận thức.\nThời gian: từ tháng 3 đến tháng 12/2024\n"
       "II. NHIỆM VỤ\n1. Tổ chức tuyên truyền.\n",
       "từ tháng 3 đến tháng 12/2024", "2024-03-01", "2024-12-31"},
      // A schedule line closing the items above it is theirs, not the plan's.
      {"II. NHIỆM VỤ\n- Tổ chức quán triệt.\n- Tập huấn cán bộ.\nThời gian thực hiện: Quý I/2024.\n",
       "", "", ""},
      // A schedule line under a numbered item belongs to the item, even outside a task section.
      {"II. NỘI\nDUNG\n1. Tổ chức tuyên truyền\n- Cơ quan thực hiện: Bộ Công an.\n"
       "- Thời gian thực hiện: năm 2025 và các năm tiếp theo.\n",
       "", "", ""},
      // A date in the preamble, before the outline, is no plan-wide limit.
      {"Thực hiện Chiến lược hạ tầng số đến năm 2025.\nII. NHIỆM VỤ\n1. Khảo sát.\n", "", "", ""},
      // No limit at all, or one no date can be read from.
      {"II. NHIỆM VỤ\n1. Tổ chức quán triệt.\n", "", "", ""},
      {"II. NHIỆM VỤ\n1. Tổ chức quán triệt.\nIV. THỜI GIAN THỰC HIỆN\nThường xuyên.\n", "", "",
       ""},
  };
  for (const Case& c : cases) {
    Extraction e = ExtractText(std::string("Số: 7/KH-CĐN\nGia Lai, ngày 02 tháng 3 năm 2024\n"
                                           "KẾ HOẠCH\nThử\n\n") + c.body);
    if (*c.text == '\0') {
      EXPECT_FALSE(e.plan_limit.has_value()) << c.body << " -> " << e.plan_limit->text;
      continue;
    }
    ASSERT_TRUE(e.plan_limit.has_value()) << c.body;
    EXPECT_EQ(e.plan_limit->text, c.text) << c.body;
    EXPECT_EQ(e.plan_limit->start, c.start) << c.body;
    EXPECT_EQ(e.plan_limit->end, c.end) << c.body;
  }
}

}  // namespace
}  // namespace plangraph
