// ImportFiles (plangraph/import.h): files in, documents stored, one outcome per file.
//
// A file's import has a part that needs no database (read the bytes, hash them, extract) and a
// part that does (compare with what is stored, then store, relocate or leave it). The first part
// runs on `jobs` worker threads (FilePreparer), ahead of the writer; the second runs for
// each file in its turn, in list order, on the caller's thread, so the outcomes and the database
// do not depend on how the first part was scheduled. The writer groups its writes in batches
// (Store::WriteBatch); when a batch is lost (a full disk, an I/O error) its files are stored
// again one transaction each, which is what a single transaction per file would have given.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "plangraph/import.h"
#include "reader.h"
#include "text.h"

namespace plangraph {
namespace {

namespace fs = std::filesystem;
using Outcome = ImportedFile::Outcome;

// A file read and hashed, and perhaps extracted: the part of its import that needs no database.
struct ReadFile {
  std::string path;         // as listed
  std::string stored_path;  // StoredPath(path)
  Result<std::string> bytes = Status::Internal("not read");
  std::string hash;  // Store::ContentHash of bytes, when read
  // Made ahead by a worker, or by the writer when it needs it; kept until the file's batch is
  // committed, in case the batch has to be stored again.
  std::optional<Result<Extraction>> extraction;
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

// The part of a file's import that needs the database. The file is extracted (unless a worker
// did it) only when its content has to be: not when it is unchanged, moved or a duplicate.
ImportedFile StoreFile(const Extractor& extractor, Store& store, ReadFile& f,
                       const ImportOptions& options) {
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
  if (!f.extraction) f.extraction = extractor.ExtractBytes(f.path, *f.bytes, options.read);
  const Result<Extraction>& extraction = *f.extraction;
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

// Reads, hashes and extracts the listed files on `jobs` threads, at most kAhead files ahead of
// the writer, which takes them in order. A worker asks the database (its own read-only
// connection) whether the content is stored already; if so the writer will most likely find it
// unchanged, moved or a duplicate and the extraction is skipped (should the writer need it after
// all, because an earlier file of this import changed the picture, it extracts the file itself).
class FilePreparer {
 public:
  static constexpr size_t kAhead = 64;
  // Prepared files waiting for the writer hold at most about this many bytes of input (their
  // extractions take a few times more): a run of large files must not pile up in memory.
  static constexpr size_t kAheadBytes = size_t{64} << 20;

  FilePreparer(const Extractor& extractor, const std::string& db_path,
               const std::vector<std::string>& files, const ImportOptions& options, int jobs)
      : extractor_(extractor), db_path_(db_path), files_(files), options_(options),
        slots_(files.size()) {
    // More threads than files, or than files let ahead, would only wait.
    const size_t threads = std::min({static_cast<size_t>(std::max(1, jobs)), files.size(), kAhead});
    for (size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
  }
  ~FilePreparer() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    space_.notify_all();
    for (std::thread& t : workers_) t.join();
  }
  FilePreparer(const FilePreparer&) = delete;
  FilePreparer& operator=(const FilePreparer&) = delete;

  // File i once prepared, or nullopt when `until` comes first. Files are taken in order, once.
  std::optional<ReadFile> Take(size_t i, std::chrono::steady_clock::time_point until) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!ready_.wait_until(lock, until, [&] { return slots_[i].has_value(); })) {
      return std::nullopt;
    }
    std::optional<ReadFile> out = std::move(slots_[i]);
    slots_[i].reset();
    held_bytes_ -= SizeOf(*out);
    taken_ = i + 1;
    lock.unlock();
    space_.notify_all();
    return out;
  }

 private:
  void Work() {
    std::optional<Store> known;  // this thread's read-only connection
    if (auto s = Store::OpenReadOnly(db_path_); s.ok()) known.emplace(std::move(*s));
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        // The file the writer waits for is always started; the others wait for room.
        space_.wait(lock, [&] {
          return stop_ || next_ >= files_.size() || next_ == taken_ ||
                 (next_ < taken_ + kAhead && held_bytes_ < kAheadBytes);
        });
        if (stop_ || next_ >= files_.size()) return;
        i = next_++;
      }
      ReadFile f = ReadAndHash(files_[i]);
      if (f.bytes.ok() && !(known && StoredAlready(*known, f))) {
        f.extraction = extractor_.ExtractBytes(f.path, *f.bytes, options_.read);
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        held_bytes_ += SizeOf(f);
        slots_[i] = std::move(f);
      }
      ready_.notify_all();
    }
  }

  static size_t SizeOf(const ReadFile& f) { return f.bytes.ok() ? f.bytes->size() : 0; }

  // Whether the content is stored under another path, or under this one and not to be replaced
  // (the writer then needs no extraction).
  bool StoredAlready(Store& known, const ReadFile& f) {
    auto same = known.DocumentsWithContent(f.hash);
    if (!same.ok() || same->empty()) return false;
    const bool here = std::any_of(same->begin(), same->end(), [&](const DocumentSummary& d) {
      return d.path == f.stored_path;
    });
    return !(here && options_.force);
  }

