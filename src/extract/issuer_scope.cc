#include "issuer_scope.h"

#include <algorithm>
#include <map>
#include <set>

#include "reference.h"
#include "text.h"

namespace plangraph {
namespace {

std::vector<std::string> SplitOn(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t at = s.find(sep, start);
    if (at == std::string::npos) at = s.size();
    std::string item = Trim(s.substr(start, at - start));
    if (!item.empty()) out.push_back(std::move(item));
    start = at + 1;
  }
  return out;
}

// A word of the issuer text: as written and folded.
struct Word {
  std::string written;
  std::string folded;
};

std::vector<Word> WordsOf(std::string_view text) {
  std::vector<Word> words;
  for (const std::string& w : SplitOn(CollapseSpaces(text), ' ')) {
    std::string f = Fold(w);
    if (f.empty() && w != "-" && w != "–") continue;  // punctuation alone
    words.push_back({w, std::move(f)});
  }
  return words;
}

// Number of words of `phrase` (folded, space-separated) matching words[at…], or 0.
size_t MatchPhrase(const std::vector<Word>& words, size_t at, std::string_view phrase) {
  size_t n = 0;
  while (!phrase.empty()) {
    const size_t sp = phrase.find(' ');
    const std::string_view part = phrase.substr(0, sp);
    if (at + n >= words.size() || words[at + n].folded != part) return 0;
    ++n;
    phrase = sp == std::string_view::npos ? std::string_view() : phrase.substr(sp + 1);
  }
  return n;
}

// The longest level phrase at words[at], or nullptr.
const IssuerRules::Level* LevelAt(const IssuerRules& rules, const std::vector<Word>& words,
                                  size_t at, size_t* length) {
  const IssuerRules::Level* best = nullptr;
  *length = 0;
  for (const IssuerRules::Level& level : rules.levels) {
    for (const std::string& w : level.words) {
      const size_t n = MatchPhrase(words, at, w);
      if (n > *length) {
        *length = n;
        best = &level;
      }
    }
  }
  return best;
}

bool StopAt(const IssuerRules& rules, const std::vector<Word>& words, size_t at) {
  size_t level_length = 0;
  if (LevelAt(rules, words, at, &level_length) != nullptr) return true;
  return std::any_of(rules.stops.begin(), rules.stops.end(),
                     [&](const std::string& s) { return MatchPhrase(words, at, s) > 0; });
}

// A place name is a short run of capitalised words (or numbers: "Phường 5", "Quận 1").
constexpr size_t kMaxPlaceWords = 6;

std::string PlaceAfter(const IssuerRules& rules, const std::vector<Word>& words, size_t at) {
  std::string place;
  for (size_t i = at; i < words.size() && i < at + kMaxPlaceWords; ++i) {
    const Word& w = words[i];
    const bool joiner = w.folded.empty();  // "Bà Rịa - Vũng Tàu"
    const bool name = StartsWithUpper(w.written) || (w.written[0] >= '0' && w.written[0] <= '9');
    if ((!joiner && !name) || StopAt(rules, words, i)) break;
    if (!joiner) place += (place.empty() ? "" : " ") + w.folded;
  }
  return place;
}

}  // namespace

