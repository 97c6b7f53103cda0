// Tests of legacy Vietnamese encoding detection and conversion (src/encoding.h).
//
// Fixtures under tests/fixtures/encodings/ are the first 40 lines of a corpus plan written by
// tools/make_encoding_fixtures.py (Python encoders; see its docstring for how the tables were
// checked); the short phrases below are written byte by byte from the published tables.
#include "encoding.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdint>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "text.h"

namespace plangraph {
namespace {

constexpr double kFixtureConfidence = 0.8;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::string Fixture(const std::string& suffix) {
  return ReadFile(std::string(PLANGRAPH_SOURCE_DIR) + "/tests/fixtures/encodings/daklak-kh-49-2021." + suffix);
}

// The UTF-8 original the fixtures were made from.
std::string Original() { return Fixture("utf8.txt"); }

// What encodings without curly quotes and dashes (VISCII, VIQR) can carry of the original.
std::string PlainTypography(std::string s) {
  const std::pair<std::string, std::string> kReplacements[] = {{"“", "\""}, {"”", "\""}, {"–", "-"}};
  for (const auto& [from, to] : kReplacements) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
      s.replace(at, from.size(), to);
    }
  }
  return s;
}

std::string Convert(std::string_view bytes, const std::string& encoding) {
  auto r = ConvertToUtf8(bytes, encoding, "test.txt");
  EXPECT_TRUE(r.ok()) << encoding << ": " << r.status().message();
  return r.ok() ? *r : std::string();
}

TEST(EncodingFixtures, OriginalIsTheCorpusHead) {
  std::string corpus = ReadFile(std::string(PLANGRAPH_SOURCE_DIR) + "/corpus/docs/daklak-kh-49-2021.txt");
  size_t end = 0;
  for (int line = 0; line < 40; ++line) end = corpus.find('\n', end) + 1;
  EXPECT_EQ(Original(), ToNfc(corpus.substr(0, end)));
  EXPECT_NE(Original().find("ĐẢNG CỘNG SẢN VIỆT NAM"), std::string::npos);
}

struct FixtureCase {
  const char* suffix;
  const char* encoding;
};

class LosslessFixture : public ::testing::TestWithParam<FixtureCase> {};

TEST_P(LosslessFixture, DetectsAndConvertsExactly) {
  std::string bytes = Fixture(GetParam().suffix);
  DetectedEncoding detected = DetectEncoding(bytes);
  EXPECT_EQ(detected.name, GetParam().encoding);
  EXPECT_GE(detected.confidence, kFixtureConfidence);
  EXPECT_LE(detected.confidence, 1.0);
  EXPECT_EQ(Convert(bytes, GetParam().encoding), Original());
}

INSTANTIATE_TEST_SUITE_P(
    Encodings, LosslessFixture,
    ::testing::Values(FixtureCase{"utf8.txt", kUtf8}, FixtureCase{"utf16le.txt", kUtf16Le},
                      FixtureCase{"windows1258.txt", kWindows1258}, FixtureCase{"vni.txt", kVni},
                      FixtureCase{"vni-mojibake.txt", kVniMojibake}),
    [](const auto& info) {
      std::string name;
      for (char c : std::string(info.param.suffix)) {
        if (c == '.') break;
        if (std::isalnum(static_cast<unsigned char>(c))) name.push_back(c);
      }
      return name;
    });

TEST(EncodingFixtures, Tcvn3CapitalsAreRestoredFromTheAsciiLettersAroundThem) {
  std::string bytes = Fixture("tcvn3.txt");
  DetectedEncoding detected = DetectEncoding(bytes);
  EXPECT_EQ(detected.name, kTcvn3);
  EXPECT_GE(detected.confidence, kFixtureConfidence);
  std::string text = Convert(bytes, kTcvn3);
  // The fonts draw most capitals from the lowercase codes ("TỉNH ủY"); the ASCII capitals of the
  // same word or line tell them back.
  EXPECT_EQ(text.substr(0, text.find('\n')), " \tTỈNH ỦY ĐẮK LẮK");
  EXPECT_NE(text.find("\tĐẢNG CỘNG SẢN VIỆT NAM\n"), std::string::npos);
  EXPECT_EQ(text, Original());
}

