// Tests of legacy-font decoding in Word files: the font table, the decoder on runs we write, and
// corpus plans typed in TCVN3/VNI fonts (tests/fixtures/legacy, made by
// tools/make_legacy_variants.py) extracting like their UTF-8 originals.
#include "legacy_fonts.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "json_output.h"
#include "scoring.h"
#include "test_util.h"

namespace plangraph {
namespace {

TEST(LegacyFontsTest, FamilyComesFromTheFontName) {
  struct Case {
    const char* font;
    LegacyCharset charset;
    bool capitals;
  } cases[] = {
      {".VnTime", LegacyCharset::kTcvn3, false},
      {".VnTimeH", LegacyCharset::kTcvn3, true},
      {".VnArial", LegacyCharset::kTcvn3, false},
      {".VnArialH", LegacyCharset::kTcvn3, true},
      {".VnArial NarrowH", LegacyCharset::kTcvn3, true},
      {".VnCentury Schoolbook", LegacyCharset::kTcvn3, false},
      {" .vntime ", LegacyCharset::kTcvn3, false},
      {"VNI-Times", LegacyCharset::kVni, false},
      {"VNI-Helve", LegacyCharset::kVni, false},
      {"VNI-Helve-Condense", LegacyCharset::kVni, false},
      // Unicode and unknown fonts: no family (their runs are left to the content).
      {"Times New Roman", LegacyCharset::kNone, false},
      {"Arial", LegacyCharset::kNone, false},
      {"VnTime", LegacyCharset::kNone, false},
      {".Vn", LegacyCharset::kNone, false},
      {"", LegacyCharset::kNone, false},
  };
  for (const Case& c : cases) {
    FontFamily f = FamilyOfFont(c.font);
    EXPECT_EQ(f.charset, c.charset) << c.font;
    EXPECT_EQ(f.capitals, c.capitals) << c.font;
  }
}

// Runs of one paragraph each, decided and decoded.
struct FontRun {
  std::string font;
  std::string text;
};

std::vector<std::string> DecodeRuns(const std::vector<FontRun>& runs, std::string* note = nullptr) {
  LegacyFontDecoder decoder;
  for (const FontRun& r : runs) {
    decoder.Observe(r.font, r.text);
    decoder.EndParagraph();
  }
  decoder.Decide();
  std::vector<std::string> out;
  for (const FontRun& r : runs) out.push_back(decoder.Decode(r.font, r.text));
  if (note) *note = decoder.Note();
  return out;
}

TEST(LegacyFontsTest, RunsAreDecodedByTheirFont) {
  std::string note;
  std::vector<std::string> got = DecodeRuns(
      {
          {".VnTime", "Së Gi¸o dôc vµ §µo t¹o tØnh Qu¶ng Nam chñ tr×, phèi hîp"},
          {".VnTimeH", "ñy ban nh©n d©n huyÖn"},
          {"VNI-Times", "Soá: 256/2004/QÑ-UB ngaøy 01 thaùng 7 naêm 2004"},
          // A Unicode run beside them is left alone.
          {"Times New Roman", "Căn cứ Nghị quyết số 12/NQ-HĐND ngày 8/7/2023"},
      },
      &note);
  std::vector<std::string> expected = {
      "Sở Giáo dục và Đào tạo tỉnh Quảng Nam chủ trì, phối hợp",
      "ỦY BAN NHÂN DÂN HUYỆN",
      "Số: 256/2004/QĐ-UB ngày 01 tháng 7 năm 2004",
      "Căn cứ Nghị quyết số 12/NQ-HĐND ngày 8/7/2023",
  };
  EXPECT_EQ(got, expected);
  EXPECT_EQ(note, "TCVN3 runs (font .VnTime, .VnTimeH); VNI runs (font VNI-Times)");
}

TEST(LegacyFontsTest, TcvnSoftHyphenByteIsTheLetterUHorn) {
  // Byte 0xAD (U+00AD in the file) is "ư" in TCVN3: "tr\u00ADíc" is "trước".
  std::vector<std::string> got =
      DecodeRuns({{".VnTime", "thùc hiÖn tr\u00ADíc ngµy 30/6/2019, b¸o c¸o kÕt qu¶"}});
  EXPECT_EQ(got[0], "thực hiện trước ngày 30/6/2019, báo cáo kết quả");
}

TEST(LegacyFontsTest, SymbolCharsetBytesInThePrivateUseAreaAreRead) {
  // A legacy font declared with the symbol character set comes out of a .doc as U+F000 + byte;
  // a real symbol font (bullets in Wingdings) stays as it is.
  std::vector<std::string> got = DecodeRuns({
      {".VnTime", "tØnh Qu\uF0B6ng Nam"},
      {"Wingdings", "\uF0A7"},
  });
  EXPECT_EQ(got[0], "tỉnh Quảng Nam");
  EXPECT_EQ(got[1], "\uF0A7");
}

TEST(LegacyFontsTest, UnknownOrWrongFontIsDecidedByContent) {
  std::string note;
  std::vector<std::string> got = DecodeRuns(
      {
          // TCVN3 bytes under a font nobody knows.
          {"ABC Times", "KÕ ho¹ch triÓn khai c«ng t¸c phßng, chèng thiªn tai n¨m 2019"},
          // VNI bytes under a font whose name claims TCVN3.
          {".VnTime", "Sôû Noäi vuï chuû trì, phoái hôïp vôùi caùc ñòa phöông thöïc hieän"},
      },
      &note);
  EXPECT_EQ(got[0], "Kế hoạch triển khai công tác phòng, chống thiên tai năm 2019");
  EXPECT_EQ(got[1], "Sở Nội vụ chủ trì, phối hợp với các địa phương thực hiện");
  EXPECT_EQ(note,
            "TCVN3 runs (font ABC Times by content); VNI runs (font .VnTime by content)");
}

TEST(LegacyFontsTest, UnicodeTextIsNeverDecoded) {
  // Must not change: Vietnamese that Windows-1252 can hold, in a font of no family; English
  // with Latin-1 letters; Unicode Vietnamese typed in a run whose font is a TCVN3 one (it holds
  // letters beyond Windows-1252, so it cannot be TCVN3 bytes).
  std::vector<FontRun> runs = {
      {"Times New Roman", "Tôi là công dân, hòa bình và ấm no"},
      {"Arial", "Café « résumé » naïve"},
      {".VnTime", "Ủy ban nhân dân tỉnh Bình Định"},
  };
  std::vector<std::string> got = DecodeRuns(runs);
  for (size_t i = 0; i < runs.size(); ++i) EXPECT_EQ(got[i], runs[i].text) << runs[i].font;
}

TEST(LegacyFontsTest, FontOfAFileConvertedToUnicodeIsNotBelieved) {
  // Converters to Unicode often keep the old font names: when most runs in ".VnTime" hold
  // letters beyond Windows-1252, the runs that happen to fit ("Tài chính") are Unicode too.
  std::vector<FontRun> runs = {
      {".VnTime", "Ủy ban nhân dân tỉnh Hậu Giang"},
      {".VnTime", "Sở Tài nguyên và Môi trường"},
      {".VnTime", "Tài chính"},
  };
  std::string note;
  std::vector<std::string> got = DecodeRuns(runs, &note);
  EXPECT_EQ(got[2], "Tài chính");
  EXPECT_EQ(note, "");
}

// ---------------------------------------------------------------------------------------------
// Corpus plans typed in legacy fonts.

Extraction Extract(const std::string& path) {
  auto r = testing::ProjectExtractor().ExtractFile(path);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : Extraction{};
}

// score.py's overall F1 of `variant` scored against `original`'s own extraction as the gold.
double Agreement(const Extraction& variant, const Extraction& original) {
  PredictedFields gold_fields = ExtractPredictedFields(ExtractionToJson(original));
  nlohmann::json gold = {
      {"document", gold_fields.document},   {"citations", gold_fields.citations},
      {"headings", gold_fields.headings},   {"targets", gold_fields.targets},
      {"assignees", gold_fields.assignees}, {"deadlines", gold_fields.deadlines},
  };
  return ScoreDocument(ExtractionToJson(variant), gold, nullptr, "variant").OverallF1();
}

const char* const kSeeds[] = {"tayninh-kh-de-an-08-2020", "quangtri-kh-134-2021",
                              "dmc-kh-31-2024", "daklak-kh-49-2021", "kontum-kh-kl79-2014"};

struct Variant {
  const char* suffix;
  const char* encoding;  // what the document record must say
};

void ExpectVariantsAgree(const std::vector<Variant>& variants) {
  for (const char* seed : kSeeds) {
    Extraction original = Extract(testing::SourceDir() + "/corpus/docs/" + seed + ".txt");
    ASSERT_DOUBLE_EQ(Agreement(original, original), 1.0) << seed;
    for (const Variant& v : variants) {
      std::string name = std::string(seed) + "." + v.suffix;
      Extraction e = Extract(testing::SourceDir() + "/tests/fixtures/legacy/" + name);
      EXPECT_EQ(e.encoding, v.encoding) << name;
      double agreement = Agreement(e, original);
      EXPECT_GE(agreement, 0.98) << name;
      std::printf("  %-44s agreement %.4f\n", name.c_str(), agreement);
    }
  }
}

TEST(LegacyFontsTest, DocxVariantsExtractLikeTheUtf8Original) {
  ExpectVariantsAgree({
      {"tcvn3.docx", "UTF-8 (Office Open XML) + TCVN3 runs (font .VnTime, .VnTimeH)"},
      {"vni.docx", "UTF-8 (Office Open XML) + VNI runs (font VNI-Times)"},
      {"mixed.docx", "UTF-8 (Office Open XML) + TCVN3 runs (font .VnTime, .VnTimeH)"},
      {"mislabelled.docx", "UTF-8 (Office Open XML) + VNI runs (font .VnTime by content)"},
  });
}

TEST(LegacyFontsTest, DocVariantsExtractLikeTheUtf8Original) {
  if (std::system("command -v soffice >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "LibreOffice is not installed (tools/install-deps.sh installs it)";
  }
  ExpectVariantsAgree({
      {"tcvn3.doc", "Word 97-2003 (via LibreOffice) + TCVN3 runs (font .VnTime, .VnTimeH)"},
      {"vni.doc", "Word 97-2003 (via LibreOffice) + VNI runs (font VNI-Times)"},
  });
}

}  // namespace
}  // namespace plangraph
