#include "agencies.h"

#include <algorithm>

#include "text.h"

namespace plangraph {
namespace {

std::shared_ptr<const RE2> AnchoredAlternation(std::vector<std::string> items) {
  std::string alt = LongestFirstAlternation(std::move(items));
  RE2::Options opt;
  opt.set_case_sensitive(false);
  opt.set_log_errors(false);
  // No leading '^': callers match at an offset with RE2::ANCHOR_START, and RE2 never lets '^'
  // match at a start position other than 0.
  return std::make_shared<const RE2>("(" + alt + ")(?:[^\\pL\\pN]|$)", opt);
}

// "và " ("and", then a space) between names.
constexpr std::string_view kAnd = "và ";
bool IsAnd(const std::string& s, size_t pos) { return s.compare(pos, kAnd.size(), kAnd) == 0; }

size_t SkipSpaces(const std::string& s, size_t pos) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  return pos;
}

size_t WordEnd(const std::string& s, size_t pos) {
  while (pos < s.size() && s[pos] != ' ' && s[pos] != ',' && s[pos] != ';' && s[pos] != ':' &&
         s[pos] != '.' && s[pos] != '(' && s[pos] != ')') {
    ++pos;
  }
  return pos;
}

bool At(const RE2& re, const std::string& s, size_t pos) {
  return re.Match(s, pos, s.size(), RE2::ANCHOR_START, nullptr, 0);
}

int CountWords(const std::string& s) {
  std::string f = Fold(s);
  return f.empty() ? 0 : static_cast<int>(std::count(f.begin(), f.end(), ' ')) + 1;
}

std::string LastWord(const std::string& s) {
  std::string f = Fold(s);
  size_t sp = f.rfind(' ');
  return sp == std::string::npos ? f : f.substr(sp + 1);
}

std::string SecondWord(const std::string& s) {
  std::string f = Fold(s);
  size_t sp = f.find(' ');
  if (sp == std::string::npos) return "";
  size_t end = f.find(' ', sp + 1);
  return f.substr(sp + 1, end == std::string::npos ? std::string::npos : end - sp - 1);
}

}  // namespace

std::string AgencyKey(const std::string& name) {
  std::string f = " " + Fold(name) + " ";
  for (const char* w : {" cac ", " nhung "}) {
    for (size_t p = f.find(w); p != std::string::npos; p = f.find(w)) f.replace(p, std::string(w).size(), " ");
  }
  return Trim(f);
}

