#include "legacy_codepages.h"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <memory>

#include "text.h"
#include "vietnamese_syllables.h"

namespace plangraph {
namespace {

// ---------------------------------------------------------------------------------------------
// Byte tables. Zero marks a byte the encoding leaves undefined.

// Windows-1252 0x80-0x9F (Microsoft's cp1252 table, bestfit1252.txt). TCVN3 and VNI fonts are
// ANSI fonts, so their punctuation (“ ” – …) sits on these codes; mojibake is undone through it.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x0000, 0x017D, 0x0000,
    0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x0000, 0x017E, 0x0178,
};

// TCVN3 (ABC) 0xA0-0xFF, from TCVN 5712:1993 (identical to glibc's TCVN5712-1 converter for this
// range). VN3, the ABC font set, holds lowercase letters plus Ă Â Ê Ô Ơ Ư Đ (0xA1-0xA7); other
// capitals are typed in a separate uppercase font on the lowercase codes, so in plain text they
// read back lowercase and nothing can recover them. The capitals in the gaps of VN3 (0xAF, 0xBA,
// 0xBF-0xC5, 0xCD, 0xD9-0xDB, 0xE0, 0xF0, 0xFF) and the combining tones 0xB0-0xB4 are read as
// TCVN 5712 VN1/VN2 place them. 0x80-0x9F are Windows-1252 (see above), 0xA0 is NBSP.
constexpr char16_t kTcvn3High[96] = {
    0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
    0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,
    0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,
    0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,
    0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,
    0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
    0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
    0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
    0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
};

// VISCII 1.1 0x80-0xFF, from RFC 1456 (identical to glibc's VISCII converter). VISCII also puts
// six capitals on C0 codes, see kVisciiC0.
constexpr char16_t kVisciiHigh[128] = {
    0x1EA0, 0x1EAE, 0x1EB0, 0x1EB6, 0x1EA4, 0x1EA6, 0x1EA8, 0x1EAC,
    0x1EBC, 0x1EB8, 0x1EBE, 0x1EC0, 0x1EC2, 0x1EC4, 0x1EC6, 0x1ED0,
    0x1ED2, 0x1ED4, 0x1ED6, 0x1ED8, 0x1EE2, 0x1EDA, 0x1EDC, 0x1EDE,
    0x1ECA, 0x1ECE, 0x1ECC, 0x1EC8, 0x1EE6, 0x0168, 0x1EE4, 0x1EF2,
    0x00D5, 0x1EAF, 0x1EB1, 0x1EB7, 0x1EA5, 0x1EA7, 0x1EA9, 0x1EAD,
    0x1EBD, 0x1EB9, 0x1EBF, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EC7, 0x1ED1,
    0x1ED3, 0x1ED5, 0x1ED7, 0x1EE0, 0x01A0, 0x1ED9, 0x1EDD, 0x1EDF,
    0x1ECB, 0x1EF0, 0x1EE8, 0x1EEA, 0x1EEC, 0x01A1, 0x1EDB, 0x01AF,
    0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x1EA2, 0x0102, 0x1EB3, 0x1EB5,
    0x00C8, 0x00C9, 0x00CA, 0x1EBA, 0x00CC, 0x00CD, 0x0128, 0x1EF3,
    0x0110, 0x1EE9, 0x00D2, 0x00D3, 0x00D4, 0x1EA1, 0x1EF7, 0x1EEB,
    0x1EED, 0x00D9, 0x00DA, 0x1EF9, 0x1EF5, 0x00DD, 0x1EE1, 0x01B0,
    0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x1EA3, 0x0103, 0x1EEF, 0x1EAB,
    0x00E8, 0x00E9, 0x00EA, 0x1EBB, 0x00EC, 0x00ED, 0x0129, 0x1EC9,
    0x0111, 0x1EF1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x1ECF, 0x1ECD,
    0x1EE5, 0x00F9, 0x00FA, 0x0169, 0x1EE7, 0x00FD, 0x1EE3, 0x1EEE,
};
struct C0Letter {
  uint8_t byte;
  char16_t letter;
};
constexpr C0Letter kVisciiC0[] = {{0x02, 0x1EB2}, {0x05, 0x1EB4}, {0x06, 0x1EAA},
                                  {0x14, 0x1EF6}, {0x19, 0x1EF8}, {0x1E, 0x1EF4}};

// VNI-Windows (VNI Software's fonts; the same layout as Unikey's "VNI Windows" charset). A letter
// is an ASCII vowel followed by a modifier byte whose Latin-1 glyph the font draws as the mark:
// "Vieät" = Việt, "hoøa" = hòa, "naêm" = năm. The lowercase modifiers below have uppercase twins
// 0x20 lower (0xD9 for 0xF9 ...). Ơ Ư Đ and the i-family and ỵ are single bytes (kVniSingle).
struct VniModifier {
  uint8_t byte;   // lowercase form
  char32_t hat;   // kCircumflex, kBreve or 0
  char32_t tone;  // 0 for a bare hat
};
constexpr VniModifier kVniModifiers[] = {
    {0xF9, 0, kAcute},           {0xF8, 0, kGrave},           {0xFB, 0, kHook},
    {0xF5, 0, kTilde},           {0xEF, 0, kDot},             {0xE2, kCircumflex, 0},
    {0xE1, kCircumflex, kAcute}, {0xE0, kCircumflex, kGrave}, {0xE5, kCircumflex, kHook},
    {0xE3, kCircumflex, kTilde}, {0xE4, kCircumflex, kDot},   {0xEA, kBreve, 0},
    {0xE9, kBreve, kAcute},      {0xE8, kBreve, kGrave},      {0xFA, kBreve, kHook},
    {0xFC, kBreve, kTilde},      {0xEB, kBreve, kDot},
};
struct VniSingle {
  uint8_t byte;
  char16_t letter;
};
constexpr VniSingle kVniSingle[] = {
    {0xF4, 0x01A1}, {0xD4, 0x01A0}, {0xF6, 0x01B0}, {0xD6, 0x01AF},  // ơ Ơ ư Ư
    {0xF1, 0x0111}, {0xD1, 0x0110},                                  // đ Đ
    {0xEC, 0x00EC}, {0xED, 0x00ED}, {0xE6, 0x1EC9}, {0xF3, 0x0129}, {0xF2, 0x1ECB},  // ì í ỉ ĩ ị
    {0xCC, 0x00CC}, {0xCD, 0x00CD}, {0xC6, 0x1EC8}, {0xD3, 0x0128}, {0xD2, 0x1ECA},  // Ì Í Ỉ Ĩ Ị
    {0xEE, 0x1EF5}, {0xCE, 0x1EF4},                                                  // ỵ Ỵ
};

// ---------------------------------------------------------------------------------------------
// Decoding.

void AppendUtf8(std::string& out, char32_t c) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, static_cast<UChar32>(c), error);
  if (!error) out.append(buf, n);
}

