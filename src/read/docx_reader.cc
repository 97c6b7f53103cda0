#include "docx_reader.h"

#include <zip.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include <pugixml.hpp>

namespace plangraph {
namespace {

constexpr std::string_view kZipMagic = "PK\x03\x04";
constexpr std::string_view kOle2Magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr std::string_view kDocumentPart = "word/document.xml";
// Small members cannot be bombs, and tiny XML parts can compress far more than large ones.
constexpr uint64_t kRatioFloorBytes = 1ull << 20;
// Nested tables and content controls deeper than this are hostile, not plans; they are cut off
// so that the recursive walk cannot exhaust the stack.
constexpr int kMaxDepth = 32;
constexpr int kLevels = 9;  // Word list levels 0..8

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

std::string SizeText(uint64_t bytes) {
  constexpr uint64_t kMiB = 1ull << 20;
  if (bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MB";
  return std::to_string(bytes) + " bytes";
}

// ---------------------------------------------------------------------------------------------
// The zip archive, read from memory through libzip with a byte budget shared by all members.

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

class Archive {
 public:
  static Result<Archive> Open(const std::string& source, std::string_view bytes,
                              const DocxOptions& options) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* zip = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
    zip_error_fini(&error);
    if (!zip) {
      if (src) zip_source_free(src);
      return Damaged(source);
    }
    return Archive(source, zip, options);
  }

  // The bytes of member `name` (matched without case, as OPC part names are), or nullopt when
  // the archive has no such member.
  Result<std::optional<std::string>> Read(std::string_view name) {
    zip_int64_t index = zip_name_locate(zip_.get(), std::string(name).c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::optional<std::string>();
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(zip_.get(), index, 0, &stat) != 0) return Damaged(source_);
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
      return Encrypted(source_);
    }
    if (Status s = CheckDeclared(name, stat); !s.ok()) return s;
    return Inflate(index, stat.size);
  }

  static Status Damaged(const std::string& source) {
    return Status::InvalidInput(source + ": truncated or damaged zip archive");
  }
  static Status Encrypted(const std::string& source) {
    return Status::InvalidInput(source + ": encrypted or legacy Word file");
  }

 private:
  Archive(std::string source, zip_t* zip, const DocxOptions& options)
      : source_(std::move(source)), zip_(zip), options_(options) {}

  Status TooLarge() const {
    return Status::InvalidInput(source_ + ": refused: expands to more than " +
                                SizeText(options_.max_expanded_bytes));
  }

  // The central directory's word, before anything is inflated.
  Status CheckDeclared(std::string_view name, const zip_stat_t& stat) const {
    if (!(stat.valid & ZIP_STAT_SIZE)) return Damaged(source_);
    if (stat.size > options_.max_expanded_bytes - used_) return TooLarge();
    if (stat.size > kRatioFloorBytes && (stat.valid & ZIP_STAT_COMP_SIZE)) {
      double ratio = stat.comp_size == 0 ? 1e300 : double(stat.size) / double(stat.comp_size);
      if (ratio > options_.max_compression_ratio) {
        return Status::InvalidInput(source_ + ": refused: " + std::string(name) + " expands " +
                                    std::to_string(static_cast<long long>(ratio)) +
                                    " times its compressed size (a zip bomb?)");
      }
    }
    return Status::Ok();
  }

  // Inflates a member, never past its declared size (already within the budget): a member that
  // expands further lies about its size and is not inflated to the end.
  Result<std::optional<std::string>> Inflate(zip_int64_t index, uint64_t declared) {
    zip_file_t* file = zip_fopen_index(zip_.get(), index, 0);
    if (!file) {
      int code = zip_error_code_zip(zip_get_error(zip_.get()));
      bool locked = code == ZIP_ER_NOPASSWD || code == ZIP_ER_ENCRNOTSUPP;
      return locked ? Encrypted(source_) : Damaged(source_);
    }
    std::string out;
    out.reserve(static_cast<size_t>(declared));
    std::array<char, 1 << 16> buffer;
    Status status;
    while (true) {
      zip_int64_t n = zip_fread(file, buffer.data(), buffer.size());
      if (n == 0) break;
      if (n < 0) {
        status = Damaged(source_);
        break;
      }
      if (uint64_t(n) > options_.max_expanded_bytes - used_ - out.size()) {
        status = TooLarge();
        break;
      }
      if (uint64_t(n) > declared - out.size()) {
        status = Damaged(source_);
        break;
      }
      out.append(buffer.data(), static_cast<size_t>(n));
    }
    zip_fclose(file);
    if (!status.ok()) return status;
    if (out.size() != declared) return Damaged(source_);
    used_ += out.size();
    return std::optional<std::string>(std::move(out));
  }