TEST(EncodingFixtures, Tcvn3MojibakeIsRepairedToTheOriginal) {
  std::string bytes = Fixture("tcvn3-mojibake.txt");
  DetectedEncoding detected = DetectEncoding(bytes);
  EXPECT_EQ(detected.name, kTcvn3Mojibake);
  EXPECT_GE(detected.confidence, kFixtureConfidence);
  std::string text = Convert(bytes, kTcvn3Mojibake);
  EXPECT_EQ(text, Convert(Fixture("tcvn3.txt"), kTcvn3));
  EXPECT_NE(text.find("\nKẾ HOẠCH\nThực hiện Nghị quyết số 02-NQ/TW"), std::string::npos);
}

TEST(EncodingFixtures, VisciiConvertsExactlyButTypography) {
  std::string bytes = Fixture("viscii.txt");
  DetectedEncoding detected = DetectEncoding(bytes);
  EXPECT_EQ(detected.name, kViscii);
  EXPECT_GE(detected.confidence, kFixtureConfidence);
  EXPECT_EQ(Convert(bytes, kViscii), PlainTypography(Original()));
}

TEST(EncodingFixtures, ViqrConvertsExactlyButTypography) {
  std::string bytes = Fixture("viqr.txt");
  DetectedEncoding detected = DetectEncoding(bytes);
  EXPECT_EQ(detected.name, kViqr);
  EXPECT_GE(detected.confidence, kFixtureConfidence);
  EXPECT_EQ(Convert(bytes, kViqr), PlainTypography(Original()));
}

TEST(EncodingFixtures, MojibakeRepairGivesTheOriginal) {
  for (const auto& [suffix, name] : {std::pair{"tcvn3-mojibake.txt", kTcvn3Mojibake},
                                     std::pair{"vni-mojibake.txt", kVniMojibake}}) {
    auto repaired = RepairMojibake(Fixture(suffix));
    ASSERT_TRUE(repaired.has_value()) << suffix;
    EXPECT_EQ(repaired->second, name);
    if (std::string(name) == kVniMojibake) {
      EXPECT_EQ(repaired->first, Original());
    } else {
      EXPECT_EQ(ToLower(repaired->first), ToLower(Original()));
    }
  }
}

// Short phrases, byte by byte from the published tables.
struct PhraseCase {
  const char* encoding;
  std::string bytes;
  std::string expected;
};

class Phrases : public ::testing::TestWithParam<PhraseCase> {};

TEST_P(Phrases, ConvertToNfc) {
  std::string text = Convert(GetParam().bytes, GetParam().encoding);
  EXPECT_EQ(text, GetParam().expected) << GetParam().encoding;
  EXPECT_EQ(text, ToNfc(text));
}

