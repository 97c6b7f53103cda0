#include "tasks.h"

#include <gtest/gtest.h>

#include <map>

#include "test_util.h"

namespace plangraph {
namespace {

using testing::ExtractText;

std::vector<std::string> Agencies(const Task& t) {
  std::vector<std::string> out;
  for (const auto& a : t.assignees) out.push_back(a.agency + "/" + a.role);
  return out;
}

TEST(TasksTest, SubjectLeadAndSupport) {
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nIV. TỔ CHỨC THỰC HIỆN\n"
                             "4. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Đảng đoàn Liên đoàn Lao động tỉnh tổ chức tuyên truyền.\n");
  ASSERT_EQ(e.tasks.size(), 1u);
  EXPECT_EQ(Agencies(e.tasks[0]),
            (std::vector<std::string>{"Ban Tuyên giáo Tỉnh ủy/lead",
                                      "Đảng đoàn Liên đoàn Lao động tỉnh/support"}));
}

TEST(TasksTest, AgencyHeadingAssignsItemsBelow) {
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN:\n2. Sở Tài chính:\n"
                             "Phối hợp với Ban Quản lý Khu kinh tế bố trí kinh phí.\n"
                             "3. Công đoàn cấp trên trực tiếp cơ sở, công đoàn cơ sở\nCăn cứ kế hoạch để triển khai.\n");
  ASSERT_EQ(e.tasks.size(), 4u);  // two headings and two paragraphs
  EXPECT_EQ(Agencies(e.tasks[1]), (std::vector<std::string>{"Sở Tài chính/perform"}));
  EXPECT_EQ(Agencies(e.tasks[3]), (std::vector<std::string>{"Công đoàn cấp trên trực tiếp cơ sở/perform",
                                                              "công đoàn cơ sở/perform"}));
}

TEST(TasksTest, ScheduleLineClosesItemsAbove) {
  Extraction e = ExtractText("Số: 1/KH-X\nHà Nội, ngày 01 tháng 4 năm 2024\nKẾ HOẠCH\nThử\n\nIII. NHIỆM VỤ\n"
                             "1. Tuyên truyền\n- Tổ chức quán triệt.\n- Tập huấn cán bộ.\n"
                             "Thời gian thực hiện: Quý I/2024.\n- Sơ kết.\nThời gian thực hiện: trước ngày 15/12.\n");
  ASSERT_EQ(e.tasks.size(), 4u);
  ASSERT_TRUE(e.tasks[1].deadline.has_value());
  EXPECT_EQ(e.tasks[1].deadline->start, "2024-01-01");
  EXPECT_EQ(e.tasks[2].deadline->end, "2024-03-31");
  ASSERT_TRUE(e.tasks[3].deadline.has_value());
  EXPECT_EQ(e.tasks[3].deadline->end, "2024-12-15");
}

// Schedule lines worded as ministries write them, and a value no rule can date: still the
// limit of the items above, as written.
TEST(TasksTest, ScheduleLineWordingsAndUndatedValue) {
  Extraction e = ExtractText("Số: 9/QĐ-BTP\nHà Nội, ngày 03 tháng 3 năm 2025\nKẾ HOẠCH\nThử\n\n"
                             "II. NHIỆM VỤ\n1. Xây dựng Nghị định\n- Cơ quan chủ trì: Bộ Tư pháp.\n"
                             "- Thời hạn ban hành: trước ngày 01 tháng 01 năm 2026.\n"
                             "2. Xây dựng Thông tư\n- Cơ quan chủ trì: Bộ Tài chính.\n"
                             "- Thời hạn trình: Theo tiến độ của Chương trình xây dựng pháp luật.\n"
                             "3. Tập huấn\n- Cơ quan chủ trì: Bộ Nội vụ.\n- Thời gian: 02 ngày.\n");
  std::vector<std::string> limits;
  for (const Task& t : e.tasks) {
    if (t.text.rfind("Cơ quan chủ trì", 0) == 0) limits.push_back(t.deadline ? t.deadline->text : "-");
  }
  EXPECT_EQ(limits, (std::vector<std::string>{"trước ngày 01 tháng 01 năm 2026",
                                              "Theo tiến độ của Chương trình xây dựng pháp luật",
                                              "02 ngày"}));
}