  std::string source_;
  std::unique_ptr<zip_t, ZipCloser> zip_;
  DocxOptions options_;
  uint64_t used_ = 0;
};

// ---------------------------------------------------------------------------------------------
// WordprocessingML names. pugixml does not resolve namespaces, so each part's prefix for the
// WordprocessingML namespace is read from its root ("w:" in every Word file, but not required).

class Wml {
 public:
  explicit Wml(pugi::xml_node root) {
    for (pugi::xml_attribute a : root.attributes()) {
      std::string_view name = a.name(), value = a.value();
      if (value != "http://schemas.openxmlformats.org/wordprocessingml/2006/main" &&
          value != "http://purl.oclc.org/ooxml/wordprocessingml/main") {
        continue;
      }
      if (name == "xmlns") prefix_.clear();
      if (StartsWith(name, "xmlns:")) prefix_ = std::string(name.substr(6)) + ":";
    }
  }

  bool Is(pugi::xml_node n, std::string_view local) const { return Matches(n.name(), local); }
  bool InNamespace(pugi::xml_node n) const {
    if (n.type() != pugi::node_element) return false;
    return prefix_.empty() ? std::strchr(n.name(), ':') == nullptr : StartsWith(n.name(), prefix_);
  }
  std::string_view Local(pugi::xml_node n) const {
    return std::string_view(n.name()).substr(prefix_.size());
  }
  pugi::xml_node Child(pugi::xml_node n, std::string_view local) const {
    for (pugi::xml_node c : n.children()) {
      if (Matches(c.name(), local)) return c;
    }
    return {};
  }
  std::string Attr(pugi::xml_node n, std::string_view local) const {
    for (pugi::xml_attribute a : n.attributes()) {
      if (Matches(a.name(), local)) return a.value();
    }
    return {};
  }
  bool HasAttr(pugi::xml_node n, std::string_view local) const {
    for (pugi::xml_attribute a : n.attributes()) {
      if (Matches(a.name(), local)) return true;
    }
    return false;
  }
  // w:val of child `local`, or nullopt when the child is absent.
  std::optional<std::string> ChildVal(pugi::xml_node n, std::string_view local) const {
    pugi::xml_node c = Child(n, local);
    if (!c) return std::nullopt;
    return Attr(c, "val");
  }
  // An on/off property (w:vanish, w:isLgl): present and not switched off.
  bool Flag(pugi::xml_node n, std::string_view local) const {
    std::optional<std::string> v = ChildVal(n, local);
    return v && *v != "0" && *v != "false" && *v != "off";
  }

