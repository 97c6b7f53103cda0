#include "targets.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "numeral.h"
#include "text.h"

namespace plangraph {
namespace {

std::string Alternation(std::vector<std::string> items) {
  return LongestFirstAlternation(std::move(items));
}

std::shared_ptr<const RE2> Compile(const std::string& pattern) {
  RE2::Options opt;
  opt.set_case_sensitive(false);
  opt.set_log_errors(false);
  return std::make_shared<const RE2>(pattern, opt);
}

// How far a clause reaches on either side of a number. Clauses end at punctuation; a longer
// run without any is not an indicator, and reading all of it for each number would cost the
// square of a block of many numbers.
constexpr size_t kMaxClauseBytes = 400;

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The limits of the window around [begin, end): at most kMaxClauseBytes on each side, moved
// inward to whole words (a cut word would make a bad indicator, a cut character bad UTF-8).
size_t WindowStart(const std::string& t, size_t begin) {
  if (begin <= kMaxClauseBytes) return 0;
  size_t from = begin - kMaxClauseBytes;
  size_t space = std::string_view(t).substr(from, begin - from).find(' ');
  if (space != std::string_view::npos) return from + space + 1;
  while (from < begin && IsContinuationByte(t[from])) ++from;
  return from;
}
size_t WindowEnd(const std::string& t, size_t end) {
  if (t.size() - end <= kMaxClauseBytes) return t.size();
  size_t to = end + kMaxClauseBytes;
  size_t space = std::string_view(t).substr(end + 1, to - end).rfind(' ');
  if (space != std::string_view::npos) return end + 1 + space;
  while (to > end && IsContinuationByte(t[to])) --to;
  return to;
}

// Clause limits around [begin, end): ';', sentence ends, ':' and brackets, within the window.
std::pair<size_t, size_t> ClauseAround(const std::string& t, size_t begin, size_t end) {
  const size_t window_start = WindowStart(t, begin);
  size_t from = window_start;
  for (size_t i = begin; i > window_start; --i) {
    char c = t[i - 1];
    if (c == ';' || c == ':' || c == '(' || (c == '.' && i < t.size() && t[i] == ' ')) {
      from = i;
      break;
    }
  }
  const size_t window_end = WindowEnd(t, end);
  size_t to = window_end;
  for (size_t i = end; i < window_end; ++i) {
    char c = t[i];
    if (c == ';' || c == ')' || c == ',' || (c == '.' && (i + 1 == t.size() || t[i + 1] == ' '))) {
      to = i;
      break;
    }
  }
  return {from, to};
}

std::string LastWords(const std::string& s, int n) {
  std::string f = Fold(s);
  std::vector<std::string> words;
  size_t start = 0;
  while (start < f.size()) {
    size_t sp = f.find(' ', start);
    if (sp == std::string::npos) sp = f.size();
    words.push_back(f.substr(start, sp - start));
    start = sp + 1;
  }
  std::string out;
  for (size_t i = words.size() > static_cast<size_t>(n) ? words.size() - n : 0; i < words.size(); ++i)
    out += words[i] + " ";
  return out;
}

// The text before a number without a trailing comparator ("tối thiểu là", "từ").
std::string StripComparators(const std::string& before, const TargetRules& rules) {
  for (const auto& c : rules.comparators) {
    if (c.after) continue;
    re2::StringPiece m;
    if (c.pattern->Match(before, 0, before.size(), RE2::UNANCHORED, &m, 1)) {
      return before.substr(0, m.data() - before.data());
    }
  }
  return before;
}

// What each section heading says, read once per section: a heading may be long and hold
// thousands of blocks, which would otherwise each read it again.
class SectionFacts {
 public:
  SectionFacts(const Segmentation& seg, const RE2& target_heading)
      : seg_(seg), target_heading_(target_heading), target_(seg.sections.size(), -1),
        year_(seg.sections.size(), -1) {}

  // Whether the section or one above it is a targets section ("MỤC TIÊU").
  bool InTargetSection(int section) {
    for (int s = section; s >= 0; s = seg_.sections[s].parent) {
      if (target_[s] < 0) {
        target_[s] = RE2::PartialMatch(ToneCanonicalView(seg_.sections[s].heading), target_heading_);
      }
      if (target_[s]) return true;
    }
    return false;
  }

