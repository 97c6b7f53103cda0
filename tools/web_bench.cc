// web_bench: the server time of each page of plangraph serve on a large database.
//
//   web_bench [--plans 10000] [--reps 15] [--db FILE] [--corpus DIR]
//
// Built by default, never run by ctest. The database is made once (kept at --db, reused when it
// exists) from copies of the corpus documents: each copy is the corpus extraction with another
// số, issuer commune and year, so numbers, headers and citations vary while the cited documents
// are shared, as in real collections where thousands of plans cite one resolution. The copies'
// files do not exist, so plan pages rebuild their lines from the database (web_plan_page.cc).
// Each page is requested --reps times from an in-process server on 127.0.0.1 and the median
// round trip is printed (the client's share on localhost is well under a millisecond).
#include <CLI/CLI.hpp>

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "plangraph/pipeline.h"
#include "plangraph/store.h"
#include "web_format.h"
#include "web_server.h"

namespace {

namespace fs = std::filesystem;
using namespace plangraph;

[[noreturn]] void Fail(const std::string& message) {
  std::fprintf(stderr, "web_bench: %s\n", message.c_str());
  std::exit(2);
}

void MakeDatabase(const std::string& db, const std::string& corpus, const std::string& rules,
                  int plans) {
  auto extractor = Extractor::Create(rules);
  if (!extractor.ok()) Fail(extractor.status().message());
  std::vector<Extraction> originals;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    auto e = extractor->ExtractFile(entry.path().string());
    if (e.ok()) originals.push_back(std::move(*e));
  }
  if (originals.empty()) Fail(corpus + ": no document to copy");
  auto store = Store::Open(db);
  if (!store.ok()) Fail(store.status().message());
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < plans; ++i) {
    Extraction e = originals[i % originals.size()];
    const std::string n = std::to_string(1000 + i);
    const std::string& s = e.document.symbol;
    const size_t digits = s.find_first_not_of("0123456789");
    e.document.symbol = n + (digits == std::string::npos ? "" : s.substr(digits));
    e.document.issuer += " XÃ SỐ " + std::to_string(i % 97);
    if (e.document.date.size() == 10) {
      e.document.date = std::to_string(2014 + i % 12) + e.document.date.substr(4);
    }
    e.source = "/bench/copy-" + n + "/" + fs::path(e.source).filename().string();
    auto outcome = store->Import(e, e.source, Store::ContentHash(e.source), 1);
    if (!outcome.ok()) Fail(outcome.status().message());
    if ((i + 1) % 1000 == 0) {
      std::fprintf(stderr, "\r%d plans, %.0f s", i + 1,
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
  }
  std::fprintf(stderr, "\n");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Median server time of each page of plangraph serve on a large database."};
  int plans = 10000, reps = 15;
  std::string db = (fs::temp_directory_path() / "plangraph-web-bench.db").string();
  std::string corpus = std::string(PLANGRAPH_SOURCE_DIR) + "/corpus/docs";
  app.add_option("--plans", plans, "plans in the database made (default 10000)")
      ->check(CLI::Range(1, 1000000));
  app.add_option("--reps", reps, "requests per page; the median is printed (default 15)")
      ->check(CLI::Range(1, 1000));
  app.add_option("--db", db, "database to use, made first when missing");
  app.add_option("--corpus", corpus, "documents to copy (default: the source tree's corpus/docs)");
  CLI11_PARSE(app, argc, argv);
  const std::string rules = std::string(PLANGRAPH_SOURCE_DIR) + "/rules";
  if (!fs::exists(db)) MakeDatabase(db, corpus, rules, plans);

  web::ServeOptions o;
  o.db = db;
  o.port = 0;
  o.web_dir = std::string(PLANGRAPH_SOURCE_DIR) + "/web";
  o.rules_dir = rules;
  o.log = false;
  auto server = web::WebServer::Create(o);
  if (!server.ok()) Fail(server.status().message());
  auto port = (*server)->Bind();
  if (!port.ok()) Fail(port.status().message());
  std::thread run([&] { (*server)->Run(); });
  httplib::Client client("127.0.0.1", *port);
  client.set_read_timeout(120, 0);
  while (!client.Get("/static/style.css")) std::this_thread::sleep_for(std::chrono::milliseconds(10));

  auto store = Store::OpenReadOnly(db);
  if (!store.ok()) Fail(store.status().message());
  auto stats = store->Stats(1);
  if (!stats.ok() || stats->top_cited.empty()) Fail("empty database");
  const std::string top = std::to_string(stats->top_cited.front().node_id);
  const std::string mid = std::to_string(stats->documents / 2);
  std::printf("web_bench: %lld plans, %d requests per page (median ms, bytes)\n",
              static_cast<long long>(stats->documents), reps);
  const std::vector<std::string> pages = {
      "/",
      "/search?q=uy+ban+nhan+dan",
      "/search?q=cong+doan&year=2021&page=2",
      "/search?q=" + web::UrlEncode("Đảng ủy xã số 5"),
      "/plan/" + mid,
      "/node/" + top,
      "/cites?ref=02-NQ/TW",
      "/cites?ref=" + web::UrlEncode("Nghị quyết 02"),
      "/audit",
      "/audit?sort=no_deadline&order=desc&year=2021",
      "/audit.csv",
      "/graph?plan=" + mid,
      "/graph?q=cong+doan"};
  for (const std::string& page : pages) {
    std::vector<double> ms;
    size_t bytes = 0;
    int status = 0;
    for (int i = 0; i < reps; ++i) {
      const auto start = std::chrono::steady_clock::now();
      auto res = client.Get(page);
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                       .count());
      status = res ? res->status : 0;
      bytes = res ? res->body.size() : 0;
    }
    std::sort(ms.begin(), ms.end());
    std::printf("  %8.1f ms  %9zu B  %d  %s\n", ms[ms.size() / 2], bytes, status, page.c_str());
  }
  (*server)->Stop();
  run.join();
  return 0;
}
