#include "reader.h"

#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "doc_reader.h"
#include "docx_reader.h"
#include "encoding.h"
#include "html_reader.h"
#include "pdf_reader.h"
#include "text.h"

namespace plangraph {
namespace {

std::string NormaliseLineEnds(std::string s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

Result<std::string> Utf16ToUtf8(const std::string& source, std::string_view bytes, bool big_endian) {
  // `bytes` starts after the 2-byte BOM; report the dangling byte's offset in the file.
  if (bytes.size() % 2) return Status::InvalidInput(source + ": invalid UTF-16 at byte " + std::to_string(bytes.size() + 1));
  icu::UnicodeString u;
  for (size_t i = 0; i < bytes.size(); i += 2) {
    auto hi = static_cast<unsigned char>(bytes[big_endian ? i : i + 1]);
    auto lo = static_cast<unsigned char>(bytes[big_endian ? i + 1 : i]);
    u.append(static_cast<UChar>((hi << 8) | lo));
  }
  for (int32_t i = 0; i < u.length(); ++i) {
    UChar c = u.charAt(i);
    if (U16_IS_LEAD(c) && i + 1 < u.length() && U16_IS_TRAIL(u.charAt(i + 1))) { ++i; continue; }
    if (U16_IS_SURROGATE(c)) return Status::InvalidInput(source + ": invalid UTF-16 at byte " + std::to_string(2 * i + 2));
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

constexpr size_t kNoOffset = static_cast<size_t>(-1);
// Below this, a legacy-encoding guess is not trusted and the file is refused instead.
constexpr double kMinConfidence = 0.6;

std::string ConfidenceNote(double confidence) {
  char buf[32];
  std::snprintf(buf, sizeof buf, ", confidence %.2f", confidence);
  return std::string(" (detected") + buf + ")";
}

// Checks that `bytes` are text and valid UTF-8. On invalid UTF-8, *bad_at is its offset (the file
// may be in a legacy encoding); on binary content (NUL, control characters) it is kNoOffset.
Status CheckPlainText(const std::string& source, std::string_view bytes, size_t bom,
                      size_t* bad_at) {
  *bad_at = kNoOffset;
  size_t controls = 0;
  Status invalid = Status::Ok();
  const auto* b = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t len = static_cast<int32_t>(std::min<size_t>(bytes.size(), INT32_MAX));
  for (int32_t i = 0; i < len;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(b, i, len, c);
    if (c < 0 && invalid.ok()) {
      *bad_at = bom + start;
      invalid = Status::InvalidInput(source + ": invalid UTF-8 at byte " + std::to_string(bom + start));
    }
    if (c == 0) {
      *bad_at = kNoOffset;
      return Status::InvalidInput(source + ": binary file (NUL byte at offset " + std::to_string(bom + start) + ")");
    }
    if (c > 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
  }
  if (controls * 20 > bytes.size() && controls > 4) {
    *bad_at = kNoOffset;
    return Status::InvalidInput(source + ": binary file (" + std::to_string(controls) + " control characters)");
  }
  return invalid;
}

}  // namespace

Result<DecodedText> DecodeBytes(const std::string& source, std::string_view bytes) {
  if (LooksLikeDocx(bytes)) {
    auto text = DocxToText(source, bytes);
    if (!text.ok()) return text.status();
    DecodedText d;
    d.format = "docx";
    d.encoding = "UTF-8 (Office Open XML)";
    d.text = ToNfc(NormaliseLineEnds(*text));
    return d;
  }
  if (LooksLikeOle2(bytes)) {
    auto text = DocToText(source, bytes);
    if (!text.ok()) return text.status();
    DecodedText d;
    d.format = "doc";
    d.encoding = "Word 97-2003 (antiword)";
    d.text = ToNfc(NormaliseLineEnds(*text));
    return d;
  }
  if (LooksLikePdf(bytes)) {
    auto text = PdfToText(source, bytes);
    if (!text.ok()) return text.status();
    DecodedText d;
    d.format = "pdf";
    d.encoding = "PDF text layer";
    d.text = ToNfc(NormaliseLineEnds(*text));
    return d;
  }
  if (LooksLikeHtml(bytes)) {
    auto text = HtmlToText(source, bytes);
    if (!text.ok()) return text.status();
    DecodedText d;
    d.format = "html";
    d.encoding = "UTF-8";
    d.text = ToNfc(NormaliseLineEnds(*text));
    return d;
  }
  DecodedText d;
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    bool be = bytes[0] == '\xFE';
    auto utf8 = Utf16ToUtf8(source, bytes.substr(2), be);
    if (!utf8.ok()) return utf8.status();
    d.encoding = be ? "UTF-16BE" : "UTF-16LE";
    d.text = ToNfc(NormaliseLineEnds(*utf8));
    return d;
  }
  size_t bom = 0;  // so error offsets below are file offsets, not offsets after the BOM
  std::string bom_note;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    bom = 3;
    bom_note = " (BOM)";
  }
  size_t bad_at = 0;
  Status plain = CheckPlainText(source, bytes, bom, &bad_at);
  if (!plain.ok() && bad_at == kNoOffset) return plain;  // binary, whatever the encoding
  // Valid UTF-8 may still be VIQR or legacy text mangled through Windows-1252; invalid UTF-8
  // is tried as each legacy Vietnamese encoding (encoding.h).
  DetectedEncoding guess = DetectEncoding(bytes);
  bool legacy = guess.name != kUtf8 && guess.name != kUtf16Le && guess.name != kUtf16Be;
  if (legacy && guess.confidence >= kMinConfidence) {
    auto text = ConvertToUtf8(bytes, guess.name, source);
    if (!text.ok()) return text.status();
    d.encoding = guess.name + ConfidenceNote(guess.confidence);
    d.text = ToNfc(NormaliseLineEnds(*text));
    return d;
  }
  if (!plain.ok()) {
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.2f", guess.confidence);
    std::string hint =
        legacy ? std::string(" (closest: ") + guess.name + ", confidence " + confidence + ")" : "";
    return Status::InvalidInput(plain.message() + "; no known Vietnamese encoding fits either" +
                                hint + "; name one with --encoding");
  }
  d.encoding = "UTF-8" + bom_note;
  d.text = ToNfc(NormaliseLineEnds(std::string(bytes)));
  return d;
}

Result<DecodedText> DecodeBytesAs(const std::string& source, std::string_view bytes,
                                  const std::string& encoding) {
  if (encoding.empty()) return DecodeBytes(source, bytes);
  auto text = ConvertToUtf8(bytes, encoding, source);
  if (!text.ok()) return text.status();
  DecodedText d;
  d.encoding = encoding + " (given)";
  d.text = ToNfc(NormaliseLineEnds(*text));
  return d;
}

Result<DecodedText> ReadTextFile(const std::string& path, const std::string& encoding) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound(path + ": no such file");
  if (std::filesystem::is_directory(path, ec)) return Status::IOError(path + ": " + std::strerror(EISDIR));
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": " + std::strerror(errno));
  std::ostringstream buf;
  buf << in.rdbuf();
  return DecodeBytesAs(path, buf.str(), encoding);
}

}  // namespace plangraph