 private:
  bool Matches(std::string_view name, std::string_view local) const {
    return name.size() == prefix_.size() + local.size() && StartsWith(name, prefix_) &&
           name.substr(prefix_.size()) == local;
  }
  std::string prefix_ = "w:";
};

// A numeric attribute, bounded so that counting on from it cannot overflow.
std::optional<int> ToInt(const std::optional<std::string>& s) {
  if (!s || s->empty()) return std::nullopt;
  try {
    return std::clamp(std::stoi(*s), -1000000, 1000000);
  } catch (...) {
    return std::nullopt;
  }
}

// ---------------------------------------------------------------------------------------------
// Number formats Word draws in list labels.

std::string Roman(int n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static const std::pair<int, const char*> kDigits[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [value, digits] : kDigits) {
    for (; n >= value; n -= value) out += digits;
  }
  if (upper) std::transform(out.begin(), out.end(), out.begin(), ::toupper);
  return out;
}

// Word's letter numbering repeats the letter past z: 27 → "aa", 28 → "bb". Absurd values from
// a hostile start value fall back to digits rather than building a huge label.
std::string Letters(int n, bool upper) {
  if (n <= 0 || n > 26 * 20) return std::to_string(n);
  char letter = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
  return std::string(static_cast<size_t>((n - 1) / 26 + 1), letter);
}

std::string FormatNumber(int n, const std::string& format) {
  if (format == "upperRoman") return Roman(n, true);
  if (format == "lowerRoman") return Roman(n, false);
  if (format == "upperLetter") return Letters(n, true);
  if (format == "lowerLetter") return Letters(n, false);
  if (format == "decimalZero") return (n >= 0 && n < 10 ? "0" : "") + std::to_string(n);
  if (format == "none") return "";
  return std::to_string(n);  // decimal, and the fallback for scripts plans do not use
}

// ---------------------------------------------------------------------------------------------
// Automatic numbering: numbering.xml definitions, paragraph styles, and the running counters.

struct Level {
  std::string format = "decimal";
  std::string text;
  int start = 0;     // the schema's default when w:start is absent
  int restart = -1;  // w:lvlRestart; -1: restart after any shallower level
  bool legal = false;
};

struct AbstractNum {
  std::array<Level, kLevels> levels;
  std::string style_link;  // w:numStyleLink: the levels live in another list, via a style
};

struct Num {
  std::string abstract_id;
  std::array<std::optional<int>, kLevels> start_override;
  std::array<std::optional<Level>, kLevels> level_override;
  bool overridden = false;
};

struct Style {
  std::string based_on;
  std::optional<std::string> num_id;
  std::optional<int> ilvl;
};

Level ReadLevel(const Wml& w, pugi::xml_node lvl, Level base = {}) {
  if (auto v = w.ChildVal(lvl, "numFmt")) base.format = *v;
  if (auto v = w.ChildVal(lvl, "lvlText")) base.text = *v;
  if (auto v = ToInt(w.ChildVal(lvl, "start"))) base.start = *v;
  if (auto v = ToInt(w.ChildVal(lvl, "lvlRestart"))) base.restart = *v;
  if (w.Child(lvl, "isLgl")) base.legal = w.Flag(lvl, "isLgl");
  return base;
}

class Numbering {
 public:
  void LoadStyles(pugi::xml_node root) {
    Wml w(root);
    for (pugi::xml_node s : root.children()) {
      if (!w.Is(s, "style") || w.Attr(s, "type") != "paragraph") continue;
      std::string id = w.Attr(s, "styleId");
      Style style;
      if (auto v = w.ChildVal(s, "basedOn")) style.based_on = *v;
      pugi::xml_node num_pr = w.Child(w.Child(s, "pPr"), "numPr");
      if (num_pr) {
        style.num_id = w.ChildVal(num_pr, "numId");
        style.ilvl = ToInt(w.ChildVal(num_pr, "ilvl"));
      }
      if (w.Flag(s, "default") || w.Attr(s, "default") == "1") default_style_ = id;
      styles_[id] = std::move(style);
    }
  }

  void LoadNumbering(pugi::xml_node root) {
    Wml w(root);
    for (pugi::xml_node n : root.children()) {
      if (w.Is(n, "abstractNum")) LoadAbstract(w, n);
      if (w.Is(n, "num")) LoadNum(w, n);
    }
  }

  // The label Word draws before a paragraph with properties `ppr` (maybe null), followed by a
  // space, or "" when the paragraph is not in a list. Advances the list's counters.
  std::string NextLabel(const Wml& w, pugi::xml_node ppr) {
    auto [num_id, ilvl] = EffectiveNumPr(w, ppr);
    if (!num_id || *num_id == "0" || ilvl < 0 || ilvl >= kLevels) return "";
    auto num = nums_.find(*num_id);
    if (num == nums_.end()) return "";
    const AbstractNum* abstract = FindAbstract(num->second.abstract_id, 0);
    if (!abstract) return "";
    std::array<Level, kLevels> levels = LevelsOf(num->second, *abstract);
    // Lists sharing a definition continue one sequence in Word; a w:num with overrides is a
    // restarted list with counters of its own.
    std::string key = num->second.overridden ? "num:" + *num_id : "abs:" + num->second.abstract_id;
    std::array<std::optional<int>, kLevels>& counters = counters_[key];
    Advance(levels, ilvl, counters);
    return Render(levels, ilvl, counters);
  }

