#include "reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace plangraph {
namespace {

// Encodes UTF-16 code units as bytes in the requested byte order, optionally preceded by a BOM.
// Built by hand (not by a converter) so the tests do not share code with the decoder under test.
std::string Utf16Bytes(std::u16string_view units, bool big_endian, bool bom = true) {
  std::string out;
  auto put = [&](char16_t u) {
    char hi = static_cast<char>(u >> 8);
    char lo = static_cast<char>(u & 0xFF);
    if (big_endian) {
      out.push_back(hi);
      out.push_back(lo);
    } else {
      out.push_back(lo);
      out.push_back(hi);
    }
  };
  if (bom) put(0xFEFF);
  for (char16_t u : units) put(u);
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Writes raw bytes to a fresh file under the GoogleTest temp dir and returns its path.
std::string WriteTempFile(const std::string& name, std::string_view bytes) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

TEST(ReaderTest, DecodesValidInputToNfcWithLfLineEnds) {
  struct Case {
    const char* name;
    std::string bytes;
    std::string text;
    std::string encoding;
  } cases[] = {
      {"plain ascii", "Ke hoach 12", "Ke hoach 12", "UTF-8"},
      {"plain vietnamese", "Nghị quyết số 12-NQ/TU", "Nghị quyết số 12-NQ/TU", "UTF-8"},
      {"utf-8 bom dropped", "\xEF\xBB\xBF" "Kế hoạch", "Kế hoạch", "UTF-8 (BOM)"},
      {"bom only", "\xEF\xBB\xBF", "", "UTF-8 (BOM)"},
      // A BOM is only recognised at the very start; elsewhere it is ordinary text (U+FEFF).
      {"inner bom kept", "a\xEF\xBB\xBF" "b", "a\uFEFFb", "UTF-8"},
      // Decomposed (NFD) input, as produced by macOS file names and some PDF extractors.
      {"nfd", "Nghi\u0323 quye\u0302\u0301t", "Nghị quyết", "UTF-8"},
      // Mixed: precomposed base letter plus a combining tone mark.
      {"mixed nfd", "Nghi\u0323 quyê\u0301t", "Nghị quyết", "UTF-8"},
      {"nfd capitals", "\u0110a\u0306\u0301k La\u0306\u0301k", "Đắk Lắk", "UTF-8"},
      {"crlf", "a\r\nb\r\n", "a\nb\n", "UTF-8"},
      {"lone cr", "a\rb\r", "a\nb\n", "UTF-8"},
      {"cr cr lf", "a\r\r\nb", "a\n\nb", "UTF-8"},
      {"lf cr", "a\n\rb", "a\n\nb", "UTF-8"},
      // Tabs and form feeds are normal in text exported from office suites.
      {"tab and form feed", "a\tb\fc", "a\tb\fc", "UTF-8"},
      // A few stray control characters in a long text are tolerated.
      {"few controls", "\x01 ordinary text that is long enough",
       "\x01 ordinary text that is long enough", "UTF-8"},
      {"four-byte sequence", "x\U0001D11Ey", "x\U0001D11Ey", "UTF-8"},
  };
  for (const Case& c : cases) {
    Result<DecodedText> r = DecodeBytes("in.txt", c.bytes);
    ASSERT_TRUE(r.ok()) << c.name << ": " << r.status().message();
    EXPECT_EQ(r->text, c.text) << c.name;
    EXPECT_EQ(r->encoding, c.encoding) << c.name;
  }
}

// Empty input is not an error: an empty file is a valid (if useless) document, and rejecting it
// here would make the reader decide what the extractor should report.
TEST(ReaderTest, EmptyInputIsEmptyUtf8Text) {
  Result<DecodedText> r = DecodeBytes("empty.txt", "");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->text, "");
  EXPECT_EQ(r->encoding, "UTF-8");
}

TEST(ReaderTest, DecodesUtf16WithBom) {
  struct Case {
    const char* name;
    std::u16string units;
    std::string text;
  } cases[] = {
      {"ascii", u"Ke hoach", "Ke hoach"},
      {"vietnamese sentence", u"Ủy ban nhân dân tỉnh Đắk Lắk ban hành Kế hoạch.",
       "Ủy ban nhân dân tỉnh Đắk Lắk ban hành Kế hoạch."},
      // U+1D11E needs a surrogate pair in UTF-16 and four bytes in UTF-8.
      {"surrogate pair", u"a\U0001D11Eb", "a\U0001D11Eb"},
      {"nfd", u"Nghi\u0323 quye\u0302\u0301t", "Nghị quyết"},
      {"crlf and cr", u"a\r\nb\rc", "a\nb\nc"},
      {"bom only", u"", ""},
  };
  for (const Case& c : cases) {
    for (bool big_endian : {false, true}) {
      Result<DecodedText> r = DecodeBytes("in.txt", Utf16Bytes(c.units, big_endian));
      ASSERT_TRUE(r.ok()) << c.name << " " << big_endian << ": " << r.status().message();
      EXPECT_EQ(r->text, c.text) << c.name << " big_endian=" << big_endian;
      EXPECT_EQ(r->encoding, big_endian ? "UTF-16BE" : "UTF-16LE") << c.name;
    }
  }
}

TEST(ReaderTest, Utf16ByteOrderIsTakenFromTheBom) {
  // "Đ" is U+0110: the two byte orders must not be confused.
  EXPECT_EQ(DecodeBytes("x", std::string("\xFF\xFE\x10\x01", 4))->text, "Đ");
  EXPECT_EQ(DecodeBytes("x", std::string("\xFE\xFF\x01\x10", 4))->text, "Đ");
}

TEST(ReaderTest, RejectsMalformedUtf16NamingFileAndOffset) {
  struct Case {
    const char* name;
    std::string bytes;
    std::string message;  // full expected message; offsets count from the start of the file
  } cases[] = {
      // BOM, 'A', then one dangling byte at offset 4.
      {"odd length le", std::string("\xFF\xFE" "A\0" "B", 5),
       "doc.txt: invalid UTF-16 at byte 4"},
      {"odd length be", std::string("\xFE\xFF\0A" "B", 5), "doc.txt: invalid UTF-16 at byte 4"},
      // Lone trail surrogate as the second code unit (offset 4).
      {"lone trail", Utf16Bytes(u"a\xDC00" u"b", false), "doc.txt: invalid UTF-16 at byte 4"},
      // Lead surrogate followed by a non-surrogate.
      {"lead without trail", Utf16Bytes(u"\xD834" u"b", true), "doc.txt: invalid UTF-16 at byte 2"},
      // Lead surrogate at the very end.
      {"lead at end", Utf16Bytes(u"ab\xD834", false), "doc.txt: invalid UTF-16 at byte 6"},
  };
  for (const Case& c : cases) {
    Result<DecodedText> r = DecodeBytes("doc.txt", c.bytes);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.status().kind(), Status::Kind::kInvalidInput) << c.name;
    EXPECT_EQ(r.status().message(), c.message) << c.name;
  }
}

