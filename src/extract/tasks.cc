#include "tasks.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "text.h"

namespace plangraph {
namespace {

// Whether each section's heading names a task section ("TỔ CHỨC THỰC HIỆN"), read once per
// section: a heading may be long and hold thousands of blocks, which would otherwise each read
// it again.
class TaskHeadings {
 public:
  TaskHeadings(const Segmentation& seg, const TaskRules& rules)
      : seg_(seg), rules_(rules), matches_(seg.sections.size(), -1) {}
  bool Matches(int section) {
    int8_t& m = matches_[section];
    if (m < 0) m = RE2::PartialMatch(ToneCanonicalView(seg_.sections[section].heading), *rules_.task_section);
    return m;
  }

 private:
  const Segmentation& seg_;
  const TaskRules& rules_;
  std::vector<int8_t> matches_;  // -1 not read yet
};

bool IsTaskBlock(const Segmentation& seg, const Block& blk, const TaskRules& rules,
                 TaskHeadings& headings) {
  if (blk.zone != Zone::kBody || blk.kind == Block::Kind::kTableRow) return false;
  if (RE2::PartialMatch(ToneCanonicalView(blk.text), *rules.not_task)) return false;
  for (int s = blk.section; s >= 0; s = seg.sections[s].parent) {
    const Section& sec = seg.sections[s];
    if (sec.kind == "article" || sec.kind == "appendix") {
      return !(sec.id == blk.section && blk.kind == Block::Kind::kHeading && sec.kind == "appendix");
    }
    if (sec.id != blk.section || blk.kind != Block::Kind::kHeading) {
      if (headings.Matches(s)) return true;
    } else if (headings.Matches(s) && sec.depth <= 1) {
      return false;  // "III. TỔ CHỨC THỰC HIỆN" itself is not a task
    }
  }
  return false;
}

// A heading that is only a list of bodies ("2. Sở Tài chính:", "Đề nghị Liên đoàn lao động
// tỉnh") assigns the items below it. `text` is the heading block's whole text where there is
// one: the section's heading stops at a colon ("Chủ tịch UBND các tỉnh: A, B và C chỉ đạo …").
std::vector<std::string> AgencyHeading(const Section& sec, const std::string& text,
                                       const AgencyRules& agencies) {
  if (sec.depth < 1) return {};  // not a preamble's "Căn cứ …" nor an article
  return AgencyHeadingNames(agencies, text);
}

// AgencyHeading of each section, read once per section (see TaskHeadings).
class AgencyHeadings {
 public:
  AgencyHeadings(const Segmentation& seg, const AgencyRules& agencies)
      : seg_(seg), agencies_(agencies), names_(seg.sections.size()),
        heading_block_(seg.sections.size(), -1) {
    for (size_t b = 0; b < seg.blocks.size(); ++b) {
      const Block& blk = seg.blocks[b];
      if (blk.kind == Block::Kind::kHeading && blk.section >= 0 &&
          blk.section < static_cast<int>(heading_block_.size()) && heading_block_[blk.section] < 0) {
        heading_block_[blk.section] = static_cast<int>(b);
      }
    }
  }
  const std::vector<std::string>& Names(int section) {
    auto& n = names_[section];
    if (!n) {
      int b = heading_block_[section];
      const Section& sec = seg_.sections[section];
      n = AgencyHeading(sec, b >= 0 ? seg_.blocks[b].text : sec.heading, agencies_);
    }
    return *n;
  }
  // Whether an enclosing section's heading names bodies: the block is their duty. A heading
  // block does not count its own section.
  bool UnderAgencyHeading(const Block& blk) {
    int s = blk.section;
    if (blk.kind == Block::Kind::kHeading && s >= 0) s = seg_.sections[s].parent;
    for (; s >= 0; s = seg_.sections[s].parent) {
      if (!Names(s).empty()) return true;
    }
    return false;
  }

