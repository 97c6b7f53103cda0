// bench: how fast plangraph extracts, imports and answers queries, and whether its time grows
// linearly with hostile input.
//
//   bench [--reps N] [--scale X] [--corpus DIR] [--rules DIR] [--sizes N,N…] [--plangraph BIN]
//         [--jobs N,N…] [--import-reps N] [--plans-only]
//
// Built by default, never run by ctest. Two kinds of figures:
//  - in the library (no process start-up): extraction per corpus document, import and queries on
//    the corpus, and the scaling check on hostile input;
//  - whole processes of the plangraph binary, as a user runs it: `extract --format json` of the
//    corpus repeated to about 10 MB (CPU seconds of the one process, so MB/s on one core),
//    against a plain RE2 scan of the same files (read, split lines, one RE2::Set of 20 plan
//    patterns per line: the floor of any line-based extractor); then for each of --sizes a folder
//    of plans made by tools/gen_plans.py, imported into a fresh database with each --jobs value
//    (time, plans/s, MB/s, peak memory, database bytes per plan), queried (cites,
//    cites --transitive, search, audit --total, show) and exported in every format (time, peak
//    memory, output size), with the growth of each figure from one size to the next
//    (--plans-only: these alone).
// The machines it runs on are shared and noisy, so every figure is the median of --reps runs,
// and the scaling check reports the ratio t(2n)/t(n) of medians: about 2 for linear work, about
// 4 for quadratic. --scale multiplies the sizes of the generated hostile inputs.
#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <re2/re2.h>
#include <re2/set.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "plangraph/import.h"
#include "plangraph/pipeline.h"
#include "plangraph/store.h"
#include "reader.h"
#include "reference.h"
#include "rules.h"

namespace {

namespace fs = std::filesystem;
using plangraph::Extractor;

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

double Seconds(const std::function<void()>& f) {
  auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Median seconds of `reps` runs of f.
double MedianSeconds(int reps, const std::function<void()>& f) {
  std::vector<double> times;
  for (int i = 0; i < reps; ++i) times.push_back(Seconds(f));
  return Median(times);
}

// `s` padded with spaces to `width` characters (UTF-8: continuation bytes take no column).
std::string Padded(const std::string& s, size_t width) {
  size_t chars = std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; });
  return s + std::string(chars < width ? width - chars : 0, ' ');
}

long PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;  // KB on Linux
}

[[noreturn]] void Fail(const std::string& message) {
  std::cerr << "bench: " << message << "\n";
  std::exit(2);
}

struct Document {
  std::string path, bytes;
};

std::vector<Document> ReadCorpus(const std::string& dir) {
  std::vector<Document> docs;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    auto bytes = plangraph::ReadFileBytes(it->path().string());
    if (!bytes.ok()) Fail(bytes.status().message());
    docs.push_back({it->path().string(), std::move(*bytes)});
  }
  if (ec || docs.empty()) Fail(dir + ": no documents" + (ec ? " (" + ec.message() + ")" : ""));
  std::sort(docs.begin(), docs.end(), [](auto& a, auto& b) { return a.path < b.path; });
  return docs;
}

plangraph::Extraction MustExtract(const Extractor& extractor, const std::string& name,
                                  const std::string& bytes) {
  auto e = extractor.ExtractBytes(name, bytes);
  if (!e.ok()) Fail(e.status().message());
  return std::move(*e);
}

// --- corpus: extraction, import, queries ------------------------------------------------------

void BenchExtract(const Extractor& extractor, const std::vector<Document>& docs, int reps) {
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.bytes.size();
  std::vector<std::vector<double>> per_doc(docs.size());
  std::vector<double> totals;
  for (int r = 0; r < reps; ++r) {
    double total = 0;
    for (size_t i = 0; i < docs.size(); ++i) {
      double t = Seconds([&] { MustExtract(extractor, docs[i].path, docs[i].bytes); });
      per_doc[i].push_back(t);
      total += t;
    }
    totals.push_back(total);
  }
  double median = Median(totals);
  std::printf("extract: %zu corpus documents, %.2f MB: median %.1f ms in all, %.1f ms per "
              "document, %.2f MB/s\n",
              docs.size(), bytes / 1e6, median * 1e3, median * 1e3 / docs.size(),
              bytes / 1e6 / median);
  for (size_t i = 0; i < docs.size(); ++i) {
    std::printf("  %s %8zu bytes  %7.1f ms\n",
                Padded(fs::path(docs[i].path).filename().string(), 32).c_str(),
                docs[i].bytes.size(), Median(per_doc[i]) * 1e3);
  }
  std::printf("  peak RSS so far: %ld MB\n", PeakRssMb());
}