INSTANTIATE_TEST_SUITE_P(
    Tables, Phrases,
    ::testing::Values(
        // TCVN3: Õ=ế ¹=ạ Þ=ị §=Đ ¶=ả ñ=ủ ©=â Ø=ỉ ª=ê ®=đ µ=à é=ộ
        PhraseCase{kTcvn3, "K\xD5 ho\xB9" "ch", "Kế hoạch"},
        PhraseCase{kTcvn3, "Ngh\xDE quy\xD5t", "Nghị quyết"},
        PhraseCase{kTcvn3, "\xA7\xB6ng", "Đảng"},
        PhraseCase{kTcvn3, "\xF1y ban nh\xA9n d\xA9n t\xD8nh", "ủy ban nhân dân tỉnh"},
        PhraseCase{kTcvn3, "Li\xAAn \xAEo\xB5n Lao \xAE\xE9ng", "Liên đoàn Lao động"},
        PhraseCase{kTcvn3, "\x93\xA7\xE5ng b\xE9\x94 \x96 n\xA8m", "“Đồng bộ” – năm"},
        // VNI-Windows: base letter + modifier; Ñ=Đ ò=ị æ=ỉ ö=ư ô=ơ
        PhraseCase{kVni, "Ke\xE1 hoa\xEF" "ch", "Kế hoạch"},
        PhraseCase{kVni, "Ngh\xF2 quye\xE1t", "Nghị quyết"},
        PhraseCase{kVni, "\xD1" "a\xFBng", "Đảng"},
        PhraseCase{kVni, "U\xDBy ban nha\xE2n da\xE2n t\xE6nh", "Ủy ban nhân dân tỉnh"},
        PhraseCase{kVni, "Lie\xE2n \xF1oa\xF8n Lao \xF1o\xE4ng", "Liên đoàn Lao động"},
        PhraseCase{kVni, "n\xF6\xF4\xF9" "c na\xEAm \xD1" "A\xDBNG C\xD6\xCFNG", "nước năm ĐẢNG CỰNG"},
        PhraseCase{kVni, "kha\xFAng \xF1" "a\xEB" "c bie\xE4t My\xF5", "khẳng đặc biệt Mỹ"},
        // VISCII (RFC 1456): ª=ế Õ=ạ ¸=ị Ð=Đ ä=ả œ=Ủ â=â ï=ỉ ê=ê ð=đ à=à µ=ộ
        PhraseCase{kViscii, "K\xAA ho\xD5" "ch", "Kế hoạch"},
        PhraseCase{kViscii, "Ngh\xB8 quy\xAAt", "Nghị quyết"},
        PhraseCase{kViscii, "\xD0\xE4ng", "Đảng"},
        PhraseCase{kViscii, "\x9Cy ban nh\xE2n d\xE2n t\xEFnh", "Ủy ban nhân dân tỉnh"},
        PhraseCase{kViscii, "Li\xEAn \xF0o\xE0n Lao \xF0\xB5ng", "Liên đoàn Lao động"},
        PhraseCase{kViscii, "\x02n \x14 \x1E", "Ẳn Ỷ Ỵ"},
        // Windows-1258: base(+hat) then a combining tone: EC=acute F2=dot D2=hook
        PhraseCase{kWindows1258, "K\xEA\xEC ho" "a\xF2" "ch", "Kế hoạch"},
        PhraseCase{kWindows1258, "Nghi\xF2 quy\xEA\xECt", "Nghị quyết"},
        PhraseCase{kWindows1258, "\xD0" "a\xD2ng", "Đảng"},
        PhraseCase{kWindows1258, "U\xD2y ban nh\xE2n d\xE2n ti\xD2nh", "Ủy ban nhân dân tỉnh"},
        PhraseCase{kWindows1258, "Li\xEAn \xF0o\xE0n Lao \xF0\xF4\xF2ng", "Liên đoàn Lao động"},
        // VIQR (RFC 1456)
        PhraseCase{kViqr, "Ke^' hoa.ch", "Kế hoạch"},
        PhraseCase{kViqr, "Nghi. quye^'t", "Nghị quyết"},
        PhraseCase{kViqr, "DDa?ng", "Đảng"},
        PhraseCase{kViqr, "D9a?ng d9i", "Đảng đi"},
        PhraseCase{kViqr, "U?y ban nha^n da^n ti?nh", "Ủy ban nhân dân tỉnh"},
        PhraseCase{kViqr, "Lie^n ddoa`n Lao ddo^.ng", "Liên đoàn Lao động"},
        PhraseCase{kViqr, "Vie^.t Nam, ho'a\\. Ta(ng? Mu+o+`i d\\d", "Việt Nam, hóa. Tăng? Mười dd"},
        // UTF-16LE with and without BOM
        PhraseCase{kUtf16Le, std::string("\xFF\xFE\x10\x01\xA3\x1En\x00g\x00", 10), "Đảng"},
        PhraseCase{kUtf16Be, std::string("\x01\x10\x1E\xA3\x00n\x00g", 8), "Đảng"},
        // UTF-8, decomposed input comes out composed
        PhraseCase{kUtf8, "\xEF\xBB\xBFKe\xCC\x82\xCC\x81 hoa\xCC\xA3" "ch", "Kế hoạch"}),
    // "TCVN3_0", "VNI_Windows_7": the encoding and the row, not a dump of the bytes.
    [](const ::testing::TestParamInfo<PhraseCase>& info) {
      std::string name;
      for (char c : std::string(info.param.encoding)) {
        name.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
      }
      return name + "_" + std::to_string(info.index);
    });

