#include "rule_file.h"
#include "citations.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace plangraph {
namespace {

using Fields = std::vector<std::string>;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

TEST(RuleFileTest, ParseSkipsCommentsAndBlankLinesAndKeepsLineNumbers) {
  RuleFile file = ParseRuleFile("rules/x.tsv",
                                "# header comment\n"       // 1
                                "\n"                       // 2
                                "A\tB\n"                   // 3
                                "  \t \n"                  // 4: only blanks
                                "C\t\t\tD\t\n"             // 5: several tabs, trailing tab
                                "   # indented comment\n"  // 6
                                "  one field  \n"          // 7
                                "E F\t  G  \n");           // 8: no trailing newline after it
  EXPECT_EQ(file.path, "rules/x.tsv");
  ASSERT_EQ(file.lines.size(), 4u);
  EXPECT_EQ(file.lines[0].number, 3);
  EXPECT_EQ(file.lines[0].fields, (Fields{"A", "B"}));
  EXPECT_EQ(file.lines[1].number, 5);
  EXPECT_EQ(file.lines[1].fields, (Fields{"C", "D"}));
  EXPECT_EQ(file.lines[2].number, 7);
  EXPECT_EQ(file.lines[2].fields, (Fields{"one field"}));
  EXPECT_EQ(file.lines[3].number, 8);
  // Spaces inside a field are kept; spaces around it are not.
  EXPECT_EQ(file.lines[3].fields, (Fields{"E F", "G"}));
}

TEST(RuleFileTest, ParseHandlesCrlfAndEmptyContents) {
  RuleFile crlf = ParseRuleFile("r.tsv", "# c\r\nA\tB\r\n\r\nC\r\n");
  ASSERT_EQ(crlf.lines.size(), 2u);
  EXPECT_EQ(crlf.lines[0].number, 2);
  EXPECT_EQ(crlf.lines[0].fields, (Fields{"A", "B"}));
  EXPECT_EQ(crlf.lines[1].number, 4);
  EXPECT_EQ(crlf.lines[1].fields, (Fields{"C"}));

  EXPECT_TRUE(ParseRuleFile("r.tsv", "").lines.empty());
  EXPECT_TRUE(ParseRuleFile("r.tsv", "# only a comment\n\n").lines.empty());
}

// Only a '#' at the start of a line opens a comment; inside a line it is literal text
// (patterns such as "số\t#\d+" must survive).
TEST(RuleFileTest, HashInsideALineIsNotAComment) {
  RuleFile file = ParseRuleFile("r.tsv", "a\t#b\nc # d\n");
  ASSERT_EQ(file.lines.size(), 2u);
  EXPECT_EQ(file.lines[0].fields, (Fields{"a", "#b"}));
  EXPECT_EQ(file.lines[1].fields, (Fields{"c # d"}));
}

// Editors on Windows often save UTF-8 with a BOM; it must not become part of the first rule.
TEST(RuleFileTest, ParseIgnoresUtf8Bom) {
  RuleFile comment_first = ParseRuleFile("r.tsv", "\xEF\xBB\xBF# comment\nA\tB\n");
  ASSERT_EQ(comment_first.lines.size(), 1u);
  EXPECT_EQ(comment_first.lines[0].number, 2);
  EXPECT_EQ(comment_first.lines[0].fields, (Fields{"A", "B"}));

  RuleFile rule_first = ParseRuleFile("r.tsv", "\xEF\xBB\xBF" "Kế hoạch\tKH\n");
  ASSERT_EQ(rule_first.lines.size(), 1u);
  EXPECT_EQ(rule_first.lines[0].number, 1);
  EXPECT_EQ(rule_first.lines[0].fields, (Fields{"Kế hoạch", "KH"}));
}

TEST(RuleFileTest, FieldsAreNfcAndToneCanonical) {
  struct Case {
    const char* line;
    Fields fields;
  } cases[] = {
      {"Tỉnh uỷ", {"Tỉnh ủy"}},
      {"Tỉnh uỷ\tHoà Bình", {"Tỉnh ủy", "Hòa Bình"}},
      {"UỶ BAN\tTHANH HOÁ", {"ỦY BAN", "THANH HÓA"}},
      {"Nghi\u0323 quye\u0302\u0301t", {"Nghị quyết"}},
      // Decomposed and old-style at once.
      {"Tỉnh u\u0309y", {"Tỉnh ủy"}},
      {"quý\thòa", {"quý", "hòa"}},
  };
  for (const Case& c : cases) {
    RuleFile file = ParseRuleFile("r.tsv", c.line);
    ASSERT_EQ(file.lines.size(), 1u) << c.line;
    EXPECT_EQ(file.lines[0].fields, c.fields) << c.line;
  }
}

TEST(RuleFileTest, CompileRulePatternReportsBadPatternWithFileAndLine) {
  RuleFile file = ParseRuleFile("rules/deadlines.tsv", "# deadlines\n\nQuý (\tquarter\n");
  ASSERT_EQ(file.lines.size(), 1u);
  const RuleLine& line = file.lines[0];
  auto re = CompileRulePattern(file, line, line.fields[0]);
  ASSERT_FALSE(re.ok());
  EXPECT_EQ(re.status().kind(), Status::Kind::kBadRule);
  const std::string& msg = re.status().message();
  EXPECT_TRUE(StartsWith(msg, "rules/deadlines.tsv:3: ")) << msg;
  EXPECT_NE(msg.find("Quý ("), std::string::npos) << msg;
  EXPECT_NE(msg.find("missing )"), std::string::npos) << msg;
  EXPECT_EQ(msg.find('\n'), std::string::npos) << "messages are one line: " << msg;

  for (const char* bad : {"[a-", "a{2,1}", "(?P<x", "\\"}) {
    auto r = CompileRulePattern(file, line, bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().kind(), Status::Kind::kBadRule) << bad;
    EXPECT_TRUE(StartsWith(r.status().message(), "rules/deadlines.tsv:3: "))
        << r.status().message();
  }
}

// Regression: "relation.implements<TAB>a*" made extract run forever.
TEST(RuleFileTest, PatternMatchingTheEmptyStringIsRefusedWithFileAndLine) {
  const struct {
    const char* pattern;
    bool refused;
  } cases[] = {
      {"a*", true},           {"(?:số)?", true},   {"x|", true},      {"\\s*", true},
      {"(a*)b?", true},       {"^", true},         {"triển khai", false}, {"căn cứ", false},
      {"(\\d+)/KH", false}, {"quý\\s+[IV]+", false}, {"[0-9]+%?", false},
  };
  for (const auto& c : cases) {
    const RuleFile file = ParseRuleFile("rules/citations.tsv", std::string("# cues\nrelation.implements\t") + c.pattern + "\n");
    auto re = CompileRulePattern(file, file.lines[0], c.pattern);
    EXPECT_EQ(!re.ok(), c.refused) << c.pattern;
    if (!re.ok()) {
      EXPECT_EQ(re.status().message(),
                std::string("rules/citations.tsv:2: pattern matches the empty string (it would "
                            "match everywhere): ") + c.pattern);
    }
  }
  // Through a real loader, bounded as the citation rules bound their cues.
  const RuleFile cues = ParseRuleFile("rules/citations.tsv", "relation.implements\ta*\n");
  auto rules = LoadCitationRules(cues, DocumentTypes{});
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().message(),
            "rules/citations.tsv:1: pattern matches the empty string (it would match "
            "everywhere): a*");
}