TEST(TasksTest, DirectiveObjectAndExecutionClause) {
  Extraction e = ExtractText("QUYẾT ĐỊNH\nThử\n\nĐiều 3. Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Y tế, Tài chính; "
                             "Chủ tịch UBND các huyện, thị xã, thành phố chịu trách nhiệm thi hành Quyết định này./.\n"
                             "KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n1. Giao phòng Quản lý Công nghiệp triển khai, thực hiện các công việc liên quan:\n");
  ASSERT_EQ(e.tasks.size(), 2u);
  EXPECT_EQ(Agencies(e.tasks[0]),
            (std::vector<std::string>{"Văn phòng UBND tỉnh/perform", "Sở Y tế/perform",
                                      "Sở Tài chính/perform", "UBND các huyện, thị xã, thành phố/perform"}));
  EXPECT_EQ(Agencies(e.tasks[1]), (std::vector<std::string>{"phòng Quản lý Công nghiệp/perform"}));
}

TEST(TasksTest, CollectiveSpellingsMeetThroughTheLexicon) {
  // The document uses the lexicon's spelling once: it names the body everywhere.
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nIII. NHIỆM VỤ VÀ GIẢI PHÁP\n- Các cấp công đoàn tập trung đổi mới.\n"
                             "- Các cấp công đoàn chủ động.\n- Công đoàn các cấp tăng cường phối hợp.\n");
  ASSERT_EQ(e.tasks.size(), 3u);
  for (const Task& t : e.tasks) {
    ASSERT_EQ(t.assignees.size(), 1u);
    EXPECT_EQ(t.assignees[0].agency, "Công đoàn các cấp");
    EXPECT_EQ(t.assignees[0].canonical, "Công đoàn các cấp");
  }
}

TEST(TasksTest, BodyIsShownUnderItsMostFrequentSpelling) {
  // No lexicon spelling in the text: the most frequent capitalised spelling names the body.
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n"
                             "1. Ủy ban nhân dân các quận, huyện chịu trách nhiệm thi hành.\n"
                             "2. Ủy ban nhân dân quận, huyện tổng hợp báo cáo.\n"
                             "3. Ủy ban nhân dân quận, huyện kiểm tra.\n");
  ASSERT_EQ(e.tasks.size(), 3u);
  for (const Task& t : e.tasks) {
    ASSERT_EQ(t.assignees.size(), 1u) << t.text;
    EXPECT_EQ(t.assignees[0].agency, "Ủy ban nhân dân quận, huyện");
  }
}

TEST(TasksTest, CapitalisedWordsAfterTheHeadBelongToTheName) {
  // "Xây dựng" and "Chỉ đạo" are stop verbs in lower case, name words when capitalised.
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n"
                             "1. Sở Xây dựng nghiên cứu, thiết kế mẫu nhà.\n"
                             "2. Ban Chỉ đạo tỉnh xây dựng kế hoạch kiểm tra.\n");
  ASSERT_EQ(e.tasks.size(), 2u);
  EXPECT_EQ(Agencies(e.tasks[0]), (std::vector<std::string>{"Sở Xây dựng/perform"}));
  EXPECT_EQ(Agencies(e.tasks[1]), (std::vector<std::string>{"Ban Chỉ đạo tỉnh/perform"}));
}

TEST(TasksTest, VerbsAndNounsThatLookLikeHeadsAreNotAgencies) {
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nII. NHIỆM VỤ\n- Tổ chức các cuộc vận động thi đua.\n"
                             "- Ban hành quy chế phối hợp.\n- Hội nghị sơ kết được tổ chức vào cuối năm.\n"
                             "- Báo cáo kết quả về Thường trực.\n- Sở phối hợp thực hiện.\n");
  ASSERT_EQ(e.tasks.size(), 5u);
  for (const Task& t : e.tasks) EXPECT_TRUE(t.assignees.empty()) << t.text;
}

TEST(TasksTest, SubjectAfterAnOpenerPhrase) {
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nII. NHIỆM VỤ\n"
                             "- Trên cơ sở đề nghị của Ủy ban nhân dân quận, huyện, Sở Xây dựng chủ trì lập Đề án.\n");
  ASSERT_EQ(e.tasks.size(), 1u);
  EXPECT_EQ(Agencies(e.tasks[0]), (std::vector<std::string>{"Sở Xây dựng/lead"}));
}

TEST(TasksTest, SubjectAfterATimeOpenerWithOrWithoutAComma) {
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nII. NHIỆM VỤ\n"
                             "- Hằng năm Công đoàn các cấp chủ động tham mưu với cấp ủy.\n"
                             "- Trong quý I/2024, Sở Tài chính bố trí kinh phí.\n");
  ASSERT_EQ(e.tasks.size(), 2u);
  EXPECT_EQ(Agencies(e.tasks[0]), (std::vector<std::string>{"Công đoàn các cấp/perform"}));
  EXPECT_EQ(Agencies(e.tasks[1]), (std::vector<std::string>{"Sở Tài chính/perform"}));
}

