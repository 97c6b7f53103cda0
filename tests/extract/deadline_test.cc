#include "deadline.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text.h"

namespace plangraph {
namespace {

const DeadlineRules& ProjectRules() {
  static const DeadlineRules* rules = [] {
    auto file = ReadRuleFile(std::string(PLANGRAPH_SOURCE_DIR) + "/rules/deadlines.tsv");
    if (!file.ok()) {
      ADD_FAILURE() << file.status().message();
      return new DeadlineRules;
    }
    auto loaded = LoadDeadlineRules(*file);
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().message();
      return new DeadlineRules;
    }
    return new DeadlineRules(std::move(*loaded));
  }();
  return *rules;
}

std::vector<DeadlineMention> Find(const std::string& text, int year) {
  std::string nfc = ToNfc(text);
  return FindDeadlines(ProjectRules(), ToneCanonicalView(nfc), nfc, year);
}

struct Case {
  const char* input;
  int year;  // document year, 0 = unknown
  const char* text;
  const char* start;
  const char* end;
  const char* recurrence;
};

// Each input must yield exactly one deadline, equal to the expected one.
void ExpectOne(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    auto found = Find(c.input, c.year);
    ASSERT_EQ(found.size(), 1u) << c.input;
    const Deadline& d = found[0].deadline;
    EXPECT_EQ(d.text, c.text) << c.input;
    EXPECT_EQ(d.start, c.start) << c.input;
    EXPECT_EQ(d.end, c.end) << c.input;
    EXPECT_EQ(d.recurrence, c.recurrence) << c.input;
  }
}

TEST(DeadlineTest, Quarters) {
  ExpectOne({
      {"Thời gian thực hiện: Quý I/2024.", 0, "Quý I/2024", "2024-01-01", "2024-03-31", ""},
      {"Thời gian thực hiện: Quý II/2024", 0, "Quý II/2024", "2024-04-01", "2024-06-30", ""},
      {"hoàn thành trong quý III năm 2025", 0, "trong quý III năm 2025", "2025-07-01", "2025-09-30",
       ""},
      {"quý 4/2023", 0, "quý 4/2023", "2023-10-01", "2023-12-31", ""},
      {"quý 1 / 2024", 0, "quý 1 / 2024", "2024-01-01", "2024-03-31", ""},
      {"Thời gian: Quý IV", 2021, "Quý IV", "2021-10-01", "2021-12-31", ""},
      {"Thời gian: Quý IV", 0, "Quý IV", "", "", ""},
      {"Thời gian thực hiện: từ Quý II/2024 đến Quý III/2024.", 0,
       "từ Quý II/2024 đến Quý III/2024", "2024-04-01", "2024-09-30", ""},
      {"Quý II – III/2024", 0, "Quý II – III/2024", "2024-04-01", "2024-09-30", ""},
      {"Thời gian thực hiện: Quý III, IV/2024", 0, "Quý III, IV/2024", "2024-07-01", "2024-12-31",
       ""},
      {"từ quý IV/2024 đến quý I/2025", 0, "từ quý IV/2024 đến quý I/2025", "2024-10-01",
       "2025-03-31", ""},
      {"triển khai từ quý III/2024", 0, "từ quý III/2024", "2024-07-01", "", ""},
      {"hoàn thành trước quý IV/2024", 0, "trước quý IV/2024", "", "2024-12-31", ""},
  });
}

