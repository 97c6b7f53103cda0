#include "pdf_document.h"

#include <poppler-global.h>

#include <climits>

namespace plangraph {

Result<std::unique_ptr<poppler::document>> OpenPdfDocument(const std::string& source,
                                                           std::string_view bytes) {
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Status::InvalidInput(source + ": PDF too large");
  }
  // Set once: it writes poppler's global, and import --jobs opens PDFs on several threads.
  static const bool quiet = [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    return true;
  }();
  (void)quiet;
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return Status::InvalidInput(source + ": damaged or truncated PDF");
  if (doc->is_locked()) {
    return Status::InvalidInput(source + ": encrypted PDF (it needs a password to be read)");
  }
  return doc;
}

}  // namespace plangraph
