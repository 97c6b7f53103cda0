#include "numeral.h"

#include <gtest/gtest.h>

namespace plangraph {
namespace {

TEST(NumeralTest, VietnameseDotsGroupThousandsAndCommasMarkDecimals) {
  struct Case {
    const char* text;
    double value;
  } cases[] = {
      {"76.500", 76500},       {"120.000", 120000}, {"1.234.567", 1234567}, {"1,5", 1.5},
      {"2.5", 2.5},            {"01", 1},           {"0", 0},               {"1.234,5", 1234.5},
      {"1,234,567", 1234567},  {" 98 ", 98},        {"1,234", 1.234},       {"1.23", 1.23},
      {"0.500", 0.5},          {"\u00a012\t", 12},  {"12345.678", 12345.678},
  };
  for (const Case& c : cases) {
    std::optional<double> v = ParseVietnameseNumber(c.text);
    ASSERT_TRUE(v.has_value()) << c.text;
    EXPECT_DOUBLE_EQ(*v, c.value) << c.text;
  }
}

TEST(NumeralTest, RejectsTextThatIsNotANumeral) {
  const char* bad[] = {"", "   ", "abc", "1.2.3", "12a", ".", "1..2", ",", "1,", "1.",
                       ".5", "1,2,3", "1.234,5,6", "1,5.3", "-5", "1 000"};
  for (const char* text : bad) EXPECT_FALSE(ParseVietnameseNumber(text).has_value()) << text;
}

TEST(NumeralTest, RomanNumeralsInEitherCase) {
  struct Case {
    const char* text;
    int value;
  } cases[] = {{"I", 1},     {"IV", 4},       {"XIV", 14},   {"iii", 3},
               {"IX", 9},    {"XL", 40},      {"MCMXCIV", 1994}, {"MMMCMXCIX", 3999}};
  for (const Case& c : cases) EXPECT_EQ(ParseRoman(c.text), c.value) << c.text;
}

TEST(NumeralTest, RejectsNonCanonicalRomanNumerals) {
  const char* bad[] = {"IIII", "VX", "", "IC", "ABC", "MMMM", "VV", "IIV", "XIXIX", "I V"};
  for (const char* text : bad) EXPECT_FALSE(ParseRoman(text).has_value()) << text;
}

}  // namespace
}  // namespace plangraph