TEST(DeadlineTest, Months) {
  ExpectOne({
      {"Thời gian thực hiện: từ tháng 3/2024 đến tháng 10/2024.", 0,
       "từ tháng 3/2024 đến tháng 10/2024", "2024-03-01", "2024-10-31", ""},
      {"Thời gian thực hiện: từ tháng 4/2024.", 0, "từ tháng 4/2024", "2024-04-01", "", ""},
      {"trình phê duyệt trong tháng 3 năm 2023 để triển khai", 0, "trong tháng 3 năm 2023",
       "2023-03-01", "2023-03-31", ""},
      {"tháng 02/2024", 0, "tháng 02/2024", "2024-02-01", "2024-02-29", ""},
      {"tháng 2/2023", 0, "tháng 2/2023", "2023-02-01", "2023-02-28", ""},
      {"tháng 3 - 5/2024", 0, "tháng 3 - 5/2024", "2024-03-01", "2024-05-31", ""},
      {"tháng 9 và tháng 10/2024", 0, "tháng 9 và tháng 10/2024", "2024-09-01", "2024-10-31", ""},
      {"từ tháng 3 đến tháng 10 năm 2024", 0, "từ tháng 3 đến tháng 10 năm 2024", "2024-03-01",
       "2024-10-31", ""},
      {"từ tháng 11 đến tháng 2", 2024, "từ tháng 11 đến tháng 2", "2024-11-01", "2025-02-28", ""},
      {"hoàn thành trong tháng 6", 2022, "trong tháng 6", "2022-06-01", "2022-06-30", ""},
      {"hoàn thành đến hết tháng 9/2024", 0, "đến hết tháng 9/2024", "", "2024-09-30", ""},
      {"tháng 13/2024", 0, "tháng 13/2024", "", "", ""},
      {"sơ kết 6 tháng đầu năm 2024", 0, "6 tháng đầu năm 2024", "2024-01-01", "2024-06-30", ""},
      {"trong 6 tháng cuối năm 2025", 0, "trong 6 tháng cuối năm 2025", "2025-07-01", "2025-12-31",
       ""},
  });
}

TEST(DeadlineTest, Days) {
  ExpectOne({
      {"báo cáo trước ngày 15/12", 2020, "trước ngày 15/12", "", "2020-12-15", ""},
      {"báo cáo trước ngày 15/12", 0, "trước ngày 15/12", "", "", ""},
      {"báo cáo về Liên đoàn Lao động tỉnh trước ngày 15 tháng 11.", 0, "trước ngày 15 tháng 11",
       "", "", ""},
      {"Thời gian hoàn tất: trước ngày 27 tháng 6 năm 2014.", 2014,
       "trước ngày 27 tháng 6 năm 2014", "", "2014-06-27", ""},
      {"chậm nhất ngày 05/4/2024", 0, "chậm nhất ngày 05/4/2024", "", "2024-04-05", ""},
      {"hoàn thành trước ngày 15/12/2024;", 0, "trước ngày 15/12/2024", "", "2024-12-15", ""},
      {"gửi Sở Xây dựng chậm nhất là 20/3", 2024, "chậm nhất là 20/3", "", "2024-03-20", ""},
      {"thực hiện đến hết ngày 31/12/2024", 0, "đến hết ngày 31/12/2024", "", "2024-12-31", ""},
      {"trước ngày 29/2/2024", 0, "trước ngày 29/2/2024", "", "2024-02-29", ""},
      {"trước ngày 29/2/2023", 0, "trước ngày 29/2/2023", "", "", ""},
      {"trước ngày 31/2", 2024, "trước ngày 31/2", "", "", ""},
      {"trước ngày 31/4/2024", 0, "trước ngày 31/4/2024", "", "", ""},
      {"trước ngày 29/2/2000", 0, "trước ngày 29/2/2000", "", "2000-02-29", ""},
      {"trước ngày 29/2/1900", 0, "trước ngày 29/2/1900", "", "", ""},
      {"từ ngày 01/3/2024 đến ngày 30/4/2024", 0, "từ ngày 01/3/2024 đến ngày 30/4/2024",
       "2024-03-01", "2024-04-30", ""},
      {"từ ngày 25/12 - 05/01", 2023, "từ ngày 25/12 - 05/01", "2023-12-25", "2024-01-05", ""},
      {"Thời gian tổ chức: từ ngày 10 đến ngày 15/5/2024.", 0, "từ ngày 10 đến ngày 15/5/2024",
       "2024-05-10", "2024-05-15", ""},
      {"kể từ ngày 01/7/2024", 0, "kể từ ngày 01/7/2024", "2024-07-01", "", ""},
      {"1. Thời gian kiểm tra: 13h30’ ngày 29/4/2026 (Thứ Tư).", 0, "13h30’ ngày 29/4/2026",
       "2026-04-29", "2026-04-29", ""},
      {"khai mạc lúc 8 giờ 00, ngày 15 tháng 5 năm 2024", 0,
       "lúc 8 giờ 00, ngày 15 tháng 5 năm 2024", "2024-05-15", "2024-05-15", ""},
      {"tổ chức vào ngày 19/5/2024 tại hội trường", 0, "vào ngày 19/5/2024", "2024-05-19",
       "2024-05-19", ""},
  });
}

