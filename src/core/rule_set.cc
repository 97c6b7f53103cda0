#include "rule_set.h"

#include <algorithm>
#include <numeric>

namespace plangraph {
namespace {

// The set compiles all patterns into one automaton; its DFA needs more room than one pattern's.
constexpr int64_t kSetMemory = 64 << 20;

}  // namespace

RuleSet::RuleSet(const std::vector<std::shared_ptr<const RE2>>& patterns)
    : size_(patterns.size()), lazy_(std::make_shared<Lazy>()) {
  lazy_->patterns = patterns;
}

const RE2::Set* RuleSet::Set() const {
  if (!lazy_) return nullptr;
  std::call_once(lazy_->once, [lazy = lazy_.get()] {
    const auto& patterns = lazy->patterns;
    if (patterns.empty()) return;
    RE2::Options options = patterns.front()->options();
    options.set_max_mem(kSetMemory);
    options.set_log_errors(false);
    auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const auto& re : patterns) {
      const RE2::Options& o = re->options();
      // One set has one set of options: a pattern compiled otherwise keeps the filter off.
      if (!re->ok() || o.encoding() != options.encoding() ||
          o.case_sensitive() != options.case_sensitive() || o.literal() != options.literal() ||
          o.never_nl() != options.never_nl() || o.dot_nl() != options.dot_nl() ||
          o.posix_syntax() != options.posix_syntax() ||
          o.perl_classes() != options.perl_classes() ||
          o.word_boundary() != options.word_boundary() || o.one_line() != options.one_line() ||
          o.longest_match() != options.longest_match() ||
          o.never_capture() != options.never_capture()) {
        return;
      }
      if (set->Add(re->pattern(), nullptr) < 0) return;
    }
    if (set->Compile()) lazy->set = std::move(set);
  });
  return lazy_->set.get();
}

std::vector<size_t> RuleSet::All() const {
  std::vector<size_t> all(size_);
  std::iota(all.begin(), all.end(), size_t{0});
  return all;
}

std::vector<size_t> RuleSet::Candidates(std::string_view text) const {
  const RE2::Set* set = Set();
  if (!set) return All();
  std::vector<int> matched;
  RE2::Set::ErrorInfo error{};
  if (!set->Match(re2::StringPiece(text.data(), text.size()), &matched, &error)) {
    return error.kind == RE2::Set::kNoError ? std::vector<size_t>{} : All();
  }
  std::vector<size_t> out(matched.begin(), matched.end());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace plangraph
