// Small Unicode helpers shared by every pipeline stage (ICU underneath).
//
// The pipeline works on NFC UTF-8. Two derived forms are used for matching, never for output:
//  - the *match view* of a text (ToneCanonicalView): old-style tone placement ("hoà", "uỷ")
//    rewritten to new style ("hòa", "ủy") without changing any byte offset, so a match found in
//    the view can be cut out of the original text;
//  - the *fold* of a text (Fold): lowercase, diacritics removed (đ → d), every run of characters
//    other than letters, digits and '%' turned into one space. Folds compare names and keys.
#ifndef PLANGRAPH_TEXT_H_
#define PLANGRAPH_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace plangraph {

// NFC-normalises UTF-8 text. Invalid UTF-8 sequences become U+FFFD.
std::string ToNfc(std::string_view utf8);

// Unicode lowercase / uppercase of UTF-8 text (Vietnamese letters included).
std::string ToLower(std::string_view utf8);
std::string ToUpper(std::string_view utf8);

// Lowercase, no diacritics, đ → d, non-alphanumerics (except '%') → single spaces, trimmed.
std::string Fold(std::string_view utf8);

// Same byte length as the input; old-style tone marks moved to the new-style vowel where the move
// keeps the byte length (all common cases: oà oá oả oạ oè oé uý uỳ uỷ uỵ and their capitals).
std::string ToneCanonicalView(std::string_view utf8);

// ASCII-space trimming and collapsing (tabs, NBSP and other Unicode spaces count as spaces).
std::string Trim(std::string_view s);
std::string CollapseSpaces(std::string_view s);

// True when the first letter of s is an uppercase letter.
bool StartsWithUpper(std::string_view s);
// True when s has at least one letter and no lowercase letter.
bool IsAllCaps(std::string_view s);
// Whether a text of at least `min_letters` letters is written in capitals but for a few
// (at most one letter in ten): a title with a mixed-case term inside ("… HẠ TẦNG 5G, IoT …").
bool IsMostlyCaps(std::string_view s, int min_letters = 12);
// True when s is empty or only white space (line ends, tabs and Unicode spaces included).
bool IsBlank(std::string_view s);

// Splits on '\n' (a preceding '\r' is dropped); offsets of each line are kept by the segmenter.
std::vector<std::string_view> SplitLines(std::string_view text);

// s with every byte that is not part of well-formed UTF-8 written as "\xE9" (a backslash itself
// stays as it is): how a file name in a legacy encoding is shown in text, JSON and XML.
std::string EscapeIllFormedUtf8(std::string_view s);
// Whether s is well-formed UTF-8.
bool IsWellFormed(std::string_view s);

// The longest prefix of s of at most max_bytes that does not end inside a UTF-8 character.
std::string_view Utf8Prefix(std::string_view s, size_t max_bytes);

}  // namespace plangraph

#endif  // PLANGRAPH_TEXT_H_