TEST(DeadlineTest, Years) {
  ExpectOne({
      {"* Đến năm 2025", 0, "Đến năm 2025", "", "2025-12-31", ""},
      {"thiết chế công đoàn tại tất cả các khu công nghiệp đến năm 2030.", 0, "đến năm 2030", "",
       "2030-12-31", ""},
      {"hoàn thành trước năm 2030", 0, "trước năm 2030", "", "2030-12-31", ""},
      {"bố trí vốn trong năm 2014 và các năm tiếp theo, báo cáo", 0,
       "trong năm 2014 và các năm tiếp theo", "2014-01-01", "", ""},
      {"áp dụng từ năm 2025 trở đi", 0, "từ năm 2025 trở đi", "2025-01-01", "", ""},
      {"báo cáo kết quả thực hiện trong năm 2024.", 0, "trong năm 2024", "2024-01-01", "2024-12-31",
       ""},
      {"Trong năm 2024, tổ chức", 0, "Trong năm 2024", "2024-01-01", "2024-12-31", ""},
      {"Năm 2025.", 0, "Năm 2025", "2025-01-01", "2025-12-31", ""},
      {"thực hiện từ năm 2021 đến năm 2025", 0, "từ năm 2021 đến năm 2025", "2021-01-01",
       "2025-12-31", ""},
  });
}

TEST(DeadlineTest, Recurrences) {
  ExpectOne({
      {"Thời gian thực hiện: Thường xuyên.", 0, "Thường xuyên", "", "", "ongoing"},
      {"Thời gian thực hiện: công việc thường xuyên", 0, "thường xuyên", "", "",
       "ongoing"},
      {"Các cấp uỷ phối hợp thường xuyên, chặt chẽ với công đoàn", 0, "thường xuyên", "", "",
       "ongoing"},
      {"Định kỳ hằng năm và khi cần thiết", 0, "Định kỳ hằng năm", "", "", "annual"},
      {"định kỳ hàng năm tổ chức sơ kết", 0, "định kỳ hàng năm", "", "", "annual"},
      {"- Hăng năm Công đoàn các cấp chủ động tham mưu", 0, "Hăng năm", "", "", "annual"},
      {"chương trình hoạt động hàng năm của cấp mình", 0, "hàng năm", "", "", "annual"},
      {"tổ chức mỗi năm một lần", 0, "mỗi năm một lần", "", "", "annual"},
      {"Đại hội 5 năm một lần", 0, "5 năm một lần", "", "", "periodic"},
      {"1. Định kỳ 06 tháng các cơ quan báo cáo", 0, "Định kỳ 06 tháng", "", "", "semiannual"},
      {"báo cáo 6 tháng một lần", 0, "6 tháng một lần", "", "", "semiannual"},
      {"định kỳ sáu tháng", 0, "định kỳ sáu tháng", "", "", "semiannual"},
      {"báo cáo tiến độ thực hiện 3 tháng một lần;", 0, "3 tháng một lần", "", "", "quarterly"},
      {"báo cáo định kỳ hằng quý", 0, "định kỳ hằng quý", "", "", "quarterly"},
      {"tổng hợp hàng quý", 0, "hàng quý", "", "", "quarterly"},
      {"gửi về Sở Xây dựng (trước ngày 20 tháng cuối quý) để tổng hợp", 0,
       "trước ngày 20 tháng cuối quý", "", "", "quarterly"},
      {"Định kỳ hàng tháng có đánh giá", 0, "Định kỳ hàng tháng", "", "", "monthly"},
      {"báo cáo trước ngày 25 hằng tháng", 0, "trước ngày 25 hằng tháng", "", "", "monthly"},
      {"2. Định kỳ tổ chức sơ kết, tổng kết theo tiến độ đề ra.", 0, "Định kỳ", "", "", "periodic"},
      {"định kỳ báo cáo Ban Thường vụ Tỉnh ủy", 0, "định kỳ", "", "", "periodic"},
  });
}

