#include "encoding.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string_view>
#include <unordered_set>

#include "text.h"

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
constexpr char32_t kAcute = 0x0301, kGrave = 0x0300, kHook = 0x0309, kTilde = 0x0303,
                   kDot = 0x0323, kCircumflex = 0x0302, kBreve = 0x0306, kHorn = 0x031B;
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

// A decoding: text (not yet NFC) plus where it went wrong, so one decoder serves both the
// lenient scoring of detection and the strict forced conversion.
struct Decoded {
  std::string text;
  size_t bad = 0;                             // undefined bytes, replaced by U+FFFD
  size_t first_bad = std::string_view::npos;  // offset of the first one
  size_t first_nul = std::string_view::npos;
  void Bad(size_t offset) {
    if (first_bad == std::string_view::npos) first_bad = offset;
    ++bad;
    AppendUtf8(text, 0xFFFD);
  }
};

using ByteTable = std::array<char32_t, 256>;  // 0 = undefined (NUL is tracked apart)

ByteTable AsciiPlusCp1252() {
  ByteTable t{};
  for (int b = 0; b < 0x80; ++b) t[b] = b;
  for (int b = 0x80; b < 0xA0; ++b) t[b] = kCp1252High[b - 0x80];
  for (int b = 0xA0; b < 0x100; ++b) t[b] = b;  // Latin-1
  return t;
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

// Code points of a mojibake text mapped back to the bytes they were read from: Windows-1252,
// with Latin-1 for the five codes 1252 leaves undefined (some programs decode as Latin-1).
// Returns the offset of the first code point that has no such byte in `bad_offset`.
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

// ---------------------------------------------------------------------------------------------
// Plausibility: is a decoded word a Vietnamese syllable?

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

void ScoreWord(std::string_view word, bool non_ascii, TextScore& score) {
  if (!non_ascii) return;
  ++score.words;
  if (!IsVietnameseSyllable(word)) return;
  ++score.valid;
  if (FrequentSyllables().count(ToLower(ToNfc(word)))) ++score.frequent;
}

// Undefined bytes arrive as U+FFFD from the decoders and are counted as bad here, with controls.
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

// ---------------------------------------------------------------------------------------------
// Detection.

constexpr size_t kSampleBytes = 256 * 1024;

std::string_view Sample(std::string_view bytes) {
  if (bytes.size() <= kSampleBytes) return bytes;
  std::string_view s = bytes.substr(0, kSampleBytes);
  // Do not cut a UTF-8 sequence in two: that would make valid UTF-8 look invalid.
  size_t k = s.size();
  while (k > 0 && s.size() - k < 3 && (static_cast<uint8_t>(s[k - 1]) & 0xC0) == 0x80) --k;
  if (k > 0 && static_cast<uint8_t>(s[k - 1]) >= 0xC0) --k;
  return s.substr(0, k);
}

bool IsValidUtf8(std::string_view s, bool* has_non_ascii) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t len = static_cast<int32_t>(s.size());
  *has_non_ascii = false;
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) return false;
    if (c >= 0x80) *has_non_ascii = true;
  }
  return true;
}

struct Candidate {
  std::string name;
  std::string text;
  TextScore score;
};

bool Better(const Candidate& a, const Candidate& b) {
  if (a.score.Value() != b.score.Value()) return a.score.Value() > b.score.Value();
  return a.score.frequent > b.score.frequent;
}

// Confidence of the best reading: its share of plausible words, damped for little evidence and
// for a small margin over the best reading that gives a *different* text (two encodings that
// agree on these bytes are both right, so their tie costs nothing).
double Confidence(const std::vector<Candidate>& ranked) {
  const Candidate& best = ranked.front();
  double value = best.score.Value();
  double runner_up = 0.0;
  for (size_t i = 1; i < ranked.size(); ++i) {
    if (ranked[i].text != best.text) {
      runner_up = ranked[i].score.Value();
      break;
    }
  }
  double evidence = std::min(1.0, static_cast<double>(best.score.valid + best.score.frequent) / 20.0);
  double margin = std::min(1.0, 0.4 + 2.0 * (value - runner_up));
  return std::clamp(value * (0.6 + 0.4 * evidence) * margin, 0.0, 1.0);
}