ByteTable AsciiPlusCp1252() {
  ByteTable t{};
  for (int b = 0; b < 0x80; ++b) t[b] = b;
  for (int b = 0x80; b < 0xA0; ++b) t[b] = kCp1252High[b - 0x80];
  for (int b = 0xA0; b < 0x100; ++b) t[b] = b;  // Latin-1
  return t;
}
}  // namespace

void Decoded::Bad(size_t offset) {
  if (first_bad == std::string_view::npos) first_bad = offset;
  ++bad;
  AppendUtf8(text, 0xFFFD);
}

const ByteTable& Tcvn3Table() {
  static const ByteTable table = [] {
    ByteTable t = AsciiPlusCp1252();
    for (int b = 0xA0; b < 0x100; ++b) t[b] = kTcvn3High[b - 0xA0];
    return t;
  }();
  return table;
}

const ByteTable& VisciiTable() {
  static const ByteTable table = [] {
    ByteTable t{};
    for (int b = 0; b < 0x80; ++b) t[b] = b;
    for (const auto& c0 : kVisciiC0) t[c0.byte] = c0.letter;
    for (int b = 0x80; b < 0x100; ++b) t[b] = kVisciiHigh[b - 0x80];
    return t;
  }();
  return table;
}

// Windows-1258 is a stateless single-byte code page, so ICU's converter, asked one byte at a
// time, gives the whole table; decoding through the table then finds undefined bytes by offset.
const ByteTable& Windows1258Table() {
  static const ByteTable table = [] {
    ByteTable t{};
    UErrorCode status = U_ZERO_ERROR;
    UConverter* conv = ucnv_open("windows-1258", &status);
    if (U_FAILURE(status)) return t;
    ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    for (int b = 1; b < 0x100 && U_SUCCESS(status); ++b) {
      char in = static_cast<char>(b);
      UChar out[4];
      UErrorCode s = U_ZERO_ERROR;
      int32_t n = ucnv_toUChars(conv, out, 4, &in, 1, &s);
      // ICU (ibm-5354) maps the bytes Microsoft leaves undefined to C1 controls for round
      // trips; no text has those, so they count as undefined here.
      bool c1_control = out[0] >= 0x80 && out[0] < 0xA0;
      if (U_SUCCESS(s) && n == 1 && !c1_control) t[b] = out[0];
      ucnv_reset(conv);
    }
    ucnv_close(conv);
    return t;
  }();
  return table;
}

