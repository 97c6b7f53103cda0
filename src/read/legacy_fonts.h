// Legacy Vietnamese fonts in Word files: text typed in TCVN3 (ABC) or VNI fonts before Unicode.
//
// Word 97-2003 files of the 1990s-2000s (and .docx files saved from them) store such text as
// Windows-1252 characters in runs whose font draws those codes as Vietnamese letters: TCVN3 bytes
// under ".VnTime", ".VnArial"… (and capitals typed on the lowercase codes under the "H" fonts,
// ".VnTimeH", ".VnArialH"), VNI bytes under "VNI-Times", "VNI-Helve"… Read as Unicode, they are
// mojibake ("Sè: 256 /2004/Q§-UB"). The font names which runs to decode; where it is unknown or
// wrong, the run's content decides.
//
// Usage, over one document: Observe() every run (font name + text) and EndParagraph() after
// each paragraph; Decide() once; then Decode() each run with its font. Note() tells what was done,
// for the document's encoding field. Not thread-safe; one object per document.
#ifndef PLANGRAPH_LEGACY_FONTS_H_
#define PLANGRAPH_LEGACY_FONTS_H_

#include <map>
#include <string>
#include <string_view>

namespace plangraph {

enum class LegacyCharset { kNone, kTcvn3, kVni };

struct FontFamily {
  LegacyCharset charset = LegacyCharset::kNone;
  bool capitals = false;  // a TCVN3 "H" font: every letter is drawn as a capital
};

// The family of a font name, from the table in legacy_fonts.cc (kNone for Unicode and unknown
// fonts). Case and surrounding spaces do not matter.
FontFamily FamilyOfFont(std::string_view font);

class LegacyFontDecoder {
 public:
  // Pass 1: the text of a run (UTF-8, as stored in the file) in font `font` ("" = none known).
  void Observe(const std::string& font, std::string_view text);
  void EndParagraph();
  // Chooses, for each font seen, how its runs are read: as the font's family says, unless its
  // text reads clearly better in the other legacy encoding, or most of its runs are Unicode
  // already (a file converted to Unicode that kept its old font names); a font of no known
  // family is decoded only when its text reads clearly as TCVN3 or VNI mojibake.
  void Decide();
  // Instead of Decide(): every font's runs are read in `charset` (the user named the encoding);
  // "H" fonts still give capitals, and runs beyond Windows-1252 stay Unicode.
  void Force(LegacyCharset charset);

  // Pass 2: the text of a run in `font`, decoded (capitals restored for an "H" font). Text with
  // characters outside Windows-1252 is Unicode already and is returned unchanged.
  std::string Decode(const std::string& font, std::string_view text) const;

  // "" when nothing was decoded, else e.g. "TCVN3 runs (font .VnTime, .VnTimeH)" or
  // "TCVN3 runs (font .VnTime); VNI runs (font VNI-Times)"; a font decoded by content only is
  // marked "by content".
  std::string Note() const;
  // After Decide(): whether some font is read as TCVN3 or VNI (else Decode changes nothing).
  bool HasLegacyFonts() const;

 private:
  struct FontState {
    std::string sample;  // the font's text, paragraphs on lines, at most kSampleBytes
    LegacyCharset decided = LegacyCharset::kNone;
    bool capitals = false;
    bool by_content = false;  // decided against (or without) the font's name
    mutable bool used = false;  // some run was decoded
    // Runs with letters beyond ASCII: holding characters beyond Windows-1252 (Unicode text),
    // or not (legacy bytes, or Unicode that happens to fit).
    size_t unicode_runs = 0, narrow_runs = 0;
  };
  std::map<std::string, FontState> fonts_;
};

}  // namespace plangraph

#endif  // PLANGRAPH_LEGACY_FONTS_H_