// Imports the corpus folder into a fresh database at `db` through the library's ImportFiles: the
// steps, and the stored paths, of `plangraph import`.
void ImportAll(const Extractor& extractor, const std::string& corpus, const std::string& db) {
  fs::remove(db);
  auto store = plangraph::Store::Open(db);
  if (!store.ok()) Fail(store.status().message());
  auto summary = plangraph::ImportFiles(extractor, *store, {corpus}, plangraph::ImportOptions{},
                                        [](const plangraph::ImportedFile& f) {
                                          if (!f.error.ok()) Fail(f.error.message());
                                        });
  if (!summary.ok()) Fail(summary.status().message());
}

void BenchImport(const Extractor& extractor, const std::vector<Document>& docs,
                 const std::string& corpus, int reps, const std::string& db) {
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.bytes.size();
  double median = MedianSeconds(reps, [&] { ImportAll(extractor, corpus, db); });
  std::printf("import: %zu documents into a fresh database: median %.1f ms, %.1f documents/s, "
              "%.2f MB/s\n",
              docs.size(), median * 1e3, docs.size() / median, bytes / 1e6 / median);
  std::printf("  peak RSS so far: %ld MB\n", PeakRssMb());
}

// Median latency of each query over `runs` runs, on the database the import left.
void BenchQueries(const Extractor& extractor, const std::string& db, int runs) {
  auto store = plangraph::Store::Open(db);
  if (!store.ok()) Fail(store.status().message());
  auto stats = store->Stats(3);
  if (!stats.ok()) Fail(stats.status().message());
  std::vector<std::string> refs;
  for (const auto& n : stats->top_cited) refs.push_back(n.symbol);
  refs.push_back("Nghị quyết 99");  // cites nothing imported
  for (const std::string& ref : refs) {
    auto query = plangraph::ParseReferenceQuery(extractor.rules().document_types, ref);
    if (!query.ok()) continue;
    size_t plans = 0;
    double t = MedianSeconds(runs, [&] {
      auto nodes = store->ResolveReference(*query);
      plans = 0;
      if (!nodes.ok()) return;
      for (const auto& n : *nodes) {
        auto citing = store->CitingPlans(n.node_id);
        if (citing.ok()) plans += citing->size();
      }
    });
    std::printf("cites  %s median %8.1f us (%zu plans)\n", Padded("'" + ref + "'", 22).c_str(),
                t * 1e6, plans);
  }
  for (const char* text : {"uy ban nhan dan", "tuyen truyen", "ke hoach thuc hien",
                           "chuyen doi so", "qwxz"}) {
    size_t hits = 0;
    double t = MedianSeconds(runs, [&] {
      auto found = store->Search(text, 20);
      hits = found.ok() ? found->size() : 0;
    });
    std::printf("search %s median %8.1f us (%zu hits)\n",
                Padded("'" + std::string(text) + "'", 22).c_str(), t * 1e6, hits);
  }
}

// --- scaling on hostile input ----------------------------------------------------------------

const char kHeader[] =
    "ỦY BAN NHÂN DÂN TỈNH\nSố: 12/KH-UBND\nHà Nội, ngày 1 tháng 2 năm 2024\nKẾ HOẠCH\n"
    "Thử nghiệm\nI. TỔ CHỨC THỰC HIỆN\n";

std::string Bullets(size_t n) {
  std::string s = kHeader;
  for (size_t i = 0; i < n; ++i) {
    s += "- Sở Tài chính chủ trì, phối hợp với Sở Y tế thực hiện việc " + std::to_string(i) +
         " trước ngày 15/12/2025.\n";
  }
  return s;
}

// Numbered headings climbing to 1,000 levels and starting again.
std::string DeepNumbering(size_t n) {
  std::string s = kHeader, label = "1";
  for (size_t i = 0; i < n; ++i) {
    if (i % 1000 == 0) label = "1";
    s += label + ". Mục " + std::to_string(i) + "\n";
    label += ".1";
  }
  return s;
}

