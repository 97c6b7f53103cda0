// Vietnamese syllables: whether a word is a well-formed Vietnamese syllable (onset, vowel
// nucleus, coda, at most one tone mark on a vowel), and the score of a text by the share of its
// non-ASCII words that are. Encoding detection ranks candidate decodings by this score; the
// text quality gate (text_quality.h) judges decoded text by it.
#ifndef PLANGRAPH_VIETNAMESE_SYLLABLES_H_
#define PLANGRAPH_VIETNAMESE_SYLLABLES_H_

#include <cstddef>
#include <string_view>

namespace plangraph {

// The combining marks of Vietnamese letters: five tones and three hats.
inline constexpr char32_t kAcute = 0x0301, kGrave = 0x0300, kHook = 0x0309, kTilde = 0x0303,
                          kDot = 0x0323, kCircumflex = 0x0302, kBreve = 0x0306, kHorn = 0x031B;

// Whether `word` (NFC UTF-8, any case) is a well-formed Vietnamese syllable.
bool IsVietnameseWord(std::string_view word);

struct TextScore {
  size_t words = 0;     // words with a non-ASCII character (ASCII words read the same everywhere)
  size_t valid = 0;     // of those, well-formed Vietnamese syllables
  size_t frequent = 0;  // of those, among the most frequent syllables
  size_t bad = 0;       // undefined bytes and control characters
  double Value() const {
    if (words == 0) return 0.0;
    return static_cast<double>(valid) / static_cast<double>(words + 2 * bad);
  }
};

// Undefined bytes arrive as U+FFFD from the decoders and are counted as bad, with controls.
TextScore ScoreText(std::string_view utf8);

}  // namespace plangraph

#endif  // PLANGRAPH_VIETNAMESE_SYLLABLES_H_
