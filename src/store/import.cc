// ImportFiles (plangraph/import.h): files in, documents stored, one outcome per file.
//
// A file's import has a part that needs no database (read the bytes, hash them, extract) and a
// part that does (compare with what is stored, then store, relocate or leave it). The second
// part runs for each file in its turn, in list order, so the outcomes and the database do not
// depend on how the first part is scheduled.
#include <algorithm>
#include <filesystem>
#include <optional>

#include "plangraph/import.h"
#include "reader.h"
#include "text.h"

namespace plangraph {
namespace {

namespace fs = std::filesystem;
using Outcome = ImportedFile::Outcome;

// A file read and hashed: the part of its import that needs no database.
struct ReadFile {
  std::string path;         // as listed
  std::string stored_path;  // StoredPath(path)
  Result<std::string> bytes = Status::Internal("not read");
  std::string hash;  // Store::ContentHash of bytes, when read
};

ReadFile ReadAndHash(const std::string& path) {
  ReadFile f;
  f.path = path;
  f.stored_path = StoredPath(path);
  f.bytes = ReadFileBytes(path);  // regular files only, within the size limit
  if (f.bytes.ok()) f.hash = Store::ContentHash(*f.bytes);
  return f;
}

// A plan has at least one of the marks of Vietnamese administrative writing: a header (type or
// số), numbered sections, citations of other documents, tasks. A README, a log or a letter in
// another language has none and is not imported unless asked (accept_any).
bool LooksLikePlan(const Extraction& e) {
  return !e.document.type.empty() || !e.document.symbol.empty() || !e.sections.empty() ||
         !e.citations.empty() || !e.tasks.empty();
}

ImportedFile Failed(const std::string& path, Status error) {
  ImportedFile out;
  out.outcome = Outcome::kFailed;
  out.path = path;
  out.error = std::move(error);
  return out;
}

// A file not stored under its path whose bytes are stored under another: "moved" when that path
// is gone (the document takes the new path), "duplicate" when it is still there (a copy or a
// hard link: one document, not two). nullopt when the content is new.
Result<std::optional<ImportedFile>> SameContentElsewhere(Store& store, const ReadFile& f) {
  auto same = store.DocumentsWithContent(f.hash);
  if (!same.ok()) return same.status();
  for (const DocumentSummary& d : *same) {
    std::error_code ec;
    if (fs::exists(d.path, ec)) continue;
    if (Status s = store.Relocate(d.id, f.stored_path); !s.ok()) return s;
    ImportedFile moved;
    moved.outcome = Outcome::kMoved;
    moved.path = f.path;
    return std::optional<ImportedFile>(std::move(moved));
  }
  if (same->empty()) return std::optional<ImportedFile>();
  ImportedFile duplicate;
  duplicate.outcome = Outcome::kDuplicate;
  duplicate.path = f.path;
  duplicate.duplicate_of = same->front().path;
  return std::optional<ImportedFile>(std::move(duplicate));
}

// The part of a file's import that needs the database. `extract` is called only when the
// content has to be extracted (not when it is unchanged, moved or a duplicate).
ImportedFile StoreFile(Store& store, const ReadFile& f, const ImportOptions& options,
                       const std::function<Result<Extraction>()>& extract) {
  if (!f.bytes.ok()) return Failed(f.path, f.bytes.status());
  // Unchanged content is recognised before the (costlier) extraction.
  auto known = store.DocumentByRef(f.stored_path);
  const bool stored_here = known.ok() && known->path == f.stored_path;
  if (!options.force && stored_here && known->content_hash == f.hash) {
    ImportedFile unchanged;
    unchanged.outcome = Outcome::kUnchanged;
    unchanged.path = f.path;
    return unchanged;
  }
  if (!stored_here) {
    auto same = SameContentElsewhere(store, f);
    if (!same.ok()) return Failed(f.path, same.status());
    if (same->has_value()) return std::move(**same);
  }
  Result<Extraction> extraction = extract();
  if (!extraction.ok()) return Failed(f.path, extraction.status());
  if (!options.accept_any && !LooksLikePlan(*extraction)) {
    return Failed(f.path, Status::InvalidInput(
                              f.path + ": not a plan document (no header, số, sections, "
                                       "citations or tasks); --accept-any imports it anyway"));
  }
  auto outcome = store.Import(*extraction, f.stored_path, f.hash,
                              static_cast<int64_t>(f.bytes->size()), options.force);
  if (!outcome.ok()) return Failed(f.path, outcome.status());
  ImportedFile out;
  out.path = f.path;
  switch (outcome->kind) {
    case ImportOutcome::kImported: out.outcome = Outcome::kImported; break;
    case ImportOutcome::kUnchanged: out.outcome = Outcome::kUnchanged; break;
    case ImportOutcome::kReplaced: out.outcome = Outcome::kReplaced; break;
  }
  return out;
}

// A full disk or a database locked past the busy timeout: every later file would fail alike.
bool StopsTheImport(const Status& s) {
  return s.kind() == Status::Kind::kIOError &&
         (s.message().find("database or disk is full") != std::string::npos ||
          s.message().find("database is locked") != std::string::npos);
}

// The files of `inputs` to import: the database's own files (and journals) are left out, should
// they lie in a folder being imported.
InputFiles FilesToImport(const std::vector<std::string>& inputs, const std::string& db) {
  const std::string db_path = StoredPath(db);
  InputFiles found = ExpandInputs(inputs);
  std::vector<std::string> files;
  for (std::string& f : found.files) {
    const std::string p = StoredPath(f);
    if (p != db_path && p != db_path + "-wal" && p != db_path + "-shm" &&
        p != db_path + "-journal") {
      files.push_back(std::move(f));
    }
  }
  found.files = std::move(files);
  return found;
}

// prune: documents stored under one of the folders named whose file is gone.
std::vector<DocumentSummary> GoneUnder(const std::vector<DocumentSummary>& docs,
                                       const std::vector<std::string>& inputs) {
  std::vector<std::string> folders;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) folders.push_back(StoredPath(in) + "/");
  }
  std::vector<DocumentSummary> gone;
  for (const DocumentSummary& d : docs) {
    const bool under = std::any_of(folders.begin(), folders.end(), [&](const std::string& f) {
      return d.path.compare(0, f.size(), f) == 0;
    });
    std::error_code ec;
    if (under && !fs::exists(d.path, ec) && !ec) gone.push_back(d);
  }
  return gone;
}