TEST(ReaderTest, RejectsInvalidUtf8NamingFileAndOffset) {
  struct Case {
    const char* name;
    std::string bytes;
    std::string message;
  } cases[] = {
      {"bad continuation", "ab\xC3\x28", "corpus/x.txt: invalid UTF-8 at byte 2"},
      {"truncated at end", "Kế ho\xE1\xBA", "corpus/x.txt: invalid UTF-8 at byte 7"},
      {"overlong slash", "\xC0\xAF", "corpus/x.txt: invalid UTF-8 at byte 0"},
      {"encoded surrogate", "a\xED\xA0\x80", "corpus/x.txt: invalid UTF-8 at byte 1"},
      {"stray continuation", "abc\x80", "corpus/x.txt: invalid UTF-8 at byte 3"},
      {"latin-1 text", "Ha\xF4i", "corpus/x.txt: invalid UTF-8 at byte 2"},
      // Offsets are file offsets, so the three BOM bytes count.
      {"after bom", "\xEF\xBB\xBF" "ab\xC3\x28", "corpus/x.txt: invalid UTF-8 at byte 5"},
  };
  for (const Case& c : cases) {
    Result<DecodedText> r = DecodeBytes("corpus/x.txt", c.bytes);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.status().kind(), Status::Kind::kInvalidInput) << c.name;
    // The offset comes first; a hint about legacy encodings may follow.
    EXPECT_EQ(r.status().message().substr(0, std::string(c.message).size()), c.message) << c.name;
    EXPECT_NE(r.status().message().find("--encoding"), std::string::npos) << c.name;
  }
}

