// Tests of the scorer port: each matching rule of shared/tools/score.py, pinned with the values
// score.py itself gives (checked by running score.py on the same inputs).
#include "scoring.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace plangraph {
namespace {

using nlohmann::json;

// ---------------------------------------------------------------------------------------------
// fold()

struct FoldCase {
  std::string in;
  std::string want;
};

TEST(ScoreFoldTest, MatchesPythonFold) {
  const std::vector<FoldCase> cases = {
      {"Tỉnh ủy Đắk Lắk", "tinh uy dak lak"},
      {"MỤC ĐÍCH, YÊU CẦU", "muc dich yeu cau"},
      {"ĐẢNG ỦY", "dang uy"},
      {"Uỷ ban (UBND) tỉnh;", "uy ban ubnd tinh"},
      {"hoà-bình", "hoa binh"},
      {"Quý I/2024", "quy i 2024"},
      {"  Đạt 100 % ", "dat 100 %"},  // '%' is kept as a word character
      {"50%-60%", "50% 60%"},
      {"a_b", "a b"},  // '_' is punctuation here, unlike in \w
      {"", ""},
      // Non-Vietnamese letters: only what decomposes to ASCII survives.
      {"Ñandú", "nandu"},
      {"İstanbul", "istanbul"},
      {"Straße", "stra e"},
      {"Σίσυφος 7", "7"},
      {"\u212A", "k"},  // KELVIN SIGN decomposes to 'K' under NFD
      {"ﬁ", ""},        // compatibility forms are not decomposed by NFD
      {"１２", ""},
      {"½", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(ScoreFold(c.in), c.want) << c.in;
}

TEST(ScoreFoldTest, NonStringsFoldTheirPythonStr) {
  EXPECT_EQ(FoldJson(nullptr), "");
  EXPECT_EQ(FoldJson(106), "106");
  EXPECT_EQ(FoldJson(106.0), "106 0");  // str(106.0) == "106.0"
  EXPECT_EQ(FoldJson(1e-05), "1e 05");
  EXPECT_EQ(FoldJson(true), "true");
  EXPECT_EQ(FoldJson(json::array({"a\nb"})), "a nb");  // repr() writes the newline as "\n"
}

// ---------------------------------------------------------------------------------------------
// num() / float()

TEST(PyFloatTest, ParsesLikePythonFloat) {
  EXPECT_EQ(PyFloat("76.500"), 76.5);  // a decimal point, not a thousands separator
  EXPECT_EQ(PyFloat("1_000"), 1000.0);
  EXPECT_EQ(PyFloat(" 12 "), 12.0);
  EXPECT_EQ(PyFloat("\u00A012\u2003"), 12.0);
  EXPECT_EQ(PyFloat("١٢"), 12.0);  // Arabic-Indic digits are decimal digits
  EXPECT_EQ(PyFloat("1e3"), 1000.0);
  EXPECT_EQ(PyFloat(true), 1.0);
  EXPECT_EQ(PyFloat(106), 106.0);
  EXPECT_TRUE(std::isinf(*PyFloat("inf")));
  EXPECT_TRUE(std::isnan(*PyFloat("NaN")));
  for (const json& bad : {json("1__0"), json("1,5"), json(""), json("12\x1c"), json("0x10"),
                          json(nullptr), json::array(), json::object()}) {
    EXPECT_EQ(PyFloat(bad), std::nullopt) << bad.dump();
  }
}

// ---------------------------------------------------------------------------------------------
// symbol_key()

TEST(SymbolKeyTest, SeparatorAndLeadingZeroVariantsShareAKey) {
  const auto key = SymbolKey("02-NQ/TW");
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(key->number, "2");
  EXPECT_EQ(key->groups, (std::set<std::string>{"NQ", "TW"}));
  for (const char* same : {"2-NQ/TW", "2 - NQ/TW", "02/NQ-TW", "2-nq/tw"}) {
    EXPECT_EQ(SymbolKey(same), key) << same;
  }
}

TEST(SymbolKeyTest, DifferentNumbersOrLettersDiffer) {
  // The docstring's "20/NQ-TW-style" means a separator slip: the number itself must agree.
  EXPECT_NE(SymbolKey("20/NQ-TW"), SymbolKey("02-NQ/TW"));
  // Letter groups are Unicode letters: Đ is not D.
  EXPECT_NE(SymbolKey("31/KH-LĐLĐ"), SymbolKey("31/KH-LDLD"));
  EXPECT_EQ(SymbolKey("31/KH-LĐLĐ")->groups, (std::set<std::string>{"KH", "LĐLĐ"}));
  EXPECT_EQ(SymbolKey("31/kh-lđlđ"), SymbolKey("31/KH-LĐLĐ"));
}

TEST(SymbolKeyTest, NumberIsTheFirstDigitRun) {
  EXPECT_EQ(SymbolKey("12/2021/NĐ-CP")->number, "12");
  EXPECT_EQ(SymbolKey("00/QĐ")->number, "0");
  EXPECT_EQ(SymbolKey("NQ-TW")->number, std::nullopt);
  EXPECT_EQ(SymbolKey("KH_LD")->groups, (std::set<std::string>{"KH", "LD"}));
  EXPECT_EQ(SymbolKey("x²")->groups, (std::set<std::string>{"X²"}));  // '²' is no decimal
}

TEST(SymbolKeyTest, FalsySymbolsHaveNoKey) {
  for (const json& falsy : {json(nullptr), json(""), json(0), json(false), json::array()}) {
    EXPECT_EQ(SymbolKey(falsy), std::nullopt) << falsy.dump();
  }
}

// ---------------------------------------------------------------------------------------------
// norm_label()

TEST(NormLabelTest, KeepsAsciiAlphanumericsAndInnerDots) {
  const std::vector<std::pair<json, std::string>> cases = {
      {"II.", "II"},     {".1.", "1"}, {"1.2.", "1.2"}, {"a)", "A"},
      {"Điều 1", "IU1"}, {0, ""},      {1.5, "1.5"},    {nullptr, ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(NormLabel(in), want) << in.dump();
}

// ---------------------------------------------------------------------------------------------
// similar_names()

struct PairCase {
  json a, b;
  bool want;
};

TEST(SimilarNamesTest, ContiguousWordsCoveringHalf) {
  const std::vector<PairCase> cases = {
      {"Sở Tài chính", "sở tài chính", true},
      {"Sở Tài chính", "Sở Tài chính tỉnh Đắk Lắk", true},       // 3 of 6 words: exactly half
      {"Tài chính", "Sở Tài chính tỉnh Đắk Lắk", false},         // 2 of 6
      {"Tài chính", "Sở Tài chính tỉnh nhà", false},             // 2 of 5
      {"Sở Tài chính", "Sở Tài chính tỉnh Đắk Lắk mới", false},  // 3 of 7
      {"Sở Tài chính", "Tài chính Sở", false},                   // same length, different order
      {"Sở Tài chính", "Sở, Tài chính", true},                   // punctuation is a space
      {"UBND", "UBND tỉnh", false},                              // one word only matches itself
      {"UBND", "ubnd", true},
      {"", "", false},
      {nullptr, "Sở Tài chính", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(SimilarNames(c.a, c.b), c.want) << c.a.dump() << " ~ " << c.b.dump();
    EXPECT_EQ(SimilarNames(c.b, c.a), c.want) << c.b.dump() << " ~ " << c.a.dump();
  }
}

// ---------------------------------------------------------------------------------------------
// same_target()

TEST(SameTargetTest, EqualValueAndContainedUnit) {
  const std::vector<PairCase> cases = {
      {{{"value", 106}, {"unit", "đoàn viên"}},
       {{"value", 106}, {"unit", "đoàn viên công đoàn"}},
       true},
      {{{"value", "106"}, {"unit", "Đoàn viên"}}, {{"value", 106.0}, {"unit", "đoàn viên"}}, true},
      {{{"value", 106.0001}, {"unit", "người"}}, {{"value", 106}, {"unit", "người"}}, true},
      {{{"value", 106.001}, {"unit", "người"}}, {{"value", 106}, {"unit", "người"}}, false},
      {{{"value", "76.500"}, {"unit", "người"}}, {{"value", 76500}, {"unit", "người"}}, false},
      {{{"value", 100}, {"unit", " % "}}, {{"value", 100}, {"unit", "%"}}, true},
      // '%' must match exactly, never by containment.
      {{{"value", 100}, {"unit", "% doanh nghiệp"}}, {{"value", 100}, {"unit", "%"}}, false},
      {{{"value", 100}, {"unit", "người"}}, {{"value", 100}, {"unit", "%"}}, false},
      {{{"value", 100}, {"unit", ""}}, {{"value", 100}, {"unit", ""}}, false},
      {{{"value", nullptr}, {"unit", "người"}}, {{"value", 0}, {"unit", "người"}}, false},
      {{{"unit", "người"}}, {{"unit", "người"}}, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(SameTarget(c.a, c.b), c.want) << c.a.dump() << " vs gold " << c.b.dump();
  }
}

// ---------------------------------------------------------------------------------------------
// same_deadline()

TEST(SameDeadlineTest, DatesOrTextContainment) {
  const json q1 = {{"text", "Quý I/2024"}, {"start", "2024-01-01"}, {"end", "2024-03-31"}};
  const std::vector<PairCase> cases = {
      {{{"text", "trong quý đầu năm"}, {"start", "2024-01-01"}, {"end", "2024-03-31"}}, q1, true},
      {{{"text", "quý I"}, {"start", nullptr}, {"end", nullptr}}, q1, true},  // text inside
      {{{"text", "Quý II/2024"}, {"start", "2024-04-01"}, {"end", "2024-06-30"}}, q1, false},
      // A missing key and a null compare equal in the (start, end) tuple.
      {{{"start", "2024-01-01"}, {"end", nullptr}}, {{"start", "2024-01-01"}}, true},
      // Without gold dates, equal null dates prove nothing: texts decide.
      {{{"text", "Hằng năm"}}, {{"text", "Thường xuyên"}, {"start", nullptr}}, false},
      {{{"text", "thường xuyên, liên tục"}}, {{"text", "Thường xuyên"}}, true},
      {{{"text", ""}}, {{"text", ""}}, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(SameDeadline(c.a, c.b), c.want) << c.a.dump() << " vs gold " << c.b.dump();
  }
}

// ---------------------------------------------------------------------------------------------
// same_heading()

json Heading(const json& label, const json& text) { return {{"label", label}, {"text", text}}; }

TEST(SameHeadingTest, LabelThenEqualPrefixOrOverlap) {
  const std::vector<PairCase> cases = {
      {Heading("II.", "MỤC ĐÍCH, YÊU CẦU"), Heading("II", "Mục đích, yêu cầu"), true},
      {Heading("III", "MỤC ĐÍCH, YÊU CẦU"), Heading("II", "MỤC ĐÍCH, YÊU CẦU"), false},
      // A prefix of six words or more is enough…
      {Heading("1", "a b c d e f"), Heading("1", "a b c d e f g h i j"), true},
      // …a shorter one only when it is the whole of the other text.
      {Heading("1", "a b c d e"), Heading("1", "a b c d e f g h"), false},
      {Heading("1", "Mục đích"), Heading("1", "Mục đích và yêu cầu"), false},
      // Word-set overlap (Jaccard) of at least 80%.
      {Heading("1", "a b c d"), Heading("1", "a b c d e"), true},  // 4/5 exactly
      {Heading("1", "a b c"), Heading("1", "a b c d"), false},     // 3/4
      {Heading("1", "e d c b a"), Heading("1", "a b c d e"), true},
      {Heading("1", ""), Heading("1", nullptr), true},  // both empty
      {Heading("1", ""), Heading("1", "Mục đích"), false},
      {Heading(nullptr, "Mục đích"), Heading("", "Mục đích"), true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(SameHeading(c.a, c.b), c.want) << c.a.dump() << " vs gold " << c.b.dump();
  }
}

// ---------------------------------------------------------------------------------------------
// predicted_fields(): dedup and target years

TEST(PredictedFieldsTest, DeduplicatesCitationsAgenciesAndDeadlines) {
  const json out = json::parse(R"({
    "citations": [{"symbol": "02-NQ/TW"}, {"symbol": "2 - NQ/TW"}, {"symbol": ""},
                  {"symbol": "20/NQ-TW"}],
    "sections": [{"depth": 1, "label": "I", "heading": "A"}, {"depth": 3, "label": "a"},
                 {"depth": 2.0, "label": "1", "heading": "B"}, {"depth": "1"},
                 {"depth": true, "label": "2", "heading": "C"}],
    "tasks": [
      {"assignees": [{"agency": "Sở Tài chính"}, "SỞ TÀI CHÍNH", {"agency": ""}, {"agency": null}],
       "deadline": {"text": "Quý I", "start": "2024-01-01", "end": "2024-03-31"}},
      {"assignees": [{"agency": "Sở Xây dựng"}],
       "deadline": {"text": "quý I", "start": "2024-01-01", "end": "2024-03-31"}},
      {"assignees": [], "deadline": {"text": "Quý I/2024", "start": "2024-01-01",
                                     "end": "2024-03-31"}},
      {"deadline": {}}
    ]})");
  PredictedFields f = ExtractPredictedFields(out);
  ASSERT_EQ(f.citations.size(), 2u);
  EXPECT_EQ(f.citations[0]["symbol"], "02-NQ/TW");  // the first spelling is kept
  EXPECT_EQ(f.citations[1]["symbol"], "20/NQ-TW");
  ASSERT_EQ(f.headings.size(), 3u);  // depths 1, 2.0 and true (True == 1 in Python)
  EXPECT_EQ(f.headings[1], Heading("1", "B"));
  EXPECT_EQ(f.headings[2], Heading("2", "C"));
  ASSERT_EQ(f.assignees.size(), 2u);
  EXPECT_EQ(f.assignees[0], "Sở Tài chính");
  EXPECT_EQ(f.assignees[1], "Sở Xây dựng");
  ASSERT_EQ(f.deadlines.size(), 2u);  // same dates, texts "quy i" and "quy i 2024"
  EXPECT_EQ(f.deadlines[1]["text"], "Quý I/2024");
}

TEST(PredictedFieldsTest, TargetYearAddsADeadline) {
  const json out = json::parse(R"({"targets": [
      {"value": 1, "year": 2025}, {"value": 2, "year": "2025"}, {"value": 3, "year": 2025.0},
      {"value": 4, "year": null}, {"value": 5, "year": "0202"}, {"value": 6, "year": true}]})");
  PredictedFields f = ExtractPredictedFields(out);
  const json want = json::parse(R"([
      {"text": "năm 2025", "start": null, "end": "2025-12-31"},
      {"text": "năm 0202", "start": null, "end": "202-12-31"},
      {"text": "năm True", "start": null, "end": "1-12-31"}])");
  EXPECT_EQ(json(f.deadlines), want);  // 2025 and "2025" share a key; a float year adds none
}

TEST(PredictedFieldsTest, TargetYearMatchesAGoldHorizon) {
  const json out = {{"targets", {{{"value", 98}, {"unit", "%"}, {"year", 2025}}}}};
  const json gold = json::parse(R"({
      "targets": [{"value": 98, "unit": "%"}],
      "deadlines": [{"text": "Đến năm 2025", "start": null, "end": "2025-12-31"}]})");
  Scorecard card = ScoreDocument(out, gold, nullptr, "doc");
  EXPECT_EQ(card.fields["deadlines"].hit, 1);
  EXPECT_EQ(card.fields["targets"].hit, 1);
}

// ---------------------------------------------------------------------------------------------
// score_one()

void ExpectCounts(const FieldCounts& c, int hit, int predicted, int gold) {
  EXPECT_EQ(c.hit, hit);
  EXPECT_EQ(c.predicted, predicted);
  EXPECT_EQ(c.gold, gold);
}

TEST(ScoreDocumentTest, DocumentIdentitySlots) {
  const json gold = json::parse(
      R"({"document": {"type": "Kế hoạch", "symbol": "31/KH-LĐLĐ", "date": "2024-04-01"}})");
  const json out =
      json::parse(R"({"document": {"type": "KẾ HOẠCH", "symbol": "031-KH/LĐLĐ", "date": null}})");
  ExpectCounts(ScoreDocument(out, gold, nullptr, "d").fields["document"], 2, 2, 3);
  const json extra = json::parse(R"({"document": {"type": "Kế hoạch", "date": "2024-04-02"}})");
  const json no_date = json::parse(R"({"document": {"type": "Kế hoạch", "date": ""}})");
  ExpectCounts(ScoreDocument(extra, no_date, nullptr, "d").fields["document"], 1, 2, 1);
}

TEST(ScoreDocumentTest, OptionalAssigneesCountNeitherWay) {
  const json out = json::parse(R"({"tasks": [{"assignees": [
      {"agency": "Sở Tài chính"}, {"agency": "Ban Tuyên giáo"}, {"agency": "Sở Xây dựng"},
      {"agency": "các sở, ban, ngành liên quan"}]}]})");
  const json gold = json::parse(R"({
      "assignees": ["Sở Tài chính", "Sở Y tế"],
      "assignees_optional": ["Ban Tuyên giáo Tỉnh ủy", "Các sở, ban, ngành liên quan",
                             "Sở Tài chính tỉnh"]})");
  std::vector<std::string> shortfalls;
  Scorecard card = ScoreDocument(out, gold, &shortfalls, "kh-1");
  // Sở Tài chính (required, also like an optional name) counts; Sở Xây dựng is an error;
  // Ban Tuyên giáo and the collective body match only optional names.
  ExpectCounts(card.fields["assignees"], 1, 2, 2);
  EXPECT_EQ(shortfalls,
            std::vector<std::string>{"  kh-1 assignees: 1 matched, 2 predicted, 2 gold"});
}