void Count(const ImportedFile& f, ImportSummary* summary) {
  switch (f.outcome) {
    case Outcome::kImported: ++summary->imported; break;
    case Outcome::kReplaced: ++summary->replaced; break;
    case Outcome::kUnchanged: ++summary->unchanged; break;
    case Outcome::kMoved: ++summary->moved; break;
    case Outcome::kDuplicate: ++summary->duplicates; break;
    case Outcome::kPruned: ++summary->pruned; break;
    case Outcome::kFailed:
      ++summary->failed;
      if (f.error.kind() == Status::Kind::kUnreadable) ++summary->unreadable;
      break;
  }
}

}  // namespace

std::string StoredPath(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? path : p.string();
}

std::string OutcomeText(const ImportedFile& file) {
  switch (file.outcome) {
    case Outcome::kImported: return "imported";
    case Outcome::kReplaced: return "replaced";
    case Outcome::kUnchanged: return "unchanged";
    case Outcome::kMoved: return "moved";
    case Outcome::kDuplicate: return "duplicate of " + file.duplicate_of;
    case Outcome::kFailed: return "failed";
    case Outcome::kPruned: return "pruned";
  }
  return "failed";
}

Result<ImportSummary> ImportFiles(const Extractor& extractor, Store& store,
                                  const std::vector<std::string>& inputs,
                                  const ImportOptions& options, const ImportCallback& on_file) {
  const InputFiles found = FilesToImport(inputs, store.path());
  const std::vector<std::string>& files = found.files;
  ImportSummary summary;
  summary.files = files.size();
  auto report = [&](ImportedFile f) {
    Count(f, &summary);
    if (on_file) on_file(f);
  };
  for (const std::string& error : found.errors) {  // a folder not walked in full
    report(Failed("", Status::InvalidInput(error)));
  }
  for (size_t i = 0; i < files.size(); ++i) {
    const ReadFile f = ReadAndHash(files[i]);
    ImportedFile done = StoreFile(store, f, options, [&] {
      return extractor.ExtractBytes(f.path, *f.bytes, options.read);
    });
    done.index = i;
    done.total = files.size();
    if (done.outcome == Outcome::kFailed && StopsTheImport(done.error)) {
      // The next files would meet the same full disk or lock: stop with one message.
      const int kept = summary.imported + summary.replaced + summary.moved;
      const std::string shown = EscapeIllFormedUtf8(files[i]);
      done.error = Status::IOError(done.error.message() + " while importing " + shown +
                                   "; import stopped: " + std::to_string(kept) +
                                   " document(s) stored before it are kept, " + shown +
                                   " and the " + std::to_string(files.size() - i - 1) +
                                   " file(s) after it were not imported");
      summary.stopped = true;
      report(std::move(done));
      break;
    }
    report(std::move(done));
  }
  if (options.prune) {
    auto docs = store.Documents();
    if (!docs.ok()) return docs.status();
    for (const DocumentSummary& d : GoneUnder(*docs, inputs)) {
      ImportedFile pruned;
      pruned.outcome = Outcome::kPruned;
      pruned.path = d.path;
      if (Status s = store.Remove(d.id); !s.ok()) pruned = Failed(d.path, s);
      report(std::move(pruned));
    }
  }
  return summary;
}

}  // namespace plangraph