TEST(RuleFileTest, CompileRulePatternIsCaseInsensitiveByDefault) {
  RuleFile file = ParseRuleFile("r.tsv", "quý\n");
  const RuleLine& line = file.lines[0];

  auto insensitive = CompileRulePattern(file, line, "quý");
  ASSERT_TRUE(insensitive.ok()) << insensitive.status().message();
  ASSERT_NE(*insensitive, nullptr);
  EXPECT_TRUE(RE2::PartialMatch("trong QUÝ IV", **insensitive));
  EXPECT_TRUE(RE2::PartialMatch("Quý I", **insensitive));
  EXPECT_TRUE(RE2::PartialMatch("quý II", **insensitive));
  EXPECT_FALSE(RE2::PartialMatch("quy", **insensitive));

  auto dak_lak = CompileRulePattern(file, line, "đắk lắk");
  ASSERT_TRUE(dak_lak.ok());
  EXPECT_TRUE(RE2::PartialMatch("TỈNH ĐẮK LẮK", **dak_lak));

  auto sensitive = CompileRulePattern(file, line, "quý", /*case_sensitive=*/true);
  ASSERT_TRUE(sensitive.ok()) << sensitive.status().message();
  EXPECT_FALSE(RE2::PartialMatch("trong QUÝ IV", **sensitive));
  EXPECT_FALSE(RE2::PartialMatch("Quý I", **sensitive));
  EXPECT_TRUE(RE2::PartialMatch("quý II", **sensitive));

  // The pattern itself can turn case folding off.
  auto flagged = CompileRulePattern(file, line, "(?-i)quý");
  ASSERT_TRUE(flagged.ok()) << flagged.status().message();
  EXPECT_FALSE(RE2::PartialMatch("QUÝ", **flagged));
  EXPECT_TRUE(RE2::PartialMatch("quý", **flagged));
}