std::vector<Candidate> RankSingleByte(std::string_view bytes) {
  std::vector<Candidate> candidates;
  auto add = [&](const char* name, Decoded d) {
    std::string text = ToNfc(d.text);
    TextScore score = ScoreText(text);
    candidates.push_back({name, std::move(text), score});
  };
  add(kWindows1258, DecodeWithTable(bytes, Windows1258Table()));
  add(kTcvn3, DecodeWithTable(bytes, Tcvn3Table()));
  add(kVni, DecodeVni(bytes));
  add(kViscii, DecodeWithTable(bytes, VisciiTable()));
  std::stable_sort(candidates.begin(), candidates.end(), Better);
  return candidates;
}

// UTF-16 without a BOM: ASCII-heavy text leaves every other byte zero.
std::optional<DetectedEncoding> DetectBomlessUtf16(std::string_view s) {
  if (s.size() < 8 || s.size() % 2 != 0) return std::nullopt;
  size_t n = std::min<size_t>(s.size(), 8192) / 2, even_zero = 0, odd_zero = 0;
  for (size_t i = 0; i < n; ++i) {
    even_zero += s[2 * i] == 0;
    odd_zero += s[2 * i + 1] == 0;
  }
  if (odd_zero * 10 > n * 3 && even_zero * 50 < n) return DetectedEncoding{kUtf16Le, 0.8};
  if (even_zero * 10 > n * 3 && odd_zero * 50 < n) return DetectedEncoding{kUtf16Be, 0.8};
  return std::nullopt;
}

// Pure ASCII reads as VIQR only with many well-formed Vietnamese words and few malformed ones,
// so English (whose apostrophes and full stops VIQR would also read as tones) stays ASCII.
std::optional<DetectedEncoding> DetectViqr(std::string_view ascii) {
  TextScore score = ScoreText(ToNfc(DecodeViqr(ascii)));
  size_t all_words = 0;
  bool in_word = false;
  for (char c : ascii) {
    bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    all_words += letter && !in_word;
    in_word = letter;
  }
  if (score.valid < 8 || score.valid * 5 < all_words || score.Value() < 0.8) return std::nullopt;
  double evidence = std::min(1.0, static_cast<double>(score.valid) / 40.0);
  return DetectedEncoding{kViqr, score.Value() * (0.6 + 0.4 * evidence)};
}

std::optional<std::pair<std::string, std::string>> RepairWithScore(std::string_view utf8,
                                                                   double* confidence) {
  auto bytes = Utf8ToCp1252(utf8, nullptr);
  if (!bytes) return std::nullopt;
  std::string original = ToNfc(utf8);
  TextScore original_score = ScoreText(original);
  std::vector<Candidate> repaired;
  for (bool tcvn3 : {true, false}) {
    Decoded d = tcvn3 ? DecodeWithTable(*bytes, Tcvn3Table()) : DecodeVni(*bytes);
    std::string text = ToNfc(d.text);
    TextScore score = ScoreText(text);
    const char* name = tcvn3 ? kTcvn3Mojibake : kVniMojibake;
    repaired.push_back({name, std::move(text), score});
  }
  std::stable_sort(repaired.begin(), repaired.end(), Better);
  TextScore best = repaired.front().score;
  if (best.valid < 2 || best.Value() < 0.6 || best.Value() < original_score.Value() + 0.2) {
    return std::nullopt;
  }
  auto result = std::make_pair(repaired.front().text, repaired.front().name);
  repaired.push_back({"original", std::move(original), original_score});
  std::stable_sort(repaired.begin(), repaired.end(), Better);
  if (confidence != nullptr) *confidence = Confidence(repaired);
  return result;
}

DetectedEncoding DetectUtf8(std::string_view text, bool has_non_ascii, bool score_utf8) {
  if (!has_non_ascii) {
    if (auto viqr = DetectViqr(text)) return *viqr;
    return {kUtf8, 0.9};  // every candidate reads ASCII alike; UTF-8 is the safe name
  }
  double confidence = 0.0;
  if (auto repaired = RepairWithScore(text, &confidence)) return {repaired->second, confidence};
  // Multi-byte sequences that all validate almost never happen by chance in legacy bytes.
  if (!score_utf8) return {kUtf8, 0.9};
  return {kUtf8, ScoreText(text).Value() >= 0.5 ? 0.99 : 0.9};
}

// ---------------------------------------------------------------------------------------------
// Forced conversion.

std::string Lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