  // The horizon year of the nearest heading that gives one ("* Đến năm 2025"), else 0.
  int YearFromSections(int section) {
    for (int s = section; s >= 0; s = seg_.sections[s].parent) {
      if (year_[s] < 0) year_[s] = HorizonYear(seg_.sections[s].heading);
      if (year_[s]) return year_[s];
    }
    return 0;
  }

 private:
  const Segmentation& seg_;
  const RE2& target_heading_;
  std::vector<int8_t> target_;  // -1 not read yet, else 0 or 1
  std::vector<int> year_;       // -1 not read yet, else the year or 0
};

// "15 tháng 6", "2025": a number followed by another number is a date or a year, not a
// quantity (RE2's \s: ASCII white space).
bool DigitFollows(const std::string& view, size_t pos) {
  while (pos < view.size() && std::string_view(" \t\n\f\r").find(view[pos]) != std::string_view::npos) {
    ++pos;
  }
  return pos < view.size() && view[pos] >= '0' && view[pos] <= '9';
}

const RE2& LineValueHead() {  // "Tỷ lệ …: đạt 95%": the clause before the number is empty or a verb
  static const RE2 re(R"(^\s*(?:đạt\s+|tăng thêm\s+|tăng\s+)?$)");
  return re;
}

}  // namespace

int HorizonYear(std::string_view text) {
  static const RE2 re(R"((?i)(?:^|[^\pL])(?:đến|tới|trong)?\s*năm\s+((?:19|20)\d\d)(?:[^\d/-]|$))");
  int year = 0;
  re2::StringPiece in(text.data(), text.size());
  if (!RE2::PartialMatch(in, re, &year)) return 0;
  return year;
}

Result<TargetRules> LoadTargetRules(const RuleFile& file) {
  std::vector<std::string> units, sections, cues, increases, categories;
  TargetRules rules;
  for (const RuleLine& line : file.lines) {
    if (Status s = RequireFields(file, line, 2); !s.ok()) return s;
    const std::string& kind = line.fields[0];
    const std::string& v = line.fields[1];
    // Each value must compile on its own, so a bad one is reported at its line.
    auto check = CompileRulePattern(file, line, v);
    if (!check.ok()) return check.status();
    if (kind == "unit") units.push_back(RE2::QuoteMeta(v));
    else if (kind == "section") sections.push_back(v);
    else if (kind == "cue") cues.push_back(v);
    else if (kind == "increase") increases.push_back(v);
    else if (kind == "category") categories.push_back(v);
    else if (kind.rfind("comparator.", 0) == 0) {
      bool after = kind.rfind("comparator.after.", 0) == 0;
      std::string name = kind.substr(after ? 17 : 11);
      std::string p = after ? "^\\s*(?:" + v + ")(?:[^\\pL\\pN]|$)" : "(?:^|[^\\pL\\pN])(?:" + v + ")\\s*$";
      rules.comparators.push_back({name, after, Compile(p)});
    } else {
      return file.Error(line, "unknown kind '" + kind + "'");
    }
  }
  if (units.empty()) return Status::BadRule(file.path + ": no unit lines");
  rules.quantity = Compile(R"((?:^|[^\pL\pN/.,\-–])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*(%|)" +
                           Alternation(units) + R"()(?:[^\pL\pN]|$))");
  rules.section = Compile("^\\s*(?:" + Alternation(sections) + ")(?:[^\\pL\\pN]|$)");
  rules.cue = Compile("(?:^|[^\\pL\\pN])(?:" + Alternation(cues) + ")(?:[^\\pL\\pN]|$)");
  rules.increase = Compile("(?:^|[^\\pL\\pN])(?:" + Alternation(increases) + ")\\s*$");
  rules.category = Compile("(?:(?:^|[^\\pL\\pN])(?:" + Alternation(categories) +
                           ")(?:\\s+\\pL+){0,2}\\s+(?:có|từ)\\s*$)|(?:từ\\s+\\d+\\s*[-–]\\s*(?:dưới|đến)?\\s*$)");
  for (const auto* re : {rules.quantity.get(), rules.section.get(), rules.cue.get(),
                         rules.increase.get(), rules.category.get()}) {
    if (!re->ok()) return Status::BadRule(file.path + ": combined pattern: " + re->error());
  }
  return rules;
}

std::vector<Target> ExtractTargets(const Segmentation& seg, const TargetRules& rules) {
  std::vector<Target> out;
  std::set<std::tuple<double, std::string, int, std::string>> seen;
  SectionFacts sections(seg, *rules.section);
  for (const Block& blk : seg.blocks) {
    if (blk.zone != Zone::kBody || blk.kind == Block::Kind::kTableRow) continue;
    const std::string& t = blk.text;
    const std::string view = ToneCanonicalView(t);
    bool in_section = sections.InTargetSection(blk.section);
    size_t pos = 0;
    while (pos < view.size()) {
      re2::StringPiece g[3];
      if (!rules.quantity->Match(view, pos, view.size(), RE2::UNANCHORED, g, 3)) break;
      size_t nb = g[1].data() - view.data();
      size_t ue = g[2].data() - view.data() + g[2].size();
      pos = ue;
      std::string value_text(t.substr(nb, g[1].size()));
      auto value = ParseVietnameseNumber(value_text);
      if (!value) continue;
      // Dates ("15 tháng 6") and years are not quantities.
      if (DigitFollows(view, ue)) continue;
      // The text just before the number, for the patterns anchored at its end.
      const std::string before = view.substr(WindowStart(view, nb), nb - WindowStart(view, nb));
      auto [from, to] = ClauseAround(view, nb, ue);
      std::string clause_before = view.substr(from, nb - from);
      std::string clause_after = view.substr(ue, to > ue ? to - ue : 0);
      bool line_value = RE2::PartialMatch(clause_before, LineValueHead()) &&
                        from > 0 && view[from - 1] == ':';
      bool cue = RE2::PartialMatch(clause_before, *rules.cue) ||
                 RE2::PartialMatch(clause_after.substr(0, 24), *rules.cue);
      if (!(in_section || cue || line_value)) continue;
      if (RE2::PartialMatch(before, *rules.category)) continue;
      Target target;
      target.value = *value;
      target.value_text = value_text;
      target.unit = t.substr(g[2].data() - view.data(), g[2].size());
      target.kind = RE2::PartialMatch(before, *rules.increase) ? "increase" : "reach";
      std::string head = clause_before;
      for (const auto& c : rules.comparators) {
        if (c.after ? RE2::PartialMatch(clause_after, *c.pattern)
                    : RE2::PartialMatch(clause_before, *c.pattern)) {
          target.comparator = c.name;
          if (!c.after) break;
        }
      }
      // Indicator: the head before "indicator: value", else the clause around the number.
      std::string indicator;
      if (line_value) {
        size_t f2 = ClauseAround(view, from - 1, from - 1).first;
        indicator = t.substr(f2, from - 1 - f2);
      } else {
        indicator = t.substr(from, nb - from) + t.substr(ue, to > ue ? to - ue : 0);
      }
      target.indicator = Trim(CollapseSpaces(indicator));
      int year = HorizonYear(clause_before);
      if (!year && line_value) year = HorizonYear(target.indicator);
      if (!year) year = sections.YearFromSections(blk.section);
      if (year) target.year = year;
      target.section = blk.section;
      const Line& l = seg.lines[blk.LineAt(nb)];
      target.span = {l.number, l.begin, l.end};
      // Restatements: same value, unit, year and the words that introduce the number.
      std::string key_words = line_value ? Fold(target.indicator)
                                         : (LastWords(StripComparators(clause_before, rules), 3) +
                                            "|" + (clause_before.find_first_not_of(' ') == std::string::npos
                                                       ? LastWords(clause_after, 0) + Fold(clause_after).substr(0, 40)
                                                       : ""));
      auto key = std::make_tuple(target.value, Fold(target.unit), year, key_words);
      if (!seen.insert(key).second) continue;
      out.push_back(std::move(target));
    }
  }
  return out;
}

}  // namespace plangraph
