#include "rules.h"

namespace plangraph {
namespace {

// Reads dir/name and hands it to `load`; the file is named "rules/<name>" in messages when dir
// ends in "rules", else by its full path.
template <typename T, typename Load>
Status LoadOne(const std::string& dir, const std::string& name, Load load, T* out) {
  auto file = ReadRuleFile(dir + "/" + name);
  if (!file.ok()) return file.status();
  auto loaded = load(*file);
  if (!loaded.ok()) return loaded.status();
  *out = std::move(*loaded);
  return Status::Ok();
}

}  // namespace

Result<std::shared_ptr<const Rules>> LoadRules(const std::string& dir) {
  auto rules = std::make_shared<Rules>();
  Status s = LoadOne(dir, "document_types.tsv", LoadDocumentTypes, &rules->document_types);
  if (s.ok()) {
    s = LoadOne(dir, "citations.tsv",
                [&](const RuleFile& f) { return LoadCitationRules(f, rules->document_types); },
                &rules->citations);
  }
  if (s.ok()) s = LoadOne(dir, "targets.tsv", LoadTargetRules, &rules->targets);
  if (s.ok()) s = LoadOne(dir, "deadlines.tsv", LoadDeadlineRules, &rules->deadlines);
  if (s.ok()) s = LoadOne(dir, "agencies.tsv", LoadAgencyRules, &rules->agencies);
  if (s.ok()) s = LoadOne(dir, "tasks.tsv", LoadTaskRules, &rules->tasks);
  if (s.ok()) s = LoadOne(dir, "issuers.tsv", LoadIssuerRules, &rules->issuers);
  if (!s.ok()) return s;
  return std::shared_ptr<const Rules>(rules);
}

Result<DocumentTypes> LoadDocumentTypesIn(const std::string& dir) {
  DocumentTypes types;
  Status s = LoadOne(dir, "document_types.tsv", LoadDocumentTypes, &types);
  if (!s.ok()) return s;
  return types;
}

}  // namespace plangraph
