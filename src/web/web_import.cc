#include "web_import.h"

#include <zip.h>

#include <filesystem>
#include <fstream>
#include <mutex>

#include "reader.h"

namespace plangraph::web {
namespace {

namespace fs = std::filesystem;

// The last path component, without anything that could leave the folder; "" when none is left.
std::string SafeName(const std::string& name) {
  std::string base = name.substr(name.find_last_of("/\\") == std::string::npos
                                     ? 0
                                     : name.find_last_of("/\\") + 1);
  std::string out;
  for (char c : base) {
    if (static_cast<unsigned char>(c) < 0x20 || c == ':') continue;
    out += c;
  }
  if (out.empty() || out == "." || out == "..") return "";
  return out.size() > 200 ? out.substr(out.size() - 200) : out;
}

struct Pending {
  std::string name;
  std::string content;
};

bool IsZip(const std::string& s) { return s.size() >= 4 && s.compare(0, 4, "PK\x03\x04") == 0; }

// The files of a zip that is not a .docx; errors become failed items.
void Unpack(const Upload& u, std::vector<Pending>* files, std::vector<ImportItem>* failed) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(u.content.data(), u.content.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  if (archive == nullptr) {
    if (source) zip_source_free(source);
    failed->push_back({u.filename, "failed", "not a readable zip archive", 0});
    zip_error_fini(&error);
    return;
  }
  if (zip_name_locate(archive, "word/document.xml", 0) >= 0) {  // a .docx: one document
    files->push_back({u.filename, u.content});
    zip_close(archive);
    return;
  }
  const zip_int64_t entries = zip_get_num_entries(archive, 0);
  uint64_t unpacked = 0;
  for (zip_int64_t i = 0; i < entries; ++i) {
    zip_stat_t st;
    if (zip_stat_index(archive, i, 0, &st) != 0 || st.name == nullptr) continue;
    const std::string name = st.name;
    if (name.empty() || name.back() == '/') continue;  // a folder entry
    const std::string shown = u.filename + "/" + name;
    if (files->size() >= kMaxZipEntries) {
      failed->push_back({shown, "failed", "the archive holds more than " +
                                              std::to_string(kMaxZipEntries) + " files", 0});
      break;
    }
    if (st.size > kMaxFileBytes || unpacked + st.size > kMaxUnpackedBytes) {
      failed->push_back({shown, "failed", "too large once unpacked (" +
                                              std::to_string(st.size) + " bytes)", 0});
      continue;
    }
    zip_file_t* f = zip_fopen_index(archive, i, 0);
    if (f == nullptr) {
      failed->push_back({shown, "failed", "cannot unpack (damaged or encrypted entry)", 0});
      continue;
    }
    std::string content(st.size, '\0');
    const zip_int64_t got = zip_fread(f, content.data(), st.size);
    zip_fclose(f);
    if (got < 0 || static_cast<uint64_t>(got) != st.size) {
      failed->push_back({shown, "failed", "cannot unpack (damaged entry)", 0});
      continue;
    }
    unpacked += st.size;
    files->push_back({shown, std::move(content)});
  }
  zip_close(archive);
}

}  // namespace

std::vector<ImportItem> ImportUploads(const Extractor& extractor, const std::string& db_path,
                                      const std::string& work_dir,
                                      const std::vector<Upload>& uploads) {
  static std::mutex one_import_at_a_time;
  std::lock_guard<std::mutex> lock(one_import_at_a_time);
  std::vector<ImportItem> items;
  std::vector<Pending> files;
  for (const Upload& u : uploads) {
    if (u.content.empty()) {
      items.push_back({u.filename, "failed", "empty file, no text to extract", 0});
    } else if (IsZip(u.content)) {
      Unpack(u, &files, &items);
    } else {
      files.push_back({u.filename, u.content});
    }
  }
  if (files.empty()) return items;
  auto store = Store::Open(db_path);
  if (!store.ok()) {
    for (const Pending& f : files) items.push_back({f.name, "failed", store.status().message(), 0});
    return items;
  }
  for (const Pending& f : files) {
    ImportItem item{f.name, "failed", "", 0};
    const std::string name = SafeName(f.name);
    const std::string hash = Store::ContentHash(f.content);
    std::error_code ec;
    const fs::path folder = fs::path(work_dir) / "uploads" / hash;
    fs::create_directories(folder, ec);
    const fs::path path = folder / (name.empty() ? "document" : name);
    std::ofstream out(path, std::ios::binary);
    out.write(f.content.data(), static_cast<std::streamsize>(f.content.size()));
    out.close();
    if (ec || !out) {
      item.error = "cannot write the upload to the server's temporary folder";
      items.push_back(std::move(item));
      continue;
    }
    auto extraction = extractor.ExtractBytes(f.name, f.content);
    if (!extraction.ok()) {
      item.error = extraction.status().message();
      items.push_back(std::move(item));
      continue;
    }
    auto outcome = store->Import(*extraction, path.string(), hash,
                                 static_cast<int64_t>(f.content.size()));
    if (!outcome.ok()) {
      item.error = outcome.status().message();
    } else {
      item.document_id = outcome->document_id;
      item.outcome = outcome->kind == ImportOutcome::kImported   ? "imported"
                     : outcome->kind == ImportOutcome::kReplaced ? "replaced"
                                                                 : "unchanged";
    }
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace plangraph::web
