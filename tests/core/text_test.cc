#include "text.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace plangraph {
namespace {

TEST(TextTest, ToNfcComposesDecomposedVietnamese) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"Nghi\u0323 quye\u0302\u0301t", "Nghị quyết"},
      {"Nghi\u0323 quyê\u0301t", "Nghị quyết"},
      {"Ho\u031B\u0300a", "Hờa"},
      {"Nghị quyết", "Nghị quyết"},
      {"", ""},
      // Invalid UTF-8 is replaced, never passed through.
      {"a\xC3\x28", "a\uFFFD("},
  };
  for (const Case& c : cases) EXPECT_EQ(ToNfc(c.in), c.out) << c.in;
}

TEST(TextTest, ToLowerAndToUpperHandleVietnamese) {
  struct Case {
    const char* upper;
    const char* lower;
  } cases[] = {
      {"ĐẮK LẮK", "đắk lắk"},
      {"ỦY BAN NHÂN DÂN TỈNH", "ủy ban nhân dân tỉnh"},
      {"CHƯƠNG TRÌNH HÀNH ĐỘNG", "chương trình hành động"},
      {"QUÝ IV/2025", "quý iv/2025"},
      {"", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ToLower(c.upper), c.lower) << c.upper;
    EXPECT_EQ(ToUpper(c.lower), c.upper) << c.lower;
  }
  EXPECT_EQ(ToLower("Tỉnh Ủy Đắk Lắk"), "tỉnh ủy đắk lắk");
  EXPECT_EQ(ToUpper("Tỉnh Ủy Đắk Lắk"), "TỈNH ỦY ĐẮK LẮK");
}

TEST(TextTest, FoldDropsCaseDiacriticsAndPunctuation) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"Tỉnh ủy Đắk Lắk", "tinh uy dak lak"},
      {"TỈNH ỦY ĐẮK LẮK", "tinh uy dak lak"},
      {"Nghị quyết số 12-NQ/TU", "nghi quyet so 12 nq tu"},
      {"Ước đạt 98%", "uoc dat 98%"},
      {"98%", "98%"},
      {"  --Kế hoạch,,  (số 5)!! ", "ke hoach so 5"},
      {"a\t\u00A0\n b", "a b"},
      {"Chương trình", "chuong trinh"},
      // Decomposed input folds like precomposed input.
      {"Nghi\u0323 quye\u0302\u0301t", "nghi quyet"},
      {"...", ""},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(Fold(c.in), c.out) << c.in;
}

TEST(TextTest, ToneCanonicalViewMovesOldStyleTonesKeepingByteLength) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"hoà", "hòa"},
      {"uỷ", "ủy"},
      {"Hoà", "Hòa"},
      {"UỶ", "ỦY"},
      {"HOÀ", "HÒA"},
      {"Tỉnh uỷ", "Tỉnh ủy"},
      {"Hoà Bình, Thanh Hoá.", "Hòa Bình, Thanh Hóa."},
      {"khoẻ mạnh", "khỏe mạnh"},
      {"hoạ sĩ", "họa sĩ"},
      {"thuý", "thúy"},
      {"tuỵ", "tụy"},
      // Already new style: unchanged.
      {"hòa", "hòa"},
      {"ủy ban", "ủy ban"},
      // "qu" is a consonant cluster, so the tone in "quý" is already on the vowel.
      {"quý", "quý"},
      {"Quý", "Quý"},
      {"QUÝ", "QUÝ"},
      // The tone only moves when the pair ends the syllable.
      {"hoàn thành", "hoàn thành"},
      {"ngoài", "ngoài"},
      {"toàn", "toàn"},
      // Non-Vietnamese text is left alone.
      {"Hello, world", "Hello, world"},
      {"Ω≈ç 日本語", "Ω≈ç 日本語"},
      {"", ""},
  };
  for (const Case& c : cases) {
    std::string view = ToneCanonicalView(c.in);
    EXPECT_EQ(view, c.out) << c.in;
    EXPECT_EQ(view.size(), std::string_view(c.in).size()) << c.in;
  }
}

// The view is cut by byte offsets found in it, so even invalid input must keep its length.
TEST(TextTest, ToneCanonicalViewKeepsLengthOfInvalidUtf8) {
  std::string in = "\xFF" "hoà \xC3";
  std::string view = ToneCanonicalView(in);
  EXPECT_EQ(view.size(), in.size());
  EXPECT_EQ(view, "\xFF" "hòa \xC3");
}

// Trim, CollapseSpaces and Fold work on the bytes of well-formed text; ill-formed text reads
// as ICU reads it, each bad sequence one U+FFFD.
TEST(TextTest, IllFormedUtf8ReadsAsReplacementCharacters) {
  EXPECT_EQ(Trim(" \xFF" "Đắk\xC3 "), "\uFFFD" "Đắk\uFFFD");
  EXPECT_EQ(CollapseSpaces("a \xE1\xBA  b"), "a \uFFFD b");
  EXPECT_EQ(Fold("Sở\xFFTư pháp"), "so tu phap");
  EXPECT_EQ(ToNfc("ho\xCC\x80" "a\xFF"), "hòa\uFFFD");  // decomposed, and a bad byte
  EXPECT_EQ(ToNfc("Kế hoạch 2025"), "Kế hoạch 2025");
  EXPECT_EQ(ToLower("UBND TỈNH"), "ubnd tỉnh");
  EXPECT_EQ(ToUpper("ubnd"), "UBND");
}

TEST(TextTest, TrimRemovesAsciiAndUnicodeSpaces) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"  Kế hoạch  ", "Kế hoạch"},
      {"\t\u00A0 Kế hoạch \u00A0\t", "Kế hoạch"},
      {"\r\n x \r\n", "x"},
      {"\u2003\u3000em\u2003", "em"},
      // Inner spaces are kept as they are.
      {" a\u00A0\tb ", "a\u00A0\tb"},
      {" \t\u00A0 ", ""},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(Trim(c.in), c.out) << c.in;
}