// Shapes met in plans of ministries, the Government and cities (issue 11), on sentences of our own.
TEST(DeadlineTest, ShapesOfOtherIssuers) {
  ExpectOne({
      {"Tháng 11/2015", 0, "Tháng 11/2015", "2015-11-01", "2015-11-30", ""},
      {"tổng kết, đánh giá việc thực hiện vào năm 2027", 0, "vào năm 2027", "2027-01-01",
       "2027-12-31", ""},
      {"áp dụng mức thu mới từ tháng 9/2016 trở đi", 0, "từ tháng 9/2016 trở đi", "2016-09-01", "",
       ""},
      {"Sở Y tế chủ trì, phối hợp với Sở Tài chính và các địa phương rà soát danh mục, gửi kết quả "
       "về Ủy ban nhân dân tỉnh Nghệ An trước ngày 20/10/2022 để tổng hợp, trình Hội đồng nhân dân",
       0, "trước ngày 20/10/2022", "", "2022-10-20", ""},
      {"phải xong trong quý III/2025", 0, "trong quý III/2025", "2025-07-01", "2025-09-30", ""},
      {"sửa chữa xong nhà ở cho các hộ trước Tết Nguyên đán năm 2026", 0,
       "trước Tết Nguyên đán năm 2026", "", "2026-02-17", ""},
      {"hoàn thành trước Tết Nguyên đán Giáp Thìn 2024.", 0, "trước Tết Nguyên đán Giáp Thìn 2024",
       "", "2024-02-10", ""},
      {"Bộ Xây dựng hoàn thành trong tháng 12/2025", 0, "trong tháng 12/2025", "2025-12-01",
       "2025-12-31", ""},
      {"gửi Bộ Tài chính trước 31/12", 2025, "trước 31/12", "", "2025-12-31", ""},
      {"hoàn thành 6 tháng đầu năm 2026", 0, "6 tháng đầu năm 2026", "2026-01-01", "2026-06-30", ""},
      {"Giai đoạn 2026-2030: tập trung hoàn thiện hạ tầng số", 0, "Giai đoạn 2026-2030",
       "2026-01-01", "2030-12-31", ""},
      {"duy trì hoạt động trong giai đoạn 2026 - 2030", 0, "trong giai đoạn 2026 - 2030",
       "2026-01-01", "2030-12-31", ""},
      {"Năm 2026 - 2027.", 0, "Năm 2026 - 2027", "2026-01-01", "2027-12-31", ""},
      {"năm 2025 và các năm tiếp theo", 0, "năm 2025 và các năm tiếp theo", "2025-01-01", "", ""},
      {"Ngày 05/9/2023: khai giảng năm học mới", 0, "Ngày 05/9/2023", "2023-09-05", "2023-09-05",
       ""},
      {"TỪ NAY ĐẾN NĂM 2030", 0, "TỪ NAY ĐẾN NĂM 2030", "", "2030-12-31", ""},
      {"ban hành các văn bản còn thiếu từ nay đến cuối năm", 2025, "từ nay đến cuối năm", "",
       "2025-12-31", ""},
      {"gửi báo cáo về Văn phòng Chính phủ trước 17 giờ ngày 27/11/2025", 0,
       "trước 17 giờ ngày 27/11/2025", "", "2025-11-27", ""},
      {"báo cáo trước ngày 15 tháng 12 hàng năm", 2025, "trước ngày 15 tháng 12 hàng năm", "", "",
       "annual"},
      {"ra quân dọn vệ sinh vào ngày thứ Bảy hoặc Chủ nhật hàng tuần", 0,
       "vào ngày thứ Bảy hoặc Chủ nhật hàng tuần", "", "", "weekly"},
  });
}

