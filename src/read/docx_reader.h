// DOCX reader: a Word (.docx) plan to the plain text the pipeline reads.
//
// The output mirrors what a person sees in Word, written the way the corpus text files are:
//   - body paragraphs one per line, in document order; TAB stays TAB, a line break (w:br) is a
//     space, a page break starts a new line; deleted revisions, field codes and hidden runs are
//     dropped;
//   - Word's automatic numbering (word/numbering.xml, directly on the paragraph or through its
//     style) is turned back into the label Word draws: "II. TỔ CHỨC THỰC HIỆN", "1.1. …",
//     "a) …"; bullets become "- " ("+ " when the bullet glyph is "+");
//   - tables become markdown rows "| cell | cell |", one per w:tr, with an empty line before and
//     after; nested tables are flattened into their cell; a horizontally merged cell is followed
//     by empty cells so later cells stay under their column;
//   - footnotes then endnotes follow the body after an empty line, one per line, "[N] text",
//     numbered 1, 2, … in the order the body refers to them (endnotes continue the count); the
//     body itself carries no reference marks, which would glue onto document numbers;
//   - a header or signature laid out as a small table (a table before any text of the body, or
//     one whose first cell starts "Nơi nhận") gives each cell's paragraphs a line of their own,
//     not a markdown row, so that the number and the place and date beside it stay apart;
//   - text boxes (drawn headers, stamps) follow the paragraph that anchors them, one line per
//     paragraph;
//   - runs in legacy Vietnamese fonts (TCVN3 ".VnTime", ".VnTimeH"…, VNI "VNI-Times"…) are
//     decoded to Unicode by their font, or by their content where the font is unknown or wrong
//     (legacy_fonts.h);
//   - headers and footers (page furniture) are left out.
//
// The archive is untrusted: declared and actual expanded sizes are capped, and so is the
// compression ratio of large members (a zip bomb is refused before it is inflated). XML is
// parsed by pugixml, which expands no external or user-defined entities.
#ifndef PLANGRAPH_DOCX_READER_H_
#define PLANGRAPH_DOCX_READER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "legacy_fonts.h"
#include "plangraph/status.h"

namespace plangraph {

struct DocxOptions {
  // Total bytes the parts read from the archive may expand to (declared and actual).
  uint64_t max_expanded_bytes = 200ull * 1024 * 1024;
  // Largest expanded/compressed size ratio accepted for a member of more than 1 MiB; XML
  // compresses 10-50 times, deflate bombs about 1000 times.
  double max_compression_ratio = 200.0;
  // The legacy encoding every run not in Unicode is read in (TCVN3 or VNI-Windows, as the user
  // names it); empty: each run's font decides, or its content (legacy_fonts.h).
  LegacyCharset legacy_charset = LegacyCharset::kNone;
};

// True for a zip archive (local header magic) that names a word/document.xml member: the content
// test for the .docx format. Damaged archives still qualify, so that reading them reports why.
bool LooksLikeDocx(std::string_view bytes);

struct DocxText {
  std::string text;
  // What legacy fonts were decoded, e.g. "TCVN3 runs (font .VnTime, .VnTimeH)"; "" for none.
  std::string legacy_fonts;
};

// The text of a .docx document, UTF-8 (not normalised: the caller applies NFC), LF line ends.
// InvalidInput messages start with `source`:
//   "x.docx: not a Word document (no word/document.xml)"
//   "x.docx: not a Word document (not a zip archive)"
//   "x.docx: truncated or damaged zip archive"
//   "x.docx: refused: expands to more than 200 MB"
//   "x.docx: encrypted or legacy Word file"   (an OLE2 compound file, or an encrypted member)
Result<DocxText> ReadDocx(const std::string& source, std::string_view bytes,
                          const DocxOptions& options = {});

// ReadDocx's text alone.
Result<std::string> DocxToText(const std::string& source, std::string_view bytes,
                               const DocxOptions& options = {});

}  // namespace plangraph

#endif  // PLANGRAPH_DOCX_READER_H_
