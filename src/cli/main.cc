// plangraph: the command-line front end. Parses the command name and dispatches to the table in
// cli/commands.cc; every other piece of work lives in the library.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using plangraph::cli::Commands;
  if (argc < 2) return plangraph::cli::RunHelp({}), 2;
  std::string name = argv[1];
  if (name == "--help" || name == "-h") name = "help";
  if (name == "--version") {
    std::cout << "plangraph " << PLANGRAPH_VERSION << "\n";
    return 0;
  }
  // CLI11 parses a reversed argument vector (it pops from the back).
  std::vector<std::string> rest(argv + 2, argv + argc);
  std::vector<std::string> reversed(rest.rbegin(), rest.rend());
  for (const auto& c : Commands()) {
    if (name == c.name) return c.run(std::vector<std::string>(reversed.rbegin(), reversed.rend()));
  }
  std::cerr << "plangraph: unknown command '" << name << "'";
  std::string hint = plangraph::cli::Suggest(name);
  if (!hint.empty()) std::cerr << "; did you mean '" << hint << "'?";
  std::cerr << "\n";
  return 2;
}