// Shapes written without a year, or with two days of one month, or with a label inside a sentence.
TEST(DeadlineTest, HalfYearsYearlyDaysDayPairsAndLabelledDates) {
  ExpectOne({
      {"Sở Y tế sơ kết 6 tháng đầu năm", 2025, "6 tháng đầu năm", "2025-01-01", "2025-06-30", ""},
      {"báo cáo kết quả sáu tháng cuối năm", 2024, "sáu tháng cuối năm", "2024-07-01", "2024-12-31", ""},
      {"gửi báo cáo trước 15/12 hằng năm", 2025, "trước 15/12 hằng năm", "", "", "annual"},
      {"tổ chức hội thi trong 02 ngày 15 và 16/5/2025", 0, "trong 02 ngày 15 và 16/5/2025",
       "2025-05-15", "2025-05-16", ""},
      {"diễn ra vào các ngày 20, 21/9", 2025, "vào các ngày 20, 21/9", "2025-09-20", "2025-09-21", ""},
      {"rà soát quy trình, thời gian hoàn thành: 30/6/2025", 0, "thời gian hoàn thành: 30/6/2025", "",
       "2025-06-30", ""},
      {"xây dựng dự thảo, thời hạn: ngày 15/8/2025", 0, "thời hạn: ngày 15/8/2025", "", "2025-08-15", ""},
  });
}

// "Tết" of a year the calendar table does not hold gets no date rather than a guess.
TEST(DeadlineTest, TetOutsideTheCalendarHasNoDate) {
  ExpectOne({{"trước Tết Nguyên đán năm 2090", 0, "trước Tết Nguyên đán năm 2090", "", "", ""}});
}

TEST(DeadlineTest, UnicodeAndTabSpaces) {
  ExpectOne({
      {"Quý\u00a0I/2024", 0, "Quý\u00a0I/2024", "2024-01-01", "2024-03-31", ""},
      {"trước\tngày  15/6", 2020, "trước\tngày  15/6", "", "2020-06-15", ""},
  });
}

TEST(DeadlineTest, NotDeadlines) {
  const char* inputs[] = {
      "Nghị quyết số 02-NQ/TW, ngày 12/6/2021 của Bộ Chính trị",
      "Đề án số 08-ĐA/TU về đoàn kết, tập hợp công nhân giai đoạn 2020-2025",
      "giai đoạn 2020 – 2025",
      "Đại hội Công đoàn tỉnh nhiệm kỳ 2023-2028",
      "bố trí kinh phí từ nguồn chi thường xuyên thực hiện các nhiệm vụ",
      "kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2024)",
      "nhân Tháng Công nhân, Tết Sum vầy 2025",
      "Huyện DMC, ngày 01 tháng 4 năm 2024",
      "Lào Cai,  ngày       tháng 4 năm 2026",
      "Thông tư số 09/2013/TT-BXD ngày 01 tháng 7 năm 2013 của Bộ Xây dựng",
      "Hộ gia đình thuộc vùng thường xuyên xảy ra thiên tai",
      "tư vấn nhu cầu khám sức khỏe định kỳ",
      "tư vấn nhu cầu khám sức khoẻ định kỳ",
      "chương trình năm 2025",
      "Kế hoạch vốn năm 2023",
      "Tổng kết năm 2023, triển khai nhiệm vụ năm 2024.",
      "Công ty Đông Dương tại Văn bản số 02/GĐN-ĐD tháng 4 năm 2026",
      "quý vị đại biểu, quý cơ quan",
      "số liệu tính đến ngày 31/12/2023",
      "Luật có hiệu lực thi hành từ ngày 01/7/2024",
      "chế độ trợ cấp hàng tháng",
      // A horizon or vision in a title, a rate per year, a cited document's date, a programme's
      // name: none of them is a limit of the work.
      "Quy hoạch hạ tầng số tỉnh Hà Tĩnh đến năm 2025, tầm nhìn đến năm 2035",
      "thời kỳ 2021-2030, tầm nhìn đến năm 2050",
      "tốc độ tăng trưởng bình quân mỗi năm 7%",
      "mỗi năm tăng 2 điểm phần trăm",
      "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
      "Kế hoạch phát triển hạ tầng viễn thông giai đoạn 2026-2030",
      "kế hoạch sử dụng đất 05 năm 2021-2025",
  };
  for (const char* input : inputs) {
    auto found = Find(input, 2024);
    EXPECT_TRUE(found.empty()) << input << " -> " << (found.empty() ? "" : found[0].deadline.text);
  }
}