Result<AgencyRules> LoadAgencyRules(const RuleFile& file) {
  AgencyRules rules;
  std::vector<std::string> heads, not_heads, stops, directives, openers, prepositions, localities;
  for (const RuleLine& line : file.lines) {
    if (Status s = RequireFields(file, line, 2); !s.ok()) return s;
    const std::string& kind = line.fields[0];
    const std::string& v = line.fields[1];
    auto check = CompileRulePattern(file, line, v);
    if (!check.ok()) return check.status();
    if (kind == "head") {
      heads.push_back(v);
      if (line.fields.size() > 2 && line.fields[2] == "alone") rules.alone.push_back(Fold(v));
    } else if (kind == "not_head") not_heads.push_back(v);
    else if (kind == "stop") stops.push_back(v);
    else if (kind == "directive") directives.push_back(v);
    else if (kind == "opener") openers.push_back(v);
    else if (kind == "preposition") prepositions.push_back(v);
    else if (kind == "locality") {
      localities.push_back(v);
      rules.localities.push_back(Fold(v));
    }
    else if (kind.rfind("role.", 0) == 0) rules.roles.push_back({kind.substr(5), AnchoredAlternation({v})});
    else if (kind == "office" || kind == "alias") {
      if (Status s = RequireFields(file, line, 3); !s.ok()) return s;
      if (kind == "office") rules.offices.push_back({Fold(v), line.fields[2] == "-" ? "" : line.fields[2]});
      else rules.aliases[AgencyKey(v)] = line.fields[2];
    } else if (kind == "collective") {
      rules.collectives.push_back(Fold(v));
    } else {
      return file.Error(line, "unknown kind '" + kind + "'");
    }
  }
  if (heads.empty()) return Status::BadRule(file.path + ": no head lines");
  for (std::string& h : heads) h = "(?:các\\s+)?(?:" + h + ")";  // "Các công đoàn cơ sở"
  rules.head = AnchoredAlternation(heads);
  rules.not_head = AnchoredAlternation(not_heads.empty() ? std::vector<std::string>{"[^\\x00-\\x{10FFFF}]"} : not_heads);
  rules.stop = AnchoredAlternation(stops);
  rules.directive = AnchoredAlternation(directives);
  rules.opener = AnchoredAlternation(openers);
  rules.preposition = AnchoredAlternation(prepositions);
  std::string level = "(?:" + LongestFirstAlternation(localities) + ")";
  RE2::Options opt;
  opt.set_case_sensitive(false);
  rules.locality_word = std::make_shared<const RE2>("(?:^|[^\\pL])" + level + "(?:[^\\pL]|$)", opt);
  rules.locality_complement = std::make_shared<const RE2>(
      "\\s(các\\s+" + level + "(?:\\s*,\\s*" + level + ")*)\\s*$", opt);
  std::sort(rules.offices.begin(), rules.offices.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return rules;
}

namespace {

// Whether the word at `pos` ends a name. Words of a name after its head are capitalised where
// they could be read as verbs ("Sở Xây dựng", "Ban Chỉ đạo"), so a capitalised word never
// stops it; "và" does when a lowercase word or another name follows ("… Thành phố và các tổ
// chức", "… Thành phố và Thành Đoàn").
bool IsStop(const AgencyRules& rules, const std::string& view, size_t pos) {
  if (StartsWithUpper(view.substr(pos, 4))) return false;
  if (At(*rules.stop, view, pos)) return true;
  if (IsAnd(view, pos)) {  // "Sở Kế hoạch và Đầu tư" but "Hội X và Thành Đoàn"
    size_t next = SkipSpaces(view, pos + kAnd.size());
    return next >= view.size() || !StartsWithUpper(view.substr(next, 4)) ||
           At(*rules.head, view, next);
  }
  return false;
}

// The extent of a name whose head starts at `pos`: see the header comment.
size_t NameLength(const AgencyRules& rules, const std::string& view, size_t pos, size_t head_len) {
  // The head's own words are never stop words ("Ban Chỉ đạo" is not cut at "chỉ đạo").
  size_t end = pos + head_len;
  const int kMaxWords = 16;
  const int kMaxPieceWords = 3;
  int words = 1;
  for (;;) {
    size_t next = SkipSpaces(view, end);
    if (next >= view.size()) break;
    char c = view[next];
    if (c == ',' ) {
      // A short continuation that is not itself a name, or parallels the last word
      // ("huyện ủy, thị ủy, thành ủy"), stays part of this name.
      size_t piece_start = SkipSpaces(view, next + 1);
      size_t piece_end = piece_start;
      int piece_words = 0;
      while (piece_end < view.size() && piece_words < kMaxPieceWords) {
        if (IsStop(rules, view, piece_end)) break;
        size_t we = WordEnd(view, piece_end);
        if (we == piece_end) break;
        ++piece_words;
        piece_end = SkipSpaces(view, we);
        if (piece_end < view.size() && (view[piece_end] == ',' || view[piece_end] == ';' ||
                                         view[piece_end] == ':' || view[piece_end] == '.')) break;
      }
      std::string piece = Trim(view.substr(piece_start, piece_end - piece_start));
      bool ends_clause = piece_end >= view.size() || view[piece_end] != ' ' ||
                         IsStop(rules, view, piece_end) || view[piece_end] == ',';
      // "huyện ủy, thị ủy, đảng ủy trực thuộc": the piece's second word repeats the name's last.
      std::string last = LastWord(view.substr(pos, end - pos));
      bool parallel = LastWord(piece) == last || SecondWord(piece) == last;
      if (piece_words > 0 && (piece_words <= 2 || parallel) && ends_clause &&
          (!At(*rules.head, view, piece_start) || parallel)) {
        // Pieces count towards the word limit: thousands of short pieces ("a, b, c, …") are not
        // one name, and reading them all again from every head among them costs their square.
        if ((words += piece_words) > kMaxWords) break;
        end = piece_start + piece.size();
        continue;
      }
      break;
    }
    if (c == ';' || c == ':' || c == '.' || c == '(' || c == ')') break;
    if (IsStop(rules, view, next)) break;
    if (++words > kMaxWords) break;
    end = WordEnd(view, next);
    if (end == next) break;
  }
  return end - pos;
}

}  // namespace

size_t AgencyAt(const AgencyRules& rules, const std::string& view, size_t pos) {
  re2::StringPiece head[2];
  if (!rules.head->Match(view, pos, view.size(), RE2::ANCHOR_START, head, 2)) return 0;
  if (At(*rules.not_head, view, pos)) return 0;
  size_t len = NameLength(rules, view, pos, head[1].size());
  // A bare head ("Ban", "Sở", "Thanh tra") is a name only when the lexicon says so.
  std::string name = Fold(view.substr(pos, len));
  if (name == Fold(head[1]) &&
      std::find(rules.alone.begin(), rules.alone.end(), name) == rules.alone.end()) {
    return 0;
  }
  return len;
}

size_t AgencyListAt(const AgencyRules& rules, const std::string& view, size_t pos) {
  size_t end = pos + AgencyAt(rules, view, pos);
  if (end == pos) return 0;
  for (;;) {
    // A separator: ",", "và", ", và", ";" between names.
    size_t p = SkipSpaces(view, end);
    if (p < view.size() && (view[p] == ',' || view[p] == ';')) p = SkipSpaces(view, p + 1);
    if (IsAnd(view, p)) p = SkipSpaces(view, p + kAnd.size());
    if (p == end || p >= view.size()) break;
    size_t len = AgencyAt(rules, view, p);
    if (len == 0) break;
    end = p + len;
  }
  return end - pos;
}

namespace {

// "Trung tâm Y tế, Phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố": the complement of
// the last name of a comma run goes to the names before it that name no level of their own.
void DistributeLocality(const AgencyRules& rules, const std::vector<int>& run_of,
                        std::vector<std::string>* names) {
  for (size_t i = 0; i < names->size(); ++i) {
    std::string complement;
    if (!RE2::PartialMatch(ToneCanonicalView((*names)[i]), *rules.locality_complement,
                           &complement)) {
      continue;
    }
    for (size_t j = i; j-- > 0 && run_of[j] == run_of[i];) {
      std::string& earlier = (*names)[j];
      if (RE2::PartialMatch(ToneCanonicalView(earlier), *rules.locality_word)) break;
      // The view has the same byte length as the name, so the complement is cut from the name.
      earlier += " " + (*names)[i].substr((*names)[i].size() - complement.size());
    }
  }
}

}  // namespace

std::vector<std::string> SplitAgencyList(const AgencyRules& rules, const std::string& text) {
  std::vector<std::string> out;
  std::vector<int> run_of;  // comma runs: a ';' or an office list starts a new one
  int run = 0;
  std::string view = ToneCanonicalView(text);
  size_t pos = 0;
  while (pos < view.size()) {
    pos = SkipSpaces(view, pos);
    // Officials: "Giám đốc các Sở: A, B" distributes the office over the list.
    std::string folded_rest = Fold(view.substr(pos, 60));
    std::string office_replacement;
    bool office = false;
    for (const auto& [title, replacement] : rules.offices) {
      if (folded_rest.rfind(title + " ", 0) == 0) {
        // Skip as many words as the title has.
        int n = CountWords(title);
        for (int i = 0; i < n; ++i) pos = SkipSpaces(view, WordEnd(view, SkipSpaces(view, pos)));
        office_replacement = replacement;
        office = true;
        break;
      }
    }
    if (office && !view.empty() && pos < view.size() && view[pos] == ':') {
      size_t list_end = view.find(';', pos);
      if (list_end == std::string::npos) list_end = view.size();
      std::string list = text.substr(pos + 1, list_end - pos - 1);
      size_t start = 0;
      while (start < list.size()) {
        size_t comma = list.find(',', start);
        std::string item = Trim(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (!item.empty()) {
          out.push_back(office_replacement + " " + item);
          run_of.push_back(run);
        }
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
      pos = list_end + 1;
      ++run;
      continue;
    }
    size_t len = AgencyAt(rules, view, pos);
    if (len > 0) {
      std::string name = Trim(text.substr(pos, len));
      if (!office_replacement.empty()) name = office_replacement + " " + name;
      out.push_back(name);
      run_of.push_back(run);
      pos += len;
    } else {
      pos = WordEnd(view, pos);
    }
    // Skip separators and list words up to the next name.
    while (pos < view.size()) {
      size_t p = SkipSpaces(view, pos);
      if (p < view.size() && (view[p] == ',' || view[p] == ';')) {
        if (view[p] == ';') ++run;
        pos = p + 1;
        continue;
      }
      if (IsAnd(view, p)) {
        pos = p + kAnd.size();
        continue;
      }
      pos = p;
      break;
    }
    if (len == 0 && pos < view.size() && !At(*rules.head, view, pos)) {
      // Not at a name: move to the next separator.
      size_t sep = view.find_first_of(",;", pos);
      pos = sep == std::string::npos ? view.size() : sep + 1;
    }
  }
  DistributeLocality(rules, run_of, &out);
  return out;
}

std::string CanonicalAgency(const AgencyRules& rules, const std::string& name) {
  auto it = rules.aliases.find(AgencyKey(name));
  return it == rules.aliases.end() ? name : it->second;
}

bool IsCollective(const AgencyRules& rules, const std::string& name) {
  std::string f = Fold(name);
  for (const auto& c : rules.collectives) {
    if (f.rfind(c, 0) == 0) return true;
  }
  return false;
}

}  // namespace plangraph
