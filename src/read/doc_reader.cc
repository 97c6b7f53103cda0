#include "doc_reader.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace plangraph {
namespace {

// A directory entry name of the compound file, as its UTF-16LE bytes.
std::string Utf16Name(const char* ascii) {
  std::string out;
  for (const char* p = ascii; *p; ++p) {
    out += *p;
    out += '\0';
  }
  return out;
}

// Removes the temporary copy however the function returns.
struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) std::remove(path.c_str());
  }
};

}  // namespace

bool LooksLikeOle2(std::string_view bytes) { return bytes.substr(0, 4) == "\xD0\xCF\x11\xE0"; }

Result<std::string> DocToText(const std::string& source, std::string_view bytes) {
  if (bytes.find(Utf16Name("EncryptedPackage")) != std::string_view::npos) {
    return Status::InvalidInput(source + ": encrypted Office file (it needs a password)");
  }
  if (bytes.find(Utf16Name("WordDocument")) == std::string_view::npos) {
    return Status::InvalidInput(source + ": an Office compound file without a Word document");
  }
  TempFile tmp;
  std::string pattern = (std::filesystem::temp_directory_path() / "plangraph-doc-XXXXXX").string();
  int fd = mkstemp(pattern.data());
  if (fd < 0) return Status::IOError(source + ": cannot create a temporary file");
  tmp.path = pattern;
  size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) {
      close(fd);
      return Status::IOError(source + ": cannot write a temporary file");
    }
    written += static_cast<size_t>(n);
  }
  close(fd);
  // -w 0: one line per paragraph; UTF-8 output; a time limit so a hostile file cannot hang us.
  std::string cmd = "timeout 60 antiword -m UTF-8.txt -w 0 '" + tmp.path + "' 2>/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return Status::IOError(source + ": cannot run antiword");
  std::string text;
  std::array<char, 65536> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) text.append(buf.data(), n);
  int status = pclose(pipe);
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (code == 127) {
    return Status::InvalidInput(source +
                                ": Word 97-2003 (.doc) files need antiword (apt-get install antiword)");
  }
  if (code == 124) return Status::InvalidInput(source + ": antiword took too long on this file");
  if (code != 0 || text.empty()) {
    return Status::InvalidInput(source + ": antiword could not read this Word file");
  }
  return text;
}

}  // namespace plangraph