TEST(ScoreDocumentTest, GreedyMatchingIsGoldOuterPredictionInner) {
  // The first prediction fits both gold names; it goes to the first gold name that wants it.
  const json out = json::parse(R"({"tasks": [{"assignees": [
      "Sở Tài chính tỉnh Đắk Lắk", "Sở Tài chính"]}]})");
  const json gold = json::parse(R"({"assignees": ["Sở Tài chính", "Tài chính tỉnh Đắk Lắk"]})");
  EXPECT_EQ(ScoreDocument(out, gold, nullptr, "d").fields["assignees"].hit, 1);
  const json reversed = json::parse(R"({"assignees": ["Tài chính tỉnh Đắk Lắk", "Sở Tài chính"]})");
  EXPECT_EQ(ScoreDocument(out, reversed, nullptr, "d").fields["assignees"].hit, 2);
}

TEST(ScoreDocumentTest, CitationsAndTheirDates) {
  const json out = json::parse(R"({"citations": [
      {"symbol": "02-NQ/TW", "date": "2021-06-12"}, {"symbol": "2-NQ/TW", "date": "2000-01-01"},
      {"symbol": "88-CTr/TU", "date": "2022-01-27"}, {"symbol": "57-KH/LĐLĐ", "date": null},
      {"symbol": "99/QĐ-UBND"}]})");
  const json gold = json::parse(R"({"citations": [
      {"symbol": "02/NQ-TW", "date": "2021-06-12"}, {"symbol": "88-CTr/TU", "date": "2022-01-26"},
      {"symbol": "57-KH/LĐLĐ", "date": "2024-03-28"}, {"symbol": "06-CT/TU", "date": "2021-07-10"},
      {"symbol": null, "date": "2020-01-01"}, {"symbol": "337-CV/HU"}]})");
  std::vector<std::string> shortfalls;
  Scorecard card = ScoreDocument(out, gold, &shortfalls, "d");
  ExpectCounts(card.fields["citations"], 3, 4, 6);
  ExpectCounts(card.fields["citation_dates"], 1, 2, 5);
  EXPECT_EQ(shortfalls, std::vector<std::string>{"  d citations: 3 matched, 4 predicted, 6 gold"});
}

