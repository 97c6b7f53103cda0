// evaluate: scores the plangraph library against the gold annotations of a corpus.
//
//   evaluate [--corpus DIR] [--skip-missing] [--rules DIR] [-v] [--json OUT] [--min-f1 X]
//
// The in-process twin of shared/tools/score.py: same document lookup, same matching (scoring.h),
// same table, so the two agree number for number. It links the library instead of running the
// command line, which makes it fast enough for a tight edit-and-measure loop, and --min-f1 turns
// it into a regression gate. Exit status: 0 fine, 1 a field fell below --min-f1, 2 an error,
// 77 the corpus is absent and --skip-missing was given (ctest shows the test as skipped).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "json_output.h"
#include "plangraph/pipeline.h"
#include "scoring.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The dev corpus lives outside the repository (third-party texts): ../shared/corpus beside the
// source tree. Where it is absent, the bundled seed plans in corpus/ are scored instead.
std::string DefaultCorpus() {
  std::string shared = std::string(PLANGRAPH_SOURCE_DIR) + "/../shared/corpus";
  std::error_code ec;
  return fs::is_directory(shared, ec) ? shared : std::string("corpus");
}

struct Options {
  std::string corpus = DefaultCorpus();
  bool skip_missing = false;
  std::string rules = plangraph::DefaultRulesDir();
  bool verbose = false;
  std::string json_out;
  std::optional<double> min_f1;
};

// A fatal problem with the inputs: message names the file, exit status 2.
struct Fatal : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Gold names as score.py lists them: every entry of the gold folder ending in ".json", sorted by
// code point (byte order of UTF-8 is code-point order).
std::vector<std::string> GoldNames(const std::string& gold_dir) {
  std::error_code ec;
  fs::directory_iterator it(gold_dir, ec);
  if (ec) throw Fatal(gold_dir + ": " + ec.message());
  std::vector<std::string> names;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) throw Fatal(gold_dir + ": " + ec.message());
    std::string file = it->path().filename().string();
    if (file.size() >= 5 && file.ends_with(".json"))
      names.push_back(file.substr(0, file.size() - 5));
  }
  std::sort(names.begin(), names.end());
  return names;
}

// The document a gold file annotates: NAME plus the first extension that exists.
std::optional<std::string> FindDocument(const std::string& docs_dir, const std::string& name) {
  for (const char* ext : {".txt", ".docx", ".doc", ".pdf", ""}) {
    std::string path = docs_dir + "/" + name + ext;
    std::error_code ec;
    if (fs::exists(path, ec)) return path;
  }
  return std::nullopt;
}

json LoadGold(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Fatal(path + ": cannot open");
  std::stringstream bytes;
  bytes << in.rdbuf();
  json gold;
  try {
    gold = json::parse(bytes.str());
  } catch (const json::parse_error& e) {  // what(): "[json.exception…] parse error at line…"
    throw Fatal(path + ": not valid JSON: " + e.what());
  }
  if (!gold.is_object()) throw Fatal(path + ": not a JSON object");
  return gold;
}

// What score.py prints after the table, and writes with --json (json.dump(…, indent=1) layout,
// floats as Python repr).
std::string ReportJson(const plangraph::Scorecard& card, size_t docs, int no_json) {
  std::string out = "{\n \"fields\": {";
  bool first = true;
  for (const std::string& field : plangraph::ScoreFieldNames()) {
    const plangraph::FieldCounts& c = card.fields.at(field);
    out += first ? "\n" : ",\n";
    first = false;
    out += "  \"" + field + "\": {\n";
    out += "   \"precision\": " + plangraph::PyFloatRepr(c.Precision()) + ",\n";
    out += "   \"recall\": " + plangraph::PyFloatRepr(c.Recall()) + ",\n";
    out += "   \"f1\": " + plangraph::PyFloatRepr(c.F1()) + ",\n";
    out += "   \"counts\": [\n    " + std::to_string(c.hit) + ",\n    " +
           std::to_string(c.predicted) + ",\n    " + std::to_string(c.gold) + "\n   ]\n  }";
  }
  out += "\n },\n \"overall_f1\": " + plangraph::PyFloatRepr(card.OverallF1()) + ",\n";
  out +=
      " \"docs\": " + std::to_string(docs) + ",\n \"no_json\": " + std::to_string(no_json) + "\n}";
  return out;
}

