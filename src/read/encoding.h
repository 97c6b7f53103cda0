// Pre-Unicode Vietnamese encodings: detection by content and conversion to NFC UTF-8.
//
// Plan documents older than the Unicode switch (and files re-saved by tools that never knew the
// encoding) arrive as TCVN3 (ABC), VNI-Windows, VISCII, Windows-1258 or VIQR bytes, or as
// "mojibake": TCVN3/VNI bytes that some program decoded as Windows-1252 and saved as UTF-8
// ("KÕ ho¹ch" for "Kế hoạch"). This module names the encoding of a byte string and converts it.
//
// Detection scores each candidate decoding by how many of its non-ASCII words are well-formed
// Vietnamese syllables (onset + vowel nucleus + coda, at most one tone mark), so the right table is
// the one that turns the bytes into Vietnamese. Confidence is in [0, 1] and grows with the share
// of plausible words, the number of words seen and the margin over the next-best reading.
#ifndef PLANGRAPH_ENCODING_H_
#define PLANGRAPH_ENCODING_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plangraph/status.h"

namespace plangraph {

// Canonical encoding names (DetectedEncoding::name and ConvertToUtf8's encoding_name).
inline constexpr char kUtf8[] = "UTF-8";
inline constexpr char kUtf16Le[] = "UTF-16LE";
inline constexpr char kUtf16Be[] = "UTF-16BE";
inline constexpr char kWindows1258[] = "Windows-1258";
inline constexpr char kTcvn3[] = "TCVN3";
inline constexpr char kVni[] = "VNI-Windows";
inline constexpr char kViscii[] = "VISCII";
inline constexpr char kViqr[] = "VIQR";
inline constexpr char kTcvn3Mojibake[] = "TCVN3 mojibake (via Windows-1252)";
inline constexpr char kVniMojibake[] = "VNI mojibake (via Windows-1252)";

struct DetectedEncoding {
  std::string name;         // one of the names above
  double confidence = 0.0;  // in [0, 1]; below ~0.5 the bytes are probably none of these
};

// Names the encoding of `bytes` by their content. Plain ASCII is "UTF-8" unless it reads as
// Vietnamese VIQR with many hits. Looks at most at the first 256 KiB.
DetectedEncoding DetectEncoding(std::string_view bytes);

// DetectEncoding for a caller that needs the confidence of legacy readings only (the reader):
// the same name, but valid UTF-8 that is not mojibake gets confidence 0.9 without scoring its
// words, the part of detection that costs most on large UTF-8 files.
DetectedEncoding DetectEncodingName(std::string_view bytes);

// Decodes `bytes` in the named encoding (a canonical name above, case-insensitive, or an alias
// such as "cp1258", "ABC", "VNI") to NFC UTF-8. Line ends are kept as they are; a BOM is dropped.
// InvalidInput naming `source` and the byte offset for bytes the encoding does not define (NUL
// counts as binary), and for an unknown name (the message lists the supported names).
Result<std::string> ConvertToUtf8(std::string_view bytes, const std::string& encoding_name,
                                  const std::string& source);

// The canonical names ConvertToUtf8 accepts, in a stable order.
std::vector<std::string> SupportedEncodings();

// Repairs valid UTF-8 that is really TCVN3 or VNI bytes read as Windows-1252 (or Latin-1) and
// re-encoded: returns {NFC repaired text, kTcvn3Mojibake or kVniMojibake}, or nullopt when the text
// does not look like such mojibake (it has characters outside Windows-1252, or the repair does not
// read clearly more like Vietnamese than the text as it is).
std::optional<std::pair<std::string, std::string>> RepairMojibake(std::string_view utf8);

// The Windows-1252 bytes (Latin-1 for the five codes 1252 leaves undefined) whose characters
// `utf8` holds, or nullopt when it holds a character outside that set: how a run in a legacy
// TCVN3 or VNI font stores its bytes in a Word file.
std::optional<std::string> Windows1252Bytes(std::string_view utf8);

}  // namespace plangraph

#endif  // PLANGRAPH_ENCODING_H_