  const Extractor& extractor_;
  const std::string db_path_;
  const std::vector<std::string>& files_;
  const ImportOptions& options_;
  std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::vector<std::optional<ReadFile>> slots_;
  size_t next_ = 0;   // the next file a worker takes up
  size_t taken_ = 0;  // files the writer has taken
  size_t held_bytes_ = 0;  // input bytes of the prepared files not yet taken
  bool stop_ = false;
  std::vector<std::thread> workers_;
};

// The writer's side: stores prepared files in list order, in batches, and reports each file
// once what it did is committed.
class BatchWriter {
 public:
  static constexpr std::chrono::milliseconds kBatchTime{1000};

  BatchWriter(const Extractor& extractor, Store& store, const ImportOptions& options,
              size_t total, const std::function<void(ImportedFile)>& report,
              const std::function<int()>& kept)
      : extractor_(extractor), store_(store), options_(options), total_(total),
        report_(report), kept_(kept) {}

  // When the open batch must be committed (far in the future when none is open).
  std::chrono::steady_clock::time_point Deadline() const {
    return batch_ ? opened_ + kBatchTime : std::chrono::steady_clock::time_point::max();
  }

  // Stores file i in the open batch (opening one first). False when the import must stop.
  bool Add(size_t i, ReadFile f) {
    if (!batch_) {
      auto batch = store_.BeginWriteBatch();
      if (!batch.ok()) return Stop(i, Failed(f.path, batch.status()));
      batch_.emplace(std::move(*batch));
      opened_ = std::chrono::steady_clock::now();
    }
    ImportedFile done = StoreFile(extractor_, store_, f, options_);
    const bool lost = done.outcome == ImportedFile::Outcome::kFailed &&
                      (StopsTheImport(done.error) || !batch_->open());
    pending_.push_back({i, std::move(f), std::move(done)});
    if (lost) return Redo();
    if (pending_.size() >= static_cast<size_t>(std::max(1, options_.batch)) ||
        std::chrono::steady_clock::now() >= Deadline()) {
      return Commit();
    }
    return true;
  }

  // Commits the open batch and reports its files. False when the import must stop.
  bool Commit() {
    if (!batch_) return true;
    Status committed = batch_->Commit();
    batch_.reset();
    if (!committed.ok()) return Redo();
    for (Pending& p : pending_) Report(p.index, std::move(p.outcome));
    pending_.clear();
    return true;
  }

 private:
  struct Pending {
    size_t index;
    ReadFile file;
    ImportedFile outcome;
  };

  void Report(size_t i, ImportedFile f) {
    f.index = i;
    f.total = total_;
    report_(std::move(f));
  }

  // The file that met a full disk or a lock: the next files would meet it too.
  bool Stop(size_t i, ImportedFile failed) {
    const std::string shown = EscapeIllFormedUtf8(failed.path);
    failed.error = Status::IOError(failed.error.message() + " while importing " + shown +
                                   "; import stopped: " + std::to_string(kept_()) +
                                   " document(s) stored before it are kept, " + shown +
                                   " and the " + std::to_string(total_ - i - 1) +
                                   " file(s) after it were not imported");
    Report(i, std::move(failed));
    return false;
  }

  // The batch is lost (rolled back by its failure or by SQLite): its files are stored again one
  // transaction each, reported as each is committed, up to a file that stops the import.
  bool Redo() {
    batch_.reset();  // rolls back what is left of it
    std::vector<Pending> pending = std::move(pending_);
    pending_.clear();
    for (Pending& p : pending) {
      ImportedFile done = StoreFile(extractor_, store_, p.file, options_);
      if (done.outcome == ImportedFile::Outcome::kFailed && StopsTheImport(done.error)) {
        return Stop(p.index, std::move(done));
      }
      Report(p.index, std::move(done));
    }
    return true;
  }

  const Extractor& extractor_;
  Store& store_;
  const ImportOptions& options_;
  const size_t total_;
  const std::function<void(ImportedFile)>& report_;
  const std::function<int()>& kept_;
  std::optional<Store::WriteBatch> batch_;
  std::chrono::steady_clock::time_point opened_;
  std::vector<Pending> pending_;
};

int JobsToUse(int jobs) {
  if (jobs > 0) return jobs;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
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
  const std::function<void(ImportedFile)> report_file = report;
  const std::function<int()> kept = [&] {
    return summary.imported + summary.replaced + summary.moved;
  };
  const int jobs = JobsToUse(options.jobs);
  BatchWriter writer(extractor, store, options, files.size(), report_file, kept);
  // Even with one job the extraction runs beside the writer, never inside its transaction: a
  // slow file (OCR) must not hold the write lock, which other writers wait for 10 s at most.
  std::optional<FilePreparer> preparer;
  if (!files.empty()) preparer.emplace(extractor, store.path(), files, options, jobs);
  bool going = true;
  for (size_t i = 0; going && i < files.size(); ++i) {
    std::optional<ReadFile> f;
    // While the next file is being read, the open batch is committed when its time is up.
    while (going && !(f = preparer->Take(i, writer.Deadline()))) going = writer.Commit();
    if (!going) break;
    going = writer.Add(i, std::move(*f));
  }
  if (going) going = writer.Commit();
  if (!going) summary.stopped = true;
  preparer.reset();
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
