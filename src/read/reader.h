// Reader: the first pipeline stage. File bytes in, NFC UTF-8 text out.
//
// The format is recognised by content: a .docx, .doc, PDF (pdf_reader.h), image (read by OCR)
// or HTML page (saved from a document portal) is turned into its text first; anything else is
// read as plain text.
//
// Accepts UTF-8 with or without BOM and UTF-16 LE/BE with BOM; decomposed (NFD) or mixed input
// is normalised to NFC; CR LF and lone CR line ends become LF. Rejects, with a message naming the
// file and the problem, input that is binary (NUL bytes outside UTF-16) or not valid UTF-8.
#ifndef PLANGRAPH_READER_H_
#define PLANGRAPH_READER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "plangraph/pipeline.h"
#include "plangraph/status.h"

namespace plangraph {

// Size limits, so that one hostile or mistaken input cannot exhaust memory or time: each is a
// per-file error naming the limit, and an import goes on with the other files.
//
// kMaxTextBytes bounds the text of one document (a plain text or HTML file as read, and what
// any file decodes to), kMaxLines its lines. The largest real plans are a few MB of text and
// tens of thousands of lines. Extraction keeps about 30 bytes per byte of text that is dense
// with citations, and about 500 bytes per line of one-word items, so these limits hold a file's
// extraction near 1 GB of memory and 15 seconds, while leaving ten times the largest plans
// (and a million bullets) room.
constexpr size_t kMaxTextBytes = size_t{32} << 20;
constexpr size_t kMaxLines = 2'000'000;
// kMaxFileBytes bounds any file read into memory (a PDF or .docx with images is much larger
// than its text).
constexpr uint64_t kMaxFileBytes = uint64_t{256} << 20;

struct DecodedText {
  std::string text;      // NFC UTF-8, LF line ends, no BOM
  std::string encoding;  // "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE"
  // "text", "html", "docx", "doc", "rtf", "pdf": detected from the content, not the file name
  std::string format = "text";
};

// `source` is the file name used in error messages ("corpus/x.txt: invalid UTF-8 at byte 12").
// Plain text or HTML over kMaxTextBytes is refused before decoding, any text over it (or over
// kMaxLines lines) after.
Result<DecodedText> DecodeBytes(const std::string& source, std::string_view bytes);

// As DecodeBytes, but in the encoding the user names ("TCVN3", "VNI", "Windows-1258"…; see
// encoding.h), skipping detection. An empty name detects.
Result<DecodedText> DecodeBytesAs(const std::string& source, std::string_view bytes,
                                  const std::string& encoding);

// As DecodeBytesAs with options.encoding; a scanned PDF or an image is read by OCR as
// options.ocr allows (pdf_reader.h).
Result<DecodedText> DecodeBytesWith(const std::string& source, std::string_view bytes,
                                    const ReadOptions& options);

// The bytes of a regular file of at most kMaxFileBytes. A FIFO, socket or device is refused
// without waiting on it; a broken symbolic link is NotFound. Every message names the path.
Result<std::string> ReadFileBytes(const std::string& path);

// ReadFileBytes, then DecodeBytesAs. NotFound / IOError name the path.
Result<DecodedText> ReadTextFile(const std::string& path, const std::string& encoding = "");

}  // namespace plangraph

#endif  // PLANGRAPH_READER_H_
