#include "commands.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>

#include "json_stream.h"
#include "plangraph/import.h"
#include "plangraph/pipeline.h"
#include "text_output.h"

namespace plangraph::cli {
namespace {

std::string SummaryLine(const Extraction& e) {
  int assigned = 0, dated = 0;
  for (const Task& t : e.tasks) {
    assigned += !t.assignees.empty();
    dated += t.deadline.has_value();
  }
  const DocumentInfo& d = e.document;
  return e.source + ": " + (d.type.empty() ? "?" : d.type) + " " +
         (d.symbol.empty() ? "(no số)" : d.symbol) + " " + (d.date.empty() ? "(no date)" : d.date) +
         " | sections " + std::to_string(e.sections.size()) + ", citations " +
         std::to_string(e.citations.size()) + ", targets " + std::to_string(e.targets.size()) +
         ", tasks " + std::to_string(e.tasks.size()) + " (" + std::to_string(assigned) +
         " assigned, " + std::to_string(dated) + " with deadline)";
}

int Levenshtein(const std::string& a, const std::string& b) {
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int prev = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int cur = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] != b[j - 1])});
      prev = cur;
    }
  }
  return row[b.size()];
}

}  // namespace

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"extract", "extract plan documents to JSON (default), text or a summary", "rules",
       RunExtract},
      {"import", "import plan documents into the database", "rules, database", RunImport},
      {"remove", "remove plans (and what only they cite) from the database", "database",
       RunRemove},
      {"cites", "the plans citing a document (--transitive: the implementation tree)",
       "database", RunCites},
      {"audit", "tasks without deadline or assignee, and other gaps", "database", RunAudit},
      {"search", "full-text search, accents optional", "database", RunSearch},
      {"show", "one imported plan's tree and extractions", "database", RunShow},
      {"export", "the citation graph as dot, graphml, json or csv", "database", RunExport},
      {"stats", "counts and the most cited documents", "database", RunStats},
      {"serve", "the database as a local web application (Vietnamese)", "rules, database",
       RunServe},
      {"check", "check the database file in full (integrity, index, keys, orphans)", "database",
       RunCheck},
      {"help", "list the commands", "nothing", RunHelp},
  };
  return commands;
}

std::string Suggest(const std::string& typed) {
  std::string best;
  int best_distance = 3;
  for (const Command& c : Commands()) {
    int d = Levenshtein(typed, c.name);
    if (d < best_distance) {
      best_distance = d;
      best = c.name;
    }
  }
  return best;
}

int RunHelp(const std::vector<std::string>&) {
  std::cout << "usage: plangraph COMMAND [options]\n\ncommands:\n";
  for (const Command& c : Commands()) {
    std::cout << "  " << c.name << std::string(10 - std::string(c.name).size(), ' ') << c.summary
              << " (needs " << c.needs << ")\n";
  }
  std::cout << "\n'plangraph COMMAND --help' describes a command's options.\n";
  return 0;
}

OcrMode OcrModeNamed(const std::string& name) {
  if (name == "never") return OcrMode::kNever;
  if (name == "always") return OcrMode::kAlways;
  return OcrMode::kAuto;
}

int RunExtract(const std::vector<std::string>& args) {
  CLI::App app{"Extract plan documents: header, section tree, citations, targets, tasks.",
               "plangraph extract"};
  app.footer("Exit status: 0 success; 1 an input failed (the others are still extracted); 2 bad "
             "usage or a bad rule file.");
  std::vector<std::string> inputs;
  std::string format = "json";
  std::string rules_dir = DefaultRulesDir();
  app.add_option("FILE", inputs, "files or folders (folders are read recursively)")->required();
  app.add_option("--format", format, "json (one object per file), text, or summary")
      ->check(CLI::IsMember({"json", "text", "summary"}));
  app.add_option("--rules", rules_dir, "rules folder (default: $PLANGRAPH_RULES or built-in)");
  std::string encoding;
  app.add_option("--encoding", encoding,
                 "read plain text in this encoding (UTF-8, UTF-16LE, Windows-1258, TCVN3, VNI-Windows, "
                 "VISCII, VIQR) instead of detecting it; in Word files, read every legacy-font run "
                 "as TCVN3 or VNI-Windows");
  std::string ocr = "auto";
  app.add_option("--ocr", ocr, kOcrHelp)->check(CLI::IsMember({"never", "auto", "always"}));
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  auto extractor = Extractor::Create(rules_dir);
  if (!extractor.ok()) {
    std::cerr << "plangraph: " << extractor.status().message() << "\n";
    return 2;
  }
  InputFiles inputs_found = ExpandInputs(inputs);
  const std::vector<std::string>& files = inputs_found.files;
  int failed = 0, done = 0;
  for (const std::string& error : inputs_found.errors) {
    std::cerr << "plangraph: " << error << "\n";
    ++failed;
  }
  for (const std::string& file : files) {
    auto result = extractor->ExtractFile(file, ReadOptions{encoding, OcrModeNamed(ocr)});
    if (!result.ok()) {
      std::cerr << "plangraph: " << result.status().message() << "\n";
      ++failed;
      continue;
    }
    ++done;
    if (format == "json") {
      // Streamed: the JSON tree of a large document would take far more memory than the document.
      WriteExtractionJson(std::cout, std::move(*result), files.size() == 1 ? 1 : -1);
      std::cout << "\n";
    } else if (format == "text") {
      std::cout << ExtractionToText(*result) << "\n";
    } else {
      std::cout << SummaryLine(*result) << "\n";
    }
  }
  if (format == "summary") {
    std::cout << "extracted " << done << " of " << files.size() << " files, " << failed
              << " failed\n";
  }
  return failed ? 1 : 0;
}

}  // namespace plangraph::cli