 private:
  const Segmentation& seg_;
  const AgencyRules& agencies_;
  std::vector<std::optional<std::vector<std::string>>> names_;
  std::vector<int> heading_block_;  // first heading block of each section, -1 if none
};

// The end of a label at `pos` ("Cơ quan chủ trì:") and the role it gives, or `pos` and "".
size_t LabelEnd(const AgencyRules& a, const std::string& view, size_t pos, std::string* role) {
  size_t p = pos;
  while (p < view.size() && (view[p] == ' ' || view[p] == '-' || view[p] == '+')) ++p;
  for (const auto& [r, re] : a.labels) {
    re2::StringPiece m;
    if (re->Match(view, p, view.size(), RE2::ANCHOR_START, &m, 1)) {
      *role = r;
      return p + m.size();
    }
  }
  role->clear();
  return pos;
}

// Outside the duty sections, a sentence is a task when it opens with bodies and a verb that
// is not a statement ("Bộ Tài chính tổng hợp, đề xuất …", not "Ủy ban nhân dân tỉnh đã ban hành"),
// with a label ("Cơ quan thực hiện: …") or with a lead-in that addresses them ("Đề nghị …").
bool IsDutySentence(const AgencyRules& a, const std::string& text) {
  std::string view = ToneCanonicalView(text);
  std::string role;
  size_t start = LabelEnd(a, view, 0, &role);
  re2::StringPiece lead[2];
  bool addressed = a.lead_in && a.lead_in->Match(view, start, view.size(), RE2::ANCHOR_START, lead, 2);
  if (addressed) start = lead[1].data() - view.data() + lead[1].size() + 1;
  if (start >= view.size()) return false;
  size_t len = AgencyListAt(a, view, start);
  if (len == 0) return false;
  // "Cơ quan thực hiện: Bộ Công an.", "Đề nghị Hội Nông dân tỉnh …"
  if (!role.empty() || addressed) return true;
  size_t after = start + len;
  while (after < view.size() && view[after] == ' ') ++after;
  if (after >= view.size()) return false;
  // "Ủy ban nhân dân tỉnh đã ban hành …" reports; "Văn phòng Chính phủ về Kết luận …" is a title.
  if (a.statement && a.statement->Match(view, after, view.size(), RE2::ANCHOR_START, nullptr, 0)) {
    return false;
  }
  return a.stop->Match(view, after, view.size(), RE2::ANCHOR_START, nullptr, 0);
}

// A body named in a task and the role the sentence gives it ("chủ trì" → lead).
struct NamedBody {
  std::string name;
  std::string role;
};

// The subject of a sentence starting at `pos`, after an optional opener phrase and comma.
// A full stop, not an ellipsis ("Thành Đoàn... phát động").
bool SentenceEndsAt(const std::string& view, size_t pos) {
  return pos < view.size() && view[pos] == '.' && (pos + 1 >= view.size() || view[pos + 1] != '.');
}

// The subject is the first list of names after a comma that is not itself followed by a comma
// ("Trên cơ sở đề nghị của Ủy ban nhân dân quận, huyện, Sở Xây dựng chủ trì": not "huyện").
// A subject may also follow a short opener directly ("Hằng năm Công đoàn các cấp chủ động …").
size_t SubjectAt(const AgencyRules& a, const std::string& view, size_t pos, size_t* start) {
  *start = pos;
  if (size_t len = AgencyListAt(a, view, pos)) return len;
  re2::StringPiece opener;
  if (!a.opener->Match(view, pos, view.size(), RE2::ANCHOR_START, &opener, 1)) return 0;
  size_t after_opener = opener.data() - view.data() + opener.size();
  while (after_opener < view.size() && view[after_opener] == ' ') ++after_opener;
  if (size_t len = AgencyListAt(a, view, after_opener);
      len > 0 && after_opener + len < view.size() && view[after_opener + len] != ',') {
    *start = after_opener;
    return len;
  }
  // The opener ends at a comma, or at a colon after a date ("Ngày 05/9/2025: Sở Giáo dục …").
  const size_t kMaxOpener = 300;
  auto next_break = [&](size_t from) {
    return std::min(view.find(", ", from), view.find(": ", from));
  };
  for (size_t comma = next_break(pos); comma != std::string::npos && comma - pos < kMaxOpener;
       comma = next_break(comma + 2)) {
    size_t len = AgencyListAt(a, view, comma + 2);
    size_t after = comma + 2 + len;
    size_t next = after;
    while (next < view.size() && view[next] == ' ') ++next;
    if (len > 0 && after < view.size() && view[after] != ',' &&
        !a.preposition->Match(view, next, view.size(), RE2::ANCHOR_START, nullptr, 0)) {
      *start = comma + 2;
      return len;
    }
  }
  return 0;
}

std::string RoleAfter(const AgencyRules& a, const std::string& view, size_t pos) {
  while (pos < view.size() && (view[pos] == ' ' || view[pos] == ':' || view[pos] == ',')) ++pos;
  for (const auto& [role, re] : a.roles) {
    if (re->Match(view, pos, view.size(), RE2::ANCHOR_START, nullptr, 0)) return role;
  }
  return "perform";
}

void FindAssignees(const AgencyRules& a, const std::string& text, std::vector<NamedBody>* out) {
  std::string view = ToneCanonicalView(text);
  // Sentence starts: the block start and after ". ".
  std::vector<size_t> starts = {0};
  for (size_t p = view.find(". "); p != std::string::npos; p = view.find(". ", p + 2)) {
    starts.push_back(p + 2);
  }
  for (size_t s : starts) {
    // "Cơ quan chủ trì: Bộ Công an." — the label gives the role, and the list may end the sentence.
    std::string label_role;
    s = LabelEnd(a, view, s, &label_role);
    size_t start;
    size_t len = SubjectAt(a, view, s, &start);
    if (len == 0) continue;
    size_t after = start + len;
    // A subject must be followed by a verb or a colon, not end the sentence.
    if (label_role.empty() && SentenceEndsAt(view, after)) continue;
    std::string role = RoleAfter(a, view, after);
    if (role == "issue") continue;  // "Bộ … yêu cầu Thủ trưởng các đơn vị …": the object acts
    if (!label_role.empty() && role == "perform") role = label_role;
    for (const auto& n : SplitAgencyList(a, text.substr(start, len))) out->push_back({n, role});
    // "A chủ trì, phối hợp với B": B supports.
    if (role == "lead") {
      static const RE2 partner(R"((?i)^\s*chủ trì\s*,?\s*phối hợp\s+(?:với|cùng)\s+)");
      static const RE2 with(R"((?i)^phối hợp\s+(?:với|cùng)\s+)");  // compiled once, not per task
      re2::StringPiece in(view.data() + after, view.size() - after);
      while (in.size() && (in[0] == ' ' || in[0] == ',' || in[0] == ':')) in.remove_prefix(1);
      re2::StringPiece probe(in);
      if (RE2::Consume(&probe, partner) || RE2::Consume(&probe, with)) {
        size_t ppos = probe.data() - view.data();
        size_t plen = AgencyAt(a, view, ppos);
        if (plen && StartsWithUpper(text.substr(ppos, plen)) && !IsCollective(a, text.substr(ppos, plen))) {
          for (const auto& n : SplitAgencyList(a, text.substr(ppos, plen))) {
            if (StartsWithUpper(n)) out->push_back({n, "support"});
          }
        }
      }
    }
  }
  // Directives anywhere: "giao X …", "chỉ đạo X …", "hướng dẫn X …".
  for (size_t p = 0; p < view.size(); ++p) {
    if (p > 0 && view[p - 1] != ' ') continue;
    re2::StringPiece m;
    if (!a.directive->Match(view, p, view.size(), RE2::ANCHOR_START, &m, 1)) continue;
    size_t q = p + m.size();
    while (q < view.size() && view[q] == ' ') ++q;
    size_t len = AgencyListAt(a, view, q);
    if (len == 0) continue;
    size_t after = q + len;
    if (after >= view.size() || SentenceEndsAt(view, after)) continue;
    // A broad object ("đôn đốc các bộ, địa phương") is no named assignee.
    for (const auto& n : SplitAgencyList(a, text.substr(q, len))) {
      if (!IsCollective(a, n)) out->push_back({n, "perform"});
    }
    p = after;
  }
}

void ExecutionClause(const AgencyRules& a, const TaskRules& rules, const std::string& text,
                     std::vector<NamedBody>* out) {
  re2::StringPiece m;
  std::string view = ToneCanonicalView(text);
  if (!rules.execution->Match(view, 0, view.size(), RE2::UNANCHORED, &m, 1)) return;
  std::string list = text.substr(0, m.data() - view.data());
  static const RE2 article(R"(^\s*Điều\s+\d+\s*[.:]\s*)");
  re2::StringPiece in(list);
  RE2::Consume(&in, article);
  for (const auto& n : SplitAgencyList(a, std::string(in))) {
    if (!IsCollective(a, n)) out->push_back({n, "perform"});
  }
}

// One name per body within the document. Two spellings are one body when the alias lexicon
// gives them one canonical name, or when one is a prefix of the other covering at least half of
// it. The body is shown under the lexicon's canonical name when the document uses that spelling,
// else under the spelling it uses most often with a capital (the way it names the body as a
// subject, rather than as the object in "chỉ đạo các cấp công đoàn"); ties go to the earliest.
class BodyNames {
 public:
  explicit BodyNames(const AgencyRules& rules) : rules_(rules) {}

