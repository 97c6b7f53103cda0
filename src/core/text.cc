#include "text.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <climits>

namespace plangraph {
namespace {

icu::UnicodeString FromUtf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool IsSpace(UChar32 c) { return c == '\t' || c == '\r' || u_isUWhiteSpace(c); }

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}


const icu::Locale& Vietnamese() {
  static const icu::Locale vi("vi");
  return vi;
}

// One old-style → new-style tone move: first vowel plain → toned, second toned → plain.
struct ToneMove {
  UChar32 first_plain, first_toned, second_toned, second_plain;
};

// Only moves that keep the UTF-8 byte length of the pair are listed.
constexpr std::array<ToneMove, 22> kToneMoves = {{
    {'o', 0x00F2, 0x00E0, 'a'}, {'o', 0x00F3, 0x00E1, 'a'}, {'o', 0x1ECF, 0x1EA3, 'a'},
    {'o', 0x00F5, 0x00E3, 'a'}, {'o', 0x1ECD, 0x1EA1, 'a'}, {'o', 0x00F2, 0x00E8, 'e'},
    {'o', 0x00F3, 0x00E9, 'e'}, {'o', 0x1ECF, 0x1EBB, 'e'}, {'o', 0x1ECD, 0x1EB9, 'e'},
    {'u', 0x00FA, 0x00FD, 'y'}, {'u', 0x1EE7, 0x1EF7, 'y'}, {'u', 0x1EE5, 0x1EF5, 'y'},
    {'O', 0x00D2, 0x00C0, 'A'}, {'O', 0x00D3, 0x00C1, 'A'}, {'O', 0x1ECE, 0x1EA2, 'A'},
    {'O', 0x00D5, 0x00C3, 'A'}, {'O', 0x1ECC, 0x1EA0, 'A'}, {'O', 0x00D2, 0x00C8, 'E'},
    {'O', 0x00D3, 0x00C9, 'E'}, {'U', 0x00DA, 0x00DD, 'Y'}, {'U', 0x1EE6, 0x1EF6, 'Y'},
    {'U', 0x1EE4, 0x1EF4, 'Y'},
}};

}  // namespace

// Well-formed UTF-8 (as ICU reads it: no surrogates, no overlong forms). The fast paths below
// work on the bytes of such text; ill-formed text takes ICU's path, which turns bad sequences
// into U+FFFD.
bool IsWellFormed(std::string_view s) {
  const auto* b = reinterpret_cast<const uint8_t*>(s.data());
  if (s.size() > static_cast<size_t>(INT32_MAX)) return false;
  int32_t len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    if (b[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(b, i, len, c);
    if (c < 0) return false;
  }
  return true;
}

std::string ToNfc(std::string_view utf8) {
  if (IsAscii(utf8)) return std::string(utf8);
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return std::string(utf8);
  // Most text arrives in NFC already: checked on the bytes, it is returned as it is.
  if (IsWellFormed(utf8) &&
      nfc->isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())),
                            err) &&
      U_SUCCESS(err)) {
    return std::string(utf8);
  }
  err = U_ZERO_ERROR;
  icu::UnicodeString out = nfc->normalize(FromUtf8(utf8), err);
  if (U_FAILURE(err)) return std::string(utf8);
  return ToUtf8(out);
}

std::string ToLower(std::string_view utf8) {
  if (IsAscii(utf8)) {
    std::string out(utf8);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
  }
  icu::UnicodeString u = FromUtf8(utf8);
  u.toLower(Vietnamese());
  return ToUtf8(u);
}

std::string ToUpper(std::string_view utf8) {
  if (IsAscii(utf8)) {
    std::string out(utf8);
    for (char& c : out) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    return out;
  }
  icu::UnicodeString u = FromUtf8(utf8);
  u.toUpper(Vietnamese());
  return ToUtf8(u);
}

