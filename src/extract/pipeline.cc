#include "plangraph/pipeline.h"

#include <cstdlib>
#include <filesystem>

#include "citations.h"
#include "header.h"
#include "paragraphs.h"
#include "plan_limit.h"
#include "reader.h"
#include "rules.h"
#include "segmenter.h"
#include "targets.h"
#include "tasks.h"
#include "text.h"

namespace plangraph {

Result<Extractor> Extractor::Create(const std::string& rules_dir) {
  auto rules = LoadRules(rules_dir);
  if (!rules.ok()) return rules.status();
  return Extractor(*rules);
}

Result<Extraction> Extractor::ExtractFile(const std::string& path,
                                          const std::string& encoding) const {
  return ExtractFile(path, ReadOptions{encoding});
}

Result<Extraction> Extractor::ExtractFile(const std::string& path,
                                          const ReadOptions& options) const {
  auto bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  return ExtractBytes(path, *bytes, options);
}

Result<Extraction> Extractor::ExtractBytes(const std::string& source, const std::string& bytes,
                                           const std::string& encoding) const {
  return ExtractBytes(source, bytes, ReadOptions{encoding});
}

Result<Extraction> Extractor::ExtractBytes(const std::string& source, const std::string& bytes,
                                           const ReadOptions& options) const {
  auto decoded = DecodeBytesWith(source, bytes, options);
  if (!decoded.ok()) return decoded.status();
  return ExtractDecoded(source, *decoded);
}

Result<Extraction> Extractor::ExtractDecoded(const std::string& source,
                                             const DecodedText& decoded) const {
  const Rules& rules = *rules_;
  const std::string& text = decoded.text;
  // Nothing to extract is reported, as for an HTML page or a PDF without text.
  if (IsBlank(text)) {
    return Status::InvalidInput(source + (text.empty() ? ": empty file, no text to extract"
                                                        : ": only white space, no text to extract"));
  }
  Extraction out;
  out.source = source;
  out.format = decoded.format;
  out.encoding = decoded.encoding;
  auto is_type_line = [&](std::string_view line) {
    std::string t = Trim(line);
    return !t.empty() && IsAllCaps(t) && !rules.document_types.Canonical(t).empty();
  };
  Segmentation seg = Segment(text, is_type_line);
  HeaderFacts header = ExtractHeader(text, seg, rules.document_types);
  out.document = header.info;
  out.sections = seg.sections;
  out.citations = ExtractCitations(seg, text, rules.citations, rules.document_types,
                                   out.document.symbol);
  QualifyIssuers(rules.issuers, out);  // "10/KH-UBND" of which committee
  out.targets = ExtractTargets(seg, rules.targets);
  const DocumentDate doc_date{header.year, header.info.date};
  out.tasks = ExtractTasks(seg, rules.tasks, rules.agencies, rules.deadlines, doc_date);
  out.plan_limit = FindPlanLimit(seg, rules.tasks, rules.deadlines, doc_date, out.tasks);
  out.paragraphs = BodyParagraphs(seg, out.tasks);
  return out;
}

std::string DefaultRulesDir() {
  if (const char* env = std::getenv("PLANGRAPH_RULES"); env && *env) return env;
  // An installed binary (PREFIX/bin/plangraph) finds PREFIX/share/plangraph/rules, wherever the
  // prefix was moved; a binary in the build tree has none there and uses the source tree's.
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path installed =
        exe.parent_path().parent_path() / "share" / "plangraph" / "rules";
    if (std::filesystem::exists(installed / "document_types.tsv", ec)) return installed.string();
  }
#ifdef PLANGRAPH_SOURCE_RULES_DIR
  if (std::filesystem::exists(PLANGRAPH_SOURCE_RULES_DIR)) return PLANGRAPH_SOURCE_RULES_DIR;
#endif
  return "rules";
}

}  // namespace plangraph
