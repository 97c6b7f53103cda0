#include "reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "doc_reader.h"
#include "docx_reader.h"
#include "encoding.h"
#include "html_reader.h"
#include "ocr.h"
#include "pdf_reader.h"
#include "text.h"
#include "text_quality.h"

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

// What a non-regular file is, for the message that refuses it.
std::string FileKind(mode_t mode) {
  if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a regular file";
}

std::string SizeText(uint64_t bytes, uint64_t limit) {
  return std::to_string(bytes) + " bytes, more than the limit of " + std::to_string(limit) +
         " (" + std::to_string(limit >> 20) + " MiB)";
}

// A .docx, .doc or PDF: binary, much larger than its text, and bounded by kMaxFileBytes (and
// the .docx reader's own limits) rather than by the text limit.
bool IsBinaryContainer(std::string_view bytes) {
  return LooksLikeDocx(bytes) || LooksLikeOle2(bytes) || LooksLikePdf(bytes) || LooksLikeRtf(bytes) ||
         LooksLikeImage(bytes);
}

// The text of one document must stay within kMaxTextBytes and kMaxLines (see reader.h) whatever
// its format: a .docx or a legacy encoding may decode to more bytes than the file holds.
Result<DecodedText> WithinTextLimit(const std::string& source, Result<DecodedText> decoded) {
  if (!decoded.ok()) return decoded;
  const std::string& text = decoded->text;
  if (text.size() > kMaxTextBytes) {
    return Status::InvalidInput(source + ": too much text: " + SizeText(text.size(), kMaxTextBytes));
  }
  size_t lines = std::count(text.begin(), text.end(), '\n') + 1;
  if (lines > kMaxLines) {
    return Status::InvalidInput(source + ": too many lines: " + std::to_string(lines) +
                                ", more than the limit of " + std::to_string(kMaxLines));
  }
  return decoded;
}

// The formats recognised by their content before any text encoding is considered, in the order
// they are tried, with what the document record says was read.
// `to_text` may add to the encoding a note on what it decoded (legacy font runs in Word files).
struct ContainerFormat {
  bool (*looks_like)(std::string_view bytes);
  Result<std::string> (*to_text)(const std::string& source, std::string_view bytes,
                                 std::string* note);
  const char* format;
  const char* encoding;
};

// Word files (Word 97-2003 and RTF through LibreOffice): the text and the legacy fonts note.
template <Result<DocxText> (*Read)(const std::string&, std::string_view)>
Result<std::string> WordText(const std::string& source, std::string_view bytes, std::string* note) {
  auto docx = Read(source, bytes);
  if (!docx.ok()) return docx.status();
  *note = docx->legacy_fonts;
  return std::move(docx->text);
}
// Default options (legacy fonts by font and content).
Result<DocxText> DocxDefault(const std::string& source, std::string_view bytes) {
  return ReadDocx(source, bytes);
}
Result<DocxText> DocDefault(const std::string& source, std::string_view bytes) {
  return ReadDoc(source, bytes);
}
Result<DocxText> RtfDefault(const std::string& source, std::string_view bytes) {
  return ReadRtf(source, bytes);
}
template <Result<std::string> (*Read)(const std::string&, std::string_view)>
Result<std::string> NoNote(const std::string& source, std::string_view bytes, std::string*) {
  return Read(source, bytes);
}

constexpr ContainerFormat kContainerFormats[] = {
    {LooksLikeDocx, WordText<DocxDefault>, "docx", "UTF-8 (Office Open XML)"},
    {LooksLikeOle2, WordText<DocDefault>, "doc", "Word 97-2003 (via LibreOffice)"},
    {LooksLikeRtf, WordText<RtfDefault>, "rtf", "RTF (via LibreOffice)"},
    {LooksLikeHtml, NoNote<HtmlToText>, "html", "UTF-8"},
};

