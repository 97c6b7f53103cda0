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
// How far after a target a bracketed restatement of it may open ("… mỗi giây (10 Gbps)").
constexpr size_t kMaxRestatementGap = 40;
// Words read as a counted noun phrase after a number when no unit of the list follows it.
constexpr int kMaxNounWords = 3;

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

// The first `n` folded words of `s`: what a share counts ("100% xã …" and "100% đài …" are
// two targets even when the same words introduce them).
std::string FirstWords(const std::string& s, int n) {
  std::string f = Trim(Fold(s));
  size_t end = 0;
  for (int i = 0; i < n && end != std::string::npos; ++i) end = f.find(' ', end + (i > 0));
  return f.substr(0, end);
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

// Words of a noun phrase compare lowercased with their diacritics: folded, "tư" would be "từ".
std::string NounKey(std::string_view word) { return ToLower(ToneCanonicalView(word)); }

// The length of the counted noun phrase at the start of `words` ("tổ chức cơ sở đảng của …" →
// "tổ chức cơ sở đảng"): up to a stop word; 0 when the first word is a stop word or not a
// counted noun ("tuổi", "giờ", "tháng").
size_t CountedNounLength(re2::StringPiece words, const TargetRules& rules) {
  auto listed = [](const std::vector<std::string>& list, const std::string& w) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  std::string_view rest(words.data(), words.size());
  size_t length = 0, offset = 0;
  int taken = 0;
  while (offset < rest.size() && taken < kMaxNounWords) {
    size_t end = rest.find_first_of(" \t", offset);
    if (end == std::string_view::npos) end = rest.size();
    std::string w = NounKey(rest.substr(offset, end - offset));
    // The word and the one after it, for two-word entries ("trở lên", "lần thứ").
    std::string pair = w;
    size_t next = rest.find_first_not_of(" \t", end);
    if (next != std::string_view::npos) {
      size_t next_end = rest.find_first_of(" \t", next);
      pair += " " + NounKey(rest.substr(next, next_end == std::string_view::npos ? std::string_view::npos
                                                                              : next_end - next));
    }
    if (listed(rules.noun_stops, w) || listed(rules.noun_stops, pair)) break;
    if (taken == 0 && (listed(rules.noun_excluded, w) || listed(rules.noun_excluded, pair))) break;
    length = end;
    ++taken;
    offset = rest.find_first_not_of(" \t", end);
    if (offset == std::string_view::npos) break;
  }
  return length;
}

// A number that is a year ("2025 nhà máy" in "năm 2025 nhà máy…"), or a long code or phone
// number, is not a count.
bool IsYearOrCode(re2::StringPiece number) {
  std::string_view n(number.data(), number.size());
  if (n.size() == 4 && n.find_first_not_of("0123456789") == std::string_view::npos) {
    int y = std::stoi(std::string(n));
    if (y >= 1900 && y <= 2100) return true;
  }
  return n.size() >= 8 && n[0] == '0';
}

// Whether a position of a text lies inside quotation marks (“…”, "…"). Asked at increasing
// positions, it reads the text once.
class QuoteDepth {
 public:
  explicit QuoteDepth(const std::string& view) : view_(view) {}
  bool InsideAt(size_t pos) {
    if (pos < at_) at_ = depth_ = straight_ = 0;
    for (; at_ < pos && at_ < view_.size(); ++at_) {
      if (view_.compare(at_, 3, "“") == 0) ++depth_;
      else if (view_.compare(at_, 3, "”") == 0 && depth_ > 0) --depth_;
      else if (view_[at_] == '"') straight_ ^= 1;
    }
    return depth_ > 0 || straight_;
  }

 private:
  const std::string& view_;
  size_t at_ = 0;
  int depth_ = 0, straight_ = 0;
};

// The sentence before `pos`: from the last ". " (or the start of the window) to `pos`.
std::string SentenceBefore(const std::string& view, size_t pos) {
  size_t ws = WindowStart(view, pos);
  size_t dot = view.rfind(". ", pos);
  size_t from = dot == std::string::npos || dot < ws ? ws : dot + 2;
  return view.substr(from, pos - from);
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
  std::vector<std::string> units, sections, cues, increases, categories, not_quantity,
      sentence_cues, percent_after, before_cues, baseline_before, baseline_after, share_qualifiers,
      spans_after, plan_periods, status_sentences;
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
    else if (kind == "not_quantity") not_quantity.push_back(v);
    else if (kind == "cue.sentence") sentence_cues.push_back(v);
    else if (kind == "cue.percent_after") percent_after.push_back(v);
    else if (kind == "cue.before") before_cues.push_back(v);
    else if (kind == "baseline.before") baseline_before.push_back(v);
    else if (kind == "baseline.after") baseline_after.push_back(v);
    else if (kind == "share_qualifier") share_qualifiers.push_back(v);
    else if (kind == "span.after") spans_after.push_back(v);
    else if (kind == "plan_period.before") plan_periods.push_back(v);
    else if (kind == "status.sentence") status_sentences.push_back(v);
    else if (kind == "noun.stop") rules.noun_stops.push_back(NounKey(v));
    else if (kind == "noun.excluded") rules.noun_excluded.push_back(NounKey(v));
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
  // An empty alternation would match everywhere.
  const std::pair<const char*, const std::vector<std::string>*> required[] = {
      {"not_quantity", &not_quantity},       {"cue.sentence", &sentence_cues},
      {"cue.percent_after", &percent_after}, {"cue.before", &before_cues},
      {"baseline.before", &baseline_before}, {"baseline.after", &baseline_after},
      {"noun.stop", &rules.noun_stops},      {"share_qualifier", &share_qualifiers},
      {"span.after", &spans_after},          {"plan_period.before", &plan_periods},
      {"status.sentence", &status_sentences}};
  for (const auto& [kind, list] : required) {
    if (list->empty()) return Status::BadRule(file.path + ": no " + kind + " lines");
  }
  const std::string number = R"((\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?))";
  const std::string unit = "(%|" + Alternation(units) + ")";
  rules.quantity = Compile(R"((?:^|[^\pL\pN/.,\-–]))" + number + R"((?:\s*)" + unit +
                           R"((?:[^\pL\pN]|$)|[ \t]+(\pL+(?:[ \t]+\pL+){0,3})))");
  rules.range_tail = Compile(R"(^\s*[-–]\s*)" + number + R"(\s*)" + unit + "?(?:[^\\pL\\pN]|$)");
  rules.range_head = Compile(R"((?:^|[^\pL\pN/.,\-–]))" + number + R"(\s*[-–]\s*$)");
  rules.not_quantity = Compile("(?:^|[^\\pL\\pN])(?:" + Alternation(not_quantity) + ")\\s*$");
  rules.baseline_before = Compile("(?:^|[^\\pL\\pN])(?:" + Alternation(baseline_before) + ")\\s*$");
  rules.baseline_after = Compile("(?:^|[^\\pL\\pN])(?:" + Alternation(baseline_after) + ")");
  rules.before_cue = Compile("(?:^|[^\\pL\\pN])(?:" + Alternation(before_cues) + ")\\s*$");
  rules.sentence_cue = Compile("(?:^|[^\\pL\\pN])(?:" + Alternation(sentence_cues) + ")(?:[^\\pL\\pN]|$)");
  rules.percent_after = Compile("(?:^|[^\\pL\\pN])(?:" + Alternation(percent_after) + ")(?:[^\\pL\\pN]|$)");
  rules.share_qualifier = Compile("\\d\\s*%[^;]*(?:^|[^\\pL\\pN])(?:" + Alternation(share_qualifiers) + ")\\s*$");
  rules.span_after = Compile("^(?:" + Alternation(spans_after) + ")(?:[^\\pL\\pN]|$)");
  rules.plan_period = Compile("(?:^|[^\\pL\\pN])(?:" + Alternation(plan_periods) + ")\\s*$");
  rules.status_sentence = Compile("^\\s*(?:" + Alternation(status_sentences) + ")(?:[^\\pL\\pN]|$)");
  rules.section = Compile("^\\s*(?:" + Alternation(sections) + ")(?:[^\\pL\\pN]|$)");
  rules.cue = Compile("(?:^|[^\\pL\\pN])(?:" + Alternation(cues) + ")(?:[^\\pL\\pN]|$)");
  rules.increase = Compile("(?:^|[^\\pL\\pN])(?:" + Alternation(increases) + ")\\s*$");
  rules.category = Compile("(?:(?:^|[^\\pL\\pN])(?:" + Alternation(categories) +
                           ")(?:\\s+\\pL+){0,2}\\s+(?:có|từ)\\s*$)|(?:từ\\s+\\d+\\s*[-–]\\s*(?:dưới|đến)?\\s*$)");
  for (const auto* re : {rules.quantity.get(), rules.section.get(), rules.cue.get(),
                         rules.increase.get(), rules.category.get(), rules.range_tail.get(),
                         rules.range_head.get(), rules.not_quantity.get(),
                         rules.sentence_cue.get(), rules.percent_after.get(),
                         rules.before_cue.get(), rules.baseline_before.get(),
                         rules.baseline_after.get(), rules.share_qualifier.get(),
                         rules.span_after.get(), rules.plan_period.get(),
                         rules.status_sentence.get()}) {
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
    QuoteDepth quotes(view);
    size_t restated_from = 0;  // where the block's last target ended, and its value
    double restated_value = 0;
    size_t pos = 0;
    // A quantity found in the block: the number [nb, ne) and its unit [ub, ue) in `view`.
    struct Found {
      size_t nb, ne, ub, ue;
    };
    std::vector<Found> found;
    while (pos < view.size()) {
      found.clear();
      re2::StringPiece g[4];
      if (!rules.quantity->Match(view, pos, view.size(), RE2::UNANCHORED, g, 4)) break;
      size_t nb = g[1].data() - view.data();
      size_t ne = nb + g[1].size();
      size_t ub, ue;
      bool generic = g[2].empty();
      if (!generic) {
        ub = g[2].data() - view.data();
        ue = ub + g[2].size();
      } else {
        ub = g[3].data() - view.data();
        ue = ub + CountedNounLength(g[3], rules);
        pos = ue > ub ? ue : ne;
        if (ue == ub || IsYearOrCode(g[1]) ||
            RE2::PartialMatch(view.substr(WindowStart(view, nb), nb - WindowStart(view, nb)),
                              *rules.not_quantity)) {
          continue;
        }
      }
      pos = ue;
      found.push_back({nb, ne, ub, ue});
      if (!generic) {
        // Both ends of a range: "75 - 80%", "85%-90%", "91.299 tỷ đồng - 97.386 tỷ đồng".
        // (Matched on pieces of `view`, not copies, so that the captures give positions.)
        size_t ws = WindowStart(view, nb);
        re2::StringPiece head;
        if (RE2::PartialMatch(re2::StringPiece(view.data() + ws, nb - ws), *rules.range_head, &head)) {
          size_t hb = head.data() - view.data();
          found.insert(found.begin(), {hb, hb + head.size(), ub, ue});
        }
        re2::StringPiece tail, tail_unit;
        if (RE2::PartialMatch(re2::StringPiece(view.data() + ue, view.size() - ue),
                              *rules.range_tail, &tail, &tail_unit) &&
            (tail_unit.empty() || Fold(std::string_view(tail_unit.data(), tail_unit.size())) ==
                                         Fold(std::string_view(g[2].data(), g[2].size())))) {
          size_t rb = tail.data() - view.data();
          found.push_back({rb, rb + tail.size(), ub, ue});
          pos = tail_unit.empty() ? rb + tail.size() : tail_unit.data() - view.data() + tail_unit.size();
        }
      }
      // The ends of a range share the context of the first one: its clause, cue and category.
      const size_t lead = found.front().nb;
      // A number inside quotation marks is part of a name ("Gia đình 5 không, 3 sạch").
      if (quotes.InsideAt(lead)) continue;
      for (const Found& q : found) {
      const size_t nb = q.nb, ue = q.ue;
      std::string value_text(t.substr(nb, q.ne - nb));
      auto value = ParseVietnameseNumber(value_text);
      if (!value) continue;
      // Dates ("15 tháng 6") and years are not quantities.
      if (DigitFollows(view, ue)) continue;
      // The text just before the number, for the patterns anchored at its end.
      const std::string before = view.substr(WindowStart(view, lead), lead - WindowStart(view, lead));
      auto [from, to] = ClauseAround(view, lead, ue);
      std::string clause_before = view.substr(from, lead - from);
      std::string clause_after = view.substr(ue, to > ue ? to - ue : 0);
      bool line_value = RE2::PartialMatch(clause_before, LineValueHead()) &&
                        from > 0 && view[from - 1] == ':';
      const bool percent = view.compare(q.ub, q.ue - q.ub, "%") == 0;
      bool cue = RE2::PartialMatch(clause_before, *rules.cue) ||
                 RE2::PartialMatch(clause_after.substr(0, 24), *rules.cue) ||
                 RE2::PartialMatch(clause_before, *rules.before_cue) ||
                 (percent && RE2::PartialMatch(clause_after, *rules.percent_after)) ||
                 RE2::PartialMatch(SentenceBefore(view, lead), *rules.sentence_cue);
      if (!(in_section || cue || line_value)) continue;
      if (!percent && RE2::PartialMatch(clause_before, *rules.share_qualifier)) continue;
      if (RE2::PartialMatch(SentenceBefore(view, lead), *rules.status_sentence)) continue;
      // A restatement in brackets of the quantity just before ("10 Gigabit mỗi giây (10 Gbps)").
      if (restated_from && *value == restated_value && nb > restated_from &&
          nb - restated_from <= kMaxRestatementGap) {
        size_t paren = view.rfind('(', nb);
        if (paren != std::string::npos && paren >= restated_from &&
            view.find_first_not_of(' ', paren + 1) == nb &&
            view.find_first_of(".;,", restated_from) > paren) {
          continue;
        }
      }
      if (RE2::PartialMatch(re2::StringPiece(view.data() + q.ub, view.size() - q.ub), *rules.span_after)) {
        continue;
      }
      if (Fold(t.substr(q.ub, q.ue - q.ub)) == "nam" && RE2::PartialMatch(before, *rules.plan_period)) {
        continue;  // "Kế hoạch … 05 năm": the length of a named plan
      }
      if (RE2::PartialMatch(before, *rules.category)) continue;
      // The starting point of a change ("giảm từ 23 … xuống 18 …") is no target.
      if (RE2::PartialMatch(clause_before, *rules.baseline_before) &&
          RE2::PartialMatch(clause_after, *rules.baseline_after)) {
        continue;
      }
      Target target;
      target.value = *value;
      target.value_text = value_text;
      target.unit = t.substr(q.ub, q.ue - q.ub);
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
                                                       : percent ? FirstWords(clause_after, 2) : ""));
      auto key = std::make_tuple(target.value, Fold(target.unit), year, key_words);
      if (!seen.insert(key).second) continue;
      restated_from = q.ue;
      restated_value = target.value;
      out.push_back(std::move(target));
      }
    }
  }
  return out;
}

}  // namespace plangraph