TEST(RepairMojibake, Tcvn3ThroughWindows1252) {
  auto r = RepairMojibake("Thùc hiÖn NghÞ quyÕt sè 02-NQ/TW cña Bé ChÝnh trÞ vÒ “§æi míi”");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->first, "Thực hiện Nghị quyết số 02-NQ/TW của Bộ Chính trị về “Đổi mới”");
  EXPECT_EQ(r->second, kTcvn3Mojibake);
  auto short_phrase = RepairMojibake("KÕ ho¹ch");
  ASSERT_TRUE(short_phrase.has_value());
  EXPECT_EQ(short_phrase->first, "Kế hoạch");
}

TEST(RepairMojibake, VniThroughWindows1252) {
  auto r = RepairMojibake("Nghò quyeát soá 02-NQ/TW cuûa Boä Chính trò veà ñoåi môùi toå chöùc");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->first, "Nghị quyết số 02-NQ/TW của Bộ Chính trị về đổi mới tổ chức");
  EXPECT_EQ(r->second, kVniMojibake);
  auto short_phrase = RepairMojibake("Nghò quyeát");
  ASSERT_TRUE(short_phrase.has_value());
  EXPECT_EQ(short_phrase->first, "Nghị quyết");
}

TEST(RepairMojibake, LeavesRealTextAlone) {
  EXPECT_FALSE(RepairMojibake("Kế hoạch thực hiện Nghị quyết số 02-NQ/TW").has_value());
  EXPECT_FALSE(RepairMojibake("Le café est très bon à Paris, où l'été est chaud.").has_value());
  EXPECT_FALSE(RepairMojibake("Plain ASCII text").has_value());
  EXPECT_FALSE(RepairMojibake("\xC3").has_value());  // not UTF-8 at all
}

TEST(DetectEncoding, EnglishAsciiStaysUtf8) {
  const std::string english =
      "Don't you agree? We're going to the office today. I'd say it's fine, isn't it? "
      "The committee's report (see page 2.) was read aloud; you'll find a copy at the desk. "
      "Add the address to the middle field, e.g. a.b.c, and do it before noon. Who's there? "
      "They're here. You're welcome to come too: it'll be over by 5 o'clock, I hope.\n";
  std::string text = english + english + english;
  DetectedEncoding detected = DetectEncoding(text);
  EXPECT_EQ(detected.name, kUtf8);
  EXPECT_EQ(Convert(text, detected.name), text);
}

TEST(DetectEncoding, AFewVietnameseLikeMnemonicsAreNotViqr) {
  // Two VIQR-looking words in English are not enough evidence.
  DetectedEncoding detected = DetectEncoding("See Vie^.t Nam and Ha` No^.i on the map; then go home.");
  EXPECT_EQ(detected.name, kUtf8);
}

TEST(DetectEncoding, RandomBytesGetLowConfidence) {
  std::string bytes;
  uint32_t state = 12345;
  for (int i = 0; i < 8192; ++i) {
    state = state * 1103515245u + 12345u;
    bytes.push_back(static_cast<char>(state >> 24));
  }
  DetectedEncoding detected = DetectEncoding(bytes);
  EXPECT_LT(detected.confidence, 0.3) << detected.name;
}