  // The body a name as written belongs to (an index, stable for the document).
  size_t Add(const std::string& written) {
    std::string canonical = CanonicalAgency(rules_, written);
    std::string key = BodyKey(canonical);
    size_t i = FirstSameBody(key);
    if (i == bodies_.size()) {
      bodies_.push_back({{}, canonical, key, false});
      IndexBody(key, i);
    }
    Body& b = bodies_[i];
    if (canonical != written) {
      b.in_lexicon = true;
      b.canonical = canonical;
    }
    auto s = std::find_if(b.spellings.begin(), b.spellings.end(),
                          [&](const Spelling& sp) { return sp.text == written; });
    if (s == b.spellings.end()) b.spellings.push_back({written, 1});
    else ++s->count;
    return i;
  }

  std::string Shown(size_t body) const {
    const Body& b = bodies_[body];
    const Spelling* best = nullptr;
    for (const Spelling& sp : b.spellings) {
      if (b.in_lexicon && Fold(sp.text) == Fold(b.canonical)) return sp.text;
    }
    for (const Spelling& sp : b.spellings) {
      auto rank = [](const Spelling& x) { return std::make_pair(StartsWithUpper(x.text), x.count); };
      if (!best || rank(sp) > rank(*best)) best = &sp;
    }
    return best->text;
  }
  const std::string& Canonical(size_t body) const { return bodies_[body].canonical; }