TEST(TasksTest, NameEndsBeforeAQualifierOrAVerb) {
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nII. NHIỆM VỤ\n"
                             "- Công đoàn cơ sở, nhất là công đoàn cơ sở tại doanh nghiệp cần phát huy vai trò.\n");
  ASSERT_EQ(e.tasks.size(), 1u);
  ASSERT_FALSE(e.tasks[0].assignees.empty());
  EXPECT_EQ(e.tasks[0].assignees[0].agency, "Công đoàn cơ sở");
  e = ExtractText("KẾ HOẠCH\nThử\n\nII. NHIỆM VỤ\n"
                  "- Triển khai hướng dẫn Công đoàn tham gia xây dựng quy chế.\n");
  ASSERT_EQ(e.tasks.size(), 1u);
  EXPECT_EQ(Agencies(e.tasks[0]), (std::vector<std::string>{"Công đoàn/perform"}));
}

TEST(TasksTest, AllLevelsIsNotAPrefixOfAnotherLevel) {
  // "Công đoàn các cấp" (every level) and "Công đoàn cấp trên cơ sở" (one level) are two bodies,
  // while "Ủy ban nhân dân các quận, huyện" is "Ủy ban nhân dân quận, huyện".
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nII. NHIỆM VỤ\n"
                             "- Công đoàn các cấp tổ chức tuyên truyền.\n"
                             "- Công đoàn cấp trên cơ sở kiểm tra.\n");
  ASSERT_EQ(e.tasks.size(), 2u);
  EXPECT_EQ(Agencies(e.tasks[0]), (std::vector<std::string>{"Công đoàn các cấp/perform"}));
  EXPECT_EQ(Agencies(e.tasks[1]), (std::vector<std::string>{"Công đoàn cấp trên cơ sở/perform"}));
}

TEST(TasksTest, DirectiveNamesAListOfBodies) {
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n"
                             "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố, Hội Liên hiệp Phụ nữ Thành phố "
                             "và Thành Đoàn phát động các cuộc vận động.\n");
  ASSERT_EQ(e.tasks.size(), 1u);
  EXPECT_EQ(Agencies(e.tasks[0]),
            (std::vector<std::string>{"Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố/perform",
                                      "Hội Liên hiệp Phụ nữ Thành phố/perform", "Thành Đoàn/perform"}));
}

TEST(TasksTest, TaskTableColumnsGiveLeadSupportAndDeadline) {
  Extraction e = ExtractText(
      "Số: 5/KH-UBND\nHà Nội, ngày 01 tháng 3 năm 2024\nKẾ HOẠCH\nThử\n\nII. NHIỆM VỤ\n"
      "| STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
      "|---|---|---|---|---|\n"
      "| 1 | Tuyên truyền pháp luật | Sở Tư pháp | Sở Thông tin và Truyền thông, Công an tỉnh | Quý II/2024 |\n"
      "| 2 | Kiểm tra việc thực hiện | Thanh tra tỉnh |  | Thường xuyên |\n"
      "| 3 | Tổng kết |  |  |  |\n");
  ASSERT_EQ(e.tasks.size(), 2u);
  EXPECT_EQ(e.tasks[0].text, "Tuyên truyền pháp luật");
  EXPECT_EQ(Agencies(e.tasks[0]),
            (std::vector<std::string>{"Sở Tư pháp/lead", "Sở Thông tin và Truyền thông/support",
                                      "Công an tỉnh/support"}));
  ASSERT_TRUE(e.tasks[0].deadline.has_value());
  EXPECT_EQ(e.tasks[0].deadline->start, "2024-04-01");
  EXPECT_EQ(e.tasks[0].deadline->end, "2024-06-30");
  EXPECT_EQ(Agencies(e.tasks[1]), (std::vector<std::string>{"Thanh tra tỉnh/lead"}));
  EXPECT_EQ(e.tasks[1].deadline->recurrence, "ongoing");
}