TEST(TextTest, CollapseSpacesMakesOneAsciiSpaceAndTrims) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"a  b", "a b"},
      {"a \t\u00A0 b", "a b"},
      {"Ủy\u00A0ban\tnhân   dân", "Ủy ban nhân dân"},
      // Line breaks are spaces too.
      {"a\n\nb\r\nc", "a b c"},
      {"  a  ", "a"},
      {"\t\u00A0", ""},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(CollapseSpaces(c.in), c.out) << c.in;
}

TEST(TextTest, StartsWithUpperLooksAtTheFirstLetter) {
  struct Case {
    const char* in;
    bool upper;
  } cases[] = {
      {"Ủy ban", true},         {"ủy ban", false},      {"Đắk Lắk", true},
      {"đắk lắk", false},       {"1. Ủy ban", true},    {"1. ủy ban", false},
      {"12/KH-UBND", true},     {"(a) Tỉnh", false},    {"– Đắk Lắk", true},
      {"\"Kế hoạch\"", true},   {"2025", false},        {"...", false},
      {"", false},
  };
  for (const Case& c : cases) EXPECT_EQ(StartsWithUpper(c.in), c.upper) << c.in;
}

TEST(TextTest, IsAllCapsNeedsALetterAndNoLowercase) {
  struct Case {
    const char* in;
    bool caps;
  } cases[] = {
      {"ỦY BAN NHÂN DÂN", true},
      {"ỦY BAN NHÂN DÂn", false},
      {"TỈNH ĐẮK LẮK", true},
      {"1. KẾ HOẠCH", true},
      {"KH-UBND 2025", true},
      {"Số: 12/KH-UBND", false},
      {"đ", false},
      {"Đ", true},
      {"123", false},
      {"– 1.", false},
      {"", false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsAllCaps(c.in), c.caps) << c.in;
}

TEST(TextTest, SplitLines) {
  using Lines = std::vector<std::string_view>;
  struct Case {
    const char* in;
    Lines lines;
  } cases[] = {
      {"a\nb", {"a", "b"}},
      // A trailing newline yields a final empty line.
      {"a\nb\n", {"a", "b", ""}},
      {"a\r\nb\r\n", {"a", "b", ""}},
      {"a\r\nb", {"a", "b"}},
      {"Kế hoạch\n\nsố 1", {"Kế hoạch", "", "số 1"}},
      {"\n", {"", ""}},
      {"", {""}},
      // Only a CR directly before LF (or at the very end) is dropped; the reader has already
      // turned lone CRs into LFs.
      {"a\rb", {"a\rb"}},
      {"a\r", {"a"}},
  };
  for (const Case& c : cases) EXPECT_EQ(SplitLines(c.in), c.lines) << c.in;
}

// The segmenter recovers byte offsets from the views, so they must point into the input.
TEST(TextTest, SplitLinesReturnsViewsIntoTheInput) {
  std::string text = "một\r\nhai\nba";
  std::vector<std::string_view> lines = SplitLines(text);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].data(), text.data());
  EXPECT_EQ(lines[1].data(), text.data() + 7);
  EXPECT_EQ(lines[2].data(), text.data() + 11);
}

TEST(TextTest, EscapeIllFormedUtf8WritesOnlyTheBadBytesAsHex) {
  struct Case {
    std::string in, expected;
  };
  const std::vector<Case> cases = {
      {"kế hoạch 12.txt", "kế hoạch 12.txt"},               // well-formed: unchanged
      {"k\xE9 ho\xB9" "ch.txt", "k\\xE9 ho\\xB9ch.txt"},     // Windows-1258 / TCVN3 bytes
      {"\xC3", "\\xC3"},                                     // a character cut at the end
      {"\xE1\xBA" "a", "\\xE1\\xBAa"},                       // cut before an ASCII letter
      {"C:\\plans\\x.txt", "C:\\plans\\x.txt"},             // backslashes stay as they are
      {"\xED\xA0\x80", "\\xED\\xA0\\x80"},                   // a surrogate is not UTF-8
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(EscapeIllFormedUtf8(c.in), c.expected) << c.in;
}

TEST(TextTest, Utf8PrefixNeverCutsACharacter) {
  const std::string text = "Sở Nội vụ";  // S, ở (3 bytes), space, N, ộ (3 bytes)…
  EXPECT_EQ(Utf8Prefix(text, 1), "S");
  EXPECT_EQ(Utf8Prefix(text, 2), "S");
  EXPECT_EQ(Utf8Prefix(text, 3), "S");
  EXPECT_EQ(Utf8Prefix(text, 4), "Sở");
  EXPECT_EQ(Utf8Prefix(text, 7), "Sở N");
  EXPECT_EQ(Utf8Prefix(text, 100), text);
  EXPECT_EQ(Utf8Prefix(text, 0), "");
}

TEST(TextTest, IsMostlyCaps) {
  EXPECT_TRUE(IsMostlyCaps("PHÁT TRIỂN HẠ TẦNG 5G, IoT TRONG CÁC KHU CÔNG NGHIỆP"));
  EXPECT_TRUE(IsMostlyCaps("KẾ HOẠCH THỰC HIỆN NĂM 2025"));
  EXPECT_FALSE(IsMostlyCaps("Sở Nội vụ chủ trì tổng hợp"));
  EXPECT_FALSE(IsMostlyCaps("UBND TỈNH"));  // too short to tell a title
  EXPECT_FALSE(IsMostlyCaps(""));
}

}  // namespace
}  // namespace plangraph
