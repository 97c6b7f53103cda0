// The zip archive of a .docx, read from memory through libzip with a byte budget shared by all
// members: declared and actual expanded sizes are capped, and so is the compression ratio of
// large members, so a zip bomb is refused before it is inflated. Internal to the .docx reader.
#ifndef PLANGRAPH_DOCX_ARCHIVE_H_
#define PLANGRAPH_DOCX_ARCHIVE_H_

#include <zip.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "docx_reader.h"
#include "plangraph/status.h"

namespace plangraph {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

class DocxArchive {
 public:
  // The archive in `bytes` (kept by the caller while the archive is read); `source` names the
  // file in errors.
  static Result<DocxArchive> Open(const std::string& source, std::string_view bytes,
                                  const DocxOptions& options);

  // The bytes of member `name` (matched without case, as OPC part names are), or nullopt when
  // the archive has no such member.
  Result<std::optional<std::string>> Read(std::string_view name);

  static Status Damaged(const std::string& source);
  static Status Encrypted(const std::string& source);

 private:
  DocxArchive(std::string source, zip_t* zip, const DocxOptions& options)
      : source_(std::move(source)), zip_(zip), options_(options) {}

  Status TooLarge() const;

  // The central directory's word, before anything is inflated.
  Status CheckDeclared(std::string_view name, const zip_stat_t& stat) const;

  // Inflates a member, never past its declared size (already within the budget): a member that
  // expands further lies about its size and is not inflated to the end.
  Result<std::optional<std::string>> Inflate(zip_int64_t index, uint64_t declared);

  std::string source_;
  std::unique_ptr<zip_t, ZipCloser> zip_;
  DocxOptions options_;
  uint64_t used_ = 0;
};

}  // namespace plangraph

#endif  // PLANGRAPH_DOCX_ARCHIVE_H_
