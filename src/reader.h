// Reader: the first pipeline stage. File bytes in, NFC UTF-8 text out.
//
// The format is recognised by content: an HTML page (saved from a document portal) is turned
// into its body text first (html_reader.h); anything else is read as plain text.
//
// Accepts UTF-8 with or without BOM and UTF-16 LE/BE with BOM; decomposed (NFD) or mixed input
// is normalised to NFC; CR LF and lone CR line ends become LF. Rejects, with a message naming the
// file and the problem, input that is binary (NUL bytes outside UTF-16) or not valid UTF-8.
#ifndef PLANGRAPH_READER_H_
#define PLANGRAPH_READER_H_

#include <string>
#include <string_view>

#include "plangraph/status.h"

namespace plangraph {

struct DecodedText {
  std::string text;      // NFC UTF-8, LF line ends, no BOM
  std::string encoding;  // "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE"
  std::string format = "text";  // "text", "html": detected from the content, not the file name
};

// `source` is the file name used in error messages ("corpus/x.txt: invalid UTF-8 at byte 12").
Result<DecodedText> DecodeBytes(const std::string& source, std::string_view bytes);

// As DecodeBytes, but in the encoding the user names ("TCVN3", "VNI", "Windows-1258"…; see
// encoding.h), skipping detection. An empty name detects.
Result<DecodedText> DecodeBytesAs(const std::string& source, std::string_view bytes,
                                  const std::string& encoding);

// Reads the whole file, then DecodeBytesAs. NotFound / IOError name the path.
Result<DecodedText> ReadTextFile(const std::string& path, const std::string& encoding = "");

}  // namespace plangraph

#endif  // PLANGRAPH_READER_H_
