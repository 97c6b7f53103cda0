// Vietnamese numerals: "76.500" = 76500, "1,5" = 1.5, "01" = 1, "120.000", "1.234,5".
//
// In Vietnamese writing '.' groups thousands and ',' marks decimals. A '.' followed by exactly
// three digits (in every group) is a thousands separator; otherwise '.' is read as a decimal
// point, so "2.5" = 2.5. A ',' is a decimal comma unless it separates groups of exactly three
// digits more than once ("1,234,567").
#ifndef PLANGRAPH_NUMERAL_H_
#define PLANGRAPH_NUMERAL_H_

#include <optional>
#include <string_view>

namespace plangraph {

// The value of a numeral token, or nullopt when `text` is not one (surrounding spaces allowed).
std::optional<double> ParseVietnameseNumber(std::string_view text);

// Roman numerals I..MMMCMXCIX (upper or lower case) → value; nullopt when not a roman numeral.
std::optional<int> ParseRoman(std::string_view text);

}  // namespace plangraph

#endif  // PLANGRAPH_NUMERAL_H_
