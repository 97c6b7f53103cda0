// Every supported input format and encoding extracts the same plan as the UTF-8 original: the
// fixtures under tests/fixtures/ are generated from corpus documents by tools/make_*_fixtures.py.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "html_reader.h"
#include "test_util.h"

namespace plangraph {
namespace {

// What a plan is, independent of line numbers and byte offsets (which change with the format).
std::vector<std::string> Essence(const Extraction& e) {
  std::vector<std::string> out = {e.document.type + "|" + e.document.symbol + "|" + e.document.date};
  for (const auto& s : e.sections) out.push_back("S " + s.label + "|" + s.heading);
  for (const auto& c : e.citations) out.push_back("C " + c.key + "|" + c.relation + "|" + c.date);
  for (const auto& t : e.targets) {
    out.push_back("T " + std::to_string(t.value) + "|" + t.unit + "|" +
                  (t.year ? std::to_string(*t.year) : ""));
  }
  for (const auto& t : e.tasks) {
    std::string who;
    for (const auto& a : t.assignees) who += a.agency + "/" + a.role + ";";
    out.push_back("K " + t.text + "|" + who + "|" + (t.deadline ? t.deadline->text : ""));
  }
  return out;
}

Extraction Extract(const std::string& path) {
  auto r = testing::ProjectExtractor().ExtractFile(path);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : Extraction{};
}

TEST(FormatsTest, HtmlPagesExtractLikeTheirTextOriginals) {
  for (const char* name : {"daklak-kh-49-2021"}) {
    Extraction html = Extract(testing::SourceDir() + "/tests/fixtures/html/" + name + ".html");
    Extraction text = Extract(testing::SourceDir() + "/corpus/docs/" + name + ".txt");
    EXPECT_EQ(html.format, "html");
    EXPECT_EQ(Essence(html), Essence(text)) << name;
  }
}

TEST(FormatsTest, HtmlReaderDropsScriptsStylesAndNavigation) {
  auto text = HtmlToText("x.html",
                         "<html><head><style>p{}</style><script>var a='Số 1-NQ/TW';</script></head>"
                         "<body><nav>Trang chủ</nav><p>KẾ HOẠCH</p><p>Thực hiện <b>Nghị quyết</b>"
                         " số 02-NQ/TW</p><table><tr><td>1</td><td>Sở Tư pháp</td></tr></table>"
                         "<footer>Bản quyền</footer></body></html>");
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_EQ(*text, "KẾ HOẠCH\nThực hiện Nghị quyết số 02-NQ/TW\n| 1 | Sở Tư pháp |\n");
}

TEST(FormatsTest, HtmlIsRecognisedByContentNotByName) {
  EXPECT_TRUE(LooksLikeHtml("\xEF\xBB\xBF  <!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksLikeHtml("<HTML><BODY>x</BODY></HTML>"));
  EXPECT_FALSE(LooksLikeHtml("KẾ HOẠCH\n<i>không phải html</i>"));
  // A ".doc" that is really an HTML page (a common export) reads as HTML.
  auto r = testing::ProjectExtractor().ExtractBytes(
      "plan.doc", "<html><body><p>KẾ HOẠCH</p><p>Thử</p><p>I. NHIỆM VỤ</p></body></html>");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, "html");
  ASSERT_EQ(r->sections.size(), 1u);
  EXPECT_EQ(r->sections[0].heading, "NHIỆM VỤ");
}

TEST(FormatsTest, HtmlWithoutTextIsAClearError) {
  auto r = testing::ProjectExtractor().ExtractBytes("empty.html", "<html><body><script>x</script></body></html>");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "empty.html: HTML document without text");
}

TEST(FormatsTest, PdfExtractsLikeItsTextOriginal) {
  // Wrapped lines rejoined, running header and page numbers dropped (tools/make_pdf_fixtures.py).
  Extraction pdf = Extract(testing::SourceDir() + "/tests/fixtures/pdf/daklak-kh-49-2021.pdf");
  Extraction text = Extract(testing::SourceDir() + "/corpus/docs/daklak-kh-49-2021.txt");
  EXPECT_EQ(pdf.format, "pdf");
  EXPECT_EQ(Essence(pdf), Essence(text));
}

TEST(FormatsTest, BrokenPdfsGiveClearErrors) {
  const std::string dir = testing::SourceDir() + "/tests/fixtures/pdf/";
  struct Case {
    const char* file;
    const char* message;
  } cases[] = {
      {"scanned.pdf",
       "scanned.pdf: the PDF has no text layer (a scan); read it by OCR with --ocr auto"},
      {"encrypted.pdf", "encrypted.pdf: encrypted PDF (it needs a password to be read)"},
  };
  for (const Case& c : cases) {
    auto r = testing::ProjectExtractor().ExtractFile(dir + c.file, ReadOptions{"", OcrMode::kNever});
    ASSERT_FALSE(r.ok()) << c.file;
    EXPECT_EQ(r.status().message(), dir + c.message);
  }
  // With OCR allowed, a page with nothing but a drawing has no text either.
  auto drawing = testing::ProjectExtractor().ExtractFile(dir + "scanned.pdf");
  ASSERT_FALSE(drawing.ok());
  EXPECT_EQ(drawing.status().kind(), Status::Kind::kUnreadable);
  EXPECT_EQ(drawing.status().message(), dir + "scanned.pdf: OCR found no text on its 1 page(s)");
  // Truncated: either what is left is read or the file is refused, never a crash.
  std::ifstream in(dir + "daklak-kh-49-2021.pdf", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto r = testing::ProjectExtractor().ExtractBytes("cut.pdf", bytes.substr(0, bytes.size() / 3));
  if (!r.ok()) {
    EXPECT_EQ(r.status().message().rfind("cut.pdf: ", 0), 0u);
  }
  auto garbage = testing::ProjectExtractor().ExtractBytes("junk.pdf", "%PDF-1.4\n garbage");
  ASSERT_FALSE(garbage.ok());
  EXPECT_EQ(garbage.status().message().rfind("junk.pdf: ", 0), 0u);
}

TEST(FormatsTest, DocxWithWordNumberingExtractsLikeItsTextOriginal) {
  // tools/make_docx_fixtures.py rebuilt the first 30 lines of the plan with Word numbering.
  Extraction docx = Extract(testing::SourceDir() + "/tests/fixtures/docx/corpus_head.docx");
  std::ifstream in(testing::SourceDir() + "/corpus/docs/daklak-kh-49-2021.txt");
  std::string head, line;
  for (int i = 0; i < 30 && std::getline(in, line); ++i) head += line + "\n";
  Extraction text = testing::ExtractText(head);
  EXPECT_EQ(docx.format, "docx");
  EXPECT_EQ(Essence(docx), Essence(text));
  EXPECT_GE(docx.sections.size(), 4u);
}

TEST(FormatsTest, Word97DocExtractsLikeItsTextOriginal) {
  // tools/make_doc_fixtures.sh (LibreOffice) wrote it; LibreOffice reads it back as .docx.
  if (std::system("command -v soffice >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "LibreOffice is not installed (tools/install-deps.sh installs it)";
  }
  Extraction doc = Extract(testing::SourceDir() + "/tests/fixtures/doc/daklak-kh-49-2021.doc");
  Extraction text = Extract(testing::SourceDir() + "/corpus/docs/daklak-kh-49-2021.txt");
  EXPECT_EQ(doc.format, "doc");
  EXPECT_EQ(Essence(doc), Essence(text));
}

TEST(FormatsTest, Word97DocKeepsWordNumbering) {
  // Regression: antiword dropped Word's automatic numbering, so every "I.", "1." label was lost.
  if (std::system("command -v soffice >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "LibreOffice is not installed (tools/install-deps.sh installs it)";
  }
  Extraction doc = Extract(testing::SourceDir() + "/tests/fixtures/doc/numbered_head.doc");
  Extraction docx = Extract(testing::SourceDir() + "/tests/fixtures/docx/corpus_head.docx");
  EXPECT_EQ(doc.format, "doc");
  EXPECT_EQ(Essence(doc), Essence(docx));
  ASSERT_GE(doc.sections.size(), 4u);
  EXPECT_EQ(doc.sections[0].label, "I");
}

TEST(FormatsTest, CompoundFileWithoutAWordDocumentIsAClearError) {
  auto r = testing::ProjectExtractor().ExtractFile(testing::SourceDir() + "/tests/fixtures/docx/ole2.doc");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("ole2.doc: an Office compound file without a Word document"),
            std::string::npos);
}

TEST(FormatsTest, EveryLegacyEncodingExtractsLikeTheUtf8Original) {
  // tools/make_encoding_fixtures.py wrote the same 40 lines in each encoding.
  const std::string dir = testing::SourceDir() + "/tests/fixtures/encodings/daklak-kh-49-2021.";
  Extraction original = Extract(dir + "utf8.txt");
  ASSERT_FALSE(original.sections.empty());
  struct Case {
    const char* file;
    const char* encoding;
  } cases[] = {
      {"utf16le.txt", "UTF-16LE"},
      {"windows1258.txt", "Windows-1258"},
      {"tcvn3.txt", "TCVN3"},
      {"vni.txt", "VNI-Windows"},
      {"viscii.txt", "VISCII"},
      {"viqr.txt", "VIQR"},
      {"tcvn3-mojibake.txt", "TCVN3 mojibake (via Windows-1252)"},
      {"vni-mojibake.txt", "VNI mojibake (via Windows-1252)"},
  };
  for (const Case& c : cases) {
    Extraction e = Extract(dir + c.file);
    EXPECT_EQ(e.encoding.rfind(c.encoding, 0), 0u) << c.file << ": " << e.encoding;
    EXPECT_EQ(Essence(e), Essence(original)) << c.file;
  }
}

TEST(FormatsTest, NamedEncodingOverridesDetectionAndUnknownBytesAreRefused) {
  const std::string dir = testing::SourceDir() + "/tests/fixtures/encodings/daklak-kh-49-2021.";
  auto forced = testing::ProjectExtractor().ExtractFile(dir + "vni.txt", "VNI-Windows");
  ASSERT_TRUE(forced.ok()) << forced.status().message();
  EXPECT_EQ(forced->encoding, "VNI-Windows (given)");
  auto unknown = testing::ProjectExtractor().ExtractFile(dir + "vni.txt", "KOI8-R");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("unknown encoding \"KOI8-R\""), std::string::npos);
  // Latin-1 bytes that spell no Vietnamese: refused, with the offset and a way out.
  auto junk = testing::ProjectExtractor().ExtractBytes("junk.txt", "caf\xE9 \xFC\xFF\xFE\xFD zzz");
  ASSERT_FALSE(junk.ok());
  EXPECT_EQ(junk.status().message().rfind("junk.txt: invalid UTF-8 at byte 3", 0), 0u)
      << junk.status().message();
  EXPECT_NE(junk.status().message().find("--encoding"), std::string::npos);
}

}  // namespace
}  // namespace plangraph
