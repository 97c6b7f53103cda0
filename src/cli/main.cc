// plangraph: the command-line front end. Parses the command name and dispatches to the table in
// commands.cc; every other piece of work lives in the library.
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"

int main(int argc, char** argv) {
  using plangraph::cli::Commands;
  if (argc < 2) return plangraph::cli::RunHelp({}), 2;
  std::string name = argv[1];
  if (name == "--help" || name == "-h") name = "help";
  if (name == "--version") {
    std::cout << "plangraph " << PLANGRAPH_VERSION << "\n";
    return 0;
  }
  // The command's own arguments, in the order given (each command hands them to CLI11).
  std::vector<std::string> args(argv + 2, argv + argc);
  for (const auto& c : Commands()) {
    if (name == c.name) return c.run(args);
  }
  std::cerr << "plangraph: unknown command '" << name << "'";
  std::string hint = plangraph::cli::Suggest(name);
  if (!hint.empty()) std::cerr << "; did you mean '" << hint << "'?";
  std::cerr << "\n";
  return 2;
}
