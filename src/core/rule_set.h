// A prefilter over the patterns of one extraction stage: one pass of an RE2::Set over a text
// names the patterns that can match it, so a stage runs only those instead of every pattern.
//
// A stage with dozens of patterns (deadlines.tsv has over fifty) otherwise scans each block of
// text once per pattern, though most patterns match nowhere in it. The set is built once, at
// rule load, from the compiled patterns themselves (their text and options), so it cannot
// disagree with them: Candidates() lists every pattern that has a match anywhere in the text
// (RE2::Set semantics equal an unanchored search over the whole text), and a pattern left out
// would have found nothing. When the set cannot be built or runs out of memory on a text, every
// pattern is a candidate: slower, never different. The set is compiled on first use (a process
// that never scans text, such as a query, does not pay for it); thread-safe.
#ifndef PLANGRAPH_RULE_SET_H_
#define PLANGRAPH_RULE_SET_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

namespace plangraph {

class RuleSet {
 public:
  RuleSet() = default;
  // `patterns` as the stage runs them (e.g. from CompileRulePattern), in the stage's order.
  explicit RuleSet(const std::vector<std::shared_ptr<const RE2>>& patterns);

  // Indices into `patterns`, ascending, of those that match somewhere in `text`.
  std::vector<size_t> Candidates(std::string_view text) const;

  // False when the set could not be built (every pattern is then always a candidate).
  bool active() const { return Set() != nullptr; }

 private:
  struct Lazy {
    std::vector<std::shared_ptr<const RE2>> patterns;
    std::once_flag once;
    std::unique_ptr<const RE2::Set> set;  // null when it cannot be built
  };
  const RE2::Set* Set() const;
  std::vector<size_t> All() const;

  size_t size_ = 0;
  std::shared_ptr<Lazy> lazy_;
};

}  // namespace plangraph

#endif  // PLANGRAPH_RULE_SET_H_