TEST(TasksTest, AllocationTableRowsBelongToTheirGroupBody) {
  Extraction e = ExtractText(
      "QUYẾT ĐỊNH\nThử\n\nPHỤ LỤC 01\n"
      "| STT | Danh mục dự án/ Cơ quan, đơn vị, địa phương thực hiện | Kế hoạch vốn | Ghi chú |\n"
      "|---|---|---|---|\n|  | TỔNG SỐ | 7.000 |  |\n| I | SỞ Y TẾ | 2.000 |  |\n"
      "| 1 | Trạm Y tế xã Cát Tân | 2.000 |  |\n| II | HUYỆN PHÙ CÁT | 5.000 |  |\n"
      "| 1 | Trường Tiểu học Cát Hải: Nhà 02 tầng | 5.000 |  |\n");
  ASSERT_EQ(e.tasks.size(), 2u);
  EXPECT_EQ(Agencies(e.tasks[0]), (std::vector<std::string>{"SỞ Y TẾ/perform"}));
  EXPECT_EQ(Agencies(e.tasks[1]), (std::vector<std::string>{"HUYỆN PHÙ CÁT/perform"}));
}

// Tables converted from Word with one cell per line: cells between lone "|" lines, a row closed
// where two bars meet or at a "|---" rule; a cell may wrap over several lines.
TEST(TasksTest, TableWrittenOneCellPerLineIsReadAsRows) {
  struct Case {
    std::string rows;
    std::vector<std::string> texts, agencies;
    std::string deadline_start;
  };
  const std::string head =
      "Số: 12/KH-UBND\nĐà Nẵng, ngày 05 tháng 4 năm 2025\nKẾ HOẠCH\nThử\n\nII. NHIỆM VỤ\n";
  const std::vector<Case> cases = {
      {"|\nTT\n|\nNội dung nhiệm vụ\n|\nĐơn vị chủ trì\n|\nThời hạn\n|\n|\n1\n|\n"
       "Xây dựng cơ sở dữ liệu\nđất đai của thành phố\n|\nSở Nông nghiệp và Môi trường\n|\n"
       "Quý III/2025\n|\n|\n2\n|\nĐào tạo cán bộ\n|\nSở Nội vụ\n|\nThường xuyên\n|\n"
       "|\n3\n|\nHỗ trợ người lao động\n|\nCục Việc làm\n|\nNăm 2026\n|\n",
       {"Xây dựng cơ sở dữ liệu đất đai của thành phố", "Đào tạo cán bộ", "Hỗ trợ người lao động"},
       {"Sở Nông nghiệp và Môi trường/lead", "Sở Nội vụ/lead", "Cục Việc làm/lead"},
       "2025-07-01"},
      {"|\nSTT\n|\nCông việc\n|\nCơ quan chủ trì\n|\nTiến độ\n|---\n(1)\n|\n(2)\n|\n(3)\n|\n(4)\n"
       "|\n|\n1\n|\nRà soát thủ tục\n|\n"
       "Văn phòng UBND tỉnh\n|\nTháng 9/2025\n|\n",
       {"Rà soát thủ tục"}, {"Văn phòng UBND tỉnh/lead"}, "2025-09-01"},
  };
  for (const auto& c : cases) {
    Extraction e = ExtractText(head + c.rows);
    ASSERT_EQ(e.tasks.size(), c.texts.size()) << c.rows;
    for (size_t i = 0; i < c.texts.size(); ++i) {
      EXPECT_EQ(e.tasks[i].text, c.texts[i]);
      EXPECT_EQ(Agencies(e.tasks[i]), (std::vector<std::string>{c.agencies[i]}));
    }
    ASSERT_TRUE(e.tasks[0].deadline.has_value());
    EXPECT_EQ(e.tasks[0].deadline->start, c.deadline_start);
  }
  // Two cells a row (recipients beside the signature) stay text: no table, no task.
  Extraction two = ExtractText("KẾ HOẠCH\nThử\n\nI. MỤC ĐÍCH\n"
                               "|\nNội dung\n|\nCơ quan chủ trì\n|\n|\nTổng kết\n|\nSở Y tế\n|\n");
  EXPECT_TRUE(two.tasks.empty());
}

TEST(TasksTest, TableWithoutABodyColumnGivesNoTasks) {
  Extraction e = ExtractText("KẾ HOẠCH\nThử\n\nII. NHIỆM VỤ\n| STT | Chỉ tiêu | Năm 2024 |\n|---|---|---|\n"
                             "| 1 | Đoàn viên mới | 500 |\n");
  EXPECT_TRUE(e.tasks.empty());
}

