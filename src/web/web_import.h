// Imports through the web application (plangraph serve --allow-import): uploaded files, or zips
// of a folder, are written under a temporary folder of the server (never anywhere a client
// names), each to uploads/<content hash>/<file name without any folder part>, then imported
// one transaction each like `plangraph import` does. A zip that is a Word .docx is a document;
// any other zip is unpacked (at most kMaxZipEntries files and kMaxUnpackedBytes in all).
#ifndef PLANGRAPH_WEB_IMPORT_H_
#define PLANGRAPH_WEB_IMPORT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "plangraph/pipeline.h"
#include "plangraph/store.h"

namespace plangraph::web {

constexpr size_t kMaxZipEntries = 2000;
constexpr uint64_t kMaxUnpackedBytes = uint64_t{512} << 20;

struct Upload {
  std::string filename;  // as the browser sent it; only its last path component is used
  std::string content;
};

struct ImportItem {
  std::string name;     // the uploaded name (or "archive.zip/folder/file.txt")
  std::string outcome;  // "imported", "replaced", "unchanged", "failed"
  std::string error;    // why it failed
  int64_t document_id = 0;
};

// Writes and imports `uploads` into the database at `db_path` (opened for writing here).
// `work_dir` is the server's temporary folder.
std::vector<ImportItem> ImportUploads(const Extractor& extractor, const std::string& db_path,
                                      const std::string& work_dir,
                                      const std::vector<Upload>& uploads);

}  // namespace plangraph::web

#endif  // PLANGRAPH_WEB_IMPORT_H_
