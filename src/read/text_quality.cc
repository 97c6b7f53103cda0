#include "text_quality.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <cstdio>

#include "text.h"
#include "vietnamese_syllables.h"

namespace plangraph {
namespace {

// Abbreviations ("UBND", "HĐND", "QĐ-TTg" parts) are neither Vietnamese syllables nor garbage.
constexpr size_t kMaxAbbreviation = 6;
// Below this many counted words the share of syllables says little; only characters are judged.
constexpr size_t kMinWordsToJudge = 20;
// Clean administrative text scores above 0.9 (names, English terms and typos make up the rest);
// broken font maps score well below.
constexpr double kMinVietnameseShare = 0.7;

bool IsSeparator(UChar32 c) {
  if (c < 0x80)
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
  if (c >= 0x2000 && c <= 0x206F) return true;  // general punctuation: quotes, dashes, spaces
  return u_isUWhiteSpace(c) || c == 0xAB || c == 0xBB || c == 0xA0;
}

bool IsBadChar(UChar32 c) {
  if (c < 0) return true;
  if (c < 0x20) return c != '\t' && c != '\n' && c != '\r' && c != '\f';
  if (c >= 0x7F && c < 0xA0) return true;
  return c == 0xFFFD || u_charType(c) == U_PRIVATE_USE_CHAR;
}

void CountWord(std::string_view word, TextQuality* q) {
  if (word.empty()) return;
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  int32_t len = static_cast<int32_t>(word.size());
  bool other_script = false, symbol = false, letters = false, digits = false;
  size_t code_points = 0;
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    ++code_points;
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if (u_isalpha(c)) {
      letters = true;
      UErrorCode status = U_ZERO_ERROR;
      UScriptCode script = uscript_getScript(c, &status);
      if (script != USCRIPT_LATIN && script != USCRIPT_COMMON && script != USCRIPT_INHERITED) {
        other_script = true;
      }
    } else if (!(U_GET_GC_MASK(c) & U_GC_M_MASK)) {
      symbol = true;
    }
  }
  if (!letters) return;
  // Numbers and codes ("QH15", "15h30") are not words; with letters of another script they are
  // what broken font maps make of words ("7Ӌ1").
  if (digits && !other_script) return;
  if (digits) {
    ++q->words;
    ++q->foreign;
    return;
  }
  if (!other_script && !symbol && IsVietnameseWord(word)) {
    ++q->words;
    ++q->vietnamese;
    return;
  }
  if (!other_script && !symbol && code_points <= kMaxAbbreviation && IsAllCaps(word)) return;
  ++q->words;
  if (other_script || symbol) ++q->foreign;
}

std::string Percent(double share) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", share * 100);
  return buf;
}

}  // namespace

double TextQuality::VietnameseShare() const {
  return words == 0 ? 1.0 : static_cast<double>(vietnamese) / static_cast<double>(words);
}

TextQuality MeasureText(std::string_view utf8) {
  TextQuality q;
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t len = static_cast<int32_t>(utf8.size());
  int32_t word_start = 0;
  for (int32_t i = 0; i < len;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    ++q.chars;
    if (IsBadChar(c)) ++q.bad_chars;
    if (c >= 0 && !IsSeparator(c) && !IsBadChar(c)) continue;
    CountWord(utf8.substr(word_start, start - word_start), &q);
    word_start = i;
  }
  CountWord(utf8.substr(word_start), &q);
  return q;
}

std::string UnreadableReason(const TextQuality& q) {
  if (q.bad_chars >= 5 && q.bad_chars * 100 > q.chars) {
    return std::to_string(q.bad_chars) + " of its " + std::to_string(q.chars) +
           " characters are control, private-use or unknown characters";
  }
  if (q.words >= kMinWordsToJudge && q.VietnameseShare() < kMinVietnameseShare) {
    std::string reason = "only " + Percent(q.VietnameseShare()) + " of its " +
                         std::to_string(q.words) + " words are Vietnamese syllables";
    if (q.foreign > 0) {
      reason += ", " + Percent(static_cast<double>(q.foreign) / q.words) +
                " have letters of other scripts or symbols inside";
    }
    return reason;
  }
  return "";
}

bool IsStampOnly(std::string_view utf8, size_t max_other_words) {
  // The lines an e-signature stamp prints over a scanned page (Vietnamese government CA stamps
  // and common PDF signers). A stamp line starts with one of these, folded.
  static const char* const kStampLines[] = {
      "sao y",   "thoi gian ky", "ky boi",           "nguoi ky",
      "ngay ky", "signed by",    "digitally signed", "signature valid",
      "co quan", "email",        "chuc vu"};
  static const char* const kStampProof[] = {"sao y",     "thoi gian ky",     "ky boi",
                                            "signed by", "digitally signed", "signature valid"};
  bool stamp = false;
  size_t other_words = 0;
  for (std::string_view line : SplitLines(utf8)) {
    std::string folded = Fold(line);
    if (folded.empty()) continue;
    bool is_stamp_line = false;
    for (const char* cue : kStampLines) {
      if (folded.rfind(cue, 0) == 0) is_stamp_line = true;
    }
    for (const char* cue : kStampProof) {
      if (folded.rfind(cue, 0) == 0) stamp = true;
    }
    if (is_stamp_line) continue;
    TextQuality q = MeasureText(line);
    other_words += q.words;
  }
  return stamp && other_words < max_other_words;
}

}  // namespace plangraph