TEST(TasksTest, MostSpecificDeadlineOfSeveralAndConditionsInThePast) {
  Extraction e = ExtractText(
      "Số: 1/KH-UBND\nHà Nội, ngày 02 tháng 6 năm 2014\nKẾ HOẠCH\nThử\n\nII. NHIỆM VỤ\n"
      "- Định kỳ hằng năm tổng hợp và báo cáo trước ngày 15 tháng 11.\n"
      "- Rà soát hộ có hộ khẩu thường trú trước ngày 15 tháng 6 năm 2013.\n");
  ASSERT_EQ(e.tasks.size(), 2u);
  ASSERT_TRUE(e.tasks[0].deadline.has_value());
  EXPECT_EQ(e.tasks[0].deadline->end, "2014-11-15");
  ASSERT_EQ(e.tasks[0].schedule.size(), 2u);
  EXPECT_EQ(e.tasks[0].schedule[0].recurrence, "annual");
  EXPECT_FALSE(e.tasks[1].deadline.has_value());  // a condition, before the plan's own date
}

TEST(TasksTest, AnItemWithSeveralLimitsGivesOneTaskPerClause) {
  Extraction e = ExtractText(
      "Số: 1/KH-UBND\nHà Nội, ngày 02 tháng 6 năm 2014\nKẾ HOẠCH\nThử\n\nII. NHIỆM VỤ\n"
      "- Sở Xây dựng báo cáo tiến độ 3 tháng một lần; báo cáo kết quả trong năm 2014 về Bộ Xây dựng.\n"
      "- Định kỳ hàng tháng có đánh giá trong sinh hoạt, hằng năm tổ chức tổng hợp, rút kinh "
      "nghiệm và báo cáo kết quả trước ngày 15 tháng 11.\n");
  ASSERT_EQ(e.tasks.size(), 5u);
  EXPECT_EQ(e.tasks[0].text, "Sở Xây dựng báo cáo tiến độ 3 tháng một lần");
  EXPECT_EQ(e.tasks[0].deadline->recurrence, "quarterly");
  EXPECT_EQ(e.tasks[1].text, "báo cáo kết quả trong năm 2014 về Bộ Xây dựng.");
  EXPECT_EQ(e.tasks[1].deadline->end, "2014-12-31");
  // Every piece keeps the item's assignees.
  EXPECT_EQ(Agencies(e.tasks[1]), Agencies(e.tasks[0]));
  EXPECT_FALSE(e.tasks[0].assignees.empty());
  // Cut at the last comma before each limit: schedule cues lead their clause.
  EXPECT_EQ(e.tasks[2].deadline->recurrence, "monthly");
  EXPECT_EQ(e.tasks[3].text, "hằng năm tổ chức tổng hợp");
  EXPECT_EQ(e.tasks[4].text, "rút kinh nghiệm và báo cáo kết quả trước ngày 15 tháng 11.");
  EXPECT_EQ(e.tasks[4].deadline->end, "2014-11-15");
}

TEST(TasksTest, LimitsWithoutABoundaryOrRepeatedStayOneTask) {
  Extraction e = ExtractText(
      "Số: 1/KH-UBND\nTây Ninh, ngày 20 tháng 7 năm 2020\nKẾ HOẠCH\nThử\n\nII. NHIỆM VỤ\n"
      "- Định kỳ 06 tháng (báo cáo trước ngày 15/6) các đơn vị báo cáo kết quả.\n"
      "- Thường xuyên kiểm tra, thường xuyên đôn đốc.\n"
      "- Thường xuyên kiểm tra; định kỳ 6 tháng, hằng năm báo cáo UBND tỉnh.\n");
  ASSERT_EQ(e.tasks.size(), 4u);
  EXPECT_EQ(e.tasks[0].schedule.size(), 2u);
  EXPECT_EQ(e.tasks[0].deadline->end, "2020-06-15");
  EXPECT_EQ(e.tasks[1].schedule.size(), 2u);
  // A piece that is only a limit ("định kỳ 6 tháng") stays with the work after it.
  EXPECT_EQ(e.tasks[2].text, "Thường xuyên kiểm tra");
  EXPECT_EQ(e.tasks[3].text, "định kỳ 6 tháng, hằng năm báo cáo UBND tỉnh.");
  EXPECT_EQ(e.tasks[3].schedule.size(), 2u);
}

TEST(TasksTest, ADayWithoutYearBeforeThePlanDateIsStillADeadline) {
  // Reports "trước ngày 15/6" recur every year: the plan's own year is only a default.
  Extraction e = ExtractText("Số: 1/KH-UBND\nTây Ninh, ngày 20 tháng 7 năm 2020\nKẾ HOẠCH\nThử\n\n"
                             "II. NHIỆM VỤ\n- Định kỳ 06 tháng báo cáo trước ngày 15/6.\n");
  ASSERT_EQ(e.tasks.size(), 1u);
  ASSERT_TRUE(e.tasks[0].deadline.has_value());
  EXPECT_EQ(e.tasks[0].deadline->text, "trước ngày 15/6");
}