// A recurrence word that qualifies the budget says how money is planned, not when work is due.
TEST(DeadlineTest, BudgetRecurrenceIsNoSchedule) {
  const char* inputs[] = {
      "bố trí kinh phí trong dự toán ngân sách nhà nước hằng năm theo phân cấp",
      "xây dựng dự toán kinh phí từ ngân sách hàng năm của địa phương",
      "căn cứ khả năng cân đối ngân sách hằng năm",
      "lồng ghép trong kế hoạch vốn hàng năm",
      "kinh phí của các cấp hằng năm",
  };
  for (const char* input : inputs) {
    auto found = Find(input, 2025);
    EXPECT_TRUE(found.empty()) << input << " -> " << (found.empty() ? "" : found[0].deadline.text);
  }
  // The same words leading the work keep their schedule.
  ExpectOne({{"Hằng năm, Sở Tài chính tổng hợp dự toán ngân sách.", 2025, "Hằng năm", "", "", "annual"}});
}

// A period inside the title of a cited document is part of its name; a limit after the title,
// past a clause break, still counts.
TEST(DeadlineTest, PeriodInACitedTitleIsNoLimit) {
  const char* inputs[] = {
      "thực hiện Quyết định số 227/QĐ-TTg ngày 12/3/2024 về điều chỉnh một số chỉ tiêu sử dụng đất đến năm 2025",
      "theo Kế hoạch số 45/KH-UBND ngày 02 tháng 5 năm 2023 của Ủy ban nhân dân tỉnh về phát triển du lịch giai đoạn 2023-2025",
      "Quyết định số 1668/QĐ- TTg ngày 27/12/2024 phê duyệt quy hoạch chung đến năm 2045, tầm nhìn đến năm 2065",
      "Chỉ thị 05-CT/TU về tăng cường công tác cán bộ thời kỳ 2021-2030",
  };
  for (const char* input : inputs) {
    auto found = Find(input, 2025);
    EXPECT_TRUE(found.empty()) << input << " -> " << (found.empty() ? "" : found[0].deadline.text);
  }
  auto found = Find("Triển khai Kế hoạch số 12/KH-UBND về chuyển đổi số; hoàn thành trong năm 2026.", 2025);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].deadline.text, "trong năm 2026");
}

// "báo cáo định kỳ, đột xuất" names kinds of report; "định kỳ tổng hợp, báo cáo" is a schedule.
TEST(DeadlineTest, RegularAndAdHocReportsAreNoSchedule) {
  for (const char* input : {"báo cáo định kỳ, đột xuất về Bộ Nội vụ", "gửi báo cáo đột xuất và định kỳ",
                            "báo cáo định kỳ hoặc khi có yêu cầu"}) {
    auto found = Find(input, 2025);
    EXPECT_TRUE(found.empty()) << input << " -> " << (found.empty() ? "" : found[0].deadline.text);
  }
  ExpectOne({{"định kỳ tổng hợp, báo cáo Ủy ban nhân dân tỉnh", 2025, "định kỳ", "", "", "periodic"}});
}