std::string LongLine(size_t n) {
  std::string s = std::string(kHeader) + "- Triển khai ";
  for (size_t i = 0; i < n; ++i) s += "Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị ";
  return s + "\n";
}

// Many short names in one sentence, many limits and many figures in one item.
std::string Crowded(size_t n) {
  std::string s = std::string(kHeader) + "- Sở Tài chính, ";
  for (size_t i = 0; i < n; ++i) s += "a, phối hợp với Sở Y tế trước ngày 15/12/2025 đạt 50% số xã ";
  return s + "\n";
}

void BenchScaling(const Extractor& extractor, int reps, double scale) {
  struct Case {
    const char* name;
    std::string (*make)(size_t);
    size_t n;
  };
  const Case cases[] = {
      {"bullets", Bullets, 20'000},
      {"deep numbering", DeepNumbering, 2'000},
      {"long line of citations", LongLine, 20'000},
      {"crowded item", Crowded, 5'000},
  };
  std::printf("scaling: median of %d runs at n and 2n; t(2n)/t(n) is about 2 when linear\n", reps);
  for (const Case& c : cases) {
    size_t n = std::max<size_t>(1, static_cast<size_t>(c.n * scale));
    std::string small = c.make(n), big = c.make(2 * n);
    double t1 = MedianSeconds(reps, [&] { MustExtract(extractor, c.name, small); });
    double t2 = MedianSeconds(reps, [&] { MustExtract(extractor, c.name, big); });
    std::printf("  %-24s n=%-7zu %6.2f MB %8.1f ms | 2n %6.2f MB %8.1f ms | ratio %.2f\n", c.name,
                n, small.size() / 1e6, t1 * 1e3, big.size() / 1e6, t2 * 1e3, t2 / t1);
  }
  std::printf("  peak RSS so far: %ld MB\n", PeakRssMb());
}

// --- whole processes: extraction against a plain scan, import and queries at scale ----------

struct Run {
  double wall = 0, cpu = 0;  // seconds; cpu = user + system of the child
  long peak_kb = 0;          // its peak resident set (sampled every 2 ms)
};

// Runs `args` (args[0] a path) with stdout and stderr to /dev/null; fails the bench on a non-zero
// exit.
Run RunProcess(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid < 0) Fail("fork failed");
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  // The child's peak is read from /proc while it runs: ru_maxrss would report at least the
  // bench's own size, which a forked child inherits as its high-water mark across exec.
  int status = 0;
  rusage usage{};
  Run run;
  // Samples taken before the exec (the fork's copy of the bench) are told apart by the name.
  std::string status_file = "/proc/" + std::to_string(pid) + "/status";
  std::string name = "Name:\t" + fs::path(args[0]).filename().string().substr(0, 15);
  for (;;) {
    pid_t done = wait4(pid, &status, WNOHANG, &usage);
    if (done < 0) Fail("wait4 failed");
    if (done == pid) break;
    std::ifstream in(status_file);
    bool execed = false;
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("Name:", 0) == 0) execed = line == name;
      if (execed && line.rfind("VmHWM:", 0) == 0) {
        run.peak_kb = std::max(run.peak_kb, std::atol(line.c_str() + 6));
      }
    }
    usleep(2000);
  }
  run.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string line;
    for (const auto& a : args) line += a + " ";
    Fail("failed (status " + std::to_string(status) + "): " + line);
  }
  auto secs = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  run.cpu = secs(usage.ru_utime) + secs(usage.ru_stime);
  return run;
}

// Median wall and CPU times and the largest peak of `reps` runs.
Run MedianRun(int reps, const std::vector<std::string>& args) {
  std::vector<double> walls, cpus;
  Run out;
  for (int i = 0; i < reps; ++i) {
    Run r = RunProcess(args);
    walls.push_back(r.wall);
    cpus.push_back(r.cpu);
    out.peak_kb = std::max(out.peak_kb, r.peak_kb);
  }
  out.wall = Median(walls);
  out.cpu = Median(cpus);
  return out;
}

size_t FolderBytes(const fs::path& dir) {
  size_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) bytes += e.file_size();
  }
  return bytes;
}

