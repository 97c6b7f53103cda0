#include "citations.h"

#include <algorithm>
#include <map>
#include <set>

#include "header.h"
#include "text.h"

namespace plangraph {
namespace {

// A document number/symbol: starts with a letter or digit, letter/digit runs joined by - or /
// (a space is tolerated around a separator: "3210/QĐ - UBND").
constexpr char kSymbol[] = R"([\pL\pN][\pL\pN.&]*(?:\s?[-/–]\s?[\pL\pN&][\pL\pN.&]*)*)";
constexpr char kDate[] =
    R"(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})";


// The word-bounded form of a cue pattern: RE2's \b knows only ASCII letters.
std::string Bounded(const std::string& pattern) {
  return "(?:^|[^\\pL\\pN])(" + pattern + ")(?:[^\\pL\\pN]|$)";
}

bool HasDigit(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool HasLetter(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c & 0x80);
  });
}

// Initials of a body's name: "Bộ Tài chính" → "BTC", "Liên đoàn Lao động tỉnh" → "LĐLĐT".
std::string Initials(const std::string& name) {
  std::string out;
  bool start = true;
  for (size_t i = 0; i < name.size();) {
    unsigned char c = name[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    std::string ch = name.substr(i, len);
    bool letter = len > 1 || std::isalpha(c);
    if (letter && start) out += ch;
    start = !letter;
    i += len;
  }
  return Fold(ToUpper(out));
}

struct Mention {
  Citation c;
  SymbolParts parts;
  int year = 0;  // from the date of this mention
};

class Extractor {
 public:
  Extractor(const Segmentation& seg, const CitationRules& rules, const DocumentTypes& types)
      : seg_(seg), rules_(rules), types_(types) {}

  // `view` is the match view of blk.text (same byte offsets); output is cut from blk.text.
  void ScanBlock(const Block& blk, const std::string& view, int section) {
    const std::string& orig = blk.text;
    size_t pos = 0;
    while (pos < view.size()) {
      re2::StringPiece groups[5];
      if (!rules_.mention->Match(view, pos, view.size(), RE2::UNANCHORED, groups, 5)) break;
      size_t begin = groups[0].data() - view.data();
      size_t end = begin + groups[0].size();
      std::string type_written(groups[1].data() ? std::string(groups[1]) : "");
      size_t sym_at = groups[4].data() - view.data();
      bool with_so = (groups[2].data() && !groups[2].empty()) || groups[3].data() != nullptr;
      std::string sym = CleanSymbol(orig.substr(sym_at, groups[4].size()));
      pos = end > pos ? end : pos + 1;
      if (!HasDigit(sym)) continue;
      bool has_sep = sym.find('/') != std::string::npos || sym.find('-') != std::string::npos;
      if (!with_so && !has_sep) continue;
      std::string type = type_written.empty() ? types_.FromSymbol(sym) : types_.Canonical(type_written);
      if (type.empty()) {
        if (type_written.empty() && has_sep && HasLetter(sym)) type = "Văn bản";
        else continue;
      }
      Mention m;
      m.c.type = type;
      m.c.symbol = sym;
      m.c.section = section;
      m.c.text = Trim(orig.substr(begin, end - begin));
      m.parts = SplitSymbol(sym);
      ReadTail(orig, end, &m);
      m.c.relation = RelationBefore(view, begin);
      int line = blk.LineAt(begin);
      const Line& l = seg_.lines[line];
      m.c.span = {l.number, l.begin, l.end};
      mentions_.push_back(std::move(m));
      DefineAlias(view, end, orig);
    }
    FindAliases(blk, view, section);
    ++blocks_scanned_;
  }

  std::vector<Citation> Finish(const std::string& own_symbol) {
    std::string own_stem = own_symbol.empty() ? "" : ReferenceStem(SplitSymbol(own_symbol));
    ResolveYears();
    MergeSlips();
    std::vector<Citation> out;
    for (Mention& m : mentions_) {
      if (!own_stem.empty() && ReferenceStem(m.parts) == own_stem) continue;
      out.push_back(m.c);
    }
    return out;
  }

 private:
  // "(sau đây viết tắt là Nghị quyết 02)" within the sentence after a mention names the last
  // mention; later uses of the short name cite the same document.
  void DefineAlias(const std::string& view, size_t end, const std::string& orig) {
    const size_t kWindow = 400;
    size_t stop = std::min(view.size(), end + kWindow);
    re2::StringPiece g[2];
    if (!rules_.alias->Match(view, end, stop, RE2::UNANCHORED, g, 2)) return;
    std::string name = Trim(orig.substr(g[1].data() - view.data(), g[1].size()));
    size_t at = g[0].data() - view.data() + g[0].size() - 1;
    // A short name that is itself a full mention ("… là Nghị quyết số 02-NQ/TW") needs nothing.
    static const RE2 full_symbol(R"(\d\s*[/-]\s*\pL)");
    if (name.empty() || RE2::PartialMatch(name, full_symbol)) return;
    aliases_.push_back({ToLower(ToneCanonicalView(name)), mentions_.size() - 1, blocks_scanned_, at});
  }

  // Uses of defined short names in a block, each a mention of the aliased document.
  void FindAliases(const Block& blk, const std::string& view, int section) {
    if (aliases_.empty()) return;
    std::string lower = ToLower(view);
    if (lower.size() != view.size()) return;  // case mapping changed lengths: offsets unusable
    for (const Alias& a : aliases_) {
      for (size_t p = lower.find(a.name); p != std::string::npos; p = lower.find(a.name, p + 1)) {
        if (a.block == blocks_scanned_ && p <= a.defined_at) continue;  // the definition itself
        if (!WordBoundary(lower, p, a.name.size())) continue;
        Mention m = mentions_[a.mention];
        m.c.section = section;
        m.c.text = blk.text.substr(p, a.name.size());
        m.c.relation = RelationBefore(view, p);
        const Line& l = seg_.lines[blk.LineAt(p)];
        m.c.span = {l.number, l.begin, l.end};
        mentions_.push_back(std::move(m));
      }
    }
  }

  static bool WordBoundary(const std::string& s, size_t p, size_t n) {
    auto is_word = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
    return (p == 0 || !is_word(s[p - 1])) && (p + n >= s.size() || !is_word(s[p + n]));
  }

  struct Alias {
    std::string name;        // lowercase match view of the short name
    size_t mention;          // index of the aliased mention
    int block;               // the block holding the definition
    size_t defined_at;       // where its "(sau đây …)" clause ends: uses come after
  };
  std::vector<Alias> aliases_;
  int blocks_scanned_ = 0;

  // Date, issuer and title following the symbol.
  void ReadTail(const std::string& view, size_t end, Mention* m) {
    static const RE2 date_re("^\\s*[,;]?\\s*(?:(?:ban hành\\s+)?ngày\\s*)?(" + std::string(kDate) + ")",
                             RE2::Quiet);
    static const RE2 issuer_re(R"(^\s*,?\s*của\s+([^,;.()“”"]+))");
    static const RE2 title_re(R"(^\s*,?\s*(?:về|V/v)\s*(?:việc\s*)?[“"]([^”"]+)[”"])");
    re2::StringPiece rest(view.data() + end, view.size() - end);
    std::string date;
    if (RE2::Consume(&rest, date_re, &date)) {
      m->c.date = ParseVietnameseDate("ngày " + date);
      if (!m->c.date.empty()) m->year = std::stoi(m->c.date.substr(0, 4));
    }
    // The title is looked for after the date: the issuer pattern may swallow "… về “" too.
    re2::StringPiece after_date = rest;
    std::string issuer;
    if (RE2::Consume(&rest, issuer_re, &issuer)) {
      m->c.issuer = CutIssuer(issuer);
    }
    rest = after_date;
    size_t ve = std::string_view(rest.data(), rest.size()).find("về");
    if (ve != std::string::npos && ve < 200) {
      re2::StringPiece t(rest.data() + ve, rest.size() - ve);
      std::string title;
      if (RE2::PartialMatch(t, title_re, &title)) m->c.title = Trim(title);
    }
  }

  std::string CutIssuer(const std::string& raw) const {
    std::string s = Trim(raw);
    // Stop at the first issuer stop word after the first character.
    re2::StringPiece g[2];
    if (s.size() > 1 && rules_.issuer_stop->Match(s, 1, s.size(), RE2::UNANCHORED, g, 2)) {
      return Trim(s.substr(0, g[1].data() - s.data()));
    }
    return s;
  }

  std::string RelationBefore(const std::string& view, size_t begin) const {
    // Look back to the start of the sentence.
    size_t from = 0;
    for (size_t i = begin; i > 1; --i) {
      if (view[i - 1] == ' ' && (view[i - 2] == '.' || view[i - 2] == ';' || view[i - 2] == ':')) {
        from = i;
        break;
      }
    }
    std::string best;
    size_t best_at = 0;
    bool found = false;
    re2::StringPiece window(view.data() + from, begin - from);
    for (const auto& cue : rules_.cues) {
      re2::StringPiece w = window, g;
      while (RE2::FindAndConsume(&w, *cue.pattern, &g)) {
        size_t at = g.data() - view.data();
        if (!found || at > best_at || (at == best_at && false)) {
          best = cue.relation;
          best_at = at;
          found = true;
        }
      }
    }
    if (found) return best;
    // A cue opening the block ("Căn cứ …;" lines list several documents).
    re2::StringPiece head(view.data(), std::min<size_t>(view.size(), 40));
    for (const auto& cue : rules_.cues) {
      re2::StringPiece g;
      if (RE2::PartialMatch(head, *cue.pattern, &g) && g.data() - view.data() < 3) return cue.relation;
    }
    return "mentions";
  }


  // Several documents share a number: an undated mention means the one last cited with a date
  // before it (the text has just introduced it), else the first one cited after it.
  int NearestDatedYear(size_t i) const {
    std::string stem = ReferenceStem(mentions_[i].parts);
    auto year_of = [&](size_t j) {
      const Mention& o = mentions_[j];
      return ReferenceStem(o.parts) == stem ? (o.parts.year ? o.parts.year : o.year) : 0;
    };
    for (size_t j = i; j-- > 0;) {
      if (int y = year_of(j)) return y;
    }
    for (size_t j = i + 1; j < mentions_.size(); ++j) {
      if (int y = year_of(j)) return y;
    }
    return 0;
  }

  void ResolveYears() {
    std::map<std::string, std::set<int>> years;  // stem → years seen
    for (const Mention& m : mentions_) {
      int y = m.parts.year ? m.parts.year : m.year;
      if (y) years[ReferenceStem(m.parts)].insert(y);
    }
    std::map<std::string, std::string> dates;  // key → first date
    for (size_t i = 0; i < mentions_.size(); ++i) {
      Mention& m = mentions_[i];
      int y = m.parts.year ? m.parts.year : m.year;
      if (!y) {
        const auto& ys = years[ReferenceStem(m.parts)];
        if (ys.size() == 1) y = *ys.begin();
        else if (ys.size() > 1) y = NearestDatedYear(i);
      }
      m.c.key = ReferenceKey(m.parts, y);
      if (!m.c.date.empty() && !dates.count(m.c.key)) dates[m.c.key] = m.c.date;
    }
    for (Mention& m : mentions_) {
      if (m.c.date.empty() && dates.count(m.c.key)) m.c.date = dates[m.c.key];
    }
  }

  // A slip in the letter groups ("57-KH/ĐĐ" for "57-KH/LĐLĐ" with the same number, type and
  // date) is one document: keep the symbol whose issuer code matches the issuer's initials.
  void MergeSlips() {
    for (size_t i = 0; i < mentions_.size(); ++i) {
      for (size_t j = i + 1; j < mentions_.size(); ++j) {
        Mention& a = mentions_[i];
        Mention& b = mentions_[j];
        if (a.c.key == b.c.key || a.c.date.empty() || a.c.date != b.c.date ||
            a.c.type != b.c.type || a.parts.number != b.parts.number) {
          continue;
        }
        const Mention& keep = Score(a) >= Score(b) ? a : b;
        std::string key = keep.c.key, symbol = keep.c.symbol;
        SymbolParts parts = keep.parts;
        std::string old_a = a.c.key, old_b = b.c.key;
        for (Mention& m : mentions_) {
          if (m.c.key == old_a || m.c.key == old_b) {
            m.c.key = key;
            m.c.symbol = symbol;
            m.parts = parts;
          }
        }
      }
    }
  }

  int Score(const Mention& m) const {
    std::string initials;
    for (const Mention& other : mentions_) {
      if (other.c.key == m.c.key && !other.c.issuer.empty()) initials += Initials(other.c.issuer) + " ";
    }
    int score = 0;
    for (const std::string& g : m.parts.groups) {
      std::string f = Fold(g);
      if (f.size() >= 2 && initials.find(f) != std::string::npos) score += 2;
    }
    for (const Mention& other : mentions_) score += other.c.key == m.c.key;
    return score;
  }

  const Segmentation& seg_;
  const CitationRules& rules_;
  const DocumentTypes& types_;
  std::vector<Mention> mentions_;
};

}  // namespace

