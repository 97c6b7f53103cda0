// Tests of the .docx reader on the fixtures made by tools/make_docx_fixtures.py.
#include "docx_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.h"

namespace plangraph {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string Fixture(const std::string& name) {
  return ReadFile(testing::SourceDir() + "/tests/fixtures/docx/" + name);
}

// The lines of `text`; the newline ending the last line does not open another.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<std::string> Convert(const std::string& name, const DocxOptions& options = {}) {
  Result<std::string> text = DocxToText(name, Fixture(name), options);
  EXPECT_TRUE(text.ok()) << text.status().message();
  return text.ok() ? Lines(*text) : std::vector<std::string>{};
}

std::string ErrorOf(const std::string& name, const std::string& bytes,
                    const DocxOptions& options = {}) {
  Result<std::string> text = DocxToText(name, bytes, options);
  EXPECT_FALSE(text.ok()) << name << " was read";
  if (text.ok()) return "";
  EXPECT_EQ(text.status().kind(), Status::Kind::kInvalidInput);
  return text.status().message();
}

TEST(DocxReaderTest, NumberedOutlineGetsWordsLabels) {
  std::vector<std::string> expected = {
      "ỦY BAN NHÂN DÂN",
      "TỈNH ĐẮK LẮK",
      "Số: 12/KH-UBND\tĐắk Lắk, ngày 5 tháng 3 năm 2024",
      "KẾ HOẠCH",
      "Triển khai thực hiện Nghị quyết số 02-NQ/TW",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Mục đích",
      "a) Quán triệt đầy đủ nội dung Nghị quyết.",
      "b) Nâng cao nhận thức của cán bộ.",
      "2. Yêu cầu",
      "2.1. Bảo đảm đồng bộ, hiệu quả.",
      "2.2. Phân công rõ trách nhiệm.",
      "II. NHIỆM VỤ, GIẢI PHÁP",
      "1. Tuyên truyền",  // restarts under the new Roman heading
      "1.1. Tổ chức hội nghị quán triệt",
      "a) Cấp tỉnh",
      "- Hoàn thành trong quý II năm 2024.",  // bullet from the paragraph style
      "+ Báo cáo kết quả về Sở Nội vụ.",
      "2. Kiểm tra, giám sát",
      "III. TỔ CHỨC THỰC HIỆN",  // numbered through its style only
      "Sở Nội vụ chủ trì, theo dõi.",  // numId 0 switches the style's numbering off
  };
  EXPECT_EQ(Convert("plan.docx"), expected);
}

TEST(DocxReaderTest, SharedListsOverridesAndOtherFormats) {
  std::vector<std::string> expected = {
      "1. Một",
      "2. Hai",
      "3. Ba (another w:num on the same list continues)",
      "1. Một lại (startOverride restarts)",
      "(i) La mã nhỏ",
      "(ii) La mã nhỏ hai",
      "C. Chữ hoa từ C",
      "01. Số có số 0",
      "1.1. Đánh số kiểu luật",
  };
  EXPECT_EQ(Convert("lists.docx"), expected);
}

TEST(DocxReaderTest, TablesBecomeMarkdownRows) {
  std::vector<std::string> expected = {
      "Bảng phân công nhiệm vụ:",
      "",
      "| STT | Nội dung | Cơ quan chủ trì | Thời gian |",
      // The cell's two paragraphs join with a space.
      "| 1 | Tuyên truyền Nghị quyết Tổ chức hội nghị "
      "| Sở Thông tin và Truyền thông | Quý II/2024 |",
      "| 2 | Kiểm tra | Sở Nội vụ Ban Tuyên giáo | 2024 |",  // nested table flattened
      "| Tổng hợp chung |  | Văn phòng UBND tỉnh | A/B |",      // gridSpan 2; no stray pipe
      "",
      "Kết thúc.",
  };
  EXPECT_EQ(Convert("table.docx"), expected);
}

TEST(DocxReaderTest, HeaderAndSignatureTablesAreReadCellByCell) {
  // Regression: the header table came out as one markdown row, so "Số: 518/QĐ-UBND" ran into
  // the place beside it, and text boxes were dropped.
  std::vector<std::string> expected = {
      "",
      "ỦY BAN NHÂN DÂN",
      "TỈNH BÌNH ĐỊNH",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 518/QĐ-UBND",
      "Bình Định, ngày 17 tháng 02 năm 2023",
      "",
      "KẾ HOẠCH",
      "Phòng chống thiên tai năm 2023",
      "Quy Nhơn, ngày 20 tháng 02 năm 2023",  // the text box, once (not its VML fallback too)
      "Giao Sở Nông nghiệp chủ trì thực hiện.",
      "",
      "Nơi nhận:",
      "- Như trên;",
      "- Lưu: VT.",
      "TM. ỦY BAN NHÂN DÂN",
      "CHỦ TỊCH",
      "",
      "",
      // A table after the body text is data: markdown rows.
      "| TT | Nhiệm vụ | Cơ quan chủ trì |",
      "| 1 | Rà soát đê điều | Sở Nông nghiệp |",
      "",
  };
  EXPECT_EQ(Convert("layout.docx"), expected);
}

