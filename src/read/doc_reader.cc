#include "doc_reader.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace plangraph {
namespace {

namespace fs = std::filesystem;

// A directory entry name of the compound file, as its UTF-16LE bytes.
std::string Utf16Name(const char* ascii) {
  std::string out;
  for (const char* p = ascii; *p; ++p) {
    out += *p;
    out += '\0';
  }
  return out;
}

uint32_t Le32(std::string_view b, size_t at) {
  return static_cast<uint32_t>(static_cast<uint8_t>(b[at])) |
         static_cast<uint32_t>(static_cast<uint8_t>(b[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<uint8_t>(b[at + 2])) << 16 |
         static_cast<uint32_t>(static_cast<uint8_t>(b[at + 3])) << 24;
}

// A compound file cut short: its header names sectors (of the allocation table or the
// directory) past the end of the file. Returns the byte the farthest of them needs, or 0.
uint64_t TruncatedAt(std::string_view b) {
  constexpr size_t kHeader = 512;
  if (b.size() < kHeader) return kHeader;
  unsigned shift = static_cast<uint8_t>(b[0x1E]) | static_cast<uint8_t>(b[0x1F]) << 8;
  if (shift != 9 && shift != 12) return 0;  // not a header we can check; LibreOffice will say
  uint64_t sector = uint64_t{1} << shift;
  auto end_of = [&](uint32_t id) { return (uint64_t{id} + 2) * sector; };  // header is sector -1
  uint64_t needed = 0;
  constexpr uint32_t kLastRegular = 0xFFFFFFFA;
  uint32_t fat_sectors = Le32(b, 0x2C);
  for (uint32_t i = 0; i < fat_sectors && i < 109; ++i) {
    uint32_t id = Le32(b, 0x4C + 4 * i);
    if (id <= kLastRegular) needed = std::max(needed, end_of(id));
  }
  uint32_t directory = Le32(b, 0x30);
  if (directory <= kLastRegular) needed = std::max(needed, end_of(directory));
  return needed > b.size() ? needed : 0;
}

// The first of `names` found as an executable on PATH, or "".
std::string FindProgram(std::initializer_list<const char*> names) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  for (const char* name : names) {
    std::istringstream in(dirs);
    for (std::string dir; std::getline(in, dir, ':');) {
      if (dir.empty()) continue;
      std::string candidate = dir + "/" + name;
      if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
  }
  return "";
}

// A private directory, removed however the conversion ends.
struct TempDir {
  fs::path path;
  ~TempDir() {
    std::error_code ignored;
    if (!path.empty()) fs::remove_all(path, ignored);
  }
};

bool WriteFile(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return out.good();
}

std::string ReadWholeFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

enum class RunResult { kOk, kFailed, kTimedOut, kCannotStart };

// Runs `argv` in a process group of its own with output to `log`, waiting at most `seconds`;
// on time-out the whole group (soffice starts soffice.bin) is killed.
RunResult Run(const std::vector<std::string>& argv, const fs::path& log, int seconds) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) return RunResult::kCannotStart;
  if (pid == 0) {
    ::setpgid(0, 0);
    int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    int null_in = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
    }
    if (null_in >= 0) ::dup2(null_in, 0);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::setpgid(pid, pid);  // also from the parent, so that the kill below cannot miss the group
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  int status = 0;
  while (true) {
    pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return RunResult::kFailed;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return RunResult::kTimedOut;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(-pid, SIGKILL);  // a helper process left behind in the group
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return RunResult::kCannotStart;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? RunResult::kOk : RunResult::kFailed;
}

// The last non-empty line LibreOffice printed, for an error message.
std::string LastLogLine(const fs::path& log) {
  std::istringstream in(ReadWholeFile(log));
  std::string last;
  for (std::string line; std::getline(in, line);) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) last = line;
  }
  if (last.size() > 200) last = last.substr(0, 200) + "…";
  return last;
}

// `bytes` converted by LibreOffice to .docx and read as one; `kind` names the format in
// messages ("Word 97-2003 (.doc)", "RTF").
Result<DocxText> ConvertWithOffice(const std::string& source, std::string_view bytes,
                                   const char* extension, const std::string& kind,
                                   const DocxOptions& options) {
  std::string soffice = FindProgram({"soffice", "libreoffice"});
  if (soffice.empty()) {
    return Status::InvalidInput(source + ": " + kind +
                                " files need LibreOffice (apt-get install libreoffice-writer-nogui)");
  }
  TempDir dir;
  std::string pattern = (fs::temp_directory_path() / "plangraph-office-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) {
    return Status::IOError(source + ": cannot create a temporary directory");
  }
  dir.path = pattern;
  fs::path input = dir.path / (std::string("document.") + extension);
  if (!WriteFile(input, bytes)) return Status::IOError(source + ": cannot write a temporary file");
  std::vector<std::string> argv = {
      soffice,
      "-env:UserInstallation=file://" + (dir.path / "profile").string(),
      "--headless", "--invisible", "--nodefault", "--nolockcheck", "--nologo", "--norestore",
      "--convert-to", "docx:MS Word 2007 XML",
      "--outdir", (dir.path / "out").string(), input.string()};
  fs::path log = dir.path / "log.txt";
  RunResult run = Run(argv, log, kOfficeTimeLimitSeconds);
  if (run == RunResult::kCannotStart) {
    return Status::InvalidInput(source + ": cannot run LibreOffice (" + soffice + ")");
  }
  if (run == RunResult::kTimedOut) {
    return Status::InvalidInput(source + ": LibreOffice took more than " +
                                std::to_string(kOfficeTimeLimitSeconds) +
                                " seconds on this file; stopped");
  }
  fs::path output = dir.path / "out" / "document.docx";
  std::error_code error;
  if (run != RunResult::kOk || !fs::is_regular_file(output, error)) {
    std::string why = LastLogLine(log);
    return Status::InvalidInput(source + ": LibreOffice could not read this " + kind + " file" +
                                (why.empty() ? "" : " (" + why + ")"));
  }
  return ReadDocx(source, ReadWholeFile(output), options);
}

}  // namespace

bool LooksLikeOle2(std::string_view bytes) { return bytes.substr(0, 4) == "\xD0\xCF\x11\xE0"; }

bool LooksLikeRtf(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  size_t start = bytes.find_first_not_of(" \t\r\n");
  return start != std::string_view::npos && bytes.substr(start, 5) == "{\\rtf";
}

Result<DocxText> ReadDoc(const std::string& source, std::string_view bytes,
                         const DocxOptions& options) {
  if (bytes.find(Utf16Name("EncryptedPackage")) != std::string_view::npos) {
    return Status::InvalidInput(source + ": encrypted Office file (it needs a password)");
  }
  if (uint64_t needed = TruncatedAt(bytes)) {
    return Status::InvalidInput(source + ": truncated Word 97-2003 file (" +
                                std::to_string(bytes.size()) + " bytes, its index needs " +
                                std::to_string(needed) + ")");
  }
  if (bytes.find(Utf16Name("WordDocument")) == std::string_view::npos) {
    return Status::InvalidInput(source + ": an Office compound file without a Word document");
  }
  return ConvertWithOffice(source, bytes, "doc", "Word 97-2003 (.doc)", options);
}

Result<DocxText> ReadRtf(const std::string& source, std::string_view bytes,
                         const DocxOptions& options) {
  return ConvertWithOffice(source, bytes, "rtf", "RTF", options);
}

}  // namespace plangraph