std::string Fold(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  auto fold = [&](UChar32 c) {
    if (u_charType(c) == U_NON_SPACING_MARK) return;
    if (c == 0x0111 || c == 0x0110) c = 'd';
    c = u_tolower(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '%') {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.push_back(static_cast<char>(c));
    } else {
      pending_space = true;
    }
  };
  // Code point by code point, each through its own canonical decomposition: the same letters as
  // decomposing the whole text (reordering only moves combining marks, which are dropped or
  // read as separators wherever they stand).
  const auto* b = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t len = static_cast<int32_t>(std::min<size_t>(utf8.size(), INT32_MAX));
  icu::UnicodeString decomposition;
  for (int32_t i = 0; i < len;) {
    if (b[i] < 0x80) {
      fold(b[i++]);
      continue;
    }
    UChar32 c;
    U8_NEXT(b, i, len, c);
    if (c < 0) c = 0xFFFD;
    if (U_FAILURE(err) || !nfd->getDecomposition(c, decomposition)) {
      fold(c);
      continue;
    }
    for (int32_t k = 0; k < decomposition.length();) {
      UChar32 d = decomposition.char32At(k);
      k += U16_LENGTH(d);
      fold(d);
    }
  }
  return out;
}

std::string ToneCanonicalView(std::string_view utf8) {
  std::string out(utf8);
  // A move needs a first vowel o, u, O or U (one ASCII byte, so the byte right before the toned
  // second vowel, which is beyond ASCII) not preceded by q/Q: only such places are decoded.
  int32_t len = static_cast<int32_t>(std::min<size_t>(utf8.size(), INT32_MAX));
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  for (int32_t start = 1; start < len; ++start) {
    if (s[start] < 0x80) continue;
    UChar32 prev = s[start - 1];
    if (prev != 'o' && prev != 'u' && prev != 'O' && prev != 'U') continue;
    if (start >= 2 && (s[start - 2] == 'q' || s[start - 2] == 'Q')) continue;
    int32_t prev_start = start - 1, i = start;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) continue;
    // Is c the toned second vowel of an old-style pair ending the syllable?
    int32_t next = i;
    UChar32 after = 0;
    if (next < len) U8_NEXT(s, next, len, after);
    bool syllable_end = next > len || i >= len || !u_isalpha(after);
    if (!syllable_end) continue;
    for (const ToneMove& m : kToneMoves) {
      if (prev == m.first_plain && c == m.second_toned) {
        // Rewrite [prev_start, i) as first_toned + second_plain, same byte length.
        uint8_t buf[8];
        int32_t n = 0;
        UBool err = false;
        U8_APPEND(buf, n, 8, m.first_toned, err);
        U8_APPEND(buf, n, 8, m.second_plain, err);
        if (!err && n == i - prev_start) {
          for (int32_t k = 0; k < n; ++k) out[prev_start + k] = static_cast<char>(buf[k]);
        }
        break;
      }
    }
  }
  return out;
}

std::string Trim(std::string_view s) {
  if (IsWellFormed(s)) {  // cut the bytes; ICU would give back the same ones
    const auto* b = reinterpret_cast<const uint8_t*>(s.data());
    int32_t begin = 0, end = static_cast<int32_t>(s.size());
    while (begin < end) {
      int32_t i = begin;
      UChar32 c;
      U8_NEXT(b, i, end, c);
      if (!IsSpace(c)) break;
      begin = i;
    }
    while (end > begin) {
      int32_t i = end;
      UChar32 c;
      U8_PREV(b, begin, i, c);
      if (!IsSpace(c)) break;
      end = i;
    }
    return std::string(s.substr(begin, end - begin));
  }
  icu::UnicodeString u = FromUtf8(s);
  int32_t b = 0, e = u.length();
  while (b < e && IsSpace(u.char32At(b))) b += U16_LENGTH(u.char32At(b));
  while (e > b) {
    UChar32 c = u.char32At(e - 1);
    if (!IsSpace(c)) break;
    e -= U16_LENGTH(c);
  }
  return ToUtf8(u.tempSubStringBetween(b, e));
}