TEST(DocxReaderTest, FootnotesFollowTheBodyInReferenceOrder) {
  std::vector<std::string> lines = Convert("notes.docx");
  ASSERT_GE(lines.size(), 4u);
  std::vector<std::string> tail(lines.end() - 4, lines.end());
  std::vector<std::string> expected = {
      "",
      // Footnote id 2 is referenced first, so Word shows it as 1; its two paragraphs join.
      "[1] Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị.",
      "[2] Ghi chú thứ hai.",
      "[3] Chú thích cuối.",  // the endnote continues the count
  };
  EXPECT_EQ(tail, expected);
}

TEST(DocxReaderTest, HeadersAndFootersAreLeftOut) {
  Result<std::string> text = DocxToText("notes.docx", Fixture("notes.docx"));
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_EQ(text->find("TIÊU ĐỀ TRANG"), std::string::npos);
  EXPECT_EQ(text->find("Trang chân"), std::string::npos);
}

TEST(DocxReaderTest, RunsJoinAndHiddenDeletedAndFieldCodesDrop) {
  std::vector<std::string> lines = Convert("notes.docx");
  ASSERT_GE(lines.size(), 4u);
  // "Kế hoạ" + "ch" in two runs, precomposed (NFC) as written.
  EXPECT_EQ(lines[0],
            "K\xE1\xBA\xBF ho\xE1\xBA\xA1"
            "ch số 49-KH/TU thực hiện Nghị quyết");
  EXPECT_EQ(lines[0].find('\xCC'), std::string::npos) << "combining marks in " << lines[0];
  // A line break is a space; hidden text, a deletion and the field code PAGE are not text.
  EXPECT_EQ(lines[1], "Dòng một dòng hai trang 7");
  // A page break ends the line.
  EXPECT_EQ(lines[2], "Trước ngắt trang");
  EXPECT_EQ(lines[3], "Sau ngắt trang");
}

TEST(DocxReaderTest, CorpusHeadRoundTrips) {
  std::vector<std::string> original =
      Lines(ReadFile(testing::SourceDir() + "/corpus/docs/daklak-kh-49-2021.txt"));
  ASSERT_GE(original.size(), 30u);
  original.resize(30);
  std::vector<std::string> converted = Convert("corpus_head.docx");
  ASSERT_EQ(converted.size(), original.size());
  for (size_t i = 0; i < original.size(); ++i) {
    EXPECT_EQ(Trim(converted[i]), Trim(original[i])) << "line " << i + 1;
  }
}

TEST(DocxReaderTest, PipelineSeesTheOutline) {
  Result<std::string> text = DocxToText("plan.docx", Fixture("plan.docx"));
  ASSERT_TRUE(text.ok()) << text.status().message();
  Extraction extraction = testing::ExtractText(*text);
  std::vector<std::string> roman;
  for (const Section& s : extraction.sections) {
    if (s.kind == "roman") roman.push_back(s.label + " " + s.heading);
  }
  std::vector<std::string> expected = {"I MỤC ĐÍCH, YÊU CẦU",
                                       "II NHIỆM VỤ, GIẢI PHÁP",
                                       "III TỔ CHỨC THỰC HIỆN"};
  EXPECT_EQ(roman, expected);
}

TEST(DocxReaderTest, BrokenArchivesAreRefusedWithTheirReason) {
  EXPECT_EQ(ErrorOf("truncated.docx", Fixture("truncated.docx")),
            "truncated.docx: truncated or damaged zip archive");
  EXPECT_EQ(ErrorOf("corrupt.docx", Fixture("corrupt.docx")),
            "corrupt.docx: truncated or damaged zip archive");
  EXPECT_EQ(ErrorOf("no_document.docx", Fixture("no_document.docx")),
            "no_document.docx: not a Word document (no word/document.xml)");
  EXPECT_EQ(ErrorOf("random.bin", Fixture("random.bin")),
            "random.bin: not a Word document (not a zip archive)");
  EXPECT_EQ(ErrorOf("empty.docx", ""), "empty.docx: not a Word document (not a zip archive)");
  EXPECT_EQ(ErrorOf("ole2.doc", Fixture("ole2.doc")), "ole2.doc: encrypted or legacy Word file");
  EXPECT_EQ(ErrorOf("enc.docx", Fixture("encrypted_member.docx")),
            "enc.docx: encrypted or legacy Word file");
  // An empty archive: only the end-of-central-directory record.
  EXPECT_EQ(ErrorOf("x.docx", std::string("PK\x05\x06", 4) + std::string(18, '\0')),
            "x.docx: not a Word document (no word/document.xml)");
}

TEST(DocxReaderTest, LooksLikeDocxByContent) {
  EXPECT_TRUE(LooksLikeDocx(Fixture("plan.docx")));
  EXPECT_TRUE(LooksLikeDocx(Fixture("truncated.docx")));  // so that reading it says why
  EXPECT_FALSE(LooksLikeDocx(Fixture("no_document.docx")));
  EXPECT_FALSE(LooksLikeDocx(Fixture("random.bin")));
  EXPECT_FALSE(LooksLikeDocx(Fixture("ole2.doc")));
  EXPECT_FALSE(LooksLikeDocx(""));
  EXPECT_FALSE(LooksLikeDocx("word/document.xml"));
}

}  // namespace
}  // namespace plangraph