// The floor any line-based extractor stands on: read each file, split it into lines and run one
// RE2::Set of typical plan patterns over every line. Returns the median CPU seconds.
double PlainScanSeconds(const fs::path& dir, int reps) {
  // Measurement only (not extraction rules): cue words of the kinds rules/*.tsv look for.
  static const char* kPatterns[] = {
      R"(Quyết định số)", R"(Kế hoạch số)", R"(Nghị quyết số)", R"(Chỉ thị số)",
      R"(\d+/\d{4}/[A-ZĐ-]+)", R"(\d+[-/][A-ZĐ]+[-/][A-ZĐ]+)", R"(ngày \d{1,2}/\d{1,2}/\d{4})",
      R"(ngày \d{1,2} tháng \d{1,2} năm \d{4})", R"([Qq]uý [IV]+)", R"(trước ngày)",
      R"(chủ trì)", R"(phối hợp)", R"(Ủy ban nhân dân)", R"(Sở [\pL ]+)", R"(\d+([.,]\d+)?\s*%)",
      R"(đến năm \d{4})", R"(^[IVX]+\. )", R"(^\d+(\.\d+)*\. )", R"(^[a-zđ]\) )",
      R"(thường xuyên|hằng năm|định kỳ)"};
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_case_sensitive(false);
  RE2::Set set(options, RE2::UNANCHORED);
  for (const char* p : kPatterns) {
    if (set.Add(p, nullptr) < 0) Fail(std::string("bad scan pattern ") + p);
  }
  if (!set.Compile()) Fail("scan set does not compile");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  std::vector<double> times;
  size_t hits = 0;
  for (int r = 0; r < reps; ++r) {
    std::clock_t start = std::clock();
    std::vector<int> matched;
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream buf;
      buf << in.rdbuf();
      std::string text = buf.str();
      size_t pos = 0;
      while (pos <= text.size()) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) nl = text.size();
        matched.clear();
        if (set.Match(re2::StringPiece(text.data() + pos, nl - pos), &matched)) {
          hits += matched.size();
        }
        pos = nl + 1;
      }
    }
    times.push_back(static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
  }
  if (hits == 0) Fail("the plain scan matched nothing");
  return Median(times);
}

// `plangraph extract --format json` of the corpus repeated to about 10 MB, one process.
void BenchWholeExtract(const std::string& plangraph, const std::vector<Document>& docs, int reps,
                       const fs::path& tmp) {
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.bytes.size();
  size_t copies = std::max<size_t>(1, (10'000'000 + bytes - 1) / bytes);
  fs::path dir = tmp / "repeated";
  fs::create_directories(dir);
  for (size_t c = 0; c < copies; ++c) {
    for (const auto& d : docs) {
      std::ofstream(dir / (std::to_string(c) + "-" + fs::path(d.path).filename().string()),
                    std::ios::binary)
          << d.bytes;
    }
  }
  double mb = FolderBytes(dir) / 1e6;
  Run run = MedianRun(reps, {plangraph, "extract", "--format", "json", dir.string()});
  double scan = PlainScanSeconds(dir, reps);
  std::printf("extract (whole process, JSON to /dev/null): %zu files, %.1f MB (corpus x %zu): "
              "median %.2f s CPU, %.2f s wall: %.1f MB/s on one core; peak %ld MB\n",
              docs.size() * copies, mb, copies, run.cpu, run.wall, mb / run.cpu,
              run.peak_kb / 1024);
  std::printf("  plain RE2 scan of the same files (20 patterns per line): %.3f s, %.0f MB/s; "
              "extraction is %.1f times slower\n",
              scan, mb / scan, run.cpu / scan);
  fs::remove_all(dir);
}

struct SizeFigures {
  size_t plans = 0;
  double import_s = 0;
  std::vector<std::pair<std::string, double>> queries;  // name, median wall seconds
  std::vector<std::pair<std::string, long>> export_peaks_kb;  // format, largest peak
};

// `plangraph export` of the whole database in each format, to a file (csv: --out DIR): time,
// peak memory and output size. The export streams from SQL cursors, so its peak should not grow
// with the number of plans.
void BenchExport(const std::string& plangraph, const std::string& db, int reps,
                 const fs::path& tmp, SizeFigures* figures) {
  for (const std::string format : {"json", "dot", "graphml", "csv"}) {
    const fs::path out = tmp / ("export." + format);
    std::vector<std::string> args = {plangraph, "export", "--db", db, "--format", format};
    if (format == "csv") {
      args.insert(args.end(), {"--out", out.string()});
    } else {
      args.insert(args.end(), {"-o", out.string()});
    }
    Run r = MedianRun(reps, args);
    const double mb = (fs::is_directory(out) ? FolderBytes(out) : fs::file_size(out)) / 1e6;
    std::printf("  %s median %7.1f ms wall, %7.1f ms CPU, peak %ld MB, output %.1f MB\n",
                Padded("export --format " + format, 28).c_str(), r.wall * 1e3, r.cpu * 1e3,
                r.peak_kb / 1024, mb);
    figures->export_peaks_kb.push_back({format, r.peak_kb});
    fs::remove_all(out);
  }
}