 private:
  struct Spelling {
    std::string text;
    int count = 0;
  };
  struct Body {
    std::vector<Spelling> spellings;  // in order of first use
    std::string canonical;
    std::string key;
    bool in_lexicon = false;  // canonical comes from the alias lexicon
  };

  // Folded, without a leading "các"/"những" ("Các công đoàn cơ sở" = "công đoàn cơ sở") or a
  // "các" before a locality ("Ủy ban nhân dân các quận, huyện" = "… quận, huyện"). Any other
  // "các" stays: "Công đoàn các cấp" is not "Công đoàn cấp …".
  std::string BodyKey(const std::string& name) const {
    const std::vector<std::string> words = Words(Fold(name));
    std::string key;
    for (size_t i = 0; i < words.size(); ++i) {
      bool plural = words[i] == "cac" || words[i] == "nhung";
      if (plural && (i == 0 || IsLocalityAt(words, i + 1))) continue;
      key += (key.empty() ? "" : " ") + words[i];
    }
    return key;
  }

  bool IsLocalityAt(const std::vector<std::string>& words, size_t i) const {
    std::string rest;
    for (size_t j = i; j < words.size() && j < i + 3; ++j) {
      rest += (rest.empty() ? "" : " ") + words[j];
      if (std::find(rules_.localities.begin(), rules_.localities.end(), rest) !=
          rules_.localities.end()) {
        return true;
      }
    }
    return false;
  }

  static std::vector<std::string> Words(const std::string& s) {
    std::vector<std::string> out;
    for (size_t p = 0; p < s.size();) {
      size_t e = s.find(' ', p);
      if (e == std::string::npos) e = s.size();
      if (e > p) out.push_back(s.substr(p, e - p));
      p = e + 1;
    }
    return out;
  }

  // Only a prefix names the same body: "Ủy ban nhân dân xã, phường" = "… xã, phường, thị
  // trấn", but "Các ban chuyên môn Liên đoàn Lao động tỉnh" is a part of "Liên đoàn Lao động tỉnh".
  // Two keys are one body when equal, or when the shorter, of at least two words and at least
  // half the words of the longer, is its first words. The first body whose key is one with
  // `key` is found by lookups of `key`'s prefixes (FirstSameBody), not by comparing it with
  // every body: a hostile file may name a million bodies.
  static std::vector<size_t> WordEnds(const std::string& key) {
    std::vector<size_t> ends;
    for (size_t p = key.find(' '); p != std::string::npos; p = key.find(' ', p + 1)) ends.push_back(p);
    ends.push_back(key.size());
    return ends;
  }

  // The index of the first body one with `key`, or bodies_.size().
  size_t FirstSameBody(const std::string& key) const {
    size_t first = bodies_.size();
    auto consider = [&](const std::unordered_map<std::string, size_t>& map, const std::string& k) {
      auto it = map.find(k);
      if (it != map.end()) first = std::min(first, it->second);
    };
    consider(by_key_, key);
    std::vector<size_t> ends = WordEnds(key);
    const size_t words = ends.size();
    // A body's key of ws words, the first words of `key`: ws >= 2 and 2 * ws >= words.
    for (size_t ws = std::max<size_t>(2, (words + 1) / 2); ws < words; ++ws) {
      consider(by_key_, key.substr(0, ends[ws - 1]));
    }
    // `key` the first words of a longer body's key of at most twice its words.
    if (words >= 2) consider(by_prefix_, key);
    return first;
  }

  void IndexBody(const std::string& key, size_t i) {
    by_key_.try_emplace(key, i);
    std::vector<size_t> ends = WordEnds(key);
    const size_t words = ends.size();
    for (size_t ws = std::max<size_t>(2, (words + 1) / 2); ws < words; ++ws) {
      by_prefix_.try_emplace(key.substr(0, ends[ws - 1]), i);
    }
  }