TEST(TasksTest, CrossReferenceAssignsTheTasksOfTheNamedSections) {
  Extraction e = ExtractText(
      "KẾ HOẠCH\nThử\n\nII. NHIỆM VỤ, GIẢI PHÁP\n1. Phát triển đoàn viên\n1.1. Tuyên truyền lợi ích.\n"
      "1.2. Thành lập công đoàn cơ sở.\n2. Chăm lo đời sống\n2.1. Thăm hỏi đoàn viên.\n"
      "III. TỔ CHỨC THỰC HIỆN\n- Ban Tổ chức - Kiểm tra: Tham mưu nội dung 1.2 của Khoản 1 và Khoản 2, Mục II.\n");
  std::map<std::string, std::vector<std::string>> by_text;
  for (const Task& t : e.tasks) by_text[t.text] = Agencies(t);
  EXPECT_TRUE(by_text["Tuyên truyền lợi ích."].empty());
  EXPECT_EQ(by_text["Thành lập công đoàn cơ sở."],
            (std::vector<std::string>{"Ban Tổ chức - Kiểm tra/advise"}));
  EXPECT_EQ(by_text["Thăm hỏi đoàn viên."],
            (std::vector<std::string>{"Ban Tổ chức - Kiểm tra/advise"}));
}

// Who each task's text goes to, in document order, for the tasks that have assignees.
std::vector<std::pair<std::string, std::vector<std::string>>> Assigned(const Extraction& e) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const Task& t : e.tasks) {
    if (!t.assignees.empty()) out.push_back({t.text, Agencies(t)});
  }
  return out;
}

using AssignedList = std::vector<std::pair<std::string, std::vector<std::string>>>;

TEST(TasksTest, LabelLinesGiveTheBodiesAndTheirRoles) {
  Extraction e = ExtractText(
      "KẾ HOẠCH\nThử\n\nII. NHIỆM VỤ\n1. Tập huấn chuyên sâu\n- Cơ quan chủ trì: Bộ Tư pháp.\n"
      "- Cơ quan phối hợp: Bộ Công an, Bộ Quốc phòng.\n2. Biên soạn tài liệu\n"
      "- Đơn vị thực hiện: Sở Giáo dục và Đào tạo, Sở Văn hóa, Thể thao và Du lịch.\n");
  EXPECT_EQ(Assigned(e),
            (AssignedList{
                {"Cơ quan chủ trì: Bộ Tư pháp.", {"Bộ Tư pháp/lead"}},
                {"Cơ quan phối hợp: Bộ Công an, Bộ Quốc phòng.", {"Bộ Công an/support", "Bộ Quốc phòng/support"}},
                {"Đơn vị thực hiện: Sở Giáo dục và Đào tạo, Sở Văn hóa, Thể thao và Du lịch.",
                 {"Sở Giáo dục và Đào tạo/perform", "Sở Văn hóa, Thể thao và Du lịch/perform"}}}));
}

TEST(TasksTest, AgencyHeadingOutsideTheDutySectionsAssignsItsItems) {
  // "I. ĐỊNH HƯỚNG" names no duty section: the agency heading alone makes its items tasks.
  Extraction e = ExtractText(
      "KẾ HOẠCH\nThử\n\nI. ĐỊNH HƯỚNG\n1. Cục Mỹ thuật, Nhiếp ảnh và Triển lãm\n"
      "- Hoàn thiện dự thảo Nghị định.\n2. Đề nghị Trung ương Hội Nông dân Việt Nam:\n"
      "- Vận động hội viên tham gia.\n3. Bối cảnh\nNăm 2024 nhiều địa phương gặp khó khăn.\n");
  EXPECT_EQ(Assigned(e), (AssignedList{
                             {"Hoàn thiện dự thảo Nghị định.", {"Cục Mỹ thuật, Nhiếp ảnh và Triển lãm/perform"}},
                             {"Vận động hội viên tham gia.", {"Trung ương Hội Nông dân Việt Nam/perform"}}}));
  EXPECT_EQ(e.tasks.size(), 2u);  // neither heading nor the background paragraph is a task
}

