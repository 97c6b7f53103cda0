// The subcommand table of the `plangraph` command. Each command parses its own few options with
// CLI11 and hands the work to the library; main() only dispatches.
#ifndef PLANGRAPH_CLI_COMMANDS_H_
#define PLANGRAPH_CLI_COMMANDS_H_

#include <string>
#include <vector>

#include "plangraph/pipeline.h"

namespace plangraph::cli {

struct Command {
  const char* name;
  const char* summary;
  const char* needs;  // "nothing", "rules", "database"
  int (*run)(const std::vector<std::string>& args);
};

const std::vector<Command>& Commands();

// Exit codes: 0 ok, 1 some input failed, 2 usage or setup error.
int RunExtract(const std::vector<std::string>& args);
int RunImport(const std::vector<std::string>& args);
int RunCheck(const std::vector<std::string>& args);
int RunRemove(const std::vector<std::string>& args);
int RunCites(const std::vector<std::string>& args);
int RunAudit(const std::vector<std::string>& args);
int RunSearch(const std::vector<std::string>& args);
int RunShow(const std::vector<std::string>& args);
int RunExport(const std::vector<std::string>& args);
int RunStats(const std::vector<std::string>& args);
int RunServe(const std::vector<std::string>& args);
int RunHelp(const std::vector<std::string>& args);

// The values of --ocr (extract and import), and the mode each names.
inline constexpr const char* kOcrHelp =
    "when to read scans by OCR: never, auto (a PDF without a usable text layer, images; the "
    "default) or always (every PDF and image)";
OcrMode OcrModeNamed(const std::string& name);  // "never", "auto" or "always"

// "did you mean …" for a mistyped command, or "".
std::string Suggest(const std::string& typed);

}  // namespace plangraph::cli

#endif  // PLANGRAPH_CLI_COMMANDS_H_