 private:
  void LoadAbstract(const Wml& w, pugi::xml_node n) {
    AbstractNum abstract;
    if (auto v = w.ChildVal(n, "numStyleLink")) abstract.style_link = *v;
    for (pugi::xml_node lvl : n.children()) {
      if (!w.Is(lvl, "lvl")) continue;
      std::optional<int> i = ToInt(w.Attr(lvl, "ilvl"));
      if (i && *i >= 0 && *i < kLevels) abstract.levels[*i] = ReadLevel(w, lvl);
    }
    abstracts_[w.Attr(n, "abstractNumId")] = std::move(abstract);
  }

  void LoadNum(const Wml& w, pugi::xml_node n) {
    Num num;
    if (auto v = w.ChildVal(n, "abstractNumId")) num.abstract_id = *v;
    for (pugi::xml_node o : n.children()) {
      if (!w.Is(o, "lvlOverride")) continue;
      std::optional<int> i = ToInt(w.Attr(o, "ilvl"));
      if (!i || *i < 0 || *i >= kLevels) continue;
      num.overridden = true;
      num.start_override[*i] = ToInt(w.ChildVal(o, "startOverride"));
      if (pugi::xml_node lvl = w.Child(o, "lvl")) num.level_override[*i] = ReadLevel(w, lvl);
    }
    nums_[w.Attr(n, "numId")] = std::move(num);
  }

  // numId and ilvl from the paragraph, else from its style chain.
  std::pair<std::optional<std::string>, int> EffectiveNumPr(const Wml& w, pugi::xml_node ppr) {
    std::optional<std::string> num_id;
    std::optional<int> ilvl;
    if (pugi::xml_node num_pr = w.Child(ppr, "numPr")) {
      num_id = w.ChildVal(num_pr, "numId");
      ilvl = ToInt(w.ChildVal(num_pr, "ilvl"));
    }
    std::string style_id = w.ChildVal(ppr, "pStyle").value_or(default_style_);
    std::set<std::string> seen;  // basedOn chains may loop in a damaged file
    while (!style_id.empty() && seen.insert(style_id).second && (!num_id || !ilvl)) {
      auto s = styles_.find(style_id);
      if (s == styles_.end()) break;
      if (!num_id) num_id = s->second.num_id;
      if (!ilvl) ilvl = s->second.ilvl;
      style_id = s->second.based_on;
    }
    return {num_id, ilvl.value_or(0)};
  }

  // Follows w:numStyleLink (abstract → style → num → abstract) a few steps at most.
  const AbstractNum* FindAbstract(const std::string& id, int hops) const {
    auto a = abstracts_.find(id);
    if (a == abstracts_.end()) return nullptr;
    if (a->second.style_link.empty() || hops > 4) return &a->second;
    auto s = styles_.find(a->second.style_link);
    if (s == styles_.end() || !s->second.num_id) return &a->second;
    auto n = nums_.find(*s->second.num_id);
    if (n == nums_.end()) return &a->second;
    return FindAbstract(n->second.abstract_id, hops + 1);
  }

  static std::array<Level, kLevels> LevelsOf(const Num& num, const AbstractNum& abstract) {
    std::array<Level, kLevels> levels = abstract.levels;
    for (int i = 0; i < kLevels; ++i) {
      if (num.level_override[i]) levels[i] = *num.level_override[i];
      if (num.start_override[i]) levels[i].start = *num.start_override[i];
    }
    return levels;
  }

  // Counts one more item at `ilvl`; deeper levels start over unless w:lvlRestart says not yet.
  static void Advance(const std::array<Level, kLevels>& levels, int ilvl,
                      std::array<std::optional<int>, kLevels>& counters) {
    counters[ilvl] = counters[ilvl] ? *counters[ilvl] + 1 : levels[ilvl].start;
    for (int d = ilvl + 1; d < kLevels; ++d) {
      int restart = levels[d].restart;
      if (restart < 0 || (restart > 0 && ilvl < restart)) counters[d].reset();
    }
  }

