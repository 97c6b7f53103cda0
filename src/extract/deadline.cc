#include "deadline.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <vector>

#include "rule_set.h"
#include "text.h"

namespace plangraph {

namespace {

// The numbers a pattern captured; 0 where a group is absent.
struct Parts {
  int d = 0, m = 0, y = 0;     // start (or the single date)
  int d2 = 0, m2 = 0, y2 = 0;  // end of a range
  int q = 0, q2 = 0;           // quarters 1-4
};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// ISO date, or "" when the date does not exist.
std::string Iso(int y, int m, int d) {
  if (y < 1900 || y > 2200 || d < 1 || d > DaysIn(y, m)) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string MonthStart(int y, int m) { return Iso(y, m, 1); }
std::string MonthEnd(int y, int m) { return Iso(y, m, DaysIn(y, m)); }
std::string QuarterStart(int y, int q) { return q ? MonthStart(y, 3 * q - 2) : ""; }
std::string QuarterEnd(int y, int q) { return q ? MonthEnd(y, 3 * q) : ""; }

void Recur(Deadline* d, const char* r) { d->recurrence = r; }

// Tết Nguyên đán (the first day of the lunar year, Vietnamese calendar, UTC+7) of the years
// plans of this era name; other years get no date rather than a guess.
std::string TetDay(int y) {
  static const char* const kTet[] = {
      "2010-02-14", "2011-02-03", "2012-01-23", "2013-02-10", "2014-01-31", "2015-02-19",
      "2016-02-08", "2017-01-28", "2018-02-16", "2019-02-05", "2020-01-25", "2021-02-12",
      "2022-02-01", "2023-01-22", "2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06",
      "2028-01-26", "2029-02-13", "2030-02-03", "2031-01-23", "2032-02-11", "2033-01-31",
      "2034-02-19", "2035-02-08"};
  constexpr int kFirst = 2010, kCount = sizeof kTet / sizeof kTet[0];
  return y >= kFirst && y < kFirst + kCount ? kTet[y - kFirst] : "";
}

// One kind of rule: the groups its pattern must have and how a match becomes dates.
struct Kind {
  const char* name;
  std::vector<std::string> groups;
  void (*compute)(const Parts&, Deadline*);  // null: the match yields no deadline
};

const std::vector<Kind>& Kinds() {
  static const std::vector<Kind> kinds = {
      {"exclude", {}, nullptr},
      {"ignore", {}, nullptr},
      {"quarter",
       {"q"},
       [](const Parts& p, Deadline* d) {
         d->start = QuarterStart(p.y, p.q);
         d->end = QuarterEnd(p.y, p.q);
       }},
      {"quarter_range",
       {"q", "q2"},
       [](const Parts& p, Deadline* d) {
         d->start = QuarterStart(p.y, p.q);
         d->end = QuarterEnd(p.y2, p.q2);
       }},
      {"from_quarter",
       {"q"},
       [](const Parts& p, Deadline* d) { d->start = QuarterStart(p.y, p.q); }},
      {"until_quarter", {"q"}, [](const Parts& p, Deadline* d) { d->end = QuarterEnd(p.y, p.q); }},
      {"month",
       {"m"},
       [](const Parts& p, Deadline* d) {
         d->start = MonthStart(p.y, p.m);
         d->end = MonthEnd(p.y, p.m);
       }},
      {"month_range",
       {"m", "m2"},
       [](const Parts& p, Deadline* d) {
         d->start = MonthStart(p.y, p.m);
         d->end = MonthEnd(p.y2, p.m2);
       }},
      {"from_month", {"m"}, [](const Parts& p, Deadline* d) { d->start = MonthStart(p.y, p.m); }},
      {"until_month", {"m"}, [](const Parts& p, Deadline* d) { d->end = MonthEnd(p.y, p.m); }},
      {"first_half",
       {"y"},
       [](const Parts& p, Deadline* d) {
         d->start = Iso(p.y, 1, 1);
         d->end = Iso(p.y, 6, 30);
       }},
      {"second_half",
       {"y"},
       [](const Parts& p, Deadline* d) {
         d->start = Iso(p.y, 7, 1);
         d->end = Iso(p.y, 12, 31);
       }},
      {"before_date", {"d", "m"}, [](const Parts& p, Deadline* d) { d->end = Iso(p.y, p.m, p.d); }},
      {"from_date", {"d", "m"}, [](const Parts& p, Deadline* d) { d->start = Iso(p.y, p.m, p.d); }},
      {"date_range",
       {"d", "d2", "m2"},
       [](const Parts& p, Deadline* d) {
         d->start = Iso(p.y, p.m, p.d);
         d->end = Iso(p.y2, p.m2, p.d2);
       }},
      {"date_time",
       {"d", "m"},
       [](const Parts& p, Deadline* d) { d->start = d->end = Iso(p.y, p.m, p.d); }},
      {"until_year", {"y"}, [](const Parts& p, Deadline* d) { d->end = Iso(p.y, 12, 31); }},
      {"year_range",
       {"y", "y2"},
       [](const Parts& p, Deadline* d) {
         d->start = Iso(p.y, 1, 1);
         d->end = Iso(p.y2, 12, 31);
       }},
      {"year_onwards", {"y"}, [](const Parts& p, Deadline* d) { d->start = Iso(p.y, 1, 1); }},
      {"in_year",
       {"y"},
       [](const Parts& p, Deadline* d) {
         d->start = Iso(p.y, 1, 1);
         d->end = Iso(p.y, 12, 31);
       }},
      {"until_tet", {"y"}, [](const Parts& p, Deadline* d) { d->end = TetDay(p.y); }},
      {"ongoing", {}, [](const Parts&, Deadline* d) { Recur(d, "ongoing"); }},
      {"annual", {}, [](const Parts&, Deadline* d) { Recur(d, "annual"); }},
      {"semiannual", {}, [](const Parts&, Deadline* d) { Recur(d, "semiannual"); }},
      {"quarterly", {}, [](const Parts&, Deadline* d) { Recur(d, "quarterly"); }},
      {"monthly", {}, [](const Parts&, Deadline* d) { Recur(d, "monthly"); }},
      {"weekly", {}, [](const Parts&, Deadline* d) { Recur(d, "weekly"); }},
      {"periodic", {}, [](const Parts&, Deadline* d) { Recur(d, "periodic"); }},
  };
  return kinds;
}

int ToInt(std::string_view s) {
  int v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && ptr == s.data() + s.size() ? v : 0;
}

int ToQuarter(std::string_view s) {
  std::string u;
  for (char c : s) u.push_back(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  static const char* kRoman[] = {"I", "II", "III", "IV"};
  for (int i = 0; i < 4; ++i) {
    if (u == kRoman[i] || u == std::to_string(i + 1)) return i + 1;
  }
  return 0;
}

// Stores a captured group in the field of the same name; other names are ignored.
void SetPart(const std::string& name, std::string_view value, Parts* p) {
  static const std::map<std::string, int Parts::*> kFields = {
      {"d", &Parts::d},   {"m", &Parts::m},   {"y", &Parts::y}, {"d2", &Parts::d2},
      {"m2", &Parts::m2}, {"y2", &Parts::y2}, {"q", &Parts::q}, {"q2", &Parts::q2}};
  auto it = kFields.find(name);
  if (it == kFields.end() || value.empty()) return;
  p->*it->second = name[0] == 'q' ? ToQuarter(value) : ToInt(value);
}

// Fills in what a range implies: the start month from the end month, one end's year from the
// other, else the document's year. An end before the start, with the end year implied, moves into
// the next year ("từ tháng 11 đến tháng 2").
void ImplyParts(int document_year, Parts* p) {
  if (p->m == 0) p->m = p->m2;
  bool end_implied = p->y2 == 0;
  if (p->y == 0) p->y = p->y2 ? p->y2 : document_year;
  if (p->y2 == 0) p->y2 = p->y;
  bool backwards = (p->m2 && p->m2 < p->m) || (p->q2 && p->q2 < p->q);
  if (end_implied && p->y2 && backwards) ++p->y2;
}

std::string TrimDeadlineText(std::string_view s) {
  std::string t = Trim(s);
  while (!t.empty() && std::string_view(".,;:").find(t.back()) != std::string_view::npos) {
    t.pop_back();
    t = Trim(t);
  }
  // "(ngày 25/11)", a day in brackets after the event it dates: the text is the day.
  if (t.size() >= 2 && t.front() == '(' && t.back() == ')') t = Trim(t.substr(1, t.size() - 2));
  return t;
}

// Unicode spaces (NBSP, thin space…) become as many ASCII spaces, so `\s` sees them and byte
// offsets stay the same.
std::string AsciiSpaces(std::string_view view) {
  std::string s(view);
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
    if (b(0) == 0xC2 && b(1) == 0xA0) {
      s.replace(i, 2, "  ");
    } else if (i + 2 < s.size() && b(0) == 0xE2 && b(1) == 0x80 &&
               ((b(2) >= 0x80 && b(2) <= 0x8A) || b(2) == 0xAF)) {
      s.replace(i, 3, "   ");
    }
  }
  return s;
}

}  // namespace

struct DeadlineRule {
  const Kind* kind;
  std::shared_ptr<const RE2> pattern;  // group 1 is the deadline; the rest is word boundaries
};

Result<DeadlineRules> LoadDeadlineRules(const RuleFile& file) {
  DeadlineRules rules;
  for (const RuleLine& line : file.lines) {
    if (Status s = RequireFields(file, line, 2); !s.ok()) return s;
    const std::string& name = line.fields[0];
    auto kind =
        std::find_if(Kinds().begin(), Kinds().end(), [&](const Kind& k) { return name == k.name; });
    if (kind == Kinds().end()) return file.Error(line, "unknown deadline kind '" + name + "'");
    // Check the pattern as written (clear messages), then compile it between word boundaries.
    auto bare = CompileRulePattern(file, line, line.fields[1]);
    if (!bare.ok()) return bare.status();
    for (const std::string& group : kind->groups) {
      if (!(*bare)->NamedCapturingGroups().count(group)) {
        return file.Error(line, "kind '" + name + "' needs a named group (?P<" + group +
                                    ">...): " + line.fields[1]);
      }
    }
    auto re = CompileRulePattern(file, line,
                                 "(?:^|[^\\pL\\pN])(" + line.fields[1] + ")(?:[^\\pL\\pN]|$)");
    if (!re.ok()) return re.status();
    rules.rules.push_back(std::make_shared<const DeadlineRule>(DeadlineRule{&*kind, *re}));
  }
  std::vector<std::shared_ptr<const RE2>> patterns;
  for (const auto& rule : rules.rules) patterns.push_back(rule->pattern);
  rules.prefilter = std::make_shared<const RuleSet>(patterns);
  return rules;
}

std::vector<DeadlineMention> FindDeadlines(const DeadlineRules& rules, std::string_view view,
                                           std::string_view original, int document_year) {
  struct Hit {
    size_t begin, end, rule;
    Parts parts;
  };
  const std::string text = AsciiSpaces(view);
  const re2::StringPiece input(text);
  std::vector<Hit> hits;
  // Only the rules with a match somewhere in the text run (rule_set.h), in file order.
  std::vector<size_t> candidates;
  if (rules.prefilter) candidates = rules.prefilter->Candidates(text);
  else for (size_t r = 0; r < rules.rules.size(); ++r) candidates.push_back(r);
  for (size_t r : candidates) {
    const RE2& re = *rules.rules[r]->pattern;
    std::vector<re2::StringPiece> g(re.NumberOfCapturingGroups() + 1);
    size_t pos = 0;
    int n = static_cast<int>(g.size());
    while (pos < text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, g.data(), n)) {
      Hit h{static_cast<size_t>(g[1].data() - text.data()), 0, r, {}};
      h.end = h.begin + g[1].size();
      for (const auto& [name, i] : re.NamedCapturingGroups()) {
        if (g[i].data()) SetPart(name, std::string_view(g[i].data(), g[i].size()), &h.parts);
      }
      if (h.end > h.begin) hits.push_back(h);
      pos = std::max(h.end, pos + 1);
    }
  }

