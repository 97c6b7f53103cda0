// Reading rule files from rules/: the one data format behind every lexicon and pattern list.
//
// A rule file is UTF-8 text, one rule per line, fields separated by one or more TAB characters.
// Blank lines and lines starting with '#' are ignored. Every field is NFC-normalised and put in
// the match view (see text.h), so a rule written "Tỉnh uỷ" matches text written "Tỉnh ủy".
// Errors name the place: "rules/deadlines.tsv:12: bad pattern 'Quý (': missing ): Quý (".
#ifndef PLANGRAPH_RULE_FILE_H_
#define PLANGRAPH_RULE_FILE_H_

#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

#include "plangraph/status.h"

namespace plangraph {

struct RuleLine {
  int number = 0;                   // 1-based line number in the file
  std::vector<std::string> fields;  // at least one
};

struct RuleFile {
  std::string path;  // as shown in messages, e.g. "rules/deadlines.tsv"
  std::vector<RuleLine> lines;

  // "rules/deadlines.tsv:12: " + message
  Status Error(const RuleLine& line, const std::string& message) const;
};

// Reads and splits a rule file. NotFound when it does not exist.
Result<RuleFile> ReadRuleFile(const std::string& path);

// Parses a rule file held in memory (tests, embedded defaults).
RuleFile ParseRuleFile(const std::string& path, const std::string& contents);

// Compiles one pattern with RE2 (UTF-8, case-insensitive unless the pattern says otherwise,
// longest-match off). A bad pattern is a BadRule status naming file, line and offending piece.
Result<std::shared_ptr<const RE2>> CompileRulePattern(const RuleFile& file, const RuleLine& line,
                                                      const std::string& pattern,
                                                      bool case_sensitive = false);

// "a|b|c" with the longest items first, so an alternation prefers "Chương trình hành động" to
// "Chương trình". Items are used as given (quote them first if they are literal text).
std::string LongestFirstAlternation(std::vector<std::string> items);

// Checks that a line has at least `n` fields.
Status RequireFields(const RuleFile& file, const RuleLine& line, size_t n);

}  // namespace plangraph

#endif  // PLANGRAPH_RULE_FILE_H_
