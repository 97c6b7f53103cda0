// Text quality gate: is decoded text Vietnamese prose that extraction can work on?
//
// Any reader can produce text that is not what the document says: a PDF whose font carries a
// broken ToUnicode map ("6Ӣ CÔNG 7+ѬѪ1*" for "SỞ CÔNG THƯƠNG"), a legacy 8-bit font read as
// Latin-1, a Word file with symbol fonts. Extracting such text stores garbage sections and
// tasks, so readers measure their text here and refuse it with a reason.
//
// The measure counts words (runs of letters between spaces and punctuation; words with digits
// and all-capital abbreviations such as "UBND" are left out) and how many are well-formed
// Vietnamese syllables (encoding.h), words with letters of other scripts (Cyrillic, Greek…) or
// with symbols inside ("ho¹ch"), and control, private-use and replacement characters.
//
// A stamp-only text is the text layer of an e-signed copy whose body is an image: nothing but
// the signature stamp ("SAO Y", "Ký bởi", "Thời gian ký: …"). It is read as a scan.
#ifndef PLANGRAPH_TEXT_QUALITY_H_
#define PLANGRAPH_TEXT_QUALITY_H_

#include <string>
#include <string_view>

namespace plangraph {

struct TextQuality {
  size_t words = 0;       // words counted (see above)
  size_t vietnamese = 0;  // of those, Vietnamese syllables
  size_t foreign = 0;     // of those, with a letter of another script or a symbol inside
  size_t bad_chars = 0;   // control (other than tab, LF, FF), private-use and U+FFFD characters
  size_t chars = 0;       // all characters

  // Share of the counted words that are Vietnamese syllables; 1 when there are none.
  double VietnameseShare() const;
};

TextQuality MeasureText(std::string_view utf8);

// Why the text cannot be used ("only 31% of its 412 words are Vietnamese syllables, 25% have
// letters of other scripts"), or "" when it reads as Vietnamese. Short texts (under 20 words)
// are judged only on their characters.
std::string UnreadableReason(const TextQuality& quality);

// True when the text is no more than an e-signature stamp: it has a stamp line and fewer than
// `max_other_words` words outside stamp lines.
bool IsStampOnly(std::string_view utf8, size_t max_other_words = 20);

}  // namespace plangraph

#endif  // PLANGRAPH_TEXT_QUALITY_H_