TEST(ScoreDocumentTest, EmptyPredictionAgainstGold) {
  const json gold = json::parse(R"({
      "document": {"type": "Kế hoạch", "symbol": null, "date": "2024-04-01"},
      "headings": [{"label": "I", "text": "A"}], "targets": [], "deadlines": [{"text": "x"}]})");
  std::vector<std::string> shortfalls;
  Scorecard card = ScoreDocument(json::object(), gold, &shortfalls, "d");
  ExpectCounts(card.fields["document"], 0, 0, 2);
  ExpectCounts(card.fields["headings"], 0, 0, 1);
  ExpectCounts(card.fields["targets"], 0, 0, 0);
  EXPECT_EQ(shortfalls,
            (std::vector<std::string>{"  d headings: 0 matched, 0 predicted, 1 gold",
                                      "  d deadlines: 0 matched, 0 predicted, 1 gold"}));
}

// ---------------------------------------------------------------------------------------------
// prf() and the overall mean

TEST(FieldCountsTest, ZeroConventions) {
  struct Case {
    FieldCounts counts;
    double p, r, f1;
  };
  const std::vector<Case> cases = {
      {{0, 0, 0}, 1.0, 1.0, 1.0},  // nothing to find, nothing claimed: perfect
      {{0, 0, 3}, 0.0, 0.0, 0.0},      {{0, 2, 0}, 0.0, 0.0, 0.0},
      {{2, 4, 8}, 0.5, 0.25, 1.0 / 3}, {{16, 17, 17}, 16.0 / 17, 16.0 / 17, 16.0 / 17},
  };
  for (const auto& c : cases) {
    EXPECT_DOUBLE_EQ(c.counts.Precision(), c.p);
    EXPECT_DOUBLE_EQ(c.counts.Recall(), c.r);
    EXPECT_DOUBLE_EQ(c.counts.F1(), c.f1);
  }
}

