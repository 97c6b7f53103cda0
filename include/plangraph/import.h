// Importing plan files into a Store: what `plangraph import` and the benchmark share, so both
// store the same documents under the same paths.
//
//   auto extractor = plangraph::Extractor::Create(plangraph::DefaultRulesDir());
//   auto store = plangraph::Store::Open("plans.db");
//   plangraph::ImportOptions options;
//   auto summary = plangraph::ImportFiles(*extractor, *store, {"plans/"}, options,
//       [](const plangraph::ImportedFile& f) { std::cout << OutcomeText(f) << ": " << f.path; });
//
// For each file, in the order ExpandInputs lists them: read its bytes, hash them, and compare
// with what is stored under its StoredPath. Unchanged content is left as it is (before any
// extraction); content stored under another path is "moved" there when that path is gone, else
// a "duplicate" (one document, not two); anything else is extracted and stored, replacing the
// old version of the path. A file that does not look like a plan (no header, số, sections,
// citations or tasks) is refused unless accept_any. A file that fails is reported and the import
// goes on, except on a full disk or a database locked past its busy timeout: every later file
// would fail alike, so the import stops there with one message saying what was kept.
//
// Files are stored in batches (a transaction per `batch` documents or per second, whichever
// comes first): every document is stored whole or not at all, even when the process is killed,
// and a file is reported (on_file) only once its batch is committed. `jobs` worker threads
// read, hash and extract the files ahead of the writer, never inside its transaction (the
// Extractor is shared: it is immutable and its RE2 rules are safe to match from several
// threads); the writer takes them in the listed order, so the outcome of each file, and every id
// in the database, is the one a single job gives. on_file is called on the calling thread.
#ifndef PLANGRAPH_IMPORT_H_
#define PLANGRAPH_IMPORT_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "plangraph/pipeline.h"
#include "plangraph/status.h"
#include "plangraph/store.h"

namespace plangraph {

// The path a document is stored under: absolute and normalised (links in its folders resolved),
// so the same file imported from another working directory is the same document. A path that
// cannot be normalised is returned as given.
std::string StoredPath(const std::string& path);

// The files to read for paths a user named.
struct InputFiles {
  std::vector<std::string> files;   // in order; each to be read (and reported) on its own
  std::vector<std::string> errors;  // folders that could not be walked in full, one message each
};

// Files named are listed as given; folders are walked recursively (sorted; links to folders
// not followed, so a link loop cannot trap the walk). Every non-folder entry of a folder is
// listed, so a FIFO or a broken link is reported by the reader rather than skipped in silence.
// A file reached twice (through a link, or named twice) is listed once, at its first name.
InputFiles ExpandInputs(const std::vector<std::string>& inputs);

struct ImportOptions {
  bool force = false;       // re-extract and replace unchanged files too (after a rules change)
  bool prune = false;       // remove stored plans whose files are gone from the folders named
  bool accept_any = false;  // store files that show no sign of a plan document too
  ReadOptions read;         // encoding override and OCR mode
  // Threads that read and extract files; 0: one per core. One writer (the calling thread)
  // stores them, in the listed order, so the database and the outcomes are the same whatever
  // the number.
  int jobs = 1;
  // Documents stored in one transaction at most (and no transaction is held open much past a
  // second). 1: each document committed on its own, seen by readers as soon as it is stored.
  int batch = 50;
};

// What became of one file (or, for kPruned, of one stored document).
struct ImportedFile {
  enum class Outcome { kImported, kReplaced, kUnchanged, kMoved, kDuplicate, kFailed, kPruned };
  Outcome outcome = Outcome::kImported;
  std::string path;          // as listed by ExpandInputs; as stored for kPruned; "" for a
                             // folder that could not be walked (error says which)
  std::string duplicate_of;  // kDuplicate: the stored path holding the same content
  Status error;              // kFailed: why, naming the file (Ok otherwise)
  size_t index = 0;          // position among the files listed (kFailed walk errors and
  size_t total = 0;          // kPruned: 0), and how many files were listed
};

// "imported", "replaced", "unchanged", "moved", "duplicate of PATH", "failed", "pruned".
std::string OutcomeText(const ImportedFile& file);

struct ImportSummary {
  size_t files = 0;  // files listed (the database's own files left out)
  int imported = 0, unchanged = 0, replaced = 0, moved = 0, duplicates = 0, pruned = 0;
  int failed = 0;      // files (and folders, and prunes) that failed
  int unreadable = 0;  // of the failed: read, but no usable text (broken font map, scan)
  bool stopped = false;  // a full disk or a lock stopped the import (the last failure says so)
};

// Called once per file, in the order the files are listed, after its outcome is final; then
// once per pruned document. May print; must not use `store`.
using ImportCallback = std::function<void(const ImportedFile&)>;

// Imports the files and folders `inputs` into `store` as described at the top. The database's
// own files (and its -wal, -shm and -journal), should they lie in a folder named, are never read.
// Returns the tally; an error only when the import could not go on at all (the stored documents
// could not be listed for --prune), after the files already imported.
Result<ImportSummary> ImportFiles(const Extractor& extractor, Store& store,
                                  const std::vector<std::string>& inputs,
                                  const ImportOptions& options, const ImportCallback& on_file);

}  // namespace plangraph

#endif  // PLANGRAPH_IMPORT_H_
