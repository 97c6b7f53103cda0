// Page layout: words with boxes to text. Pages are built here word by word, in points, laid out
// as a word processor prints an administrative document (A4, 13 pt, first-line indent).
#include "page_layout.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace plangraph {
namespace {

constexpr double kHeight = 13;  // line height
constexpr double kCharWidth = 6;
constexpr double kPageWidth = 595;  // A4, text from 60 to about 540

// Adds the words of `text` starting at x on the line whose top is y; words are spaced one
// character apart, so a line of text is as wide as its characters.
void Put(LayoutPage* page, double x, double y, const std::string& text) {
  page->width = kPageWidth;
  std::istringstream in(text);
  std::string word;
  while (in >> word) {
    size_t chars = 0;
    for (unsigned char c : word) chars += (c & 0xC0) != 0x80;
    double width = chars * kCharWidth;
    page->words.push_back({word, x, y, x + width, y + kHeight, true});
    x += width + kCharWidth;
  }
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

TEST(PageLayoutTest, TwoColumnHeaderIsReadColumnByColumn) {
  LayoutPage page;
  Put(&page, 70, 50, "ỦY BAN NHÂN DÂN");
  Put(&page, 300, 50, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  Put(&page, 80, 65, "TỈNH NGHỆ AN");
  Put(&page, 330, 65, "Độc lập - Tự do - Hạnh phúc");
  Put(&page, 75, 95, "Số: 215/UBND-KT");
  Put(&page, 320, 95, "Nghệ An, ngày 3 tháng 5 năm 2025");
  Put(&page, 60, 110, "V/v rà soát các dự án");
  Put(&page, 62, 123, "chậm tiến độ năm 2025");
  Put(&page, 200, 165, "Kính gửi: Các sở, ban, ngành tỉnh.");
  EXPECT_EQ(Lines(LayoutToText({page})),
            (std::vector<std::string>{
                "ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN", "Số: 215/UBND-KT", "V/v rà soát các dự án",
                "chậm tiến độ năm 2025", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "Nghệ An, ngày 3 tháng 5 năm 2025", "",
                "Kính gửi: Các sở, ban, ngành tỉnh."}));
}

TEST(PageLayoutTest, RecipientsAndSignatureAreReadColumnByColumn) {
  LayoutPage page;
  Put(&page, 60, 100, "Đề nghị các đơn vị thực hiện nghiêm túc./.");
  Put(&page, 60, 140, "Nơi nhận:");
  Put(&page, 330, 140, "TM. ỦY BAN NHÂN DÂN");
  Put(&page, 60, 153, "- Như trên;");
  Put(&page, 345, 154, "CHỦ TỊCH");
  Put(&page, 60, 166, "- Lưu: VT, KT.");
  Put(&page, 340, 240, "Trần Văn Minh");
  EXPECT_EQ(Lines(LayoutToText({page})),
            (std::vector<std::string>{"Đề nghị các đơn vị thực hiện nghiêm túc./.", "",
                                      "Nơi nhận:", "- Như trên;", "- Lưu: VT, KT.", "",
                                      "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Trần Văn Minh"}));
}

TEST(PageLayoutTest, WideGapsInOneLineAreNotColumnsWithoutACue) {
  // Lines with a wide gap in the body (a tab stop) stay lines.
  LayoutPage page;
  Put(&page, 60, 40, "Dự toán được lập như sau.");
  Put(&page, 60, 55, "Các khoản chi gồm:");
  Put(&page, 60, 70, "a) Chi thường xuyên.");
  Put(&page, 60, 100, "Tổng kinh phí:");
  Put(&page, 300, 100, "1.200 triệu đồng");
  Put(&page, 60, 115, "Nguồn vốn:");
  Put(&page, 300, 115, "ngân sách tỉnh");
  EXPECT_EQ(Lines(LayoutToText({page})),
            (std::vector<std::string>{
                "Dự toán được lập như sau.", "Các khoản chi gồm:", "a) Chi thường xuyên.",
                "Tổng kinh phí: 1.200 triệu đồng", "Nguồn vốn: ngân sách tỉnh"}));
}

TEST(PageLayoutTest, ParagraphsStayApart) {
  // Body text 60..540; paragraphs open with a 36 pt indent; lines are 16 pt apart.
  LayoutPage page;
  const std::string full =
      "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii kkkk llll mmmm nnnn oooo "
      "pppp qqqq";            // 79 characters: 474 pt, reaching the right margin
  Put(&page, 96, 100, full);  // indented first line, runs to the margin
  Put(&page, 60, 116, "tiếp theo của đoạn một.");  // continuation, ends short
  Put(&page, 96, 132, full);                       // a new paragraph, to the margin ...
  Put(&page, 60, 148, full + ";");                 // ... wrapped, and ending a clause at the margin
  Put(&page, 60, 164, "Căn cứ Nghị định số 30/2020/NĐ-CP;");  // next clause: not joined
  Put(&page, 60, 180, full);
  Put(&page, 60, 216, "phần cuối.");  // after a wide gap: a new paragraph
  EXPECT_EQ(Lines(LayoutToText({page})),
            (std::vector<std::string>{full + " tiếp theo của đoạn một.", full + " " + full + ";",
                                      "Căn cứ Nghị định số 30/2020/NĐ-CP;", full, "phần cuối."}));
}

TEST(PageLayoutTest, WrappedLineContinuesOnNextPage) {
  LayoutPage first, second;
  const std::string full =
      "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii kkkk llll mmmm nnnn oooo "
      "pppp qqqq";
  Put(&first, 96, 100, full);
  Put(&second, 60, 60, "kết thúc ở trang sau.");
  EXPECT_EQ(LayoutToText({first, second}), full + " kết thúc ở trang sau.\n");
}

TEST(PageLayoutTest, RunningHeadersAndPageNumbersAreDropped) {
  std::vector<LayoutPage> pages(3);
  for (int i = 0; i < 3; ++i) {
    Put(&pages[i], 200, 20, "Kế hoạch số 12/KH-UBND");
    Put(&pages[i], 60, 100, "Nội dung trang " + std::string(1, static_cast<char>('A' + i)) + ".");
    Put(&pages[i], 290, 800, std::to_string(i + 1));
  }
  EXPECT_EQ(LayoutToText(pages), "Nội dung trang A.\nNội dung trang B.\nNội dung trang C.\n");
}

TEST(PageLayoutTest, NoWordsNoText) { EXPECT_EQ(LayoutToText({LayoutPage{}, LayoutPage{}}), ""); }

}  // namespace
}  // namespace plangraph