std::optional<std::string> CanonicalName(const std::string& name) {
  static const std::pair<std::string_view, const char*> kAliases[] = {
      {"utf-8", kUtf8},         {"utf8", kUtf8},          {"utf-16le", kUtf16Le},
      {"utf-16be", kUtf16Be},   {"windows-1258", kWindows1258}, {"cp1258", kWindows1258},
      {"tcvn3", kTcvn3},        {"abc", kTcvn3},          {"tcvn", kTcvn3},
      {"vni-windows", kVni},    {"vni", kVni},            {"viscii", kViscii},
      {"viqr", kViqr},          {"tcvn3 mojibake (via windows-1252)", kTcvn3Mojibake},
      {"vni mojibake (via windows-1252)", kVniMojibake},
  };
  std::string lower = Lowercase(name);
  for (const auto& [alias, canonical] : kAliases) {
    if (lower == alias) return canonical;
  }
  return std::nullopt;
}

std::string Hex(uint8_t b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

Result<std::string> CheckedDecoding(std::string_view bytes, Decoded d, const std::string& encoding,
                                    const std::string& source) {
  if (d.first_nul != std::string_view::npos) {
    return Status::InvalidInput(source + ": binary file (NUL byte at offset " + std::to_string(d.first_nul) + ")");
  }
  if (d.first_bad != std::string_view::npos) {
    return Status::InvalidInput(source + ": byte " + Hex(static_cast<uint8_t>(bytes[d.first_bad])) +
                                " at offset " + std::to_string(d.first_bad) + " is not defined in " + encoding);
  }
  return ToNfc(d.text);
}

Result<std::string> ConvertUtf8(std::string_view bytes, const std::string& source) {
  size_t bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  bytes.remove_prefix(bom);
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t len = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < len;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) return Status::InvalidInput(source + ": invalid UTF-8 at byte " + std::to_string(bom + start));
    if (c == 0) return Status::InvalidInput(source + ": binary file (NUL byte at offset " + std::to_string(bom + start) + ")");
  }
  return ToNfc(bytes);
}

Result<std::string> ConvertUtf16(std::string_view bytes, bool big_endian, const std::string& source) {
  size_t bom = 0;
  if (bytes.size() >= 2 && bytes.substr(0, 2) == (big_endian ? "\xFE\xFF" : "\xFF\xFE")) bom = 2;
  bytes.remove_prefix(bom);
  if (bytes.size() % 2 != 0) {
    return Status::InvalidInput(source + ": odd number of bytes for UTF-16 (dangling byte at offset " +
                                std::to_string(bom + bytes.size() - 1) + ")");
  }
  icu::UnicodeString u;
  for (size_t i = 0; i < bytes.size(); i += 2) {
    auto hi = static_cast<uint8_t>(bytes[big_endian ? i : i + 1]);
    auto lo = static_cast<uint8_t>(bytes[big_endian ? i + 1 : i]);
    u.append(static_cast<UChar>((hi << 8) | lo));
  }
  for (int32_t i = 0; i < u.length(); ++i) {
    UChar c = u.charAt(i);
    if (U16_IS_LEAD(c) && i + 1 < u.length() && U16_IS_TRAIL(u.charAt(i + 1))) {
      ++i;
    } else if (U16_IS_SURROGATE(c)) {
      return Status::InvalidInput(source + ": unpaired UTF-16 surrogate at offset " + std::to_string(bom + 2 * i));
    } else if (c == 0) {
      return Status::InvalidInput(source + ": binary file (NUL character at offset " + std::to_string(bom + 2 * i) + ")");
    }
  }
  std::string out;
  u.toUTF8String(out);
  return ToNfc(out);
}

Result<std::string> ConvertMojibake(std::string_view bytes, const std::string& encoding,
                                    const std::string& source) {
  auto utf8 = ConvertUtf8(bytes, source);
  if (!utf8.ok()) return utf8.status();
  size_t bad = 0;
  auto legacy = Utf8ToCp1252(*utf8, &bad);
  if (!legacy) {
    return Status::InvalidInput(source + ": character at byte " + std::to_string(bad) +
                                " of the NFC text is not in Windows-1252, so the text is not " + encoding);
  }
  Decoded d = encoding == kTcvn3Mojibake ? DecodeWithTable(*legacy, Tcvn3Table()) : DecodeVni(*legacy);
  return CheckedDecoding(*legacy, std::move(d), encoding, source);
}

