// ExpandInputs (plangraph/import.h): the files to read for the paths a user named, shared by
// `plangraph extract` and every import.
#include <algorithm>
#include <filesystem>
#include <set>

#include "plangraph/import.h"

namespace plangraph {
namespace {

namespace fs = std::filesystem;

// Every entry below `folder` that is not itself a folder, sorted. Links to folders are not
// followed, so a link loop ("a/b -> ..") cannot trap the walk; anything else (a FIFO, a broken
// link) is listed so that reading it reports why it is not a document. A subfolder that cannot
// be read is reported, and the walk goes on with the others.
void WalkFolder(const std::string& folder, InputFiles* out) {
  std::vector<std::string> found;
  std::vector<fs::path> pending = {fs::path(folder)};
  while (!pending.empty()) {
    const fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::error_code type_ec;
      if (!it->is_directory(type_ec)) {
        found.push_back(it->path().string());
      } else if (!it->is_symlink(type_ec)) {
        pending.push_back(it->path());
      }
    }
    if (ec) out->errors.push_back(dir.string() + ": cannot read folder (" + ec.message() + ")");
  }
  std::sort(found.begin(), found.end());
  out->files.insert(out->files.end(), found.begin(), found.end());
}

// The same file reached twice (named twice, or through a link) is read once, at its first name.
void DropRepeats(std::vector<std::string>* files) {
  std::set<std::string> seen;
  std::vector<std::string> kept;
  for (std::string& f : *files) {
    std::error_code ec;
    fs::path real = fs::canonical(f, ec);
    if (seen.insert(ec ? f : real.string()).second) kept.push_back(std::move(f));
  }
  *files = std::move(kept);
}

}  // namespace

InputFiles ExpandInputs(const std::vector<std::string>& inputs) {
  InputFiles out;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      WalkFolder(in, &out);
    } else {
      out.files.push_back(in);
    }
  }
  DropRepeats(&out.files);
  return out;
}

}  // namespace plangraph