Result<CitationRules> LoadCitationRules(const RuleFile& file, const DocumentTypes& types) {
  CitationRules rules;
  std::vector<std::string> stops;
  for (const RuleLine& line : file.lines) {
    if (Status s = RequireFields(file, line, 2); !s.ok()) return s;
    const std::string& kind = line.fields[0];
    const std::string& value = line.fields[1];
    if (kind.rfind("relation.", 0) == 0) {
      auto re = CompileRulePattern(file, line, Bounded(value));
      if (!re.ok()) return re.status();
      rules.cues.push_back({kind.substr(9), *re});
    } else if (kind == "issuer.stop") {
      stops.push_back(RE2::QuoteMeta(value));
    } else if (kind == "alias") {
      auto re = CompileRulePattern(file, line, value);
      if (!re.ok()) return re.status();
      rules.alias = *re;
    } else {
      return file.Error(line, "unknown kind '" + kind + "'");
    }
  }
  RE2::Options stop_options;
  stop_options.set_case_sensitive(false);
  stop_options.set_log_errors(false);
  rules.issuer_stop = std::make_shared<const RE2>(
      stops.empty() ? "(?!)" : Bounded(LongestFirstAlternation(stops)), stop_options);
  if (!rules.alias) rules.alias = std::make_shared<const RE2>("(?!)", RE2::Quiet);
  // TYPE [số] SYMBOL, or bare "số SYMBOL"; longest type names first.
  std::vector<std::string> names;
  for (const DocumentType& t : types.types) {
    names.push_back(t.name);
    for (const auto& v : t.variants) names.push_back(v);
  }
  for (auto& n : names) n = RE2::QuoteMeta(n);
  std::string alternation = LongestFirstAlternation(names);
  std::string pattern = "(?i)(?:^|[^\\pL\\pN])(?:(" + alternation +
                        ")\\s*(số\\s*:?)?\\s*|()số\\s+)(" + kSymbol + ")";
  RE2::Options opt;
  opt.set_log_errors(false);
  auto re = std::make_shared<const RE2>(pattern, opt);
  if (!re->ok()) return Status::BadRule(file.path + ": document types make a bad pattern: " + re->error());
  rules.mention = re;
  return rules;
}

std::vector<Citation> ExtractCitations(const Segmentation& seg, std::string_view,
                                       const CitationRules& rules, const DocumentTypes& types,
                                       const std::string& own_symbol) {
  Extractor ex(seg, rules, types);
  // The title lines and every block (body, footer, footnotes); header lines are the document's own.
  if (seg.title_first >= 0) {
    Block title;
    title.first_line = seg.title_first;
    for (int i = seg.title_first; i <= seg.title_last; ++i) {
      title.line_starts.push_back({title.text.size() + (title.text.empty() ? 0 : 1), i});
      title.text += (title.text.empty() ? "" : " ") + seg.lines[i].text;
    }
    ex.ScanBlock(title, ToneCanonicalView(title.text), -1);
  }
  for (const Block& blk : seg.blocks) {
    if (blk.kind == Block::Kind::kTableRow) continue;
    ex.ScanBlock(blk, ToneCanonicalView(blk.text), blk.section);
  }
  return ex.Finish(own_symbol);
}

}  // namespace plangraph