Decoded DecodeWithTable(std::string_view bytes, const ByteTable& table) {
  Decoded d;
  d.text.reserve(bytes.size() + bytes.size() / 2);
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto b = static_cast<uint8_t>(bytes[i]);
    if (b == 0) {
      if (d.first_nul == std::string_view::npos) d.first_nul = i;
      d.text.push_back('\0');
    } else if (table[b] == 0) {
      d.Bad(i);
    } else {
      AppendUtf8(d.text, table[b]);
    }
  }
  return d;
}
namespace {

const VniModifier* FindVniModifier(uint8_t b) {
  uint8_t lower = b >= 0xC0 && b < 0xE0 ? b + 0x20 : b;  // modifiers come in case pairs
  for (const auto& m : kVniModifiers) {
    if (m.byte == lower) return &m;
  }
  return nullptr;
}

char32_t FindVniSingle(uint8_t b) {
  for (const auto& s : kVniSingle) {
    if (s.byte == b) return s.letter;
  }
  return 0;
}

bool VniHatFits(char base, char32_t hat) {
  char lower = static_cast<char>(base | 0x20);
  if (hat == kCircumflex) return lower == 'a' || lower == 'e' || lower == 'o';
  if (hat == kBreve) return lower == 'a';
  return true;
}

// Reads the modifier bytes after an ASCII vowel (`ascii_base`) or after ơ/ư (ascii_base 0, tones
// only) starting at bytes[i]; appends the combining marks and returns the bytes consumed. Up to
// two modifiers: a bare hat may be followed by a tone.
size_t ReadVniModifiers(std::string_view bytes, size_t i, char ascii_base, std::string& out) {
  size_t used = 0;
  bool have_hat = false, have_tone = false;
  while (used < 2 && i + used < bytes.size()) {
    const VniModifier* m = FindVniModifier(static_cast<uint8_t>(bytes[i + used]));
    if (m == nullptr) break;
    if (m->hat != 0 && (have_hat || have_tone || ascii_base == 0 || !VniHatFits(ascii_base, m->hat))) break;
    if (m->tone != 0 && have_tone) break;
    if (m->hat != 0) {
      AppendUtf8(out, m->hat);
      have_hat = true;
    }
    if (m->tone != 0) {
      AppendUtf8(out, m->tone);
      have_tone = true;
    }
    ++used;
    if (have_tone) break;
  }
  return used;
}

bool IsAsciiVowel(char c) {
  switch (c | 0x20) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return true;
    default: return false;
  }
}
}  // namespace

Decoded DecodeVni(std::string_view bytes) {
  static const ByteTable fallback = AsciiPlusCp1252();
  Decoded d;
  d.text.reserve(bytes.size() + bytes.size() / 2);
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto b = static_cast<uint8_t>(bytes[i]);
    if (b < 0x80 && IsAsciiVowel(bytes[i])) {
      d.text.push_back(bytes[i]);
      i += ReadVniModifiers(bytes, i + 1, bytes[i], d.text);
    } else if (char32_t single = FindVniSingle(b); single != 0) {
      AppendUtf8(d.text, single);
      if (single == 0x01A1 || single == 0x01A0 || single == 0x01B0 || single == 0x01AF) {
        i += ReadVniModifiers(bytes, i + 1, 0, d.text);
      }
    } else if (b == 0) {
      if (d.first_nul == std::string_view::npos) d.first_nul = i;
      d.text.push_back('\0');
    } else if (fallback[b] == 0) {
      d.Bad(i);
    } else {
      AppendUtf8(d.text, fallback[b]);  // a stray modifier keeps its Latin-1 glyph
    }
  }
  return d;
}
namespace {

// VIQR (RFC 1456): ^ ( + put a circumflex, breve, horn on the vowel before them, ' ` ? ~ . a tone;
// DD/dd (also D9/d9) is Đ/đ; a backslash makes the next mnemonic character literal.
bool IsViqrMark(char c) {
  switch (c) {
    case '^': case '(': case '+': case '\'': case '`': case '?': case '~': case '.': return true;
    default: return false;
  }
}

char32_t ViqrHat(char base, char mark) {
  char lower = static_cast<char>(base | 0x20);
  if (mark == '^' && (lower == 'a' || lower == 'e' || lower == 'o')) return kCircumflex;
  if (mark == '(' && lower == 'a') return kBreve;
  if (mark == '+' && (lower == 'o' || lower == 'u')) return kHorn;
  return 0;
}

char32_t ViqrTone(char mark) {
  switch (mark) {
    case '\'': return kAcute;
    case '`': return kGrave;
    case '?': return kHook;
    case '~': return kTilde;
    case '.': return kDot;
    default: return 0;
  }
}
}  // namespace