// Generates `n` plans, imports them into a fresh database with each number of `jobs`
// (`import_reps` times each: medians) and times the queries on the last database.
SizeFigures BenchPlans(const std::string& plangraph, const std::string& rules, size_t n, int reps,
                       const std::vector<int>& jobs, int import_reps, const fs::path& tmp) {
  fs::path dir = tmp / ("plans-" + std::to_string(n));
  std::string gen = std::string(PLANGRAPH_SOURCE_DIR) + "/tools/gen_plans.py";
  Run made = RunProcess({"/usr/bin/env", "python3", gen, dir.string(), "--count",
                         std::to_string(n), "--seed", "1"});
  double mb = FolderBytes(dir) / 1e6;
  fs::path db = tmp / ("plans-" + std::to_string(n) + ".db");
  std::printf("import %zu generated plans (%.1f MB, made in %.1f s), median of %d runs into a "
              "fresh database:\n",
              n, mb, made.wall, import_reps);
  Run imported;
  for (int j : jobs) {
    std::vector<double> walls, cpus;
    imported = Run{};
    for (int r = 0; r < import_reps; ++r) {
      for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
      Run one = RunProcess({plangraph, "import", "-q", "--jobs", std::to_string(j), "--db",
                            db.string(), dir.string()});
      walls.push_back(one.wall);
      cpus.push_back(one.cpu);
      imported.peak_kb = std::max(imported.peak_kb, one.peak_kb);
    }
    imported.wall = Median(walls);
    imported.cpu = Median(cpus);
    double db_bytes = static_cast<double>(fs::file_size(db));
    std::printf("  --jobs %d: %.1f s wall, %.1f s CPU, %.0f plans/s, %.2f MB/s; peak %ld MB; "
                "database %.1f MB, %.1f KB per plan\n",
                j, imported.wall, imported.cpu, n / imported.wall, mb / imported.wall,
                imported.peak_kb / 1024, db_bytes / 1e6, db_bytes / 1e3 / n);
  }

  // The most cited document for cites; plan 1 for show.
  auto store = plangraph::Store::Open(db.string());
  if (!store.ok()) Fail(store.status().message());
  auto stats = store->Stats(1);
  if (!stats.ok() || stats->top_cited.empty()) Fail("no cited document in " + db.string());
  std::string ref = stats->top_cited.front().symbol;
  SizeFigures out;
  out.plans = n;
  out.import_s = imported.wall;
  std::string dbs = db.string();
  const std::vector<std::pair<std::string, std::vector<std::string>>> queries = {
      {"cites '" + ref + "'", {plangraph, "cites", "--db", dbs, "--rules", rules, ref}},
      {"cites --transitive", {plangraph, "cites", "--transitive", "--db", dbs, "--rules", rules, ref}},
      {"search 'tuyen truyen'", {plangraph, "search", "--db", dbs, "tuyen", "truyen"}},
      {"audit --total", {plangraph, "audit", "--total", "--db", dbs}},
      {"show 1", {plangraph, "show", "--db", dbs, "1"}},
  };
  for (const auto& [name, args] : queries) {
    Run q = MedianRun(std::max(reps, 5), args);
    std::printf("  %s median %7.1f ms wall, %7.1f ms CPU, peak %ld MB\n", Padded(name, 28).c_str(),
                q.wall * 1e3, q.cpu * 1e3, q.peak_kb / 1024);
    out.queries.push_back({name.rfind("cites '", 0) == 0 ? "cites" : name, q.wall});
  }
  BenchExport(plangraph, dbs, reps, tmp, &out);
  fs::remove_all(dir);
  return out;
}

