#include "encoding.h"

#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "legacy_codepages.h"
#include "text.h"
#include "vietnamese_syllables.h"

namespace plangraph {
namespace {

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

Result<std::string> ConvertToUtf8(std::string_view bytes, const std::string& encoding_name,
                                  const std::string& source) {
  auto converted = ConvertWithoutCaseRepair(bytes, encoding_name, source);
  if (!converted.ok()) return converted;
  auto name = CanonicalName(encoding_name);
  if (name && (*name == kTcvn3 || *name == kTcvn3Mojibake)) return RestoreTcvn3Capitals(*converted);
  return converted;
}

std::optional<std::pair<std::string, std::string>> RepairMojibake(std::string_view utf8) {
  bool has_non_ascii = false;
  if (!IsValidUtf8(utf8, &has_non_ascii) || !has_non_ascii) return std::nullopt;
  return RepairWithScore(utf8, nullptr);
}

std::optional<std::string> Windows1252Bytes(std::string_view utf8) {
  return Utf8ToCp1252(utf8, nullptr);
}

}  // namespace plangraph
