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
  std::vector<std::string> heads, not_heads, stops, directives, openers, prepositions, localities,
      locality_suffixes;
  std::vector<std::string> names, fields, field_heads, lead_ins, tails, statements;
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
    else if (kind == "locality.suffix") locality_suffixes.push_back(v);
    else if (kind == "locality") {
      localities.push_back(v);
      rules.localities.push_back(Fold(v));
    }
    else if (kind.rfind("role.", 0) == 0) rules.roles.push_back({kind.substr(5), AnchoredAlternation({v})});
    else if (kind == "name") names.push_back(v);
    else if (kind == "field") fields.push_back(v);
    else if (kind == "field_head") field_heads.push_back(v);
    else if (kind == "lead_in") lead_ins.push_back(v);
    else if (kind == "heading_tail") tails.push_back(v);
    else if (kind == "statement") statements.push_back(v);
    else if (kind == "office" || kind == "alias" || kind == "label") {
      if (Status s = RequireFields(file, line, 3); !s.ok()) return s;
      if (kind == "office") {
        rules.offices.push_back({AnchoredAlternation({v}), line.fields[2] == "-" ? "" : line.fields[2]});
      } else if (kind == "label") {
        RE2::Options lopt;
        lopt.set_case_sensitive(false);
        rules.labels.push_back(
            {line.fields[2], std::make_shared<const RE2>("(?:" + v + ")\\s*:\\s*", lopt)});
      } else {
        rules.aliases[AgencyKey(v)] = line.fields[2];
      }
    } else if (kind == "collective") {
      rules.collectives.push_back(Fold(v));
    } else {
      return file.Error(line, "unknown kind '" + kind + "'");
    }
  }
  if (heads.empty()) return Status::BadRule(file.path + ": no head lines");
  for (std::string& h : heads) h = "(?:các\\s+)?(?:" + h + ")";  // "Các công đoàn cơ sở"
  rules.head = AnchoredAlternation(heads);
  if (!field_heads.empty() && !fields.empty()) {
    names.push_back("(?:" + LongestFirstAlternation(field_heads) + ")\\s+(?:" +
                    LongestFirstAlternation(fields) + ")");
  }
  if (!names.empty()) {
    for (std::string& n : names) n = "(?:các\\s+)?(?:" + n + ")";
    rules.known = AnchoredAlternation(names);
  }
  if (!lead_ins.empty()) rules.lead_in = AnchoredAlternation(lead_ins);
  if (!statements.empty()) rules.statement = AnchoredAlternation(statements);
  if (!tails.empty()) {
    RE2::Options topt;
    topt.set_case_sensitive(false);
    std::string alt;
    for (const auto& t : tails) alt += (alt.empty() ? "" : "|") + ("(?:" + t + ")");
    rules.heading_tail = std::make_shared<const RE2>("^\\s*(?:" + alt + ")\\s*$", topt);
  }
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
  std::string suffix = locality_suffixes.empty()
                           ? ""
                           : "(?:\\s+(?:" + LongestFirstAlternation(locality_suffixes) + "))?";
  rules.locality_list = std::make_shared<const RE2>(
      "(" + level + "(?:\\s*,\\s*" + level + ")*" + suffix + ")(?:[^\\pL]|$)", opt);
  // Longest title first: "Bộ trưởng các Bộ" before "Bộ trưởng".
  std::stable_sort(rules.offices.begin(), rules.offices.end(), [](const auto& a, const auto& b) {
    return a.first->pattern().size() > b.first->pattern().size();
  });
  return rules;
}