void PrintGrowth(const std::vector<SizeFigures>& sizes) {
  for (size_t i = 1; i < sizes.size(); ++i) {
    const SizeFigures &a = sizes[i - 1], &b = sizes[i];
    std::printf("growth %zu -> %zu plans (x%.0f): import x%.2f", a.plans, b.plans,
                static_cast<double>(b.plans) / a.plans, b.import_s / a.import_s);
    for (size_t q = 0; q < a.queries.size() && q < b.queries.size(); ++q) {
      std::printf(", %s x%.2f", a.queries[q].first.c_str(),
                  b.queries[q].second / a.queries[q].second);
    }
    std::printf("\n  export peak memory %zu -> %zu plans:", a.plans, b.plans);
    for (size_t e = 0; e < a.export_peaks_kb.size() && e < b.export_peaks_kb.size(); ++e) {
      std::printf(" %s %ld -> %ld MB (x%.2f)", a.export_peaks_kb[e].first.c_str(),
                  a.export_peaks_kb[e].second / 1024, b.export_peaks_kb[e].second / 1024,
                  static_cast<double>(b.export_peaks_kb[e].second) / a.export_peaks_kb[e].second);
    }
    std::printf("\n");
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Medians of extraction, import and query times on the corpus, and the growth of "
               "extraction time on hostile input (t(2n)/t(n))."};
  int reps = 5;
  double scale = 1.0;
  std::string corpus = std::string(PLANGRAPH_SOURCE_DIR) + "/corpus/docs";
  std::string rules = plangraph::DefaultRulesDir();
  app.add_option("--reps", reps, "repetitions; every figure is their median (default 5)")
      ->check(CLI::Range(1, 1000));
  app.add_option("--scale", scale, "size factor of the generated inputs (default 1)")
      ->check(CLI::Range(0.001, 1000.0));
  app.add_option("--corpus", corpus, "folder of documents (default: the source tree's corpus/docs)");
  app.add_option("--rules", rules, "rules folder (default: $PLANGRAPH_RULES or built-in)");
  std::vector<size_t> sizes = {1000, 10000};
  app.add_option("--sizes", sizes,
                 "numbers of generated plans to import and query (default 1000,10000; add 100000 "
                 "for the large run, 0 for none)")
      ->delimiter(',');
  std::vector<int> jobs = {1, 2};
  app.add_option("--jobs", jobs, "import --jobs values to time at each size (default 1,2)")
      ->delimiter(',')
      ->check(CLI::NonNegativeNumber);
  int import_reps = 1;
  app.add_option("--import-reps", import_reps,
                 "imports of each size and jobs value; the figures are their medians (default 1)")
      ->check(CLI::Range(1, 100));
  std::string plangraph = (fs::path(argv[0]).parent_path() / "plangraph").string();
  app.add_option("--plangraph", plangraph, "the binary timed as whole processes (default: "
                                           "plangraph beside bench)");
  bool plans_only = false;
  app.add_flag("--plans-only", plans_only,
               "only the generated plans of --sizes: import, queries and export (peak memory of "
               "each format); skips the corpus, scaling and whole-extraction figures");
  CLI11_PARSE(app, argc, argv);
  if (!fs::exists(plangraph)) Fail(plangraph + ": no plangraph binary (see --plangraph)");
  plangraph = fs::absolute(plangraph).string();

  auto extractor = Extractor::Create(rules);
  if (!extractor.ok()) Fail(extractor.status().message());
  std::vector<Document> docs = ReadCorpus(corpus);
  fs::path tmp = fs::temp_directory_path() / ("plangraph-bench-" + std::to_string(getpid()));
  fs::create_directories(tmp);
  std::string db = (tmp / "bench.db").string();

  std::printf("plangraph bench: %d repetitions, scale %.3g\n", reps, scale);
  if (!plans_only) {
    BenchExtract(*extractor, docs, reps);
    BenchImport(*extractor, docs, corpus, reps, db);
    BenchQueries(*extractor, db, std::max(reps, 25));
    BenchScaling(*extractor, reps, scale);
    BenchWholeExtract(plangraph, docs, reps, tmp);
  }
  if (jobs.empty()) jobs = {1};
  std::vector<SizeFigures> figures;
  for (size_t n : sizes) {
    if (n > 0) figures.push_back(BenchPlans(plangraph, rules, n, reps, jobs, import_reps, tmp));
  }
  PrintGrowth(figures);
  fs::remove_all(tmp);
  return 0;
}