TEST(DetectEncoding, Boms) {
  EXPECT_EQ(DetectEncoding("\xEF\xBB\xBFhello").name, kUtf8);
  EXPECT_EQ(DetectEncoding("\xEF\xBB\xBFhello").confidence, 1.0);
  EXPECT_EQ(DetectEncoding(std::string("\xFF\xFEh\0i\0", 6)).name, kUtf16Le);
  EXPECT_EQ(DetectEncoding(std::string("\xFE\xFF\0h\0i", 6)).name, kUtf16Be);
}

TEST(DetectEncoding, ShortLegacyTextIsNamedWithLowerConfidence) {
  DetectedEncoding detected = DetectEncoding("Ch\xAD\xAC" "ng tr\xD7nh h\xB5nh \xAE\xE9ng c\xF1" "a t\xD8nh");
  EXPECT_EQ(detected.name, kTcvn3);  // "Chương trình hành động của tỉnh"
  EXPECT_GT(detected.confidence, 0.5);
  EXPECT_LT(detected.confidence, DetectEncoding(Fixture("tcvn3.txt")).confidence);
}

TEST(ConvertToUtf8, UnknownEncodingListsTheSupportedOnes) {
  auto r = ConvertToUtf8("abc", "KOI8-VN", "docs/x.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().kind(), Status::Kind::kInvalidInput);
  EXPECT_NE(r.status().message().find("docs/x.txt"), std::string::npos);
  EXPECT_NE(r.status().message().find("unknown encoding \"KOI8-VN\""), std::string::npos);
  for (const auto& name : SupportedEncodings()) {
    EXPECT_NE(r.status().message().find(name), std::string::npos) << name;
  }
}

TEST(ConvertToUtf8, UndefinedBytesNameTheFileAndOffset) {
  auto tcvn3 = ConvertToUtf8("ab\x81" "c", kTcvn3, "old.txt");
  ASSERT_FALSE(tcvn3.ok());
  EXPECT_EQ(tcvn3.status().kind(), Status::Kind::kInvalidInput);
  EXPECT_EQ(tcvn3.status().message(), "old.txt: byte 0x81 at offset 2 is not defined in TCVN3");
  auto cp1258 = ConvertToUtf8("abc\x8A", "windows-1258", "old.txt");
  ASSERT_FALSE(cp1258.ok());
  EXPECT_EQ(cp1258.status().message(), "old.txt: byte 0x8A at offset 3 is not defined in Windows-1258");
  auto nul = ConvertToUtf8(std::string("a\0b", 3), kViscii, "bin.dat");
  ASSERT_FALSE(nul.ok());
  EXPECT_EQ(nul.status().message(), "bin.dat: binary file (NUL byte at offset 1)");
  auto utf8 = ConvertToUtf8("ok \xE1\xBA", kUtf8, "u.txt");
  ASSERT_FALSE(utf8.ok());
  EXPECT_EQ(utf8.status().message(), "u.txt: invalid UTF-8 at byte 3");
  auto mojibake = ConvertToUtf8("Kế hoạch", kTcvn3Mojibake, "m.txt");
  ASSERT_FALSE(mojibake.ok());
  EXPECT_NE(mojibake.status().message().find("m.txt"), std::string::npos);
}

TEST(ConvertToUtf8, NamesAreCaseInsensitiveWithAliases) {
  EXPECT_EQ(Convert("K\xD5", "abc"), "Kế");
  EXPECT_EQ(Convert("K\xD5", "tcvn3"), "Kế");
  EXPECT_EQ(Convert("Ke\xE1", "VNI"), "Kế");
  EXPECT_EQ(Convert("K\xEA\xEC", "CP1258"), "Kế");
  for (const auto& name : SupportedEncodings()) {
    if (!name.starts_with("UTF-16")) {
      EXPECT_EQ(Convert("plain", name), "plain") << name;
    }
  }
}

}  // namespace
}  // namespace plangraph