void PrintTable(const plangraph::Scorecard& card) {
  std::printf("%-16s%7s%7s%7s   hit/pred/gold\n", "field", "P", "R", "F1");
  for (const std::string& field : plangraph::ScoreFieldNames()) {
    const plangraph::FieldCounts& c = card.fields.at(field);
    std::printf("%-16s%7.3f%7.3f%7.3f   %d/%d/%d\n", field.c_str(), c.Precision(), c.Recall(),
                c.F1(), c.hit, c.predicted, c.gold);
  }
}

// Fields (citation_dates aside, as in the overall mean) whose F1 is below the threshold.
std::vector<std::string> FieldsBelow(const plangraph::Scorecard& card, double min_f1) {
  std::vector<std::string> below;
  for (const std::string& field : plangraph::ScoreFieldNames()) {
    if (field == plangraph::kCitationDatesField) continue;
    if (card.fields.at(field).F1() < min_f1) below.push_back(field);
  }
  return below;
}

// The exit status ctest reads as "skipped" (SKIP_RETURN_CODE in CMakeLists.txt).
constexpr int kSkipped = 77;

int Run(const Options& o) {
  const std::string docs_dir = o.corpus + "/docs", gold_dir = o.corpus + "/gold";
  std::error_code missing_ec;
  if (o.skip_missing && !fs::is_directory(o.corpus, missing_ec)) {
    std::printf("evaluate: %s is absent (the shared corpus is not on this machine); skipped\n",
                o.corpus.c_str());
    return kSkipped;
  }
  for (const std::string& dir : {docs_dir, gold_dir}) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw Fatal(dir + ": no such directory");
  }
  auto extractor = plangraph::Extractor::Create(o.rules);
  if (!extractor.ok()) throw Fatal(extractor.status().message());

  std::vector<std::string> names = GoldNames(gold_dir);
  plangraph::Scorecard total;
  int no_json = 0;
  for (const std::string& name : names) {
    std::optional<std::string> path = FindDocument(docs_dir, name);
    json gold = LoadGold(gold_dir + "/" + name + ".json");
    // As in score.py: a missing document is scored against nothing, without counting as a
    // failure; a document that fails to extract counts as "without JSON".
    json predicted = json::object();
    if (path) {
      auto extraction = extractor->ExtractFile(*path);
      if (extraction.ok()) {
        predicted = plangraph::ExtractionToJson(*extraction);
      } else {
        ++no_json;
        if (o.verbose)
          std::printf("  %s: no JSON: %s\n", name.c_str(), extraction.status().message().c_str());
      }
    }
    std::vector<std::string> shortfalls;
    total.Add(plangraph::ScoreDocument(predicted, gold, o.verbose ? &shortfalls : nullptr, name));
    for (const std::string& line : shortfalls) std::printf("%s\n", line.c_str());
  }

  PrintTable(total);
  if (!o.json_out.empty()) {
    std::ofstream out(o.json_out, std::ios::binary);
    out << ReportJson(total, names.size(), no_json);
    if (!out) throw Fatal(o.json_out + ": cannot write");
  }
  std::printf("documents %zu, without JSON %d\n", names.size(), no_json);
  std::printf("overall F1 %.3f\n", total.OverallF1());
  std::fflush(stdout);

  if (!o.min_f1) return 0;
  std::vector<std::string> below = FieldsBelow(total, *o.min_f1);
  for (const std::string& field : below) {
    std::fprintf(stderr, "evaluate: %s F1 %.3f is below --min-f1 %g\n", field.c_str(),
                 total.fields.at(field).F1(), *o.min_f1);
  }
  return below.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Score plangraph extraction against a corpus's gold annotations (as score.py)",
               "evaluate"};
  Options o;
  double min_f1 = 0;
  app.add_option("--corpus", o.corpus,
                 "corpus folder holding docs/ and gold/ (default: ../shared/corpus beside the "
                 "source tree, else corpus)");
  app.add_flag("--skip-missing", o.skip_missing,
               "exit 77 (skipped) with a message when the corpus folder is absent");
  app.add_option("--rules", o.rules, "rules folder (default: $PLANGRAPH_RULES or built-in)");
  app.add_flag("-v", o.verbose, "list the documents where a field falls short");
  app.add_option("--json", o.json_out, "also write the scores as JSON (score.py's layout)");
  CLI::Option* min_opt =
      app.add_option("--min-f1", min_f1, "exit 1 when a field (citation_dates aside) is below");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (min_opt->count() > 0) o.min_f1 = min_f1;
  try {
    return Run(o);
  } catch (const std::exception& e) {  // Fatal, and anything a library below throws
    std::fflush(stdout);
    std::fprintf(stderr, "evaluate: %s\n", e.what());
    return 2;
  }
}