std::string CollapseSpaces(std::string_view s) {
  if (IsWellFormed(s)) {  // the same walk on the bytes
    std::string out;
    out.reserve(s.size());
    const auto* b = reinterpret_cast<const uint8_t*>(s.data());
    int32_t len = static_cast<int32_t>(s.size());
    bool space = false;
    for (int32_t i = 0; i < len;) {
      int32_t start = i;
      UChar32 c;
      U8_NEXT(b, i, len, c);
      if (IsSpace(c)) {
        space = true;
        continue;
      }
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.append(s.data() + start, i - start);
    }
    return out;
  }
  icu::UnicodeString u = FromUtf8(s);
  icu::UnicodeString out;
  bool space = false;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.isEmpty()) out.append(static_cast<UChar32>(' '));
    space = false;
    out.append(c);
  }
  return ToUtf8(out);
}

// The code points of UTF-8 text one at a time, straight from the bytes: the helpers below stop
// at the first letter that decides, so they cost the prefix they read, not the whole text.
// Invalid sequences read as U+FFFD, as ICU's conversion would make them.
template <typename F>
void ForEachCodePoint(std::string_view s, F f) {
  const auto* b = reinterpret_cast<const uint8_t*>(s.data());
  int32_t len = static_cast<int32_t>(std::min<size_t>(s.size(), INT32_MAX));
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(b, i, len, c);
    if (!f(c < 0 ? 0xFFFD : c)) return;
  }
}

bool StartsWithUpper(std::string_view s) {
  bool upper = false;
  ForEachCodePoint(s, [&](UChar32 c) {
    if (!u_isalpha(c)) return true;
    upper = u_isupper(c);
    return false;
  });
  return upper;
}

bool IsAllCaps(std::string_view s) {
  bool letter = false, lower = false;
  ForEachCodePoint(s, [&](UChar32 c) {
    if (!u_isalpha(c)) return true;
    letter = true;
    lower = u_islower(c);
    return !lower;
  });
  return letter && !lower;
}

bool IsMostlyCaps(std::string_view s, int min_letters) {
  int letters = 0, lower = 0;
  ForEachCodePoint(s, [&](UChar32 c) {
    if (u_isalpha(c)) {
      ++letters;
      if (u_islower(c)) ++lower;
    }
    return true;
  });
  return letters >= min_letters && lower * 10 <= letters;
}

bool IsBlank(std::string_view s) {
  bool blank = true;
  ForEachCodePoint(s, [&](UChar32 c) {
    blank = IsSpace(c);  // line ends and form feeds included
    return blank;        // stops at the first other character
  });
  return blank;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    size_t stop = end;
    if (stop > start && text[stop - 1] == '\r') --stop;
    lines.push_back(text.substr(start, stop - start));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

std::string EscapeIllFormedUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* b = reinterpret_cast<const uint8_t*>(s.data());
  const auto len = static_cast<int32_t>(std::min<size_t>(s.size(), INT32_MAX));
  for (int32_t i = 0; i < len;) {
    if (b[i] < 0x80) {
      out.push_back(static_cast<char>(b[i++]));
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(b, i, len, c);
    if (c >= 0) {
      out.append(s.substr(start, i - start));
      continue;
    }
    // U8_NEXT skips a truncated sequence whole; escape its first byte and look again after it.
    static constexpr char kHex[] = "0123456789ABCDEF";
    out += "\\x";
    out.push_back(kHex[b[start] >> 4]);
    out.push_back(kHex[b[start] & 0xF]);
    i = start + 1;
  }
  return out;
}

std::string_view Utf8Prefix(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  // Back off continuation bytes (10xxxxxx) to the start of the character cut, then drop it.
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

}  // namespace plangraph