TEST(ScorecardTest, OverallLeavesCitationDatesOut) {
  Scorecard card;
  EXPECT_EQ(card.fields.size(), 7u);
  card.fields["citation_dates"] = {0, 5, 5};  // F1 0, ignored
  card.fields["document"] = {1, 2, 2};        // F1 0.5
  Scorecard more;
  more.fields["document"] = {1, 0, 0};  // summed: 2/2/2, F1 1
  card.Add(more);
  ExpectCounts(card.fields["document"], 2, 2, 2);
  EXPECT_DOUBLE_EQ(card.OverallF1(), 1.0);
  card.fields["targets"] = {0, 1, 1};
  EXPECT_DOUBLE_EQ(card.OverallF1(), 5.0 / 6);
}

TEST(PyFloatReprTest, PythonReprLayout) {
  EXPECT_EQ(PyFloatRepr(1.0), "1.0");
  EXPECT_EQ(PyFloatRepr(16.0 / 17), "0.9411764705882353");
  EXPECT_EQ(PyFloatRepr(0.0001), "0.0001");
  EXPECT_EQ(PyFloatRepr(1e-05), "1e-05");
  EXPECT_EQ(PyFloatRepr(1e15), "1000000000000000.0");
  EXPECT_EQ(PyFloatRepr(1e16), "1e+16");
  EXPECT_EQ(PyFloatRepr(-2.5), "-2.5");
}

}  // namespace
}  // namespace plangraph