TEST(TasksTest, ABulletThatOnlyNamesABodyOwnsTheDeeperBulletsBelow) {
  Extraction e = ExtractText(
      "KẾ HOẠCH\nThử\n\nIII. NHIỆM VỤ\n1. Hoàn thiện thể chế\n- Bộ Xây dựng\n+ Rà soát quy chuẩn.\n"
      "+ Hướng dẫn địa phương.\n- Bộ Y tế:\n+ Kiểm tra cơ sở.\n- Tổng kết năm.\n");
  EXPECT_EQ(Assigned(e), (AssignedList{{"Bộ Xây dựng", {"Bộ Xây dựng/perform"}},
                                       {"Rà soát quy chuẩn.", {"Bộ Xây dựng/perform"}},
                                       {"Hướng dẫn địa phương.", {"Bộ Xây dựng/perform"}},
                                       {"Bộ Y tế:", {"Bộ Y tế/perform"}},
                                       {"Kiểm tra cơ sở.", {"Bộ Y tế/perform"}}}));
}

TEST(TasksTest, OutsideTheDutySectionsOnlySentencesGivingDutiesAreTasks) {
  // A dispatch: numbered items addressed to bodies, under no duty heading.
  Extraction e = ExtractText(
      "CÔNG ĐIỆN\nThử\n\nThủ tướng Chính phủ yêu cầu:\n"
      "1. Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Ngãi, Bình Định và Phú Yên khẩn trương rà soát thiệt hại.\n"
      "2. Bộ trưởng Bộ Tài chính tổng hợp, đề xuất nguồn vốn.\n"
      "3. Ủy ban nhân dân tỉnh Phú Yên đã ban hành kế hoạch.\n"
      "4. Đề nghị Hội Cựu chiến binh tỉnh vận động hội viên tham gia.\n"
      "Văn phòng Chính phủ theo dõi, đôn đốc thực hiện.\n");
  EXPECT_EQ(Assigned(e),
            (AssignedList{
                {"Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Ngãi, Bình Định và Phú Yên khẩn trương rà soát thiệt hại.",
                 {"Ủy ban nhân dân tỉnh Quảng Ngãi/perform", "Ủy ban nhân dân tỉnh Bình Định/perform",
                  "Ủy ban nhân dân tỉnh Phú Yên/perform"}},
                {"Bộ trưởng Bộ Tài chính tổng hợp, đề xuất nguồn vốn.", {"Bộ Tài chính/perform"}},
                {"Đề nghị Hội Cựu chiến binh tỉnh vận động hội viên tham gia.", {"Hội Cựu chiến binh tỉnh/perform"}},
                {"Văn phòng Chính phủ theo dõi, đôn đốc thực hiện.", {"Văn phòng Chính phủ/perform"}}}));
}

TEST(TasksTest, RecipientsAndTheIssuingBodyAreNotAssignees) {
  // Regression: an italic "*Nơi nhận:*" let the recipients through as tasks.
  Extraction e = ExtractText(
      "QUYẾT ĐỊNH\nThử\n\nĐiều 3. Giám đốc Sở Y tế chịu trách nhiệm thi hành Quyết định này.\n"
      "*Nơi nhận:*\n- Bộ Y tế;\n- Văn phòng Chính phủ;\n"
      "KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n"
      "Bộ Tư pháp yêu cầu Cục Bổ trợ tư pháp triển khai Kế hoạch này.\n");
  std::vector<std::string> all;
  for (const Task& t : e.tasks) {
    for (const auto& a : Agencies(t)) all.push_back(a);
  }
  EXPECT_EQ(all, (std::vector<std::string>{"Sở Y tế/perform", "Cục Bổ trợ tư pháp/perform"}));
}

TEST(TasksTest, ABroadObjectOfADirectiveIsNoNamedAssignee) {
  Extraction e = ExtractText(
      "KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n- Sở Nội vụ đôn đốc các cơ quan, đơn vị thực hiện.\n"
      "- Văn phòng Chính phủ theo dõi, đôn đốc các bộ, địa phương thực hiện.\n"
      "- Giao Phòng Tư pháp huyện hướng dẫn nghiệp vụ.\n");
  EXPECT_EQ(Assigned(e), (AssignedList{
                             {"Sở Nội vụ đôn đốc các cơ quan, đơn vị thực hiện.", {"Sở Nội vụ/perform"}},
                             {"Văn phòng Chính phủ theo dõi, đôn đốc các bộ, địa phương thực hiện.",
                              {"Văn phòng Chính phủ/perform"}},
                             {"Giao Phòng Tư pháp huyện hướng dẫn nghiệp vụ.", {"Phòng Tư pháp huyện/perform"}}}));
}