// "." must consume a whole Vietnamese letter, not one byte of it.
TEST(RuleFileTest, CompileRulePatternMatchesUtf8CodePoints) {
  RuleFile file = ParseRuleFile("r.tsv", "x\n");
  auto re = CompileRulePattern(file, file.lines[0], "^Qu.$");
  ASSERT_TRUE(re.ok());
  EXPECT_TRUE(RE2::FullMatch("Quý", **re));
}

TEST(RuleFileTest, LongestFirstAlternation) {
  std::vector<std::string> items = {"Chương trình", "Chương trình hành động",
                                    "Kế hoạch"};
  std::string alt = LongestFirstAlternation(items);
  EXPECT_EQ(alt, "Chương trình hành động|Chương trình|Kế hoạch");
  // Same input, same output: the result ends up in compiled patterns and in diffs.
  EXPECT_EQ(LongestFirstAlternation(items), alt);

  // The alternation prefers the longer name when both match at the same place.
  RuleFile file = ParseRuleFile("r.tsv", "x\n");
  auto re = CompileRulePattern(file, file.lines[0], "(" + alt + ")");
  ASSERT_TRUE(re.ok());
  std::string match;
  ASSERT_TRUE(RE2::PartialMatch("ban hành Chương trình hành động số 5", **re, &match));
  EXPECT_EQ(match, "Chương trình hành động");

  EXPECT_EQ(LongestFirstAlternation({}), "");
  EXPECT_EQ(LongestFirstAlternation({"a"}), "a");
  // Length is measured in bytes; items of equal length keep their input order.
  EXPECT_EQ(LongestFirstAlternation({"bb", "a", "cc", "ddd", "aa"}), "ddd|bb|cc|aa|a");
  EXPECT_EQ(LongestFirstAlternation({"cc", "bb", "aa"}), "cc|bb|aa");
}

TEST(RuleFileTest, RequireFields) {
  RuleFile file = ParseRuleFile("rules/targets.tsv", "# c\nonly one\nkey\tvalue\n");
  ASSERT_EQ(file.lines.size(), 2u);

  Status missing = RequireFields(file, file.lines[0], 2);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.kind(), Status::Kind::kBadRule);
  EXPECT_EQ(missing.message(), "rules/targets.tsv:2: expected 2 TAB-separated fields, found 1");

  EXPECT_TRUE(RequireFields(file, file.lines[0], 1).ok());
  EXPECT_TRUE(RequireFields(file, file.lines[1], 2).ok());
  Status three = RequireFields(file, file.lines[1], 3);
  ASSERT_FALSE(three.ok());
  EXPECT_TRUE(StartsWith(three.message(), "rules/targets.tsv:3: ")) << three.message();
}

TEST(RuleFileTest, ReadRuleFileReadsFromDisk) {
  std::string path = ::testing::TempDir() + "cơ quan.tsv";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << "# agencies\nUBND tỉnh\tỦy ban nhân dân tỉnh\nTU\tTỉnh uỷ\n";
  }
  Result<RuleFile> file = ReadRuleFile(path);
  ASSERT_TRUE(file.ok()) << file.status().message();
  EXPECT_EQ(file->path, path);
  ASSERT_EQ(file->lines.size(), 2u);
  EXPECT_EQ(file->lines[0].number, 2);
  EXPECT_EQ(file->lines[0].fields, (Fields{"UBND tỉnh", "Ủy ban nhân dân tỉnh"}));
  EXPECT_EQ(file->lines[1].number, 3);
  EXPECT_EQ(file->lines[1].fields, (Fields{"TU", "Tỉnh ủy"}));
  std::filesystem::remove(path);
}

TEST(RuleFileTest, ReadRuleFileMissingPathIsNotFound) {
  std::string path = ::testing::TempDir() + "no-such-rules.tsv";
  Result<RuleFile> file = ReadRuleFile(path);
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().kind(), Status::Kind::kNotFound);
  EXPECT_TRUE(StartsWith(file.status().message(), path + ": ")) << file.status().message();
}

}  // namespace
}  // namespace plangraph