TEST(ReaderTest, RejectsBinaryInputNamingFile) {
  Result<DecodedText> nul = DecodeBytes("corpus/x.pdf", std::string("%PDF\0abc", 8));
  ASSERT_FALSE(nul.ok());
  EXPECT_EQ(nul.status().kind(), Status::Kind::kInvalidInput);
  EXPECT_EQ(nul.status().message(), "corpus/x.pdf: binary file (NUL byte at offset 4)");

  // NUL offsets are file offsets too.
  Result<DecodedText> nul_after_bom = DecodeBytes("b.txt", std::string("\xEF\xBB\xBF" "a\0", 5));
  ASSERT_FALSE(nul_after_bom.ok());
  EXPECT_EQ(nul_after_bom.status().message(), "b.txt: binary file (NUL byte at offset 4)");

  // No NUL, but mostly control characters.
  Result<DecodedText> controls = DecodeBytes("c.bin", "\x01\x02\x03\x04\x05\x06");
  ASSERT_FALSE(controls.ok());
  EXPECT_EQ(controls.status().kind(), Status::Kind::kInvalidInput);
  EXPECT_EQ(controls.status().message(), "c.bin: binary file (6 control characters)");
}

TEST(ReaderTest, ReadTextFileReadsVietnameseNamedFile) {
  std::string path =
      WriteTempFile("Kế hoạch số 12.txt", "\xEF\xBB\xBF" "Nghi\u0323 quyết\r\nsố 1");
  Result<DecodedText> r = ReadTextFile(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->text, "Nghị quyết\nsố 1");
  EXPECT_EQ(r->encoding, "UTF-8 (BOM)");
  std::filesystem::remove(path);
}

TEST(ReaderTest, ReadTextFileReadsUtf16File) {
  std::string path = WriteTempFile("utf16be.txt", Utf16Bytes(u"Tỉnh ủy\r\n", true));
  Result<DecodedText> r = ReadTextFile(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->text, "Tỉnh ủy\n");
  EXPECT_EQ(r->encoding, "UTF-16BE");
  std::filesystem::remove(path);
}

TEST(ReaderTest, ReadTextFileErrorsNameThePath) {
  std::string bad = WriteTempFile("Báo cáo hỏng.txt", "ok\xC3\x28");
  Result<DecodedText> r = ReadTextFile(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().kind(), Status::Kind::kInvalidInput);
  EXPECT_EQ(r.status().message().rfind(bad + ": invalid UTF-8 at byte 2;", 0), 0u);
  std::filesystem::remove(bad);
}

TEST(ReaderTest, ReadTextFileMissingPathIsNotFound) {
  std::string path = ::testing::TempDir() + "không có tệp này.txt";
  Result<DecodedText> r = ReadTextFile(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().kind(), Status::Kind::kNotFound);
  EXPECT_TRUE(StartsWith(r.status().message(), path + ": ")) << r.status().message();
}

TEST(ReaderTest, ReadTextFileOnDirectoryIsAnError) {
  std::string dir = ::testing::TempDir() + "thư mục";
  std::filesystem::create_directories(dir);
  Result<DecodedText> r = ReadTextFile(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().kind(), Status::Kind::kIOError);
  EXPECT_TRUE(StartsWith(r.status().message(), dir + ": ")) << r.status().message();
  std::filesystem::remove(dir);
}

TEST(ReaderTest, ReadTextFileUnreadableIsIOError) {
  // Root ignores file permissions, so the test would not exercise anything there.
  if (::geteuid() == 0) GTEST_SKIP() << "running as root";
  std::string path = WriteTempFile("locked.txt", "secret");
  std::filesystem::permissions(path, std::filesystem::perms::none);
  Result<DecodedText> r = ReadTextFile(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().kind(), Status::Kind::kIOError);
  EXPECT_TRUE(StartsWith(r.status().message(), path + ": ")) << r.status().message();
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace plangraph
