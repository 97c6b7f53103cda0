#include "vietnamese_syllables.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>

#include "text.h"

namespace plangraph {
namespace {

constexpr std::string_view kOnsets[] = {"ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr",
                                        "ch",  "b",  "c",  "d",  "đ",  "g",  "h",  "k",  "l",  "m",
                                        "n",   "p",  "r",  "s",  "t",  "v",  "x",  ""};
constexpr std::string_view kCodas[] = {"ch", "ng", "nh", "c", "m", "n", "p", "t", "k", ""};  // k: Đắk Lắk
const std::unordered_set<std::string_view>& Nuclei() {
  static const std::unordered_set<std::string_view> nuclei = {
      "a",   "ă",   "â",   "e",   "ê",   "i",   "o",   "ô",   "ơ",   "u",   "ư",   "y",
      "ai",  "ao",  "au",  "ay",  "âu",  "ây",  "eo",  "êu",  "ia",  "iu",  "oa",  "oă",
      "oe",  "oi",  "ôi",  "ơi",  "oo",  "ôô",  "ua",  "uâ",  "uê",  "ui",  "uô",  "uơ",
      "uy",  "ưa",  "ưi",  "ưu",  "ươ",  "iê",  "yê",  "uyê", "ươi", "ươu", "uôi", "iêu",
      "yêu", "oai", "oay", "oao", "oeo", "uây", "uya", "uyu", "ưo"};
  return nuclei;
}

// The most frequent syllables of administrative Vietnamese: extra evidence that a decoding is
// right, and the tie-breaker between readings that are all well-formed.
const std::unordered_set<std::string_view>& FrequentSyllables() {
  static const std::unordered_set<std::string_view> frequent = {
      "của", "và",  "các",   "thực", "hiện",  "kế",   "hoạch", "công", "tỉnh", "năm",  "đoàn",
      "người", "được", "trong", "những", "có",  "cho",  "với",   "là",   "về",   "theo", "đến",
      "động", "tổ",  "chức",  "xây",  "dựng",  "phát", "triển", "quyết", "nghị", "định", "ủy",
      "ban",  "nhân", "dân",   "đảng", "nhà",   "nước", "tại",   "số",   "ngày", "tháng", "việc",
      "một",  "này", "chính", "quản", "lý",    "địa",  "phương", "xã",   "hội",  "mới",  "đồng",
      "tốt",  "nâng", "cao",   "chất", "lượng", "lao",  "liên",  "cấp",  "bộ",   "vụ",   "đạo"};
  return frequent;
}

// Base letter + hat → the letter with the hat ("a" + U+0302 → "â"); nullopt if it does not fit.
std::optional<std::string_view> WithHat(char base, char32_t hat) {
  if (hat == kCircumflex) {
    if (base == 'a') return "â";
    if (base == 'e') return "ê";
    if (base == 'o') return "ô";
  } else if (hat == kBreve && base == 'a') {
    return "ă";
  } else if (hat == kHorn) {
    if (base == 'o') return "ơ";
    if (base == 'u') return "ư";
  }
  return std::nullopt;
}

// Lowercase, toneless spelling of a word ("Hoạch" → "hoach"), or nullopt when the word has a
// character no Vietnamese syllable has, more than one tone, or a mark on the wrong letter.
std::optional<std::string> ToneStrippedSkeleton(std::string_view word) {
  static const icu::Normalizer2* nfd = [] {
    UErrorCode status = U_ZERO_ERROR;
    return icu::Normalizer2::getNFDInstance(status);
  }();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString::fromUTF8(word).toLower(), status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string skeleton;
  int tones = 0;
  char last_base = 0;  // the ASCII letter a hat may still attach to
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    UChar32 c = decomposed.char32At(i);
    if (c >= 'a' && c <= 'z') {
      skeleton.push_back(static_cast<char>(c));
      last_base = static_cast<char>(c);
    } else if (c == 0x0111) {
      skeleton += "đ";
      last_base = 0;
    } else if (c == kCircumflex || c == kBreve || c == kHorn) {
      auto hatted = last_base != 0 ? WithHat(last_base, c) : std::nullopt;
      if (!hatted) return std::nullopt;
      skeleton.pop_back();
      skeleton += *hatted;
      last_base = 0;
    } else if (c == kAcute || c == kGrave || c == kHook || c == kTilde || c == kDot) {
      if (++tones > 1 || skeleton.empty()) return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  return skeleton;
}

bool IsVietnameseSyllable(std::string_view word) {
  auto skeleton = ToneStrippedSkeleton(word);
  if (!skeleton || skeleton->empty()) return false;
  std::string_view s = *skeleton;
  for (std::string_view onset : kOnsets) {
    if (s.substr(0, onset.size()) != onset) continue;
    std::string_view rest = s.substr(onset.size());
    for (std::string_view coda : kCodas) {
      if (rest.size() <= coda.size() || rest.substr(rest.size() - coda.size()) != coda) continue;
      if (Nuclei().count(rest.substr(0, rest.size() - coda.size()))) return true;
    }
  }
  return false;
}

// Characters that end a word besides ASCII non-letters and spaces: the typography that legacy
// files carry through Windows-1252 and that correct decodings therefore contain.
bool IsWordBreak(UChar32 c) {
  if (c < 0x80) return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  switch (c) {
    case 0xA0: case 0xAB: case 0xBB: case 0x2013: case 0x2014: case 0x2018: case 0x2019:
    case 0x201C: case 0x201D: case 0x2022: case 0x2026: return true;
    default: return u_isUWhiteSpace(c);
  }
}

void ScoreWord(std::string_view word, bool non_ascii, TextScore& score) {
  if (!non_ascii) return;
  ++score.words;
  if (!IsVietnameseSyllable(word)) return;
  ++score.valid;
  if (FrequentSyllables().count(ToLower(ToNfc(word)))) ++score.frequent;
}
}  // namespace

bool IsVietnameseWord(std::string_view word) { return IsVietnameseSyllable(word); }

TextScore ScoreText(std::string_view utf8) {
  TextScore score;
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t len = static_cast<int32_t>(utf8.size());
  int32_t word_start = 0;
  bool non_ascii = false;
  for (int32_t i = 0; i < len;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0xFFFD) ++score.bad;
    if (c >= 0 && !IsWordBreak(c)) {
      if (c >= 0x80) non_ascii = true;
      continue;
    }
    ScoreWord(utf8.substr(word_start, start - word_start), non_ascii, score);
    word_start = i;
    non_ascii = false;
  }
  ScoreWord(utf8.substr(word_start), non_ascii, score);
  return score;
}

}  // namespace plangraph
