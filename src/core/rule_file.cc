#include "rule_file.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "text.h"

namespace plangraph {

Status RuleFile::Error(const RuleLine& line, const std::string& message) const {
  return Status::BadRule(path + ":" + std::to_string(line.number) + ": " + message);
}

RuleFile ParseRuleFile(const std::string& path, const std::string& contents) {
  RuleFile file;
  file.path = path;
  int number = 0;
  std::string_view text = contents;
  // Editors on Windows save UTF-8 with a BOM; left in, it would glue itself to the first rule
  // (or turn a first-line comment into a rule), since Trim does not treat U+FEFF as a space.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  for (std::string_view raw : SplitLines(text)) {
    ++number;
    std::string line = Trim(raw);
    if (line.empty() || line[0] == '#') continue;
    RuleLine rule;
    rule.number = number;
    std::string view = ToneCanonicalView(ToNfc(line));
    size_t start = 0;
    while (start <= view.size()) {
      size_t tab = view.find('\t', start);
      std::string field = Trim(view.substr(start, tab == std::string::npos ? std::string::npos
                                                                           : tab - start));
      if (!field.empty()) rule.fields.push_back(field);
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (!rule.fields.empty()) file.lines.push_back(std::move(rule));
  }
  return file;
}

Result<RuleFile> ReadRuleFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": rule file not found");
  std::ostringstream buf;
  buf << in.rdbuf();
  return ParseRuleFile(path, buf.str());
}

namespace {

// A rule that can match nothing at all ("a*", "(?:số)?") matches at every position of every
// line, and the extractors that step from match to match would never end. Such a pattern, or
// one whose first group (the part a bounded rule is about) can be empty, is refused at load.
bool MatchesEmpty(const RE2& re) {
  const int groups = std::min(re.NumberOfCapturingGroups(), 1);
  for (std::string_view probe : {"", " ", "a", "a b", "1", ". "}) {
    re2::StringPiece m[2];
    if (!re.Match(probe, 0, probe.size(), RE2::UNANCHORED, m, groups + 1)) continue;
    if (m[0].empty()) return true;
    if (groups == 1 && m[1].data() != nullptr && m[1].empty()) return true;
  }
  return false;
}

}  // namespace

Result<std::shared_ptr<const RE2>> CompileRulePattern(const RuleFile& file, const RuleLine& line,
                                                      const std::string& pattern,
                                                      bool case_sensitive) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_case_sensitive(case_sensitive);
  options.set_log_errors(false);
  auto re = std::make_shared<const RE2>(pattern, options);
  if (!re->ok()) {
    return file.Error(line, "bad pattern '" + re->error_arg() + "': " + re->error() + ": " +
                                pattern);
  }
  if (MatchesEmpty(*re)) {
    return file.Error(line, "pattern matches the empty string (it would match everywhere): " +
                                line.fields.back());
  }
  return std::shared_ptr<const RE2>(re);
}

std::string LongestFirstAlternation(std::vector<std::string> items) {
  std::stable_sort(items.begin(), items.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : "|") + i;
  return out;
}

Status RequireFields(const RuleFile& file, const RuleLine& line, size_t n) {
  if (line.fields.size() >= n) return Status::Ok();
  return file.Error(line, "expected " + std::to_string(n) + " TAB-separated fields, found " +
                              std::to_string(line.fields.size()));
}

}  // namespace plangraph
