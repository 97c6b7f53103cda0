#include "docx_archive.h"

#include <array>

namespace plangraph {
namespace {

// Small members cannot be bombs, and tiny XML parts can compress far more than large ones.
constexpr uint64_t kRatioFloorBytes = 1ull << 20;

std::string SizeText(uint64_t bytes) {
  constexpr uint64_t kMiB = 1ull << 20;
  if (bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

Result<DocxArchive> DocxArchive::Open(const std::string& source, std::string_view bytes,
                                      const DocxOptions& options) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* zip = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  zip_error_fini(&error);
  if (!zip) {
    if (src) zip_source_free(src);
    return Damaged(source);
  }
  return DocxArchive(source, zip, options);
}

Result<std::optional<std::string>> DocxArchive::Read(std::string_view name) {
  zip_int64_t index = zip_name_locate(zip_.get(), std::string(name).c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::optional<std::string>();
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(zip_.get(), index, 0, &stat) != 0) return Damaged(source_);
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
    return Encrypted(source_);
  }
  if (Status s = CheckDeclared(name, stat); !s.ok()) return s;
  return Inflate(index, stat.size);
}

Status DocxArchive::Damaged(const std::string& source) {
  return Status::InvalidInput(source + ": truncated or damaged zip archive");
}

Status DocxArchive::Encrypted(const std::string& source) {
  return Status::InvalidInput(source + ": encrypted or legacy Word file");
}

Status DocxArchive::TooLarge() const {
  return Status::InvalidInput(source_ + ": refused: expands to more than " +
                              SizeText(options_.max_expanded_bytes));
}

Status DocxArchive::CheckDeclared(std::string_view name, const zip_stat_t& stat) const {
  if (!(stat.valid & ZIP_STAT_SIZE)) return Damaged(source_);
  if (stat.size > options_.max_expanded_bytes - used_) return TooLarge();
  if (stat.size > kRatioFloorBytes && (stat.valid & ZIP_STAT_COMP_SIZE)) {
    double ratio = stat.comp_size == 0 ? 1e300 : double(stat.size) / double(stat.comp_size);
    if (ratio > options_.max_compression_ratio) {
      return Status::InvalidInput(source_ + ": refused: " + std::string(name) + " expands " +
                                  std::to_string(static_cast<long long>(ratio)) +
                                  " times its compressed size (a zip bomb?)");
    }
  }
  return Status::Ok();
}

Result<std::optional<std::string>> DocxArchive::Inflate(zip_int64_t index, uint64_t declared) {
  zip_file_t* file = zip_fopen_index(zip_.get(), index, 0);
  if (!file) {
    int code = zip_error_code_zip(zip_get_error(zip_.get()));
    bool locked = code == ZIP_ER_NOPASSWD || code == ZIP_ER_ENCRNOTSUPP;
    return locked ? Encrypted(source_) : Damaged(source_);
  }
  std::string out;
  out.reserve(static_cast<size_t>(declared));
  std::array<char, 1 << 16> buffer;
  Status status;
  while (true) {
    zip_int64_t n = zip_fread(file, buffer.data(), buffer.size());
    if (n == 0) break;
    if (n < 0) {
      status = Damaged(source_);
      break;
    }
    if (uint64_t(n) > options_.max_expanded_bytes - used_ - out.size()) {
      status = TooLarge();
      break;
    }
    if (uint64_t(n) > declared - out.size()) {
      status = Damaged(source_);
      break;
    }
    out.append(buffer.data(), static_cast<size_t>(n));
  }
  zip_fclose(file);
  if (!status.ok()) return status;
  if (out.size() != declared) return Damaged(source_);
  used_ += out.size();
  return std::optional<std::string>(std::move(out));
}

}  // namespace plangraph
