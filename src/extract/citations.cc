#include "citations.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

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

// Bounds on how far around a mention the extractor reads, so that a block of a million mentions
// costs a million times a constant, never the square of its length. Real dates, issuers and
// titles after a symbol fit well within them.
constexpr size_t kTailWindow = 300;    // date and issuer after the symbol
constexpr size_t kTitleWindow = 2000;  // a quoted title after "về"
// A plan defines a few short names ("sau đây gọi tắt là …"); each is looked for in every later
// block, so beyond this many the later definitions are ignored.
constexpr size_t kMaxAliases = 64;

// `pos` moved back to the start of the UTF-8 character it falls in, so a window never ends
// inside a character (a cut character would reach the JSON output as invalid UTF-8).
size_t CharStart(std::string_view s, size_t pos) {
  while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

// The first `n` bytes of s from `from` (fewer at its end), ending on a character boundary.
re2::StringPiece Window(std::string_view s, size_t from, size_t n) {
  size_t end = n >= s.size() - from ? s.size() : CharStart(s, from + n);
  return re2::StringPiece(s.data() + from, end - from);
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

// Where the relation cues of rules/citations.tsv occur in one block, found once per block so
// that each mention looks its cue up instead of rescanning its sentence.
class CueIndex {
 public:
  CueIndex(const CitationRules& rules, const std::string& view) : rules_(rules) {
    for (size_t i = 2; i <= view.size(); ++i) {
      if (view[i - 1] == ' ' && (view[i - 2] == '.' || view[i - 2] == ';' || view[i - 2] == ':')) {
        sentence_starts_.push_back(i);
      }
    }
    for (const auto& cue : rules.cues) {
      std::vector<std::pair<size_t, size_t>> hits;  // group begin and end, in order
      re2::StringPiece w(view), g;
      while (RE2::FindAndConsume(&w, *cue.pattern, &g)) {
        size_t at = g.data() - view.data();
        hits.push_back({at, at + g.size()});
      }
      hits_.push_back(std::move(hits));
    }
    // A cue opening the block ("Căn cứ …;" lines list several documents).
    re2::StringPiece head(view.data(), std::min<size_t>(view.size(), 40));
    for (const auto& cue : rules.cues) {
      re2::StringPiece g;
      if (RE2::PartialMatch(head, *cue.pattern, &g) && g.data() - view.data() < 3) {
        opening_ = cue.relation;
        break;
      }
    }
  }

  // The relation given by the nearest cue before `begin` in its sentence: the cue found last
  // when the sentence is scanned cue by cue, the earlier rule on a tie.
  std::string RelationBefore(size_t begin) const {
    auto after = std::upper_bound(sentence_starts_.begin(), sentence_starts_.end(), begin);
    size_t from = after == sentence_starts_.begin() ? 0 : *std::prev(after);
    const std::string* best = nullptr;
    size_t best_at = 0;
    for (size_t c = 0; c < hits_.size(); ++c) {
      const auto& hits = hits_[c];
      // The last hit of this cue ending by `begin` (hits do not overlap: ends are sorted too).
      auto past = std::upper_bound(hits.begin(), hits.end(), begin,
                                   [](size_t b, const std::pair<size_t, size_t>& h) { return b < h.second; });
      if (past == hits.begin()) continue;
      size_t at = std::prev(past)->first;
      if (at < from || at >= begin) continue;
      if (!best || at > best_at) {
        best = &rules_.cues[c].relation;
        best_at = at;
      }
    }
    if (best) return *best;
    return opening_.empty() ? "mentions" : opening_;
  }

 private:
  const CitationRules& rules_;
  std::vector<size_t> sentence_starts_;  // offsets just after ". ", "; " or ": "
  std::vector<std::vector<std::pair<size_t, size_t>>> hits_;  // per cue
  std::string opening_;  // the relation of a cue opening the block, or ""
};

// Reads the citations of one document, block by block (one per ExtractCitations call).
class CitationScanner {
 public:
  CitationScanner(const Segmentation& seg, const CitationRules& rules, const DocumentTypes& types)
      : seg_(seg), rules_(rules), types_(types) {}

  // `view` is the match view of blk.text (same byte offsets); output is cut from blk.text.
  void ScanBlock(const Block& blk, const std::string& view, int section) {
    const std::string& orig = blk.text;
    std::optional<CueIndex> cues;  // built at the block's first mention
    auto relation_before = [&](size_t begin) {
      if (!cues) cues.emplace(rules_, view);
      return cues->RelationBefore(begin);
    };
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
      m.c.relation = relation_before(begin);
      int line = blk.LineAt(begin);
      const Line& l = seg_.lines[line];
      m.c.span = {l.number, l.begin, l.end};
      mentions_.push_back(std::move(m));
      DefineAlias(view, end, orig);
    }
    FindAliases(blk, view, section, relation_before);
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
    if (name.empty() || RE2::PartialMatch(name, full_symbol) || aliases_.size() >= kMaxAliases) {
      return;
    }
    aliases_.push_back({ToLower(ToneCanonicalView(name)), mentions_.size() - 1, blocks_scanned_, at});
  }

  // Uses of defined short names in a block, each a mention of the aliased document.
  template <typename RelationBefore>
  void FindAliases(const Block& blk, const std::string& view, int section,
                   RelationBefore relation_before) {
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
        m.c.relation = relation_before(p);
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
    re2::StringPiece rest = Window(view, end, kTailWindow);
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
    const size_t kMaxBeforeTitle = 200;
    size_t ve = std::string_view(rest.data(), rest.size()).substr(0, kMaxBeforeTitle + 2).find("về");
    if (ve != std::string::npos && ve < kMaxBeforeTitle) {
      re2::StringPiece t = Window(view, rest.data() + ve - view.data(), kTitleWindow);
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

  // Several documents share a number: an undated mention means the one last cited with a date
  // before it (the text has just introduced it), else the first one cited after it. Both are
  // found in one pass each way.
  void ResolveYears() {
    const size_t n = mentions_.size();
    std::vector<std::string> stems(n);
    std::vector<int> own(n);  // the year a mention gives itself, 0 if none
    std::map<std::string, std::set<int>> years;  // stem → years seen
    for (size_t i = 0; i < n; ++i) {
      const Mention& m = mentions_[i];
      stems[i] = ReferenceStem(m.parts);
      own[i] = m.parts.year ? m.parts.year : m.year;
      if (own[i]) years[stems[i]].insert(own[i]);
    }
    std::vector<int> before(n), after(n);  // nearest dated year of the stem before / after i
    std::map<std::string, int> last;
    for (size_t i = 0; i < n; ++i) {
      auto it = last.find(stems[i]);
      before[i] = it == last.end() ? 0 : it->second;
      if (own[i]) last[stems[i]] = own[i];
    }
    last.clear();
    for (size_t i = n; i-- > 0;) {
      auto it = last.find(stems[i]);
      after[i] = it == last.end() ? 0 : it->second;
      if (own[i]) last[stems[i]] = own[i];
    }
    std::map<std::string, std::string> dates;  // key → first date
    for (size_t i = 0; i < n; ++i) {
      Mention& m = mentions_[i];
      int y = own[i];
      if (!y) {
        const auto& ys = years[stems[i]];
        if (ys.size() == 1) y = *ys.begin();
        else if (ys.size() > 1) y = before[i] ? before[i] : after[i];
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
  // Mentions that could be slips of each other share a date, type and number; within such a
  // group the first mention absorbs each later one whose key differs (SlipMerger), and every
  // mention of a merged key takes the kept symbol.
  void MergeSlips() {
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<size_t>> groups;
    std::vector<const std::vector<size_t>*> order;  // groups by their first mention
    for (size_t i = 0; i < mentions_.size(); ++i) {
      const Mention& m = mentions_[i];
      if (m.c.date.empty()) continue;
      auto [it, added] = groups.try_emplace({m.c.date, m.c.type, m.parts.number});
      it->second.push_back(i);
      if (added) order.push_back(&it->second);
    }
    SlipMerger merger(mentions_);
    for (const std::vector<size_t>* group : order) {
      for (size_t k = 1; k < group->size(); ++k) merger.Merge((*group)[0], (*group)[k]);
    }
    merger.Apply();
  }

  // Sets of keys merged as slips of one another (a union-find over the distinct keys). A merged
  // set takes the key, symbol and parts of the mention that scored best when it was merged; its
  // score counts its mentions, and its issuers' initials matching the letter groups.
  class SlipMerger {
   public:
    explicit SlipMerger(std::vector<Mention>& mentions) : mentions_(mentions) {
      std::map<std::string, size_t> node_of_key;
      for (size_t i = 0; i < mentions.size(); ++i) {
        auto [it, added] = node_of_key.try_emplace(mentions[i].c.key, sets_.size());
        if (added) {
          Set set;
          set.id = set.parent = it->second;
          sets_.push_back(std::move(set));
        }
        node_.push_back(it->second);
        sets_[it->second].members.push_back(i);
      }
    }

    void Merge(size_t a, size_t b) {
      size_t ra = Root(node_[a]), rb = Root(node_[b]);
      if (ra == rb) return;  // one key already
      Identity ia = Current(a), ib = Current(b);
      bool keep_a = Score(ra, ia.parts) >= Score(rb, ib.parts);
      Set& big = sets_[ra].members.size() >= sets_[rb].members.size() ? sets_[ra] : sets_[rb];
      Set& small = &big == &sets_[ra] ? sets_[rb] : sets_[ra];
      ComputeInitials(small.id);
      ComputeInitials(big.id);
      for (const std::string& s : small.initials) {
        if (big.seen.insert(s).second) big.initials.push_back(s);
      }
      big.members.insert(big.members.end(), small.members.begin(), small.members.end());
      big.merged = true;
      big.identity = keep_a ? std::move(ia) : std::move(ib);
      small.parent = big.id;
      small.members.clear();
      small.initials.clear();
      small.seen.clear();
    }

    // Every mention of a merged set takes the set's key, symbol and parts.
    void Apply() {
      for (size_t i = 0; i < mentions_.size(); ++i) {
        const Set& s = sets_[Root(node_[i])];
        if (!s.merged) continue;
        mentions_[i].c.key = s.identity.key;
        mentions_[i].c.symbol = s.identity.symbol;
        mentions_[i].parts = s.identity.parts;
      }
    }

   private:
    struct Identity {
      std::string key, symbol;
      SymbolParts parts;
    };
    struct Set {
      size_t id = 0;
      std::vector<size_t> members;       // mentions (only while a root)
      std::vector<std::string> initials;  // distinct initials of its issuers, once computed
      size_t parent = 0;                  // itself when a root
      bool merged = false;                // identity holds the kept key, symbol and parts
      Identity identity;
      std::set<std::string> seen;         // initials already listed
      bool initials_done = false;
    };

    size_t Root(size_t s) {
      while (sets_[s].parent != s) s = sets_[s].parent = sets_[sets_[s].parent].parent;
      return s;
    }

    Identity Current(size_t mention) {
      const Set& s = sets_[Root(node_[mention])];
      if (s.merged) return s.identity;
      const Mention& m = mentions_[mention];
      return {m.c.key, m.c.symbol, m.parts};
    }

    void ComputeInitials(size_t root) {
      Set& s = sets_[root];
      if (s.initials_done) return;
      s.initials_done = true;
      for (size_t i : s.members) {
        if (mentions_[i].c.issuer.empty()) continue;
        std::string initials = Initials(mentions_[i].c.issuer);
        if (s.seen.insert(initials).second) s.initials.push_back(initials);
      }
    }

    int Score(size_t root, const SymbolParts& parts) {
      ComputeInitials(root);
      const Set& s = sets_[root];
      int score = static_cast<int>(s.members.size());
      for (const std::string& g : parts.groups) {
        std::string f = Fold(g);
        if (f.size() < 2) continue;
        bool found = std::any_of(s.initials.begin(), s.initials.end(),
                                 [&](const std::string& i) { return i.find(f) != std::string::npos; });
        if (found) score += 2;
      }
      return score;
    }

    std::vector<Mention>& mentions_;
    std::vector<size_t> node_;  // mention → its key's set
    std::vector<Set> sets_;
  };

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
  CitationScanner ex(seg, rules, types);
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
