// Legacy Vietnamese code pages: the byte tables of TCVN3 (ABC), VISCII, Windows-1258 and
// Windows-1252's high half, the VNI-Windows and VIQR decoders, the way back from mojibake to the
// bytes it was read from, and TCVN3's capitals told back by the ASCII letters around them.
//
// Internal to the read layer: encoding.h detects which code page a text is in and converts
// through these. Decoders never fail: an undefined byte becomes U+FFFD and is counted, so one
// decoder serves both the lenient scoring of detection and the strict forced conversion.
#ifndef PLANGRAPH_LEGACY_CODEPAGES_H_
#define PLANGRAPH_LEGACY_CODEPAGES_H_

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace plangraph {

// A decoding: text (not yet NFC) plus where it went wrong.
struct Decoded {
  std::string text;
  size_t bad = 0;                             // undefined bytes, replaced by U+FFFD
  size_t first_bad = std::string_view::npos;  // offset of the first one
  size_t first_nul = std::string_view::npos;
  void Bad(size_t offset);
};

using ByteTable = std::array<char32_t, 256>;  // 0 = undefined (NUL is tracked apart)

const ByteTable& Tcvn3Table();
const ByteTable& VisciiTable();
const ByteTable& Windows1258Table();

// Single-byte decoding through `table`.
Decoded DecodeWithTable(std::string_view bytes, const ByteTable& table);

// VNI-Windows: ASCII vowels followed by modifier bytes, plus a few single-byte letters.
Decoded DecodeVni(std::string_view bytes);

// VIQR (RFC 1456) mnemonics to UTF-8 with combining marks (not yet NFC).
std::string DecodeViqr(std::string_view s);

// Code points of a mojibake text mapped back to the bytes they were read from: Windows-1252,
// with Latin-1 for the five codes 1252 leaves undefined (some programs decode as Latin-1).
// Returns the offset of the first code point that has no such byte in `bad_offset`.
std::optional<std::string> Utf8ToCp1252(std::string_view utf8, size_t* bad_offset);

// TCVN3 text with its capitals restored (see the definition).
std::string RestoreTcvn3Capitals(const std::string& text);

}  // namespace plangraph

#endif  // PLANGRAPH_LEGACY_CODEPAGES_H_