std::string JoinedNames() {
  std::string out;
  for (const auto& name : SupportedEncodings()) out += (out.empty() ? "" : ", ") + name;
  return out;
}

}  // namespace

std::vector<std::string> SupportedEncodings() {
  return {kUtf8, kUtf16Le, kUtf16Be, kWindows1258, kTcvn3, kVni, kViscii, kViqr, kTcvn3Mojibake, kVniMojibake};
}

namespace {

DetectedEncoding Detect(std::string_view bytes, bool score_utf8) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    DetectedEncoding inner = Detect(bytes.substr(3), score_utf8);
    // A BOM settles UTF-8 unless the text inside is mojibake (Notepad adds BOMs to that too).
    if (inner.name == kTcvn3Mojibake || inner.name == kVniMojibake) return inner;
    return {kUtf8, 1.0};
  }
  if (bytes.substr(0, 2) == "\xFF\xFE") return {kUtf16Le, 1.0};
  if (bytes.substr(0, 2) == "\xFE\xFF") return {kUtf16Be, 1.0};
  std::string_view sample = Sample(bytes);
  if (auto utf16 = DetectBomlessUtf16(sample)) return *utf16;
  bool has_non_ascii = false;
  if (IsValidUtf8(sample, &has_non_ascii)) return DetectUtf8(sample, has_non_ascii, score_utf8);
  std::vector<Candidate> ranked = RankSingleByte(sample);
  return {ranked.front().name, Confidence(ranked)};
}

}  // namespace

DetectedEncoding DetectEncoding(std::string_view bytes) { return Detect(bytes, true); }

DetectedEncoding DetectEncodingName(std::string_view bytes) { return Detect(bytes, false); }

namespace {

Result<std::string> ConvertWithoutCaseRepair(std::string_view bytes,
                                             const std::string& encoding_name,
                                             const std::string& source);

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

}  // namespace

Result<std::string> ConvertToUtf8(std::string_view bytes, const std::string& encoding_name,
                                  const std::string& source) {
  auto converted = ConvertWithoutCaseRepair(bytes, encoding_name, source);
  if (!converted.ok()) return converted;
  auto name = CanonicalName(encoding_name);
  if (name && (*name == kTcvn3 || *name == kTcvn3Mojibake)) return RestoreTcvn3Capitals(*converted);
  return converted;
}

namespace {

Result<std::string> ConvertWithoutCaseRepair(std::string_view bytes,
                                             const std::string& encoding_name,
                                             const std::string& source) {
  auto name = CanonicalName(encoding_name);
  if (!name) {
    return Status::InvalidInput(source + ": unknown encoding \"" + encoding_name + "\" (supported: " +
                                JoinedNames() + ")");
  }
  if (*name == kUtf8) return ConvertUtf8(bytes, source);
  if (*name == kUtf16Le || *name == kUtf16Be) return ConvertUtf16(bytes, *name == kUtf16Be, source);
  if (*name == kTcvn3Mojibake || *name == kVniMojibake) return ConvertMojibake(bytes, *name, source);
  if (*name == kViqr) {
    auto ascii = ConvertUtf8(bytes, source);  // VIQR is 7-bit; tolerate UTF-8 beside it
    if (!ascii.ok()) return ascii.status();
    return ToNfc(DecodeViqr(*ascii));
  }
  Decoded d = *name == kWindows1258 ? DecodeWithTable(bytes, Windows1258Table())
              : *name == kTcvn3     ? DecodeWithTable(bytes, Tcvn3Table())
              : *name == kVni       ? DecodeVni(bytes)
                                    : DecodeWithTable(bytes, VisciiTable());
  return CheckedDecoding(bytes, std::move(d), *name, source);
}

}  // namespace

std::optional<std::pair<std::string, std::string>> RepairMojibake(std::string_view utf8) {
  bool has_non_ascii = false;
  if (!IsValidUtf8(utf8, &has_non_ascii) || !has_non_ascii) return std::nullopt;
  return RepairWithScore(utf8, nullptr);
}

std::optional<std::string> Windows1252Bytes(std::string_view utf8) {
  return Utf8ToCp1252(utf8, nullptr);
}

}  // namespace plangraph

namespace plangraph {

bool IsVietnameseWord(std::string_view word) { return IsVietnameseSyllable(word); }

}  // namespace plangraph
