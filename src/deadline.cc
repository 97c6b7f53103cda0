#include "deadline.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "text.h"

namespace plangraph {

struct DeadlineRule {
  std::string kind;
  std::shared_ptr<const RE2> pattern;
};

namespace {

const std::map<std::string, std::string>& Recurrences() {
  static const std::map<std::string, std::string> m = {
      {"ongoing", "ongoing"},       {"annual", "annual"},   {"semiannual", "semiannual"},
      {"quarterly", "quarterly"},   {"monthly", "monthly"}, {"periodic", "periodic"}};
  return m;
}

bool KnownKind(const std::string& k) {
  static const char* kinds[] = {"exclude", "quarter_range", "month_range", "from_quarter",
                                "from_month", "quarter", "month", "before_date", "date_time",
                                "until_year", "year_onwards", "in_year"};
  return Recurrences().count(k) || std::find(std::begin(kinds), std::end(kinds), k) != std::end(kinds);
}

int DaysIn(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

std::string Iso(int y, int m, int d) {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > DaysIn(y, m)) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int Quarter(const std::string& q) {
  if (q == "I" || q == "1") return 1;
  if (q == "II" || q == "2") return 2;
  if (q == "III" || q == "3") return 3;
  if (q == "IV" || q == "4") return 4;
  return 0;
}

int Int(const std::map<std::string, std::string>& g, const char* name) {
  auto it = g.find(name);
  return it == g.end() || it->second.empty() ? 0 : std::stoi(it->second);
}

void Compute(const std::string& kind, const std::map<std::string, std::string>& g, int doc_year,
             Deadline* d) {
  int y = Int(g, "y"), m = Int(g, "m"), day = Int(g, "d"), y2 = Int(g, "y2"), m2 = Int(g, "m2");
  auto qs = [&](const char* n) { auto it = g.find(n); return it == g.end() ? 0 : Quarter(ToUpper(it->second)); };
  if (auto r = Recurrences().find(kind); r != Recurrences().end()) {
    d->recurrence = r->second;
  } else if (kind == "quarter" || kind == "from_quarter" || kind == "quarter_range") {
    int q = qs("q");
    d->start = Iso(y, 3 * q - 2, 1);
    if (kind == "quarter") d->end = Iso(y, 3 * q, DaysIn(y, 3 * q));
    if (kind == "quarter_range") d->end = Iso(y2, 3 * qs("q2"), DaysIn(y2, 3 * qs("q2")));
  } else if (kind == "month" || kind == "from_month" || kind == "month_range") {
    d->start = Iso(y, m, 1);
    if (kind == "month" && m >= 1 && m <= 12) d->end = Iso(y, m, DaysIn(y, m));
    if (kind == "month_range" && m2 >= 1 && m2 <= 12) d->end = Iso(y2, m2, DaysIn(y2, m2));
  } else if (kind == "before_date") {
    d->end = Iso(y ? y : doc_year, m, day);
  } else if (kind == "date_time") {
    d->start = d->end = Iso(y, m, day);
  } else if (kind == "until_year") {
    d->end = Iso(y, 12, 31);
  } else if (kind == "year_onwards") {
    d->start = Iso(y, 1, 1);
  } else if (kind == "in_year") {
    d->start = Iso(y, 1, 1);
    d->end = Iso(y, 12, 31);
  }
}

std::string TrimDeadlineText(std::string s) {
  s = Trim(s);
  while (!s.empty() && std::string(".,;:").find(s.back()) != std::string::npos) s.pop_back();
  return s;
}

}  // namespace

Result<DeadlineRules> LoadDeadlineRules(const RuleFile& file) {
  DeadlineRules rules;
  for (const RuleLine& line : file.lines) {
    if (Status s = RequireFields(file, line, 2); !s.ok()) return s;
    if (!KnownKind(line.fields[0])) return file.Error(line, "unknown kind '" + line.fields[0] + "'");
    auto re = CompileRulePattern(file, line, "(?:^|[^\\pL\\pN])(" + line.fields[1] + ")(?:[^\\pL\\pN]|$)");
    if (!re.ok()) return re.status();
    rules.rules.push_back(std::make_shared<const DeadlineRule>(DeadlineRule{line.fields[0], *re}));
  }
  return rules;
}

std::vector<DeadlineMention> FindDeadlines(const DeadlineRules& rules, std::string_view view,
                                           std::string_view original, int document_year) {
  struct Hit {
    size_t begin, end;
    size_t rule;
    std::map<std::string, std::string> groups;
  };
  std::vector<Hit> hits;
  for (size_t r = 0; r < rules.rules.size(); ++r) {
    const RE2& re = *rules.rules[r]->pattern;
    int n = re.NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> g(n);
    size_t pos = 0;
    while (pos < view.size() && re.Match(view, pos, view.size(), RE2::UNANCHORED, g.data(), n)) {
      Hit h{static_cast<size_t>(g[1].data() - view.data()), 0, r, {}};
      h.end = h.begin + g[1].size();
      for (const auto& [name, index] : re.NamedCapturingGroups()) {
        if (g[index].data()) h.groups[name] = std::string(g[index]);
      }
      hits.push_back(h);
      pos = std::max(h.end, pos + 1);
    }
  }
  auto overlaps = [](const Hit& a, const Hit& b) { return a.begin < b.end && b.begin < a.end; };
  std::vector<Hit> chosen;
  // Exclusions first, then longer matches, then earlier rules.
  std::sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
    bool ea = rules.rules[a.rule]->kind == "exclude", eb = rules.rules[b.rule]->kind == "exclude";
    if (ea != eb) return ea;
    if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
    return a.rule < b.rule;
  });
  for (const Hit& h : hits) {
    if (std::none_of(chosen.begin(), chosen.end(), [&](const Hit& c) { return overlaps(c, h); })) chosen.push_back(h);
  }
  std::sort(chosen.begin(), chosen.end(), [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
  std::vector<DeadlineMention> out;
  for (const Hit& h : chosen) {
    const std::string& kind = rules.rules[h.rule]->kind;
    if (kind == "exclude") continue;
    DeadlineMention m;
    m.begin = h.begin;
    m.end = h.end;
    m.deadline.text = TrimDeadlineText(std::string(original.substr(h.begin, h.end - h.begin)));
    Compute(kind, h.groups, document_year, &m.deadline);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace plangraph
