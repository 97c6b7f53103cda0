// Word 97-2003 (.doc) reader: the text of a binary Word file with its paragraph breaks, through
// antiword (Debian package "antiword"), run as an external program on a temporary copy. Without
// antiword installed, a .doc file is a clear error saying what to install.
#ifndef PLANGRAPH_DOC_READER_H_
#define PLANGRAPH_DOC_READER_H_

#include <string>
#include <string_view>

#include "plangraph/status.h"

namespace plangraph {

// An OLE2 compound file (Word 97-2003, also encrypted Office files): magic D0 CF 11 E0.
bool LooksLikeOle2(std::string_view bytes);

// UTF-8 text of a .doc file. InvalidInput names `source`: an encrypted Office file, a compound
// file without a Word document, antiword missing or failing.
Result<std::string> DocToText(const std::string& source, std::string_view bytes);

}  // namespace plangraph

#endif  // PLANGRAPH_DOC_READER_H_