namespace {

bool OfficeAt(const AgencyRules& rules, const std::string& view, size_t pos, size_t* len,
              std::string* replacement);

// Whether the word at `pos` ends a name. Words of a name after its head are capitalised where
// they could be read as verbs ("Sở Xây dựng", "Ban Chỉ đạo"), so a capitalised word never
// stops it; "và" does when a lowercase word or another name follows ("… Thành phố và các tổ
// chức", "… Thành phố và Thành Đoàn").
bool IsStop(const AgencyRules& rules, const std::string& view, size_t pos) {
  if (StartsWithUpper(view.substr(pos, 4))) return false;
  if (At(*rules.stop, view, pos)) return true;
  if (IsAnd(view, pos)) {  // "Sở Kế hoạch và Đầu tư" but "Hội X và Thành Đoàn"
    size_t next = SkipSpaces(view, pos + kAnd.size());
    size_t title_len;
    std::string office;
    return next >= view.size() || !StartsWithUpper(view.substr(next, 4)) ||
           At(*rules.head, view, next) || OfficeAt(rules, view, next, &title_len, &office);
  }
  return false;
}

// "Cục Mỹ thuật, Nhiếp ảnh và Triển lãm", "Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt
// Nam": after the comma at `comma`, pieces that each open with a capital and none with a head,
// the last holding "và" and a capitalised word, belong to the name. Returns where the last piece
// ends (at a stop word, a comma or other punctuation), 0 when the text after the comma is not
// such an enumeration.
size_t EnumerationEnd(const AgencyRules& rules, const std::string& view, size_t comma) {
  const int kMaxWords = 16;
  int words = 0;
  bool saw_and = false;
  size_t end = 0;
  size_t p = comma;
  while (!saw_and) {
    p = SkipSpaces(view, p + 1);  // past the comma
    if (p >= view.size() || At(*rules.head, view, p) || !StartsWithUpper(view.substr(p, 4))) return 0;
    for (;;) {
      p = SkipSpaces(view, p);
      if (p >= view.size()) return saw_and ? end : 0;
      if (view[p] == ',') break;
      size_t we = WordEnd(view, p);
      if (we == p || IsStop(rules, view, p)) return saw_and ? end : 0;
      // "…, Giám đốc Sở Tài chính và …" is a list of bodies, not one name.
      size_t title_len;
      std::string office;
      if (At(*rules.head, view, p) || OfficeAt(rules, view, p, &title_len, &office)) return 0;
      if (view.compare(p, we - p, "và") == 0) saw_and = true;
      if (++words > kMaxWords) return 0;
      end = p = we;
    }
  }
  return end;
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
    if (c == ',') {
      // "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương": more levels after "các tỉnh".
      re2::StringPiece levels[2];  // the whole match, and group 1 without the boundary after it
      size_t after_comma = SkipSpaces(view, next + 1);
      if (rules.locality_list && RE2::PartialMatch(re2::StringPiece(view.data() + pos, end - pos), *rules.locality_complement) &&
          rules.locality_list->Match(view, after_comma, view.size(), RE2::ANCHOR_START, levels, 2)) {
        end = after_comma + levels[1].size();
        continue;
      }
      if (size_t e = EnumerationEnd(rules, view, next)) {
        end = e;
        continue;
      }
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
  // A name the lexicon knows whole is read whole, then may go on ("… Du lịch tỉnh Gia Lai").
  re2::StringPiece known[2];
  if (rules.known && rules.known->Match(view, pos, view.size(), RE2::ANCHOR_START, known, 2)) {
    return NameLength(rules, view, pos, known[1].size());
  }
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

namespace {

// The end of a list of places or fields after a colon ("các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai
// và Lâm Đồng chỉ đạo …", "các Sở: Y tế, Tài chính;"), `colon` + 1 when no capitalised item
// follows. The list ends at a stop word, at punctuation other than a comma, or at a lowercase
// word after a comma.
size_t ColonListEnd(const AgencyRules& rules, const std::string& view, size_t colon) {
  const int kMaxWords = 30;
  size_t p = SkipSpaces(view, colon + 1);
  size_t end = colon + 1;
  if (p >= view.size() || !StartsWithUpper(view.substr(p, 4))) return end;
  bool after_comma = false;
  for (int words = 0; words < kMaxWords;) {
    p = SkipSpaces(view, p);
    if (p >= view.size()) break;
    if (view[p] == ',') {
      after_comma = true;
      ++p;
      continue;
    }
    size_t we = WordEnd(view, p);
    if (we == p || IsStop(rules, view, p)) break;
    if (after_comma && !StartsWithUpper(view.substr(p, 4))) break;
    after_comma = false;
    end = we;
    p = we;
    ++words;
  }
  return end;
}

// The replacement an official's title stands for ("Giám đốc" → "", "Bộ trưởng các Bộ" → "Bộ"),
// and the title's length, when a title starts at `pos`.
bool OfficeAt(const AgencyRules& rules, const std::string& view, size_t pos, size_t* len,
              std::string* replacement) {
  for (const auto& [title, office] : rules.offices) {
    re2::StringPiece m[2];
    if (title->Match(view, pos, view.size(), RE2::ANCHOR_START, m, 2)) {
      *len = m[1].size();
      *replacement = office;
      return true;
    }
  }
  return false;
}

bool HasPlural(const std::string& name) { return (" " + Fold(name) + " ").find(" cac ") != std::string::npos; }

// One name at `pos`, with an official's title before it and a colon list after it.
size_t OneNameAt(const AgencyRules& rules, const std::string& view, size_t pos) {
  size_t title_len = 0;
  std::string replacement;
  size_t p = pos;
  if (OfficeAt(rules, view, pos, &title_len, &replacement)) {
    p = SkipSpaces(view, pos + title_len);
    if (p < view.size() && view[p] == ':') {
      size_t e = ColonListEnd(rules, view, p);
      return e > p + 1 ? e - pos : 0;
    }
  }
  size_t len = AgencyAt(rules, view, p);
  if (len == 0) {
    // "Bộ trưởng, Thủ trưởng cơ quan ngang bộ" stands for the bodies themselves.
    bool whole = title_len > 0 && !replacement.empty() &&
                 (p >= view.size() || view[p] == ',' || view[p] == ';' || IsStop(rules, view, p));
    return whole ? title_len : 0;
  }
  size_t end = p + len;
  if (end < view.size() && view[end] == ':' && HasPlural(view.substr(p, len))) {
    size_t e = ColonListEnd(rules, view, end);
    if (e > end + 1) end = e;
  }
  return end - pos;
}

}  // namespace

size_t AgencyListAt(const AgencyRules& rules, const std::string& view, size_t pos) {
  size_t end = pos + OneNameAt(rules, view, pos);
  if (end == pos) return 0;
  for (;;) {
    // A separator: ",", "và", ", và", ";" between names.
    size_t p = SkipSpaces(view, end);
    if (p < view.size() && (view[p] == ',' || view[p] == ';')) p = SkipSpaces(view, p + 1);
    if (IsAnd(view, p)) p = SkipSpaces(view, p + kAnd.size());
    if (p == end || p >= view.size()) break;
    size_t len = OneNameAt(rules, view, p);
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
      // A collective ("Các sở, ban, ngành") is of its own level, not the districts'.
      if (Fold(earlier).rfind("cac ", 0) == 0) break;
      // The view has the same byte length as the name, so the complement is cut from the name.
      earlier += " " + (*names)[i].substr((*names)[i].size() - complement.size());
    }
  }
}

}  // namespace

namespace {

// "Bộ" + "Tài chính, Nông nghiệp và Môi trường, Quốc phòng" → "Bộ Tài chính", "Bộ Nông nghiệp
// và Môi trường", "Bộ Quốc phòng"; "tỉnh" + "Gia Lai và Lâm Đồng" → two. An item is cut at
// "và" unless the base and the item make a name the lexicon knows.
void DistributeList(const AgencyRules& rules, const std::string& base, const std::string& list,
                    std::vector<std::string>* out) {
  auto emit = [&](const std::string& item) {
    std::string t = Trim(item);
    if (!t.empty()) out->push_back(base.empty() ? t : base + " " + t);
  };
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string item = Trim(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    std::string whole = base.empty() ? item : base + " " + item;
    std::string view = ToneCanonicalView(whole);
    re2::StringPiece known[2];
    bool is_known = rules.known && rules.known->Match(view, 0, view.size(), RE2::ANCHOR_START, known, 2) &&
                    known[1].size() == view.size();
    size_t and_at = item.find(" và ");
    if (!is_known && and_at != std::string::npos) {
      emit(item.substr(0, and_at));
      emit(item.substr(and_at + 4));
    } else {
      emit(item);
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
}

// "Ủy ban nhân dân các tỉnh" → "Ủy ban nhân dân tỉnh": the base each place after the colon joins.
std::string WithoutPlural(const std::string& name) {
  std::string padded = " " + name + " ";
  for (const char* w : {" các ", " Các "}) {
    size_t p = padded.find(w);
    if (p != std::string::npos) {
      padded.erase(p, 4 + 1);  // "các" is 4 bytes, plus one space
      break;
    }
  }
  return Trim(padded);
}

}  // namespace

std::vector<std::string> SplitAgencyList(const AgencyRules& rules, const std::string& text) {
  std::vector<std::string> out;
  std::vector<int> run_of;  // comma runs: a ';' or an office list starts a new one
  int run = 0;
  std::string view = ToneCanonicalView(text);
  auto add_run = [&](size_t from) {
    for (size_t i = from; i < out.size(); ++i) run_of.push_back(run);
  };
  size_t pos = 0;
  while (pos < view.size()) {
    pos = SkipSpaces(view, pos);
    bool skipped_word = false;
    // Officials: "Giám đốc các Sở: A, B" distributes the office over the list.
    size_t title_len = 0;
    std::string office_replacement;
    bool office = OfficeAt(rules, view, pos, &title_len, &office_replacement);
    if (office) pos = SkipSpaces(view, pos + title_len);
    if (office && pos < view.size() && view[pos] == ':') {
      size_t list_end = ColonListEnd(rules, view, pos);
      size_t from = out.size();
      DistributeList(rules, office_replacement, text.substr(pos + 1, list_end - pos - 1), &out);
      add_run(from);
      pos = list_end;
      ++run;
    } else {
      size_t len = AgencyAt(rules, view, pos);
      if (len > 0) {
        std::string name = Trim(text.substr(pos, len));
        size_t end = pos + len;
        if (end < view.size() && view[end] == ':' && HasPlural(name) &&
            ColonListEnd(rules, view, end) > end + 1) {
          size_t list_end = ColonListEnd(rules, view, end);
          size_t from = out.size();
          DistributeList(rules, WithoutPlural(name), text.substr(end + 1, list_end - end - 1), &out);
          add_run(from);
          ++run;
          pos = list_end;
        } else {
          if (!office_replacement.empty()) name = office_replacement + " " + name;
          out.push_back(name);
          run_of.push_back(run);
          pos = end;
        }
      } else if (office && !office_replacement.empty() &&
                 (pos >= view.size() || view[pos] == ',' || view[pos] == ';' || IsStop(rules, view, pos))) {
        out.push_back(office_replacement);  // "Bộ trưởng, Thủ trưởng cơ quan ngang bộ"
        run_of.push_back(run);
      } else {
        pos = WordEnd(view, pos);
        skipped_word = true;
      }
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
    size_t unused_len;
    std::string unused;
    if (skipped_word && pos < view.size() && AgencyAt(rules, view, pos) == 0 &&
        !OfficeAt(rules, view, pos, &unused_len, &unused)) {
      // Not at a name: move to the next separator.
      size_t sep = view.find_first_of(",;", pos);
      pos = sep == std::string::npos ? view.size() : sep + 1;
    }
  }
  DistributeLocality(rules, run_of, &out);
  return out;
}

std::vector<std::string> AgencyHeadingNames(const AgencyRules& rules, const std::string& text) {
  std::string view = ToneCanonicalView(text);
  size_t start = SkipSpaces(view, 0);
  re2::StringPiece lead[2];
  if (rules.lead_in && rules.lead_in->Match(view, start, view.size(), RE2::ANCHOR_START, lead, 2)) {
    start = SkipSpaces(view, start + lead[1].size());
  }
  size_t len = AgencyListAt(rules, view, start);
  if (len == 0) return {};
  std::string rest = view.substr(start + len);
  if (!IsBlank(rest) && !(rules.heading_tail && RE2::FullMatch(rest, *rules.heading_tail))) return {};
  return SplitAgencyList(rules, text.substr(start, len));
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