  const AgencyRules& rules_;
  std::vector<Body> bodies_;
  std::unordered_map<std::string, size_t> by_key_;     // a body's key → its first body
  std::unordered_map<std::string, size_t> by_prefix_;  // first words of a body's key → first body
};

}  // namespace

Result<TaskRules> LoadTaskRules(const RuleFile& file) {
  TaskRules rules;
  std::vector<std::string> sections;
  for (const RuleLine& line : file.lines) {
    if (Status s = RequireFields(file, line, 2); !s.ok()) return s;
    auto re = CompileRulePattern(file, line, line.fields[1]);
    if (!re.ok()) return re.status();
    const std::string& kind = line.fields[0];
    if (kind == "section") sections.push_back(line.fields[1]);
    else if (kind == "schedule") rules.schedule_line = *re;
    else if (kind == "execution") rules.execution = *re;
    else if (kind == "not_task") rules.not_task = *re;
    else if (kind == "recipients") rules.recipients = *re;
    else if (kind == "xref.part") rules.xref_part = *re;
    else if (kind == "xref.clause") rules.xref_clause = *re;
    else if (kind == "column.lead") rules.columns.lead = *re;
    else if (kind == "column.support") rules.columns.support = *re;
    else if (kind == "column.deadline") rules.columns.deadline = *re;
    else if (kind == "column.content") rules.columns.content = *re;
    else return file.Error(line, "unknown kind '" + kind + "'");
  }
  std::string alt;
  for (const auto& s : sections) alt += (alt.empty() ? "" : "|") + s;
  RE2::Options opt;
  opt.set_case_sensitive(false);
  rules.task_section = std::make_shared<const RE2>("(?:^|[^\\pL])(?:" + alt + ")", opt);
  if (!rules.schedule_line || !rules.execution || !rules.not_task || !rules.recipients || !rules.xref_part ||
      !rules.xref_clause || !rules.task_section->ok()) {
    return Status::BadRule(file.path +
                           ": needs section, schedule, execution, not_task, recipients and xref lines");
  }
  return rules;
}

namespace {

// One name per body across the document's tasks (see BodyNames); a task lists a body once.
void UnifyBodies(const AgencyRules& agencies, std::vector<Task>* tasks) {
  BodyNames bodies(agencies);
  std::vector<std::vector<size_t>> body_of(tasks->size());
  for (size_t t = 0; t < tasks->size(); ++t) {
    std::vector<Assignee> kept;
    for (Assignee& a : (*tasks)[t].assignees) {
      bool repeated = std::any_of(kept.begin(), kept.end(),
                                  [&](const Assignee& k) { return k.agency == a.agency; });
      if (repeated) continue;  // one spelling counts once per task
      size_t body = bodies.Add(a.agency);
      auto& seen = body_of[t];
      if (std::find(seen.begin(), seen.end(), body) != seen.end()) continue;
      seen.push_back(body);
      kept.push_back(std::move(a));
    }
    (*tasks)[t].assignees = std::move(kept);
  }
  // Names are settled once the whole document is read.
  for (size_t t = 0; t < tasks->size(); ++t) {
    for (size_t i = 0; i < body_of[t].size(); ++i) {
      Assignee& a = (*tasks)[t].assignees[i];
      a.agency = bodies.Shown(body_of[t][i]);
      a.canonical = bodies.Canonical(body_of[t][i]);
    }
  }
}

// How precisely a deadline pins the work down: computed dates, then a day or number in the text,
// then an explicit schedule cue ("Định kỳ hàng tháng" over a bare "hàng năm", which often
// qualifies a noun: "chương trình hoạt động hàng năm").
int Specificity(const Deadline& d) {
  if (!d.start.empty() || !d.end.empty()) return 3;
  if (std::any_of(d.text.begin(), d.text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return 2;
  }
  return Fold(d.text).rfind("dinh ky", 0) == 0 ? 1 : 0;
}

// The deadline a task is held to when its text gives several: the most specific, else the first.
Deadline MostSpecific(const std::vector<Deadline>& found) {
  const Deadline* best = &found.front();
  for (const Deadline& d : found) {
    if (Specificity(d) > Specificity(*best)) best = &d;
  }
  return *best;
}

// The time limits an item's own text gives, in text order. A limit that ended before the plan
// was issued is a condition ("hộ khẩu thường trú trước ngày 15 tháng 6 năm 2013"), not a deadline
// of its work; only a limit that writes its year is dropped so: "trước ngày 15/6" takes the
// plan's year and recurs every year after it.
std::vector<DeadlineMention> ItemLimits(const DeadlineRules& deadlines, const std::string& text,
                                        const DocumentDate& doc) {
  static const RE2 written_year(R"((?:^|\D)(?:19|20)\d\d(?:\D|$))");
  std::vector<DeadlineMention> limits;
  for (auto& m : FindDeadlines(deadlines, ToneCanonicalView(text), text, doc.year)) {
    if (!doc.date.empty() && !m.deadline.end.empty() && m.deadline.end < doc.date &&
        RE2::PartialMatch(m.deadline.text, written_year)) {
      continue;
    }
    limits.push_back(std::move(m));
  }
  return limits;
}

bool SameLimit(const Deadline& a, const Deadline& b) {
  return a.start == b.start && a.end == b.end && Fold(a.text) == Fold(b.text);
}

// How strongly the byte at `pos` ends a clause: 3 a full stop, 2 a semicolon, 1 a comma (each
// followed by a space, so "1.5", "1,5" and "..." do not count), 0 none.
int ClauseBoundary(const std::string& text, size_t pos) {
  if (pos + 1 >= text.size() || text[pos + 1] != ' ') return 0;
  switch (text[pos]) {
    case '.': return pos > 0 && text[pos - 1] == '.' ? 0 : 3;
    case ';': return 2;
    case ',': return 1;
    default: return 0;
  }
}

// Whether text[begin, end) holds a word outside the limits found in it: "định kỳ 6 tháng" alone
// is no piece of work.
bool HasWorkOutsideLimits(const std::string& text, size_t begin, size_t end,
                          const std::vector<DeadlineMention>& limits) {
  for (size_t p = begin; p < end; ++p) {
    auto inside = std::find_if(limits.begin(), limits.end(), [&](const DeadlineMention& m) {
      return p >= m.begin && p < m.end;
    });
    if (inside != limits.end()) {
      p = inside->end - 1;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(text[p]);
    if (std::isalpha(c) || c >= 0x80) return true;
  }
  return false;
}

// "Thường xuyên kiểm tra; định kỳ 6 tháng, hằng năm báo cáo": a piece that is only a limit
// joins the piece after it (the last such piece joins the one before), so it stays with its work.
std::vector<size_t> DropBareLimitPieces(const std::string& text,
                                        const std::vector<DeadlineMention>& limits,
                                        std::vector<size_t> cuts) {
  for (size_t k = 0; k < cuts.size();) {
    size_t begin = k == 0 ? 0 : cuts[k - 1];
    if (!HasWorkOutsideLimits(text, begin, cuts[k], limits)) {
      cuts.erase(cuts.begin() + k);
    } else {
      ++k;
    }
  }
  if (!cuts.empty() && !HasWorkOutsideLimits(text, cuts.back(), text.size(), limits)) {
    cuts.pop_back();
  }
  return cuts;
}

// With no punctuation between two limits, a "và" right after the first one (past its closing
// bracket) joins two duties: "Triển khai Tháng hành động (từ ngày 15/11 đến ngày 15/12) và hưởng
// ứng “Ngày Quốc tế …” (ngày 25/11)". Returns where "và" starts, 0 when there is none.
size_t AndRightAfter(const std::string& text, size_t from, size_t to) {
  size_t p = from;
  while (p < to && (text[p] == ' ' || text[p] == ')')) ++p;
  if (p > from && p + 4 <= to && text.compare(p, 4, "và ") == 0) return p;
  return 0;
}

// Where an item that gives several different time limits divides into one duty per limit: at
// the strongest clause boundary between two neighbouring limits, the last such boundary before
// the later limit, because schedule cues tend to lead their clause ("Định kỳ hàng tháng có đánh
// giá …, hằng năm tổ chức tổng hợp …"). Limits with no boundary between them stay one duty
// ("Định kỳ 06 tháng (báo cáo trước ngày 15/6)"). Returns the byte offsets where duties start,
// after the first.
std::vector<size_t> DutyCuts(const std::string& text, const std::vector<DeadlineMention>& limits) {
  std::vector<size_t> cuts;
  for (size_t i = 0; i + 1 < limits.size(); ++i) {
    if (SameLimit(limits[i].deadline, limits[i + 1].deadline)) continue;
    int best = 0;
    size_t cut = 0;
    for (size_t p = limits[i].end; p < limits[i + 1].begin; ++p) {
      int strength = ClauseBoundary(text, p);
      if (strength > 0 && strength >= best) best = strength, cut = p + 1;
    }
    if (best > 0) {
      cuts.push_back(cut);
    } else if (size_t and_at = AndRightAfter(text, limits[i].end, limits[i + 1].begin)) {
      cuts.push_back(and_at);
    }
  }
  return DropBareLimitPieces(text, limits, cuts);
}

// A piece of an item without the spaces and the comma or semicolon that ended it.
std::string ClauseText(std::string_view piece) {
  std::string text = Trim(piece);
  while (!text.empty() && (text.back() == ',' || text.back() == ';')) text.pop_back();
  if (text.compare(0, 4, "và ") == 0) text.erase(0, 4);  // a duty cut at "và" (AndRightAfter)
  return Trim(text);
}

// A task from a paragraph, bullet or numbered item, with the assignees its text or an enclosing
// agency heading names (as written) and the deadlines in its text. An item that gives several
// time limits to different pieces of its work ("báo cáo 3 tháng một lần; báo cáo kết quả trong
// năm 2014") becomes one task per piece, each held to its own limit and given the item's
// assignees, so no limit is hidden behind another.
std::vector<Task> BlockTasks(const Segmentation& seg, const Block& blk, const TaskRules& rules,
                             const AgencyRules& agencies, AgencyHeadings& agency_headings,
                             const std::vector<std::string>& owner,
                             const DeadlineRules& deadlines, const DocumentDate& doc) {
  std::vector<NamedBody> found;
  FindAssignees(agencies, blk.text, &found);
  ExecutionClause(agencies, rules, blk.text, &found);
  if (found.empty()) {
    for (const auto& n : owner) found.push_back({n, "perform"});
  }
  for (int s = blk.section; s >= 0 && found.empty(); s = seg.sections[s].parent) {
    for (const auto& n : agency_headings.Names(s)) found.push_back({n, "perform"});
  }
  std::vector<DeadlineMention> limits = ItemLimits(deadlines, blk.text, doc);
  std::vector<size_t> starts = DutyCuts(blk.text, limits);
  starts.insert(starts.begin(), 0);
  std::vector<Task> tasks;
  for (size_t k = 0; k < starts.size(); ++k) {
    size_t begin = starts[k], end = k + 1 < starts.size() ? starts[k + 1] : blk.text.size();
    Task task;
    task.section = blk.section;
    task.text = starts.size() == 1 ? blk.text : ClauseText(blk.text.substr(begin, end - begin));
    const Line& first = seg.lines[blk.LineAt(begin)];
    task.span = {first.number, first.begin, seg.lines[blk.LineAt(end > 0 ? end - 1 : 0)].end};
    for (const NamedBody& f : found) task.assignees.push_back({f.name, f.role, ""});
    for (const DeadlineMention& m : limits) {
      if (m.begin >= begin && m.begin < end) task.schedule.push_back(m.deadline);
    }
    if (!task.schedule.empty()) task.deadline = MostSpecific(task.schedule);
    tasks.push_back(std::move(task));
  }
  return tasks;
}

// A schedule line's value without its closing punctuation; "" when it holds no word or digit.
std::string ScheduleValueText(std::string_view value) {
  std::string t = Trim(value);
  while (!t.empty() && std::string_view(".,;:").find(t.back()) != std::string_view::npos) {
    t.pop_back();
  }
  t = Trim(t);
  const bool has_word = std::any_of(t.begin(), t.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  });
  return has_word ? t : "";
}

// The sections by label, looked up once per document rather than scanned once per task.
struct SectionLabels {
  explicit SectionLabels(const Segmentation& seg) {
    for (const Section& s : seg.sections) {
      if (s.kind == "roman") roman[s.label] = s.id;  // the last part of that label
      by_label[s.label].push_back(s.id);
    }
  }
  std::map<std::string, int> roman;
  std::map<std::string, std::vector<int>> by_label;  // ids in order
};

// "Ban Tổ chức - Kiểm tra: Tham mưu các nội dung 1.1, 1.2 của Khoản 1, Mục II": the sections a
// task points at. Decimal labels name items, "Khoản N" with no item of its own listed names the
// whole clause, all under the part ("Mục II") the text names. Empty without a part.
std::vector<int> ReferencedSections(const Segmentation& seg, const SectionLabels& index,
                                    const TaskRules& rules, const std::string& text) {
  std::string view = ToneCanonicalView(text);
  std::string part;
  if (!RE2::PartialMatch(view, *rules.xref_part, &part)) return {};
  auto root_it = index.roman.find(part);
  if (root_it == index.roman.end()) return {};
  const int root = root_it->second;
  std::set<std::string> labels;
  re2::StringPiece in(view);
  std::string label;
  static const RE2 decimal(R"((?:^|[^\d.])(\d{1,2}(?:\.\d{1,2})+)(?:[^\d.]|\.\s|\.$|$))");
  while (RE2::FindAndConsume(&in, decimal, &label)) labels.insert(label);
  std::set<std::string> items = labels;  // only the decimal labels name items of a clause
  in = view;
  while (RE2::FindAndConsume(&in, *rules.xref_clause, &label)) {
    auto item = items.lower_bound(label + ".");
    bool has_items = item != items.end() && item->rfind(label + ".", 0) == 0;
    if (!has_items) labels.insert(label);
  }
  std::vector<int> out;
  for (const std::string& l : labels) {
    auto ids = index.by_label.find(l);
    if (ids == index.by_label.end()) continue;
    for (int id : ids->second) {
      if (id != root && seg.IsWithin(id, root)) out.push_back(id);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Beyond this many cross-references, later ones are ignored: a plan has a few dozen, and each
// is checked against every task, so a hostile file of millions would cost their square.
constexpr size_t kMaxCrossReferences = 100;

// Gives the assignees of each cross-referencing task to the tasks of the sections it names.
void AssignCrossReferences(const Segmentation& seg, const TaskRules& rules,
                           std::vector<Task>* tasks) {
  const SectionLabels index(seg);
  std::vector<std::pair<std::vector<int>, std::vector<Assignee>>> refs;
  for (const Task& t : *tasks) {
    if (refs.size() >= kMaxCrossReferences) break;
    if (t.assignees.empty()) continue;
    std::vector<int> sections = ReferencedSections(seg, index, rules, t.text);
    if (!sections.empty()) refs.push_back({std::move(sections), t.assignees});
  }
  std::vector<char> named_section(seg.sections.size());
  for (const auto& [sections, assignees] : refs) {
    std::fill(named_section.begin(), named_section.end(), 0);
    for (int s : sections) named_section[s] = 1;
    for (Task& t : *tasks) {
      bool named = false;
      for (int s = t.section; s >= 0 && !named; s = seg.sections[s].parent) named = named_section[s];
      if (!named) continue;
      for (const Assignee& a : assignees) {
        bool has = std::any_of(t.assignees.begin(), t.assignees.end(),
                               [&](const Assignee& x) { return x.agency == a.agency; });
        if (!has) t.assignees.push_back(a);
      }
    }
  }
}

}  // namespace

std::vector<Task> ExtractTasks(const Segmentation& seg, const TaskRules& rules,
                               const AgencyRules& agencies, const DeadlineRules& deadlines,
                               const DocumentDate& doc) {
  const int document_year = doc.year;
  std::vector<Task> tasks;
  size_t open_from = 0;  // first task not yet closed by a schedule line
  int open_section = -2;
  std::vector<int> table;  // row blocks of the table being read
  TaskHeadings task_headings(seg, rules);
  AgencyHeadings agency_headings(seg, agencies);
  auto flush_table = [&] {
    for (Task& t : TasksFromTable(seg, table, rules.columns, agencies, deadlines, document_year)) {
      tasks.push_back(std::move(t));
    }
    table.clear();
  };
  // A bullet or paragraph that only names bodies ("- Bộ Nông nghiệp và Môi trường", "Giao Sở
  // Tài chính:") owns the deeper bullets after it, up to a sibling, a paragraph or a heading.
  struct Owner {
    std::vector<std::string> names;
    Block::Kind kind = Block::Kind::kParagraph;
    std::string marker;
  } owner;
  bool in_recipients = false;  // after "Nơi nhận:", up to the next heading
  for (size_t b = 0; b < seg.blocks.size(); ++b) {
    const Block& blk = seg.blocks[b];
    if (blk.kind == Block::Kind::kTableRow && blk.zone == Zone::kBody) {
      table.push_back(static_cast<int>(b));
      continue;
    }
    if (!table.empty()) flush_table();
    if (blk.kind == Block::Kind::kHeading) in_recipients = false;
    if (RE2::PartialMatch(ToneCanonicalView(blk.text), *rules.recipients)) in_recipients = true;
    if (in_recipients || blk.zone != Zone::kBody) continue;
    if (!owner.names.empty() &&
        (blk.kind == Block::Kind::kHeading || blk.kind == Block::Kind::kParagraph ||
         (blk.kind == owner.kind && blk.marker == owner.marker))) {
      owner.names.clear();
    }
    bool inherits = !owner.names.empty();
    bool duty_section = IsTaskBlock(seg, blk, rules, task_headings);
    if (blk.kind != Block::Kind::kHeading) {
      std::vector<std::string> names = AgencyHeadingNames(agencies, blk.text);
      if (!names.empty()) {
        owner = {std::move(names), blk.kind, blk.marker};
        if (!duty_section) continue;
      }
    }
    if (!duty_section &&
        ((!inherits && !agency_headings.UnderAgencyHeading(blk) && !IsDutySentence(agencies, blk.text)) ||
         std::none_of(blk.text.begin(), blk.text.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80); }))) {
      continue;  // a separator line ("------") is no work either
    }
    if (!duty_section && blk.kind == Block::Kind::kHeading &&
        !agency_headings.Names(blk.section).empty()) {
      continue;  // "2. Bộ Tài chính" outside the duty sections: its items are the tasks
    }
    std::string view = ToneCanonicalView(blk.text);
    std::string value;
    if (RE2::FullMatch(view, *rules.schedule_line, &value) && blk.kind != Block::Kind::kHeading) {
      // "Thời gian thực hiện: Quý I/2024" closes the items above it.
      size_t at = view.size() - value.size();
      auto found = FindDeadlines(deadlines, view.substr(at), blk.text.substr(at), document_year);
      // A value the rules cannot date ("Theo tiến độ được giao của Luật …") is still the limit
      // of those items, as written (as a task table's cell is, see task_tables.h).
      std::optional<Deadline> limit;
      if (!found.empty()) {
        limit = found.front().deadline;
      } else if (std::string written = ScheduleValueText(blk.text.substr(at)); !written.empty()) {
        limit = Deadline{written, "", "", ""};
      }
      if (limit) {
        for (size_t i = open_from; i < tasks.size(); ++i) {
          if (!tasks[i].deadline) tasks[i].deadline = limit;
        }
      }
      open_from = tasks.size();
      continue;
    }
    if (blk.section != open_section && blk.kind == Block::Kind::kHeading) open_from = tasks.size();
    open_section = blk.section;
    // A paragraph in capitals is a title, such as an annex's caption ("NHIỆM VỤ CHỦ YẾU CỦA KẾ
    // HOẠCH … ĐẾN NĂM 2030"), not work given to anyone; its horizon is no task's limit either.
    if (blk.kind != Block::Kind::kHeading && IsMostlyCaps(blk.text)) continue;
    static const std::vector<std::string> kNoOwner;
    const std::vector<std::string>& inherited = inherits ? owner.names : kNoOwner;
    for (Task& t : BlockTasks(seg, blk, rules, agencies, agency_headings, inherited, deadlines, doc)) {
      tasks.push_back(std::move(t));
    }
  }
  if (!table.empty()) flush_table();
  for (size_t i = 0; i < tasks.size(); ++i) tasks[i].id = static_cast<int>(i);
  AssignCrossReferences(seg, rules, &tasks);
  UnifyBodies(agencies, &tasks);
  return tasks;
}

}  // namespace plangraph