  static std::string Render(const std::array<Level, kLevels>& levels, int ilvl,
                            const std::array<std::optional<int>, kLevels>& counters) {
    const Level& level = levels[ilvl];
    if (level.format == "bullet") return level.text == "+" ? "+ " : "- ";
    std::string label;
    const std::string& t = level.text;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
        int k = t[i + 1] - '1';
        int value = counters[k].value_or(levels[k].start);
        label += FormatNumber(value, level.legal ? "decimal" : levels[k].format);
        ++i;
      } else {
        label += t[i];
      }
    }
    return label.empty() ? "" : label + " ";
  }

  std::map<std::string, AbstractNum> abstracts_;
  std::map<std::string, Num> nums_;
  std::map<std::string, Style> styles_;
  std::string default_style_;
  std::map<std::string, std::array<std::optional<int>, kLevels>> counters_;
};

// ---------------------------------------------------------------------------------------------
// Text of one XML part: paragraphs, runs and tables.

// Note ids in the order the body refers to them: the order Word numbers them in.
struct NoteRefs {
  std::vector<std::string> footnotes, endnotes;
};

void AddOnce(std::vector<std::string>& ids, const std::string& id) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

// Table cell text sits on one markdown row: no line breaks, TABs or pipes inside.
std::string CellSafe(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    if (c == '|') c = '/';
  }
  size_t b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

void JoinWithSpace(std::string& out, const std::string& piece) {
  if (piece.empty()) return;
  if (!out.empty()) out += ' ';
  out += piece;
}

class PartWriter {
 public:
  PartWriter(pugi::xml_node root, Numbering& numbering, NoteRefs* refs)
      : w_(root), numbering_(numbering), refs_(refs) {}