Result<DecodedText> DecodeAny(const std::string& source, std::string_view bytes, OcrMode ocr) {
  // Printed pages: a text layer judged for quality, or OCR (pdf_reader.h).
  if (LooksLikePdf(bytes)) return ReadPdf(source, bytes, ocr);
  if (LooksLikeImage(bytes)) return ReadImage(source, bytes, ocr);
  for (const ContainerFormat& f : kContainerFormats) {
    if (!f.looks_like(bytes)) continue;
    std::string note;
    auto text = f.to_text(source, bytes, &note);
    if (!text.ok()) return text.status();
    DecodedText d;
    d.format = f.format;
    d.encoding = note.empty() ? f.encoding : std::string(f.encoding) + " + " + note;
    d.text = ToNfc(NormaliseLineEnds(*text));
    if (std::string reason = UnreadableReason(MeasureText(d.text)); !reason.empty()) {
      return Status::Unreadable(source + ": the text of this " + f.format + " file is not " +
                                "Vietnamese (" + reason + "); it may be typed in a legacy or " +
                                "symbol font: convert it to Unicode fonts and save it again");
    }
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
  DetectedEncoding guess = DetectEncodingName(bytes);
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

// Plain text or HTML larger than the text limit is refused before it is decoded: decoding and
// NFC normalisation each take several times its size in memory, and an HTML page's tree about
// fifty times (a 160 MB page of tiny elements took 6.7 GB).
Status CheckPlainTextSize(const std::string& source, std::string_view bytes) {
  if (bytes.size() > kMaxTextBytes && !IsBinaryContainer(bytes)) {
    return Status::InvalidInput(source + (LooksLikeHtml(bytes) ? ": HTML" : ": plain text") +
                                " file too large: " + SizeText(bytes.size(), kMaxTextBytes));
  }
  return Status::Ok();
}

}  // namespace

Result<DecodedText> DecodeBytes(const std::string& source, std::string_view bytes) {
  if (Status s = CheckPlainTextSize(source, bytes); !s.ok()) return s;
  return WithinTextLimit(source, DecodeAny(source, bytes, OcrMode::kAuto));
}

Result<DecodedText> DecodeBytesWith(const std::string& source, std::string_view bytes,
                                    const ReadOptions& options) {
  if (!options.encoding.empty()) return DecodeBytesAs(source, bytes, options.encoding);
  if (Status s = CheckPlainTextSize(source, bytes); !s.ok()) return s;
  return WithinTextLimit(source, DecodeAny(source, bytes, options.ocr));
}

namespace {

// A Word file with a named encoding: its runs that are not Unicode are read in it, whatever
// their fonts say. Only the encodings of legacy fonts apply.
Result<DecodedText> DecodeWordAs(const std::string& source, std::string_view bytes,
                                 const std::string& encoding) {
  DocxOptions options;
  auto canonical = ConvertToUtf8("", encoding, source);  // validates the name
  if (!canonical.ok()) return canonical.status();
  std::string lower;
  for (char c : encoding) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "tcvn3" || lower == "abc" || lower == "tcvn") {
    options.legacy_charset = LegacyCharset::kTcvn3;
  } else if (lower == "vni" || lower == "vni-windows") {
    options.legacy_charset = LegacyCharset::kVni;
  } else {
    return Status::InvalidInput(source + ": --encoding " + encoding +
                                " does not apply to a Word file (its text is Unicode; legacy "
                                "font runs are TCVN3 or VNI-Windows)");
  }
  const char* format = LooksLikeDocx(bytes) ? "docx" : LooksLikeOle2(bytes) ? "doc" : "rtf";
  Result<DocxText> word = LooksLikeDocx(bytes)   ? ReadDocx(source, bytes, options)
                          : LooksLikeOle2(bytes) ? ReadDoc(source, bytes, options)
                                                 : ReadRtf(source, bytes, options);
  if (!word.ok()) return word.status();
  DecodedText d;
  d.format = format;
  d.encoding = std::string(options.legacy_charset == LegacyCharset::kTcvn3 ? kTcvn3 : kVni) +
               " runs (given)";
  d.text = ToNfc(NormaliseLineEnds(word->text));
  return d;
}

}  // namespace

Result<DecodedText> DecodeBytesAs(const std::string& source, std::string_view bytes,
                                  const std::string& encoding) {
  if (encoding.empty()) return DecodeBytes(source, bytes);
  if (LooksLikeDocx(bytes) || LooksLikeOle2(bytes) || LooksLikeRtf(bytes)) {
    return WithinTextLimit(source, DecodeWordAs(source, bytes, encoding));
  }
  if (Status s = CheckPlainTextSize(source, bytes); !s.ok()) return s;
  auto text = ConvertToUtf8(bytes, encoding, source);
  if (!text.ok()) return text.status();
  DecodedText d;
  d.encoding = encoding + " (given)";
  d.text = ToNfc(NormaliseLineEnds(*text));
  return WithinTextLimit(source, std::move(d));
}

Result<std::string> ReadFileBytes(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    int err = errno;
    struct stat link;
    if (err == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
      return Status::NotFound(path + ": broken symbolic link (its target does not exist)");
    }
    if (err == ENOENT) return Status::NotFound(path + ": no such file");
    if (err == ELOOP) return Status::IOError(path + ": symbolic link loop (it never reaches a file)");
    return Status::IOError(path + ": " + std::strerror(err));
  }
  if (S_ISDIR(st.st_mode)) return Status::IOError(path + ": " + std::strerror(EISDIR));
  // Reading a FIFO would wait for a writer forever, and a device may never end: only regular
  // files are documents.
  if (!S_ISREG(st.st_mode)) {
    return Status::InvalidInput(path + ": " + FileKind(st.st_mode) +
                                ", not a regular file; skipped");
  }
  if (static_cast<uint64_t>(st.st_size) > kMaxFileBytes) {
    return Status::InvalidInput(path + ": file too large: " + SizeText(st.st_size, kMaxFileBytes));
  }
  // O_NONBLOCK: should the path have become a FIFO since stat(), open() must not wait for a
  // writer; fstat() below then refuses it.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return Status::IOError(path + ": cannot open (" + std::strerror(errno) + ")");
  std::string bytes;
  Status status = Status::Ok();
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    status = Status::InvalidInput(path + ": not a regular file; skipped");
  } else {
    // Read at most one byte past the limit: a file that grows while it is read is still refused.
    bytes.reserve(static_cast<size_t>(st.st_size));
    char buf[1 << 16];
    for (;;) {
      ssize_t n = ::read(fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        status = Status::IOError(path + ": read error (" + std::strerror(errno) + ")");
        break;
      }
      if (n == 0) break;
      bytes.append(buf, static_cast<size_t>(n));
      if (bytes.size() > kMaxFileBytes) {
        status = Status::InvalidInput(path + ": file too large: " +
                                      SizeText(bytes.size(), kMaxFileBytes));
        break;
      }
    }
  }
  ::close(fd);
  if (!status.ok()) return status;
  return bytes;
}

Result<DecodedText> ReadTextFile(const std::string& path, const std::string& encoding) {
  auto bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  return DecodeBytesAs(path, *bytes, encoding);
}

}  // namespace plangraph
