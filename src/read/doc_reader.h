// Word 97-2003 (.doc) and RTF reader: LibreOffice (Debian "libreoffice-writer-nogui") converts
// the file to .docx, which the .docx reader then reads, so a .doc keeps what a .docx keeps:
// tables cell by cell, Word's automatic numbering ("I.", "1."), footnotes, and the run fonts
// that tell legacy TCVN3/VNI text apart (docx_reader.h, legacy_fonts.h).
//
// LibreOffice runs as an external program ("soffice --headless --convert-to docx") on a
// temporary copy in a private directory, with a profile of its own there
// (-env:UserInstallation), so that conversions may run side by side and never touch a user's
// LibreOffice; it has a time limit, and the directory is removed afterwards. Without LibreOffice
// installed, a .doc or RTF file is a clear error saying what to install.
//
// (antiword, the former route, cut table cells to their first line, glued columns together and
// lost Word's numbering; see the comparison in the commit that made this change.)
#ifndef PLANGRAPH_DOC_READER_H_
#define PLANGRAPH_DOC_READER_H_

#include <string>
#include <string_view>

#include "docx_reader.h"
#include "plangraph/status.h"

namespace plangraph {

// An OLE2 compound file (Word 97-2003, also encrypted Office files): magic D0 CF 11 E0.
bool LooksLikeOle2(std::string_view bytes);

// Rich Text Format, by content ("{\rtf"), whatever the file is named (often ".doc").
bool LooksLikeRtf(std::string_view bytes);

// The text of a .doc file. InvalidInput names `source`: an encrypted Office file, a compound
// file without a Word document, a truncated file, LibreOffice missing, failing or too slow.
Result<DocxText> ReadDoc(const std::string& source, std::string_view bytes,
                         const DocxOptions& options = {});

// The text of an RTF file; errors as ReadDoc.
Result<DocxText> ReadRtf(const std::string& source, std::string_view bytes,
                         const DocxOptions& options = {});

// Seconds one conversion may take before it is stopped.
constexpr int kOfficeTimeLimitSeconds = 120;

}  // namespace plangraph

#endif  // PLANGRAPH_DOC_READER_H_
