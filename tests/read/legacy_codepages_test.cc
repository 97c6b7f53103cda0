// Tests of the legacy code page tables and decoders (src/read/legacy_codepages.h): each table
// holds the Vietnamese repertoire its standard defines, and the decoders mark what is undefined.
#include "legacy_codepages.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>

#include "text.h"

namespace plangraph {
namespace {

// All 134 non-ASCII Vietnamese letters (12 vowels x 6 tones x 2 cases + Đ đ, less the 12 ASCII
// vowels): the repertoire VISCII must hold exactly once each.
std::set<std::string> VietnameseLetters(bool lowercase_only) {
  const char* vowels[] = {"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"};
  const char* tones[] = {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"};
  std::set<std::string> letters = {"đ"};
  if (!lowercase_only) letters.insert("Đ");
  for (const char* v : vowels) {
    for (const char* t : tones) {
      std::string letter = ToNfc(std::string(v) + t);
      if (letter.size() > 1) letters.insert(letter);
      if (letter.size() > 1 && !lowercase_only) letters.insert(ToUpper(letter));
    }
  }
  return letters;
}

TEST(Tables, VisciiHoldsEveryLetterOnce) {
  std::string bytes = "\x02\x05\x06\x14\x19\x1E";
  for (int b = 0x80; b < 0x100; ++b) bytes.push_back(static_cast<char>(b));
  std::string text = ToNfc(DecodeWithTable(bytes, VisciiTable()).text);
  std::multiset<std::string> decoded;
  for (size_t i = 0; i < text.size();) {
    size_t n = (static_cast<uint8_t>(text[i]) >= 0xE0) ? 3 : 2;
    decoded.insert(text.substr(i, n));
    i += n;
  }
  EXPECT_EQ(decoded.size(), 134u);
  EXPECT_EQ(std::set<std::string>(decoded.begin(), decoded.end()), VietnameseLetters(false));
}

TEST(Tables, Tcvn3HoldsEveryLowercaseLetterOnce) {
  std::set<std::string> lowercase = VietnameseLetters(true);
  std::multiset<std::string> found;
  for (int b = 0xA1; b < 0x100; ++b) {
    std::string letter = ToNfc(DecodeWithTable(std::string(1, static_cast<char>(b)), Tcvn3Table()).text);
    if (lowercase.count(letter)) found.insert(letter);
  }
  EXPECT_EQ(found.size(), lowercase.size());
  EXPECT_EQ(std::set<std::string>(found.begin(), found.end()), lowercase);
}

TEST(Tables, UndefinedBytesAreMarkedWithTheirOffset) {
  // 0x81 is one of the five codes Windows-1252 leaves undefined; TCVN3 keeps 1252's 0x80-0x9F.
  Decoded d = DecodeWithTable("ab\x81" "c", Tcvn3Table());
  EXPECT_EQ(d.bad, 1u);
  EXPECT_EQ(d.first_bad, 2u);
  EXPECT_EQ(d.text, "ab\uFFFDc");
}

TEST(Tables, MojibakeGoesBackToItsWindows1252Bytes) {
  EXPECT_EQ(Utf8ToCp1252("K\u00D5 ho\u00B9ch \u201C", nullptr), "K\xD5 ho\xB9" "ch \x93");
  size_t bad = 0;
  EXPECT_FALSE(Utf8ToCp1252("K\u1EBF", &bad).has_value());
  EXPECT_EQ(bad, 1u);
}

}  // namespace
}  // namespace plangraph