// A paragraph in capitals is a title (an annex caption), not a task, and its horizon is no
// task's limit; the table below it still gives tasks.
TEST(TasksTest, CaptionInCapitalsIsNoTask) {
  Extraction e = ExtractText(
      "Số: 5/KH-UBND\nHải Phòng, ngày 01 tháng 3 năm 2025\nKẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n"
      "1. Sở Nội vụ chủ trì tổng hợp, báo cáo.\n\nPHỤ LỤC\n\n"
      "DANH MỤC NHIỆM VỤ TRỌNG TÂM VỀ CHUYỂN ĐỔI SỐ, AI VÀ IoT ĐẾN NĂM 2030\n\n"
      "| STT | Nội dung | Cơ quan chủ trì | Thời hạn hoàn thành |\n|---|---|---|---|\n"
      "| 1 | Xây dựng nền tảng dữ liệu | Sở Khoa học và Công nghệ | 2027 |\n");
  std::vector<std::string> texts;
  for (const Task& t : e.tasks) texts.push_back(t.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"Sở Nội vụ chủ trì tổng hợp, báo cáo.",
                                             "Xây dựng nền tảng dữ liệu"}));
  ASSERT_EQ(e.tasks.size(), 2u);
  ASSERT_TRUE(e.tasks[1].deadline.has_value());
  // A bare year in a column of time limits spans that year.
  EXPECT_EQ(e.tasks[1].deadline->start, "2027-01-01");
  EXPECT_EQ(e.tasks[1].deadline->end, "2027-12-31");
}

// A cell of the time column that is a long sentence (a note run into the column) is no limit;
// a short undated one is kept as written.
TEST(TasksTest, LongUndatedCellIsNoLimit) {
  Extraction e = ExtractText(
      "Số: 7/KH-UBND\nHuế, ngày 01 tháng 3 năm 2025\nKẾ HOẠCH\nThử\n\nII. NHIỆM VỤ\n"
      "| STT | Nội dung | Cơ quan chủ trì | Thời gian thực hiện |\n|---|---|---|---|\n"
      "| 1 | Cập nhật cơ sở dữ liệu | Sở Tư pháp | Theo hướng dẫn của Bộ Tư pháp |\n"
      "| 2 | Công bố số liệu | Sở Tài chính | Ghi chú: số liệu được công bố là số liệu chính thức của năm trước, tính đến hết ngày cuối cùng của năm |\n");
  ASSERT_EQ(e.tasks.size(), 2u);
  ASSERT_TRUE(e.tasks[0].deadline.has_value());
  EXPECT_EQ(e.tasks[0].deadline->text, "Theo hướng dẫn của Bộ Tư pháp");
  EXPECT_FALSE(e.tasks[1].deadline.has_value());
}

// A schedule line that opens with its date names its subject after the colon.
TEST(TasksTest, SubjectAfterALeadingDate) {
  Extraction e = ExtractText(
      "Số: 3/KH-UBND\nVinh, ngày 01 tháng 8 năm 2025\nKẾ HOẠCH\nThử\n\nII. NHIỆM VỤ\n"
      "1. Ngày 05/9/2025: Sở Giáo dục và Đào tạo tổ chức lễ khai giảng.\n"
      "2. Quý IV/2025: Sở Y tế tổ chức tổng kết.\n");
  ASSERT_EQ(e.tasks.size(), 2u);
  EXPECT_EQ(Agencies(e.tasks[0]), (std::vector<std::string>{"Sở Giáo dục và Đào tạo/perform"}));
  EXPECT_EQ(e.tasks[0].deadline->start, "2025-09-05");
  EXPECT_EQ(Agencies(e.tasks[1]), (std::vector<std::string>{"Sở Y tế/perform"}));
}

// Two duties joined by "và", each with its own limit, are two tasks.
TEST(TasksTest, DutiesJoinedByAndWithTheirOwnLimitsSplit) {
  Extraction e = ExtractText(
      "Số: 8/KH-UBND\nĐà Nẵng, ngày 01 tháng 10 năm 2025\nKẾ HOẠCH\nThử\n\nII. NHIỆM VỤ\n"
      "1. Sở Tư pháp tổ chức Tháng cao điểm (từ ngày 01/11 đến ngày 30/11) và hưởng ứng “Ngày Pháp luật” (ngày 09/11).\n");
  ASSERT_EQ(e.tasks.size(), 2u);
  EXPECT_EQ(e.tasks[0].deadline->end, "2025-11-30");
  EXPECT_EQ(e.tasks[1].text.rfind("hưởng ứng", 0), 0u) << e.tasks[1].text;
  EXPECT_EQ(e.tasks[1].deadline->start, "2025-11-09");
  EXPECT_EQ(Agencies(e.tasks[1]), (std::vector<std::string>{"Sở Tư pháp/perform"}));
}

}  // namespace
}  // namespace plangraph