// The day of an event, in brackets after its name, dates that event.
TEST(DeadlineTest, EventDayInBrackets) {
  ExpectOne({{"hưởng ứng “Ngày Pháp luật Việt Nam” (ngày 09/11)", 2025, "ngày 09/11", "2025-11-09",
              "2025-11-09", ""},
             {"tổ chức mít tinh nhân Ngày Quốc tế Phụ nữ (ngày 8/3/2026)", 2025, "ngày 8/3/2026",
              "2026-03-08", "2026-03-08", ""}});
}

TEST(DeadlineTest, SeveralInOneSentenceInTextOrder) {
  const std::string line =
      "1. Định kỳ 06 tháng (báo cáo trước ngày 15/6), năm (báo cáo trước ngày 15/12) các cơ quan, "
      "đơn vị thực hiện kế hoạch này báo cáo kết quả thực hiện về UBND tỉnh.";
  auto found = Find(line, 2020);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].deadline.text, "Định kỳ 06 tháng");
  EXPECT_EQ(found[0].deadline.recurrence, "semiannual");
  EXPECT_EQ(found[1].deadline.text, "trước ngày 15/6");
  EXPECT_EQ(found[1].deadline.end, "2020-06-15");
  EXPECT_EQ(found[2].deadline.text, "trước ngày 15/12");
  EXPECT_EQ(found[2].deadline.end, "2020-12-15");
  for (const auto& m : found) EXPECT_EQ(line.substr(m.begin, m.end - m.begin), m.deadline.text);
  EXPECT_LT(found[0].end, found[1].begin);
  EXPECT_LT(found[1].end, found[2].begin);
}

TEST(DeadlineTest, CitationDateLosesToCueLedDeadline) {
  auto found = Find(
      "Đang sinh sống trước ngày 15 tháng 6 năm 2013 (ngày Quyết định số "
      "22/2013/QĐ-TTg ngày 26 tháng 4 năm 2013 có hiệu lực)",
      0);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].deadline.end, "2013-06-15");
}

TEST(DeadlineTest, BadRules) {
  struct BadCase {
    const char* contents;
    const char* message_start;
  };
  const BadCase cases[] = {
      {"# header\nquarter\tquý\\s+(?P<q>I|II\n", "rules/deadlines.tsv:2: "},
      {"fortnightly\th[aà]ng\\s+tuần\n", "rules/deadlines.tsv:1: "},
      {"ongoing\tthường xuyên\nmonth\ttháng\\s+\\d+/\\d{4}\n", "rules/deadlines.tsv:2: "},
      {"before_date\ttrước ngày (?P<d>\\d+)\n", "rules/deadlines.tsv:1: "},
      {"annual\n", "rules/deadlines.tsv:1: "},
  };
  for (const BadCase& c : cases) {
    auto rules = LoadDeadlineRules(ParseRuleFile("rules/deadlines.tsv", c.contents));
    ASSERT_FALSE(rules.ok()) << c.contents;
    EXPECT_EQ(rules.status().kind(), Status::Kind::kBadRule) << c.contents;
    EXPECT_EQ(rules.status().message().rfind(c.message_start, 0), 0u) << rules.status().message();
  }
}

TEST(DeadlineTest, ExcludeBeatsLongerMatchAndTiesGoToEarlierRule) {
  auto rules = LoadDeadlineRules(ParseRuleFile("rules/deadlines.tsv",
                                               "exclude\tchi thường xuyên\n"
                                               "ongoing\tthường xuyên\n"
                                               "annual\tnguồn chi thường xuyên\n"
                                               "monthly\th[aà]ng tháng\n"
                                               "periodic\th[aà]ng tháng\n"));
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  std::string text = "nguồn chi thường xuyên; báo cáo hàng tháng";
  auto found = FindDeadlines(*rules, text, text, 0);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].deadline.text, "hàng tháng");
  EXPECT_EQ(found[0].deadline.recurrence, "monthly");
}

TEST(DeadlineTest, ProjectRulesLoad) { EXPECT_FALSE(ProjectRules().rules.empty()); }

}  // namespace
}  // namespace plangraph