std::string DecodeViqr(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  char prev = 0;  // previous literal ASCII character written
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    char next = i + 1 < s.size() ? s[i + 1] : 0;
    bool prev_d = prev == 'd' || prev == 'D';
    if (c == '\\' && (IsViqrMark(next) || next == '\\' || (prev_d && (next == 'd' || next == 'D' || next == '9')))) {
      out.push_back(next);
      prev = 0;
      ++i;
    } else if ((c == 'd' || c == 'D') && (next == 'd' || next == 'D' || next == '9')) {
      AppendUtf8(out, c == 'D' ? 0x0110 : 0x0111);
      prev = 0;
      ++i;
    } else if (IsAsciiVowel(c)) {
      out.push_back(c);
      size_t j = i + 1;
      if (j < s.size()) {
        if (char32_t hat = ViqrHat(c, s[j]); hat != 0) {
          AppendUtf8(out, hat);
          ++j;
        }
      }
      if (j < s.size()) {
        if (char32_t tone = ViqrTone(s[j]); tone != 0) {
          AppendUtf8(out, tone);
          ++j;
        }
      }
      i = j - 1;
      prev = c;
    } else {
      out.push_back(c);
      prev = c;
    }
  }
  return out;
}

std::optional<std::string> Utf8ToCp1252(std::string_view utf8, size_t* bad_offset) {
  std::string out;
  out.reserve(utf8.size());
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t len = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < len;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    int byte = -1;
    if (c >= 0 && c < 0x100) {
      byte = c;
    } else {
      for (int k = 0; k < 32 && c > 0; ++k) {
        if (kCp1252High[k] == c) byte = 0x80 + k;
      }
    }
    if (byte < 0) {
      if (bad_offset != nullptr) *bad_offset = static_cast<size_t>(start);
      return std::nullopt;
    }
    out.push_back(static_cast<char>(byte));
  }
  return out;
}

// TCVN3 (ABC) fonts draw capitals from the lowercase byte codes, so decoded text says "TỉNH ủY"
// for "TỈNH ỦY". The plain ASCII letters around them keep their case and tell it back: a line
// whose ASCII letters are all capitals is in capitals; so is a word with two or more ASCII
// letters all capital, or whose only ASCII letter is a capital after its first letter ("ủY").
std::string RestoreTcvn3Capitals(const std::string& text) {
  auto ascii_case = [](std::string_view s, int* upper, int* lower, bool* upper_inside) {
    *upper = *lower = 0;
    *upper_inside = false;
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (c >= 'A' && c <= 'Z') {
        ++*upper;
        if (i > 0) *upper_inside = true;
      } else if (c >= 'a' && c <= 'z') {
        ++*lower;
      }
    }
  };
  // Words with digits or slashes are document numbers ("49-KH/TU"): capitals there say nothing.
  auto letters_only = [](std::string_view line) {
    std::string kept;
    size_t start = 0;
    while (start <= line.size()) {
      size_t end = std::min(line.find(' ', start), line.size());
      std::string_view word = line.substr(start, end - start);
      if (word.find_first_of("0123456789/") == std::string_view::npos) kept.append(word) += ' ';
      start = end + 1;
    }
    return kept;
  };
  std::string out;
  for (std::string_view line : SplitLines(text)) {
    int upper, lower;
    bool inside;
    ascii_case(letters_only(line), &upper, &lower, &inside);
    if (!out.empty()) out += '\n';
    if (upper >= 3 && lower == 0) {
      out += ToUpper(line);
      continue;
    }
    size_t start = 0;
    while (start <= line.size()) {
      size_t end = line.find(' ', start);
      if (end == std::string_view::npos) end = line.size();
      std::string_view word = line.substr(start, end - start);
      ascii_case(word, &upper, &lower, &inside);
      bool capitals = lower == 0 && (upper >= 2 || (upper == 1 && inside));
      out += capitals ? ToUpper(word) : std::string(word);
      if (end < line.size()) out += ' ';
      start = end + 1;
    }
  }
  return out;
}

}  // namespace plangraph
