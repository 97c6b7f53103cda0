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

#include "plangraph/status.h"

namespace plangraph {

struct DocxOptions {
  // Total bytes the parts read from the archive may expand to (declared and actual).
  uint64_t max_expanded_bytes = 200ull * 1024 * 1024;
  // Largest expanded/compressed size ratio accepted for a member of more than 1 MiB; XML
  // compresses 10-50 times, deflate bombs about 1000 times.
  double max_compression_ratio = 200.0;
};

// True for a zip archive (local header magic) that names a word/document.xml member: the content
// test for the .docx format. Damaged archives still qualify, so that reading them reports why.
bool LooksLikeDocx(std::string_view bytes);

// The text of a .docx document, UTF-8 (not normalised: the caller applies NFC), LF line ends.
// InvalidInput messages start with `source`:
//   "x.docx: not a Word document (no word/document.xml)"
//   "x.docx: not a Word document (not a zip archive)"
//   "x.docx: truncated or damaged zip archive"
//   "x.docx: refused: expands to more than 200 MB"
//   "x.docx: encrypted or legacy Word file"   (an OLE2 compound file, or an encrypted member)
Result<std::string> DocxToText(const std::string& source, std::string_view bytes,
                               const DocxOptions& options = {});

}  // namespace plangraph

#endif  // PLANGRAPH_DOCX_READER_H_