  // Block-level content (body, cell, note, content control): one line per paragraph. With
  // `flat`, a table gives one line per cell instead of markdown rows.
  void Blocks(pugi::xml_node container, std::vector<std::string>& lines, int depth,
              bool flat = false) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node n : container.children()) {
      if (w_.Is(n, "p")) {
        SplitLines(Paragraph(n), lines);
      } else if (w_.Is(n, "tbl")) {
        Table(n, lines, depth + 1, flat);
      } else if (w_.Is(n, "sdt")) {
        Blocks(w_.Child(n, "sdtContent"), lines, depth + 1, flat);
      } else if (w_.Is(n, "customXml")) {
        Blocks(n, lines, depth + 1, flat);
      }
    }
  }

  // Block-level content on one line, nested tables flattened: a table cell or a note.
  std::string Flat(pugi::xml_node container, int depth) {
    std::vector<std::string> lines;
    Blocks(container, lines, depth, /*flat=*/true);
    std::string out;
    for (const std::string& line : lines) JoinWithSpace(out, CellSafe(line));
    return out;
  }

 private:
  std::string Paragraph(pugi::xml_node p) {
    std::string text = numbering_.NextLabel(w_, w_.Child(p, "pPr"));
    Inline(p, text, 0);
    return text;
  }

  // Runs and the inline wrappers around them (hyperlinks, insertions, fields, smart tags,
  // inline content controls); deleted and moved-away text is not part of the document.
  void Inline(pugi::xml_node parent, std::string& out, int depth) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node n : parent.children()) {
      if (!w_.InNamespace(n)) continue;  // drawings, math, markup compatibility
      std::string_view local = w_.Local(n);
      if (local == "r") {
        Run(n, out);
      } else if (local != "pPr" && local != "rPr" && local != "del" && local != "moveFrom" &&
                 local != "sdtPr") {
        Inline(n, out, depth + 1);
      }
    }
  }

  void Run(pugi::xml_node r, std::string& out) {
    if (w_.Flag(w_.Child(r, "rPr"), "vanish")) return;  // hidden text
    for (pugi::xml_node n : r.children()) {
      if (!w_.InNamespace(n)) continue;
      std::string_view local = w_.Local(n);
      if (local == "t") {
        out += n.child_value();
      } else if (local == "tab" || local == "ptab") {
        out += '\t';
      } else if (local == "br") {
        out += w_.Attr(n, "type") == "page" ? '\n' : ' ';
      } else if (local == "cr") {
        out += ' ';
      } else if (local == "noBreakHyphen") {
        out += '-';
      } else if (local == "footnoteReference" && refs_) {
        AddOnce(refs_->footnotes, w_.Attr(n, "id"));
      } else if (local == "endnoteReference" && refs_) {
        AddOnce(refs_->endnotes, w_.Attr(n, "id"));
      }
    }
  }

  void Table(pugi::xml_node tbl, std::vector<std::string>& lines, int depth, bool flat) {
    std::vector<pugi::xml_node> rows;
    Collect(tbl, "tr", rows, depth);
    if (flat) {
      for (pugi::xml_node tr : rows) {
        for (std::string& cell : Cells(tr, depth)) lines.push_back(std::move(cell));
      }
      return;
    }
    lines.emplace_back();
    for (pugi::xml_node tr : rows) {
      std::string row = "|";
      for (const std::string& cell : Cells(tr, depth)) row += " " + cell + " |";
      lines.push_back(row);
    }
    lines.emplace_back();
  }

  std::vector<std::string> Cells(pugi::xml_node tr, int depth) {
    std::vector<pugi::xml_node> tcs;
    Collect(tr, "tc", tcs, depth);
    std::vector<std::string> cells;
    for (pugi::xml_node tc : tcs) {
      cells.push_back(Flat(tc, depth + 1));
      int span = ToInt(w_.ChildVal(w_.Child(tc, "tcPr"), "gridSpan")).value_or(1);
      for (int i = 1; i < std::min(span, 64); ++i) cells.emplace_back();
    }
    return cells;
  }

  // Children named `local`, also when wrapped in content controls or custom XML.
  void Collect(pugi::xml_node parent, std::string_view local, std::vector<pugi::xml_node>& out,
               int depth) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node n : parent.children()) {
      if (w_.Is(n, local)) {
        out.push_back(n);
      } else if (w_.Is(n, "sdt")) {
        Collect(w_.Child(n, "sdtContent"), local, out, depth + 1);
      } else if (w_.Is(n, "customXml")) {
        Collect(n, local, out, depth + 1);
      }
    }
  }

  static void SplitLines(const std::string& text, std::vector<std::string>& lines) {
    size_t start = 0;
    while (true) {
      size_t nl = text.find('\n', start);
      lines.push_back(text.substr(start, nl == std::string::npos ? nl : nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }

  Wml w_;
  Numbering& numbering_;
  NoteRefs* refs_;
};

// ---------------------------------------------------------------------------------------------
// Parts.

using XmlDoc = std::unique_ptr<pugi::xml_document>;

Result<XmlDoc> ParseXml(const std::string& source, std::string_view part, const std::string& xml) {
  auto doc = std::make_unique<pugi::xml_document>();
  // parse_ws_pcdata keeps <w:t xml:space="preserve"> </w:t>: a space between two runs.
  pugi::xml_parse_result parsed =
      doc->load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!parsed) {
    return Status::InvalidInput(source + ": damaged " + std::string(part) + ": " +
                                parsed.description() + " at byte " +
                                std::to_string(parsed.offset));
  }
  return doc;
}

// An optional part, parsed; a null document when the archive has none.
Result<XmlDoc> ReadPart(const std::string& source, Archive& archive, std::string_view part) {
  Result<std::optional<std::string>> bytes = archive.Read(part);
  if (!bytes.ok()) return bytes.status();
  if (!bytes->has_value()) return XmlDoc();
  return ParseXml(source, part, **bytes);
}

// "[N] text" lines for the notes of one kind, numbered from `first` in body reference order;
// notes the body never refers to follow in file order. Separator notes (any type but normal)
// are skipped.
std::vector<std::string> NoteLines(pugi::xml_node root, std::string_view element,
                                   const std::vector<std::string>& referenced, size_t first,
                                   Numbering& numbering) {
  Wml w(root);
  std::map<std::string, pugi::xml_node> notes;
  std::vector<std::string> order = referenced;
  for (pugi::xml_node n : root.children()) {
    if (!w.Is(n, element)) continue;
    std::string type = w.Attr(n, "type");
    if (!type.empty() && type != "normal") continue;
    std::string id = w.Attr(n, "id");
    notes[id] = n;
    AddOnce(order, id);
  }
  std::vector<std::string> lines;
  PartWriter writer(root, numbering, nullptr);
  for (const std::string& id : order) {
    auto note = notes.find(id);
    if (note == notes.end()) continue;
    std::string line = "[" + std::to_string(first + lines.size()) + "]";
    JoinWithSpace(line, writer.Flat(note->second, 0));
    lines.push_back(line);
  }
  return lines;
}

Status ReadNotes(const std::string& source, Archive& archive, std::string_view part,
                 std::string_view element, const std::vector<std::string>& referenced,
                 Numbering& numbering, std::vector<std::string>& out) {
  Result<XmlDoc> doc = ReadPart(source, archive, part);
  if (!doc.ok()) return doc.status();
  if (!*doc) return Status::Ok();
  // Endnotes continue the footnotes' numbers, so every "[N]" names one note.
  for (std::string& line : NoteLines((*doc)->document_element(), element, referenced,
                                     out.size() + 1, numbering)) {
    out.push_back(std::move(line));
  }
  return Status::Ok();
}

// Styles and numbering definitions, both optional parts.
Result<Numbering> LoadNumbering(const std::string& source, Archive& archive) {
  Numbering numbering;
  Result<XmlDoc> styles = ReadPart(source, archive, "word/styles.xml");
  if (!styles.ok()) return styles.status();
  if (*styles) numbering.LoadStyles((*styles)->document_element());
  Result<XmlDoc> lists = ReadPart(source, archive, "word/numbering.xml");
  if (!lists.ok()) return lists.status();
  if (*lists) numbering.LoadNumbering((*lists)->document_element());
  return numbering;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

}  // namespace

bool LooksLikeDocx(std::string_view bytes) {
  // The member name sits uncompressed in its local header, so a damaged archive still shows it.
  return StartsWith(bytes, kZipMagic) && bytes.find(kDocumentPart) != std::string_view::npos;
}

Result<std::string> DocxToText(const std::string& source, std::string_view bytes,
                               const DocxOptions& options) {
  // Password-protected .docx files are OLE2 containers (EncryptedPackage), as are .doc files.
  if (StartsWith(bytes, kOle2Magic)) return Archive::Encrypted(source);
  if (!StartsWith(bytes, "PK")) {
    return Status::InvalidInput(source + ": not a Word document (not a zip archive)");
  }
  Result<Archive> archive = Archive::Open(source, bytes, options);
  if (!archive.ok()) return archive.status();

  Result<XmlDoc> document = ReadPart(source, *archive, kDocumentPart);
  if (!document.ok()) return document.status();
  if (!*document) {
    return Status::InvalidInput(source + ": not a Word document (no word/document.xml)");
  }
  Result<Numbering> numbering = LoadNumbering(source, *archive);
  if (!numbering.ok()) return numbering.status();

  pugi::xml_node root = (*document)->document_element();
  NoteRefs refs;
  std::vector<std::string> lines;
  PartWriter body(root, *numbering, &refs);
  body.Blocks(Wml(root).Child(root, "body"), lines, 0);

  std::vector<std::string> notes;
  if (Status s = ReadNotes(source, *archive, "word/footnotes.xml", "footnote", refs.footnotes,
                           *numbering, notes);
      !s.ok()) {
    return s;
  }
  if (Status s = ReadNotes(source, *archive, "word/endnotes.xml", "endnote", refs.endnotes,
                           *numbering, notes);
      !s.ok()) {
    return s;
  }
  if (!notes.empty()) {
    lines.emplace_back();
    lines.insert(lines.end(), notes.begin(), notes.end());
  }
  return JoinLines(lines);
}

}  // namespace plangraph
