// Tests of the .docx zip archive reader (src/read/docx_archive.h) on the fixtures made by
// tools/make_docx_fixtures.py: members read within a byte budget, bombs refused.
#include "docx_archive.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "test_util.h"

namespace plangraph {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(testing::SourceDir() + "/tests/fixtures/docx/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << name;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The error of reading the document part of `bytes`, "" when it reads.
std::string DocumentError(const std::string& name, const std::string& bytes,
                          const DocxOptions& options = {}) {
  Result<DocxArchive> archive = DocxArchive::Open(name, bytes, options);
  if (!archive.ok()) return archive.status().message();
  Result<std::optional<std::string>> part = archive->Read("word/document.xml");
  return part.ok() ? "" : part.status().message();
}

TEST(DocxArchiveTest, ReadsMembersWithoutCaseAndTellsAbsentOnes) {
  std::string bytes = Fixture("plan.docx");
  Result<DocxArchive> archive = DocxArchive::Open("plan.docx", bytes, {});
  ASSERT_TRUE(archive.ok()) << archive.status().message();
  Result<std::optional<std::string>> document = archive->Read("WORD/Document.xml");
  ASSERT_TRUE(document.ok()) << document.status().message();
  ASSERT_TRUE(document->has_value());
  EXPECT_NE((*document)->find("KẾ HOẠCH"), std::string::npos);
  Result<std::optional<std::string>> absent = archive->Read("word/comments.xml");
  ASSERT_TRUE(absent.ok());
  EXPECT_FALSE(absent->has_value());
}

TEST(DocxArchiveTest, DamagedAndEncryptedArchivesSaySo) {
  EXPECT_EQ(DocumentError("truncated.docx", Fixture("truncated.docx")),
            "truncated.docx: truncated or damaged zip archive");
  EXPECT_EQ(DocumentError("enc.docx", Fixture("encrypted_member.docx")),
            "enc.docx: encrypted or legacy Word file");
}

TEST(DocxArchiveTest, ZipBombsAreRefused) {
  DocxOptions small;
  small.max_expanded_bytes = 1 << 20;
  // Declares 3 MiB in the central directory: refused before inflating.
  EXPECT_EQ(DocumentError("bomb.docx", Fixture("bomb.docx"), small),
            "bomb.docx: refused: expands to more than 1 MB");
  // Within the default 200 MB, but about 1000 times its compressed size.
  std::string message = DocumentError("bomb.docx", Fixture("bomb.docx"));
  EXPECT_EQ(message.rfind("bomb.docx: refused: word/document.xml expands ", 0), 0u) << message;
  // Declares 4 KB but inflates to 3 MiB: reading stops at the declared size.
  EXPECT_EQ(DocumentError("lying.docx", Fixture("lying_bomb.docx"), small),
            "lying.docx: truncated or damaged zip archive");
  EXPECT_EQ(DocumentError("lying.docx", Fixture("lying_bomb.docx")),
            "lying.docx: truncated or damaged zip archive");
}

TEST(DocxArchiveTest, CapsAreOptions) {
  // The same highly compressible document reads when the caller allows it.
  DocxOptions generous;
  generous.max_compression_ratio = 1e6;
  EXPECT_EQ(DocumentError("bomb.docx", Fixture("bomb.docx"), generous), "");
  Result<std::string> text = DocxToText("bomb.docx", Fixture("bomb.docx"), generous);
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_EQ(text->size(), (3u << 20) + 1);  // the filler paragraph and its newline
}

}  // namespace
}  // namespace plangraph
