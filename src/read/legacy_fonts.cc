#include "legacy_fonts.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "encoding.h"
#include "text.h"

namespace plangraph {
namespace {

// The legacy font families, by name prefix (compared without case). Each vendor named its fonts
// with one prefix: ABC/TCVN3 fonts start with ".Vn" (.VnTime, .VnArial, .VnCentury Schoolbook,
// .VnBlack, .VnHelvetIns…), VNI fonts with "VNI-" (VNI-Times, VNI-Helve, VNI-Avo, VNI-Top…).
// In the TCVN3 set, a name ending in "H" is the capitals face of the family (.VnTimeH,
// .VnArialH, .VnArial NarrowH): its lowercase codes are drawn as capitals, so its runs are
// uppercased after decoding. VNI fonts hold both cases, so no VNI font is a capitals font.
struct FamilyPrefix {
  std::string_view prefix;
  LegacyCharset charset;
  bool h_suffix_is_capitals;
};
constexpr FamilyPrefix kFamilies[] = {
    {".vn", LegacyCharset::kTcvn3, true},
    {"vni-", LegacyCharset::kVni, false},
    {"vni ", LegacyCharset::kVni, false},
};

// Enough text to score a font by content; more changes nothing.
constexpr size_t kSampleBytes = 64 * 1024;

std::string Trimmed(std::string_view s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string_view::npos ? "" : std::string(s.substr(b, e - b + 1));
}

std::string AsciiLower(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return s;
}

bool HasNonAscii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// A legacy font declared with the symbol character set reaches us (through LibreOffice's .doc
// import) in the private use area: byte b as U+F000 + b. Back to U+00b, which stands for byte b
// as the Windows-1252 characters do.
std::string FromSymbolArea(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    auto b0 = static_cast<uint8_t>(text[i]);
    if (b0 == 0xEF && i + 2 < text.size()) {
      auto b1 = static_cast<uint8_t>(text[i + 1]), b2 = static_cast<uint8_t>(text[i + 2]);
      char32_t c = 0xF000 | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
      if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && c >= 0xF020 && c <= 0xF0FF) {
        char32_t latin = c & 0xFF;
        if (latin < 0x80) {
          out += static_cast<char>(latin);
        } else {
          out += static_cast<char>(0xC0 | (latin >> 6));
          out += static_cast<char>(0x80 | (latin & 0x3F));
        }
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

LegacyCharset CharsetOfRepair(const std::string& name) {
  if (name == kTcvn3Mojibake) return LegacyCharset::kTcvn3;
  if (name == kVniMojibake) return LegacyCharset::kVni;
  return LegacyCharset::kNone;
}

const char* CharsetName(LegacyCharset c) { return c == LegacyCharset::kTcvn3 ? "TCVN3" : "VNI"; }

}  // namespace

FontFamily FamilyOfFont(std::string_view font) {
  std::string name = Trimmed(font);
  std::string lower = AsciiLower(name);
  for (const FamilyPrefix& f : kFamilies) {
    if (lower.size() <= f.prefix.size() || lower.compare(0, f.prefix.size(), f.prefix) != 0) {
      continue;
    }
    return {f.charset, f.h_suffix_is_capitals && name.back() == 'H'};
  }
  return {};
}

void LegacyFontDecoder::Observe(const std::string& font, std::string_view raw) {
  FontState& state = fonts_[font];
  std::string text = FamilyOfFont(font).charset == LegacyCharset::kNone ? std::string(raw)
                                                                        : FromSymbolArea(raw);
  if (!HasNonAscii(text)) {
    if (state.sample.size() < kSampleBytes) state.sample.append(text);
    return;
  }
  bool narrow = Windows1252Bytes(text).has_value();
  ++(narrow ? state.narrow_runs : state.unicode_runs);
  // Runs holding characters beyond Windows-1252 are Unicode whatever their font says; they are
  // not evidence about the font's encoding.
  if (state.sample.size() < kSampleBytes && narrow) state.sample.append(text);
}

void LegacyFontDecoder::EndParagraph() {
  for (auto& [font, state] : fonts_) {
    if (!state.sample.empty() && state.sample.back() != '\n') state.sample += '\n';
  }
}

void LegacyFontDecoder::Decide() {
  for (auto& [font, state] : fonts_) {
    FontFamily family = FamilyOfFont(font);
    std::optional<std::pair<std::string, std::string>> repair;
    if (HasNonAscii(state.sample)) repair = RepairMojibake(state.sample);
    LegacyCharset by_content = repair ? CharsetOfRepair(repair->second) : LegacyCharset::kNone;
    state.capitals = family.capitals;
    if (family.charset != LegacyCharset::kNone && state.unicode_runs > state.narrow_runs) {
      state.decided = LegacyCharset::kNone;  // converted to Unicode, old font name kept
    } else if (family.charset == LegacyCharset::kNone) {
      state.decided = by_content;
      state.by_content = by_content != LegacyCharset::kNone;
    } else if (by_content != LegacyCharset::kNone && by_content != family.charset) {
      state.decided = by_content;  // the name says one encoding, the text clearly reads as the other
      state.by_content = true;
      if (by_content == LegacyCharset::kVni) state.capitals = false;
    } else {
      state.decided = family.charset;
    }
    state.sample.clear();
    state.sample.shrink_to_fit();
  }
}

void LegacyFontDecoder::Force(LegacyCharset charset) {
  for (auto& [font, state] : fonts_) {
    state.decided = charset;
    state.capitals = charset == LegacyCharset::kTcvn3 && FamilyOfFont(font).capitals;
    state.by_content = false;
    state.sample.clear();
  }
}

std::string LegacyFontDecoder::Decode(const std::string& font, std::string_view raw) const {
  auto it = fonts_.find(font);
  if (it == fonts_.end() || it->second.decided == LegacyCharset::kNone) return std::string(raw);
  const FontState& state = it->second;
  std::string text = FamilyOfFont(font).charset == LegacyCharset::kNone ? std::string(raw)
                                                                        : FromSymbolArea(raw);
  if (!Windows1252Bytes(text)) return std::string(raw);
  const char* encoding = state.decided == LegacyCharset::kTcvn3 ? kTcvn3Mojibake : kVniMojibake;
  Result<std::string> decoded = ConvertToUtf8(text, encoding, font);
  if (!decoded.ok()) return std::string(raw);  // a byte the encoding leaves undefined
  if (HasNonAscii(text) || state.capitals) state.used = true;
  return state.capitals ? ToUpper(*decoded) : *decoded;
}

bool LegacyFontDecoder::HasLegacyFonts() const {
  return std::any_of(fonts_.begin(), fonts_.end(),
                     [](const auto& f) { return f.second.decided != LegacyCharset::kNone; });
}

std::string LegacyFontDecoder::Note() const {
  std::string note;
  for (LegacyCharset charset : {LegacyCharset::kTcvn3, LegacyCharset::kVni}) {
    std::vector<std::string> names;
    for (const auto& [font, state] : fonts_) {
      if (!state.used || state.decided != charset) continue;
      std::string name = font.empty() ? "(no font name)" : font;
      if (state.by_content) name += " by content";
      names.push_back(name);
    }
    if (names.empty()) continue;
    if (!note.empty()) note += "; ";
    note += std::string(CharsetName(charset)) + " runs (font ";
    for (size_t i = 0; i < names.size(); ++i) note += (i ? ", " : "") + names[i];
    note += ")";
  }
  return note;
}

}  // namespace plangraph