  // Exclusions first, then longer matches, then earlier rules; keep what overlaps nothing kept.
  auto is_exclude = [&](const Hit& h) {
    return std::string_view(rules.rules[h.rule]->kind->name) == "exclude";
  };
  std::stable_sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
    if (is_exclude(a) != is_exclude(b)) return is_exclude(a);
    if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
    return a.rule < b.rule;
  });
  // Kept hits by their begin: they never overlap, so the one beginning last before h.end is
  // the only one that can overlap h (a lookup, not a scan: a block may hold a million hits).
  // Exclusions all apply, overlapping or not: they are merged into disjoint spans first (a
  // cited title's period and the vision after it, "… đến năm 2045, tầm nhìn đến năm 2065").
  std::map<size_t, Hit> kept_at;
  std::vector<Hit> excludes;
  for (const Hit& h : hits) {
    if (is_exclude(h)) excludes.push_back(h);
  }
  std::sort(excludes.begin(), excludes.end(), [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
  for (size_t i = 0; i < excludes.size();) {
    Hit merged = excludes[i];
    for (++i; i < excludes.size() && excludes[i].begin < merged.end; ++i) {
      merged.end = std::max(merged.end, excludes[i].end);
    }
    kept_at.emplace(merged.begin, merged);
  }
  for (const Hit& h : hits) {
    if (is_exclude(h)) continue;
    auto next = kept_at.lower_bound(h.end);
    if (next != kept_at.begin() && std::prev(next)->second.end > h.begin) continue;
    kept_at.emplace(h.begin, h);
  }
  std::vector<Hit> kept;
  for (auto& [begin, h] : kept_at) kept.push_back(h);

  if (original.size() != view.size()) original = view;  // broken contract: cut from the view
  std::vector<DeadlineMention> out;
  for (Hit& h : kept) {
    const Kind& kind = *rules.rules[h.rule]->kind;
    if (!kind.compute) continue;
    DeadlineMention m;
    m.begin = h.begin;
    m.end = h.end;
    m.deadline.text = TrimDeadlineText(original.substr(h.begin, h.end - h.begin));
    ImplyParts(document_year, &h.parts);
    kind.compute(h.parts, &m.deadline);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace plangraph