Result<IssuerRules> LoadIssuerRules(const RuleFile& file) {
  IssuerRules rules;
  for (const RuleLine& line : file.lines) {
    const std::string& kind = line.fields[0];
    if (kind == "unique") {
      if (Status s = RequireFields(file, line, 2); !s.ok()) return s;
      const SymbolParts parts = SplitSymbol("0/" + line.fields[1]);
      if (parts.groups.size() != 1) {
        return file.Error(line, "'" + line.fields[1] + "' is not one letter group");
      }
      rules.unique_codes.push_back(parts.groups.front());
    } else if (kind == "level") {
      if (Status s = RequireFields(file, line, 4); !s.ok()) return s;
      IssuerRules::Level level;
      level.name = line.fields[1];
      const std::string& rank = line.fields[2];
      if (rank.empty() || rank.size() > 2 ||
          !std::all_of(rank.begin(), rank.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return file.Error(line, "rank '" + rank + "' is not a small number");
      }
      level.rank = std::stoi(rank);
      for (const std::string& w : SplitOn(line.fields[3], '|')) level.words.push_back(Fold(w));
      if (level.words.empty()) return file.Error(line, "level '" + level.name + "' has no words");
      rules.levels.push_back(std::move(level));
    } else if (kind == "code") {
      if (Status s = RequireFields(file, line, 3); !s.ok()) return s;
      const SymbolParts parts = SplitSymbol("0/" + line.fields[1]);
      if (parts.groups.size() != 1) {
        return file.Error(line, "'" + line.fields[1] + "' is not one letter group");
      }
      rules.code_levels.emplace_back(parts.groups.front(), Fold(line.fields[2]));
    } else if (kind == "stop") {
      if (Status s = RequireFields(file, line, 2); !s.ok()) return s;
      rules.stops.push_back(Fold(line.fields[1]));
    } else {
      return file.Error(line, "unknown kind '" + kind + "' (expected unique, code, level or stop)");
    }
  }
  std::sort(rules.unique_codes.begin(), rules.unique_codes.end());
  return rules;
}

std::vector<IssuerPlace> FindIssuerPlaces(const IssuerRules& rules,
                                          std::string_view issuer_text) {
  const std::vector<Word> words = WordsOf(issuer_text);
  std::vector<std::pair<int, IssuerPlace>> found;  // rank, place
  for (size_t i = 0; i < words.size(); ++i) {
    size_t length = 0;
    const IssuerRules::Level* level = LevelAt(rules, words, i, &length);
    if (level == nullptr) continue;
    found.push_back({level->rank, {Fold(level->name), PlaceAfter(rules, words, i + length)}});
    i += length - 1;
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<IssuerPlace> places;
  for (auto& [rank, place] : found) places.push_back(std::move(place));
  return places;
}

IssuerPlace FindIssuerPlace(const IssuerRules& rules, std::string_view issuer_text) {
  std::vector<IssuerPlace> places = FindIssuerPlaces(rules, issuer_text);
  // The narrowest level wins; among equals the later one.
  return places.empty() ? IssuerPlace{} : places.back();
}

bool HasUniqueIssuer(const IssuerRules& rules, const std::vector<std::string>& groups) {
  return std::any_of(groups.begin(), groups.end(), [&](const std::string& g) {
    return std::binary_search(rules.unique_codes.begin(), rules.unique_codes.end(), g);
  });
}

namespace {

// The place the context gives at `level`, or "".
std::string ContextPlace(const std::vector<IssuerPlace>& context, const std::string& level) {
  for (auto it = context.rbegin(); it != context.rend(); ++it) {
    if (it->level == level && !it->place.empty()) return it->place;
  }
  return "";
}

}  // namespace

std::string IssuerScope(const IssuerRules& rules, const std::vector<std::string>& groups,
                        const IssuerPlace& issuer, const std::vector<IssuerPlace>& context) {
  if (HasUniqueIssuer(rules, groups)) return "";
  IssuerPlace p = issuer;
  if (p.level.empty()) {
    // No level named: a letter group may name it ("49-KH/TU"), else the citing plan's own body
    // (or one of its place) is meant.
    for (const auto& [code, level] : rules.code_levels) {
      if (std::binary_search(groups.begin(), groups.end(), code)) p.level = level;
    }
    if (p.level.empty() && p.place.empty() && !context.empty()) p = context.back();
  }
  // "UBND tỉnh" in a plan of the province: that province.
  if (p.place.empty()) p.place = ContextPlace(context, p.level);
  if (p.level.empty() || p.place.empty()) return "?";
  return p.level + ":" + p.place;
}

std::string WithIssuerScope(const std::string& key, const std::string& scope) {
  return scope.empty() ? key : key + "|" + scope;
}

namespace {

// Mentions of one document whose issuer part is "?" take the one issuer that other mentions of
// the same number, letter groups and year in the plan give ("Tỉnh ủy" … "Tỉnh ủy Tây Ninh").
void ShareIssuersWithinPlan(std::vector<Citation>& citations) {
  std::map<std::string, std::set<std::string>> scopes;  // key without issuer part → issuers
  auto base_of = [](const std::string& key) { return key.substr(0, key.rfind('|')); };
  auto is_ambiguous = [](const std::string& key) {
    return key.size() > 2 && key.compare(key.size() - 2, 2, "|?") == 0 &&
           std::count(key.begin(), key.end(), '|') == 3;
  };
  for (const Citation& c : citations) {
    if (std::count(c.key.begin(), c.key.end(), '|') == 3 && !is_ambiguous(c.key)) {
      scopes[base_of(c.key)].insert(c.key);
    }
  }
  for (Citation& c : citations) {
    if (!is_ambiguous(c.key)) continue;
    const auto it = scopes.find(base_of(c.key));
    if (it != scopes.end() && it->second.size() == 1) c.key = *it->second.begin();
  }
}

}  // namespace

void QualifyIssuers(const IssuerRules& rules, Extraction& e) {
  DocumentInfo& d = e.document;
  std::vector<IssuerPlace> own = FindIssuerPlaces(rules, d.issuer);
  // The header names the level ("ỦY BAN NHÂN DÂN TỈNH") and the place line its name.
  if (!own.empty() && own.back().place.empty()) {
    own.back().place = ContextPlace(own, own.back().level);
    if (own.back().place.empty()) own.back().place = Fold(d.place);
  }
  // A header naming no level ("CÔNG ĐOÀN CƠ SỞ"): the place line is the only clue, for a
  // citation naming a level without a place ("của Liên đoàn Lao động tỉnh").
  const std::string place_line = own.empty() ? Fold(d.place) : "";
  std::map<std::string, IssuerPlace> places;
  for (Citation& c : e.citations) {
    if (c.key.empty()) continue;
    const SymbolParts parts = SplitSymbol(c.symbol);
    // A plan names few issuers many times: each text is read once.
    auto [known, fresh] = places.try_emplace(c.issuer);
    if (fresh) known->second = FindIssuerPlace(rules, c.issuer);
    IssuerPlace issuer = known->second;
    if (!issuer.level.empty() && issuer.place.empty()) issuer.place = place_line;
    c.key = WithIssuerScope(c.key, IssuerScope(rules, parts.groups, issuer, own));
  }
  ShareIssuersWithinPlan(e.citations);
  d.key.clear();
  if (d.symbol.empty()) return;
  const SymbolParts parts = SplitSymbol(d.symbol);
  if (parts.number.empty()) return;
  int year = 0;
  if (d.date.size() >= 4 && std::all_of(d.date.begin(), d.date.begin() + 4,
                                         [](char ch) { return ch >= '0' && ch <= '9'; })) {
    year = std::stoi(d.date.substr(0, 4));
  }
  const IssuerPlace issuer = own.empty() ? IssuerPlace{} : own.back();
  d.key = WithIssuerScope(ReferenceKey(parts, year), IssuerScope(rules, parts.groups, issuer, own));
}

}  // namespace plangraph
