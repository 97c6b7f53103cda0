// The extraction pipeline: a plan document in, its graph (plangraph/extraction.h) out.
//
//   auto extractor = plangraph::Extractor::Create("rules");   // compiles every rule once
//   if (!extractor.ok()) { ... extractor.status().message() ... }
//   plangraph::Result<plangraph::Extraction> doc = extractor->ExtractFile("plan.txt");
//
// Stages, one file pair each: src/read/ (bytes → NFC text in every format), then under
// src/extract/ the segmenter (header, section tree, footer), header (document identity),
// citations, targets, tasks (with agencies and deadlines), paragraphs; docs/architecture.md has
// the whole map. An Extractor is immutable after Create and may be shared between threads.
#ifndef PLANGRAPH_PIPELINE_H_
#define PLANGRAPH_PIPELINE_H_

#include <memory>
#include <string>

#include "plangraph/extraction.h"
#include "plangraph/status.h"

namespace plangraph {

// When a scan is read by OCR (a PDF without a usable text layer, an image file):
//   kNever   never; such a file is refused as Unreadable
//   kAuto    when the PDF's text layer is missing, only an e-signature stamp, or unreadable
//            (a broken font map), and for images (the default)
//   kAlways  every PDF and image, whatever its text layer
enum class OcrMode { kNever, kAuto, kAlways };

// How files are read: `encoding` ("TCVN3", "VNI-Windows"…) overrides detection for plain text.
struct ReadOptions {
  std::string encoding;
  OcrMode ocr = OcrMode::kAuto;
};

struct Rules;        // compiled rules/, defined in src/extract/rules.h
struct DecodedText;  // the reader's output, defined in src/read/reader.h

class Extractor {
 public:
  // Loads and compiles every rule file under `rules_dir`. BadRule names the file and line.
  static Result<Extractor> Create(const std::string& rules_dir);

  // Reads `path` (any supported format and encoding) and extracts it. InvalidInput names the
  // file. `encoding` ("TCVN3", "VNI-Windows"…) overrides detection for plain text.
  Result<Extraction> ExtractFile(const std::string& path, const std::string& encoding = "") const;
  Result<Extraction> ExtractFile(const std::string& path, const ReadOptions& options) const;

  // Extracts raw file bytes; `source` is the name used in messages and in the result.
  Result<Extraction> ExtractBytes(const std::string& source, const std::string& bytes,
                                  const std::string& encoding = "") const;
  Result<Extraction> ExtractBytes(const std::string& source, const std::string& bytes,
                                  const ReadOptions& options) const;

  const Rules& rules() const { return *rules_; }

 private:
  explicit Extractor(std::shared_ptr<const Rules> rules) : rules_(std::move(rules)) {}
  Result<Extraction> ExtractDecoded(const std::string& source, const DecodedText& decoded) const;
  std::shared_ptr<const Rules> rules_;
};

// The rules directory to use when none is given: $PLANGRAPH_RULES, else PREFIX/share/plangraph/
// rules for a binary installed as PREFIX/bin/plangraph, else the rules/ folder of the source tree
// this binary was built from, else "rules".
std::string DefaultRulesDir();

}  // namespace plangraph

#endif  // PLANGRAPH_PIPELINE_H_
