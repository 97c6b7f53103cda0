#include "reference.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "rule_file.h"

namespace plangraph {
namespace {

// The project's own rules/document_types.tsv, loaded once.
const DocumentTypes& ProjectTypes() {
  static const DocumentTypes* types = [] {
    auto file = ReadRuleFile(std::string(PLANGRAPH_SOURCE_DIR) + "/rules/document_types.tsv");
    if (!file.ok()) {
      ADD_FAILURE() << file.status().message();
      std::abort();
    }
    auto loaded = LoadDocumentTypes(*file);
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().message();
      std::abort();
    }
    return new DocumentTypes(std::move(*loaded));
  }();
  return *types;
}

std::string Key(std::string_view symbol, int year = 0) {
  return ReferenceKey(SplitSymbol(symbol), year);
}

TEST(ReferenceTest, LoadsTypesLongestNameFirstAndKeepsFileOrder) {
  const DocumentTypes& t = ProjectTypes();
  ASSERT_FALSE(t.types.empty());
  EXPECT_EQ(t.by_file_order.front().name, "Nghị quyết");
  EXPECT_EQ(t.types.front().name, "Chương trình hành động");
  EXPECT_EQ(t.by_file_order.front().codes, std::vector<std::string>{"NQ"});
  EXPECT_EQ(t.by_file_order.front().variants,
            (std::vector<std::string>{"NQ", "Nghị quyết liên tịch"}));
  for (const DocumentType& d : t.by_file_order) {
    if (d.name == "Văn bản") {
      EXPECT_TRUE(d.codes.empty());
      EXPECT_TRUE(d.variants.empty());
    }
  }
}

TEST(ReferenceTest, MalformedTypeRowNamesFileAndLine) {
  RuleFile file = ParseRuleFile("rules/document_types.tsv",
                                "# comment\nNghị quyết\tNQ\tNQ\nChỉ thị\n");
  auto types = LoadDocumentTypes(file);
  ASSERT_FALSE(types.ok());
  EXPECT_EQ(types.status().kind(), Status::Kind::kBadRule);
  EXPECT_EQ(types.status().message().rfind("rules/document_types.tsv:3: ", 0), 0u)
      << types.status().message();
}

TEST(ReferenceTest, CanonicalTypeFromNameOrVariantInAnyCase) {
  struct Case {
    const char* written;
    const char* canonical;
  } cases[] = {
      {"nghị quyết", "Nghị quyết"},  {"NGHỊ QUYẾT", "Nghị quyết"},
      {"NQ", "Nghị quyết"},          {"kế hoạch", "Kế hoạch"},
      {"KẾ HOẠCH", "Kế hoạch"},      {"Nghị quyết liên tịch", "Nghị quyết"},
      {"QÐ", "Quyết định"},          {"quyết định", "Quyết định"},
      {"Chương trình hành động", "Chương trình hành động"},
      {"CHƯƠNG TRÌNH", "Chương trình"}, {"THÔNG BÁO KẾT LUẬN", "Thông báo kết luận"},
      {"Tờ trình", "Tờ trình"},      {"Quy định", "Quy định"},
      {"", ""},                      {"Báo cáo viên", ""},
      {"Q", ""},                     {"Thực hiện", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(ProjectTypes().Canonical(c.written), c.canonical) << c.written;
}

TEST(ReferenceTest, TypeFromCodeInsideSymbol) {
  struct Case {
    const char* symbol;
    const char* type;
  } cases[] = {
      {"02-NQ/TW", "Nghị quyết"},     {"1729/QĐ-TTg", "Quyết định"},
      {"18/TTr-SKHĐT", "Tờ trình"},   {"305/QLTC", ""},
      {"88-CTr/TU", "Chương trình hành động"},  // first type in file order listing CTr
      {"49-KH/TU", "Kế hoạch"},       {"02-nq/tw", "Nghị quyết"},
      {"1729/QÐ-TTg", "Quyết định"},  {"", ""},
      {"05-TB/TU", "Thông báo"},  // the plain type, not "Thông báo kết luận"
  };
  for (const Case& c : cases) EXPECT_EQ(ProjectTypes().FromSymbol(c.symbol), c.type) << c.symbol;
}

TEST(ReferenceTest, CleanSymbolDropsSpacesAndTrailingPunctuation) {
  struct Case {
    const char* written;
    const char* clean;
  } cases[] = {
      {"31/KH- LĐLĐ", "31/KH-LĐLĐ"},     {"3210/QĐ - UBND", "3210/QĐ-UBND"},
      {"49 -KH/TU", "49-KH/TU"},         {"02-NQ/TW,", "02-NQ/TW"},
      {"02-NQ/TW).", "02-NQ/TW"},        {"18/TTr-SKHĐT;", "18/TTr-SKHĐT"},
      {"22/2013/QĐ-TTg:", "22/2013/QĐ-TTg"},
      {"88\u00a0-\u2009CTr/TU", "88-CTr/TU"}, {" 1729/QĐ-TTg \t", "1729/QĐ-TTg"},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(CleanSymbol(c.written), c.clean) << c.written;
}

TEST(ReferenceTest, SplitSymbolIntoNumberGroupsAndYear) {
  struct Case {
    const char* symbol;
    const char* number;
    std::vector<std::string> groups;
    int year;
  } cases[] = {
      {"02-NQ/TW", "2", {"NQ", "TW"}, 0},
      {"22/2013/QĐ-TTg", "22", {"QD", "TTG"}, 2013},
      {"2013/ABC", "2013", {"ABC"}, 0},
      {"YBB-SA032/26-LR", "32", {"LR", "SA", "YBB"}, 0},
      {"4236/SXD-QLN&CS", "4236", {"CS", "QLN", "SXD"}, 0},
      {"21.4/GĐN", "21", {"GDN"}, 0},
      {"88-CTr/TU", "88", {"CTR", "TU"}, 0},
      {"0/KH", "0", {"KH"}, 0},
      {"/KH-SCT", "", {"KH", "SCT"}, 0},
      {"05/2030/TT-BTC", "5", {"BTC", "TT"}, 2030},
      {"05/1900/TT-BTC", "5", {"BTC", "TT"}, 0},
      {"01/NQ-HĐND-HĐND", "1", {"HDND", "NQ"}, 0},
      {"1729/QÐ-TTg", "1729", {"QD", "TTG"}, 0},
      {"1729/QD-TTg", "1729", {"QD", "TTG"}, 0},
      {"31/KH-LĐLĐ", "31", {"KH", "LDLD"}, 0},
  };
  for (const Case& c : cases) {
    SymbolParts p = SplitSymbol(c.symbol);
    EXPECT_EQ(p.number, c.number) << c.symbol;
    EXPECT_EQ(p.groups, c.groups) << c.symbol;
    EXPECT_EQ(p.year, c.year) << c.symbol;
  }
}

TEST(ReferenceTest, KeysAndStems) {
  EXPECT_EQ(Key("02-NQ/TW", 2021), "2|NQ-TW|2021");
  EXPECT_EQ(Key("22/2013/QĐ-TTg", 2020), "22|QD-TTG|2013");  // the symbol's year wins
  EXPECT_EQ(Key("05/CV-SCT"), "5|CV-SCT|?");
  EXPECT_EQ(ReferenceStem(SplitSymbol("02-NQ/TW")), "2|NQ-TW");
}

TEST(ReferenceTest, SeparatorSlipMeetsSameKey) {
  const char* spellings[] = {"02-NQ/TW", "02/NQ-TW", "2-NQ/TW", "02-nq/tw", "02 - NQ/TW"};
  for (const char* s : spellings) EXPECT_EQ(Key(CleanSymbol(s), 2021), "2|NQ-TW|2021") << s;
}

TEST(ReferenceTest, SameNumberInDifferentYearsStaysApart) {
  EXPECT_NE(Key("02-NQ/TW", 2021), Key("02-NQ/TW", 2022));
  EXPECT_EQ(ReferenceStem(SplitSymbol("02-NQ/TW")), ReferenceStem(SplitSymbol("02/NQ-TW")));
}

TEST(ReferenceTest, ParsesWhatAPersonTypes) {
  struct Case {
    const char* typed;
    const char* type;
    const char* number;
    std::vector<std::string> groups;
    int year;
  } cases[] = {
      {"02-NQ/TW", "Nghị quyết", "2", {"NQ", "TW"}, 0},
      {"Nghị quyết 02-NQ/TW", "Nghị quyết", "2", {"NQ", "TW"}, 0},
      {"Nghị quyết 02", "Nghị quyết", "2", {}, 0},
      {"nq 02/tw 2021", "Nghị quyết", "2", {"TW"}, 2021},
      {"NQ số 02-NQ/TW năm 2021", "Nghị quyết", "2", {"NQ", "TW"}, 2021},
      {"Quyết định 22/2013/QĐ-TTg", "Quyết định", "22", {"QD", "TTG"}, 2013},
      {"22/2013/QD-TTg", "Quyết định", "22", {"QD", "TTG"}, 2013},
      {"qd 22/2013/qd-ttg", "Quyết định", "22", {"QD", "TTG"}, 2013},
      {"02 NQ TW", "Nghị quyết", "2", {"NQ", "TW"}, 0},
      {"02 NQ TW 2021", "Nghị quyết", "2", {"NQ", "TW"}, 2021},
      {"Kế hoạch 49 KH TU", "Kế hoạch", "49", {"KH", "TU"}, 0},
      {"Nghị quyết 02 của Bộ Chính trị", "Nghị quyết", "2", {}, 0},
      {"02-NQ/TW OR AND", "Nghị quyết", "2", {"NQ", "TW"}, 0},
      {"kế hoạch 134", "Kế hoạch", "134", {}, 0},
      {"02-nq/tw", "Nghị quyết", "2", {"NQ", "TW"}, 0},
      {"3210/QĐ - UBND", "Quyết định", "3210", {"QD", "UBND"}, 0},
      {"Nghị quyết liên tịch 01/2020/NQLT-BTC", "Nghị quyết", "1", {"BTC", "NQLT"}, 2020},
      {"Chương trình hành động 88-CTr/TU", "Chương trình hành động", "88", {"CTR", "TU"}, 0},
      {"Kế hoạch 2024", "Kế hoạch", "2024", {}, 0},  // a lone year-like number is the number
      {"  NGHỊ QUYẾT  số:  02  ", "Nghị quyết", "2", {}, 0},
      {"305/QLTC", "", "305", {"QLTC"}, 0},
  };
  for (const Case& c : cases) {
    auto q = ParseReferenceQuery(ProjectTypes(), c.typed);
    ASSERT_TRUE(q.ok()) << c.typed << ": " << q.status().message();
    EXPECT_EQ(q->type, c.type) << c.typed;
    EXPECT_EQ(q->parts.number, c.number) << c.typed;
    EXPECT_EQ(q->parts.groups, c.groups) << c.typed;
    EXPECT_EQ(q->year, c.year) << c.typed;
  }
}

TEST(ReferenceTest, QueryWithoutNumberIsInvalidInput) {
  struct Case {
    const char* typed;
    const char* message;
  } cases[] = {
      {"", "reference '': empty"},
      {"   ", "reference '': empty"},
      {"Nghị quyết", "reference 'Nghị quyết': no document number"},
      {"NQ/TW", "reference 'NQ/TW': no document number"},
  };
  for (const Case& c : cases) {
    auto q = ParseReferenceQuery(ProjectTypes(), c.typed);
    ASSERT_FALSE(q.ok()) << c.typed;
    EXPECT_EQ(q.status().kind(), Status::Kind::kInvalidInput) << c.typed;
    EXPECT_EQ(q.status().message(), c.message) << c.typed;
  }
}

}  // namespace
}  // namespace plangraph
