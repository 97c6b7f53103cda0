// bench: how fast plangraph extracts, imports and answers queries, and whether its time grows
// linearly with hostile input.
//
//   bench [--reps N] [--scale X] [--corpus DIR] [--rules DIR]
//
// Built by default, never run by ctest. It links the library (no process start-up in the
// figures). The machines it runs on are shared and noisy, so every figure is the median of
// --reps runs, and the scaling check reports the ratio t(2n)/t(n) of medians: about 2 for linear
// work, about 4 for quadratic. --scale multiplies the sizes of the generated inputs.
#include <CLI/CLI.hpp>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "plangraph/pipeline.h"
#include "reader.h"
#include "reference.h"
#include "rules.h"
#include "store.h"

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

// Imports every document into a fresh database at `db` (the CLI's steps, without the process).
// Returns the seconds spent in Store::Import alone.
double ImportAll(const Extractor& extractor, const std::vector<Document>& docs,
                 const std::string& db) {
  fs::remove(db);
  auto store = plangraph::Store::Open(db);
  if (!store.ok()) Fail(store.status().message());
  double in_store = 0;
  for (const auto& d : docs) {
    plangraph::Extraction e = MustExtract(extractor, d.path, d.bytes);
    std::string hash = plangraph::Store::ContentHash(d.bytes);
    in_store += Seconds([&] {
      auto outcome = store->Import(e, fs::absolute(d.path).string(), hash,
                                   static_cast<int64_t>(d.bytes.size()));
      if (!outcome.ok()) Fail(outcome.status().message());
    });
  }
  return in_store;
}

void BenchImport(const Extractor& extractor, const std::vector<Document>& docs, int reps,
                 const std::string& db) {
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.bytes.size();
  std::vector<double> totals, stores;
  for (int r = 0; r < reps; ++r) {
    double in_store = 0;
    totals.push_back(Seconds([&] { in_store = ImportAll(extractor, docs, db); }));
    stores.push_back(in_store);
  }
  double median = Median(totals);
  std::printf("import: %zu documents into a fresh database: median %.1f ms (%.1f ms in the "
              "store), %.1f documents/s, %.2f MB/s\n",
              docs.size(), median * 1e3, Median(stores) * 1e3, docs.size() / median,
              bytes / 1e6 / median);
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
  CLI11_PARSE(app, argc, argv);

  auto extractor = Extractor::Create(rules);
  if (!extractor.ok()) Fail(extractor.status().message());
  std::vector<Document> docs = ReadCorpus(corpus);
  fs::path tmp = fs::temp_directory_path() / ("plangraph-bench-" + std::to_string(getpid()));
  fs::create_directories(tmp);
  std::string db = (tmp / "bench.db").string();

  std::printf("plangraph bench: %d repetitions, scale %.3g\n", reps, scale);
  BenchExtract(*extractor, docs, reps);
  BenchImport(*extractor, docs, reps, db);
  BenchQueries(*extractor, db, std::max(reps, 25));
  BenchScaling(*extractor, reps, scale);
  fs::remove_all(tmp);
  return 0;
}
