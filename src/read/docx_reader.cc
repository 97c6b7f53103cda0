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

#include "legacy_fonts.h"

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
// Run fonts: which font draws a run, for the legacy TCVN3/VNI fonts (legacy_fonts.h). Word looks
// at the run's own w:rFonts, then its character style, then its paragraph's style, then the
// document defaults, each style following its w:basedOn chain.

class RunFonts {
 public:
  void Load(pugi::xml_node styles_root) {
    Wml w(styles_root);
    for (pugi::xml_node s : styles_root.children()) {
      if (w.Is(s, "docDefaults")) {
        default_font_ = FontOf(w, w.Child(w.Child(s, "rPrDefault"), "rPr"));
      }
      if (!w.Is(s, "style")) continue;
      FontStyle style;
      if (auto v = w.ChildVal(s, "basedOn")) style.based_on = *v;
      style.font = FontOf(w, w.Child(s, "rPr"));
      std::string id = w.Attr(s, "styleId");
      if (w.Attr(s, "type") == "paragraph" && (w.Attr(s, "default") == "1" ||
                                               w.Attr(s, "default") == "true")) {
        default_paragraph_style_ = id;
      }
      styles_[id] = std::move(style);
    }
  }

  // The font of run `r` in a paragraph with properties `ppr`; "" when no font is named (a theme
  // font, or none at all: Unicode fonts either way).
  std::string Font(const Wml& w, pugi::xml_node r, pugi::xml_node ppr) const {
    pugi::xml_node rpr = w.Child(r, "rPr");
    if (std::string f = FontOf(w, rpr); !f.empty()) return f;
    if (auto id = w.ChildVal(rpr, "rStyle")) {
      if (std::string f = StyleFont(*id); !f.empty()) return f;
    }
    if (std::string f = StyleFont(w.ChildVal(ppr, "pStyle").value_or(default_paragraph_style_));
        !f.empty()) {
      return f;
    }
    return default_font_;
  }

  // w:rFonts of a run property element: the font Word uses for letters beyond ASCII (w:hAnsi),
  // else the ASCII one.
  static std::string FontOf(const Wml& w, pugi::xml_node rpr) {
    pugi::xml_node fonts = w.Child(rpr, "rFonts");
    if (!fonts) return "";
    std::string f = w.Attr(fonts, "hAnsi");
    return f.empty() ? w.Attr(fonts, "ascii") : f;
  }

 private:
  struct FontStyle {
    std::string based_on;
    std::string font;
  };

  std::string StyleFont(std::string id) const {
    std::set<std::string> seen;  // basedOn chains may loop in a damaged file
    while (!id.empty() && seen.insert(id).second) {
      auto s = styles_.find(id);
      if (s == styles_.end()) break;
      if (!s->second.font.empty()) return s->second.font;
      id = s->second.based_on;
    }
    return "";
  }

  std::map<std::string, FontStyle> styles_;
  std::string default_font_;
  std::string default_paragraph_style_;
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

// How run text is read. Legacy fonts need two passes over the document: the first shows every
// run to the decoder (which then decides each font's encoding), the second decodes.
struct FontPass {
  const RunFonts* fonts = nullptr;
  LegacyFontDecoder* decoder = nullptr;
  bool decode = false;  // false: the observing pass
};

constexpr std::string_view kSoftHyphen = "\u00AD";
// The first cell of a signature table (recipients on the left, signer on the right).
constexpr std::string_view kSignatureCue = "Nơi nhận";
// Layout tables (header, signature) are small; a larger table is data whatever its place.
constexpr size_t kMaxLayoutRows = 4;

class PartWriter {
 public:
  PartWriter(pugi::xml_node root, Numbering& numbering, NoteRefs* refs, FontPass fonts)
      : w_(root), numbering_(numbering), refs_(refs), fonts_(fonts) {}

  // Block-level content (body, cell, note, content control, text box): one line per paragraph,
  // then the lines of the text boxes anchored in it. With `flat`, a table gives one line per
  // cell instead of markdown rows.
  void Blocks(pugi::xml_node container, std::vector<std::string>& lines, int depth,
              bool flat = false) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node n : container.children()) {
      if (w_.Is(n, "p")) {
        std::vector<std::string> boxes;
        std::string text = Paragraph(n, boxes, depth);
        if (depth == 0 && text.find_first_not_of(" \t") != std::string::npos) body_text_ = true;
        SplitLines(text, lines);
        lines.insert(lines.end(), boxes.begin(), boxes.end());
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
  // Text of consecutive runs in one font, decoded together: Word splits runs anywhere, also
  // between a VNI vowel and the byte that carries its mark.
  struct Pending {
    std::string font;
    std::string text;
  };

  std::string Paragraph(pugi::xml_node p, std::vector<std::string>& boxes, int depth) {
    pugi::xml_node ppr = w_.Child(p, "pPr");
    std::string text = numbering_.NextLabel(w_, ppr);
    Pending pending;
    Inline(p, ppr, text, pending, boxes, depth);
    Flush(pending, text);
    if (fonts_.decoder && !fonts_.decode) fonts_.decoder->EndParagraph();
    return text;
  }

  void Flush(Pending& pending, std::string& out) {
    if (pending.text.empty()) return;
    std::string text = pending.text;
    if (fonts_.decoder && fonts_.decode) {
      text = fonts_.decoder->Decode(pending.font, pending.text);
    } else if (fonts_.decoder) {
      fonts_.decoder->Observe(pending.font, pending.text);
    }
    // What decoding left of soft hyphens is Unicode's invisible one.
    for (size_t at; (at = text.find(kSoftHyphen)) != std::string::npos;) {
      text.erase(at, kSoftHyphen.size());
    }
    out += text;
    pending.text.clear();
  }

  // Runs and the inline wrappers around them (hyperlinks, insertions, fields, smart tags,
  // inline content controls); deleted and moved-away text is not part of the document.
  void Inline(pugi::xml_node parent, pugi::xml_node ppr, std::string& out, Pending& pending,
              std::vector<std::string>& boxes, int depth) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node n : parent.children()) {
      if (!w_.InNamespace(n)) {  // drawings, math, markup compatibility
        AlternateContent(n, boxes, depth + 1);
        continue;
      }
      std::string_view local = w_.Local(n);
      if (local == "r") {
        Run(n, ppr, out, pending, boxes, depth);
      } else if (local != "pPr" && local != "rPr" && local != "del" && local != "moveFrom" &&
                 local != "sdtPr") {
        Inline(n, ppr, out, pending, boxes, depth + 1);
      }
    }
  }

  void Run(pugi::xml_node r, pugi::xml_node ppr, std::string& out, Pending& pending,
           std::vector<std::string>& boxes, int depth) {
    if (w_.Flag(w_.Child(r, "rPr"), "vanish")) return;  // hidden text
    std::string font = fonts_.fonts ? fonts_.fonts->Font(w_, r, ppr) : "";
    if (font != pending.font) {
      Flush(pending, out);
      pending.font = font;
    }
    std::string& text = pending.text;
    for (pugi::xml_node n : r.children()) {
      if (!w_.InNamespace(n)) {
        AlternateContent(n, boxes, depth + 1);
        continue;
      }
      std::string_view local = w_.Local(n);
      if (local == "t") {
        text += n.child_value();
      } else if (local == "tab" || local == "ptab") {
        text += '\t';
      } else if (local == "br") {
        text += w_.Attr(n, "type") == "page" ? '\n' : ' ';
      } else if (local == "cr") {
        text += ' ';
      } else if (local == "noBreakHyphen") {
        text += '-';
      } else if (local == "softHyphen") {
        // Invisible in Unicode text, but byte 0xAD is "ư" in TCVN3 fonts: LibreOffice turns it
        // into this element when it converts a .doc. Flush() keeps it for legacy runs only.
        text += kSoftHyphen;
      } else if (local == "footnoteReference" && refs_) {
        AddOnce(refs_->footnotes, w_.Attr(n, "id"));
      } else if (local == "endnoteReference" && refs_) {
        AddOnce(refs_->endnotes, w_.Attr(n, "id"));
      } else if (local == "drawing" || local == "pict") {
        TextBoxes(n, boxes, depth + 1);
      }
    }
  }

  // Text boxes (a header's "Số: …" or place and date are often drawn in one): their paragraphs
  // follow the paragraph that anchors them, one per line. Markup compatibility offers the same
  // box twice, as a DrawingML choice and a VML fallback: the first that has text is read.
  void AlternateContent(pugi::xml_node n, std::vector<std::string>& boxes, int depth) {
    constexpr std::string_view kAlternate = "AlternateContent";  // markup compatibility
    std::string_view name = n.name();
    if (name.size() < kAlternate.size() ||
        name.substr(name.size() - kAlternate.size()) != kAlternate) {
      return;
    }
    for (pugi::xml_node branch : n.children()) {
      size_t before = boxes.size();
      TextBoxes(branch, boxes, depth + 1);
      if (boxes.size() > before) return;
    }
  }

  void TextBoxes(pugi::xml_node n, std::vector<std::string>& boxes, int depth) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node c : n.children()) {
      if (c.type() != pugi::node_element) continue;
      if (w_.Is(c, "txbxContent")) {
        std::vector<std::string> lines;
        Blocks(c, lines, depth + 1, /*flat=*/true);
        for (std::string& line : lines) {
          if (line.find_first_not_of(" \t") != std::string::npos) boxes.push_back(std::move(line));
        }
      } else {
        TextBoxes(c, boxes, depth + 1);
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
    if (IsLayoutTable(rows, depth)) {
      // A header or signature laid out in a table: each cell's paragraphs on lines of their
      // own, as they read on the page, so that "Số: 518/QĐ-UBND" and the place and date beside
      // it stay apart.
      for (pugi::xml_node tr : rows) {
        std::vector<pugi::xml_node> tcs;
        Collect(tr, "tc", tcs, depth);
        for (pugi::xml_node tc : tcs) {
          std::vector<std::string> cell;
          Blocks(tc, cell, depth + 1, /*flat=*/true);
          for (std::string& line : cell) {
            if (line.find_first_not_of(" \t") != std::string::npos) lines.push_back(std::move(line));
          }
        }
      }
    } else {
      for (pugi::xml_node tr : rows) {
        std::string row = "|";
        for (const std::string& cell : Cells(tr, depth)) row += " " + cell + " |";
        lines.push_back(row);
      }
    }
    lines.emplace_back();
  }

  // A small body-level table before any text of the body (the header: issuer and number on the
  // left, national motto, place and date on the right) or one opening with the recipients of
  // a signature block.
  // The w:t text under `n`, at most about 64 bytes: enough to recognise a cue.
  void PlainText(pugi::xml_node n, std::string& out, int depth) const {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node c : n.children()) {
      if (out.size() > 64) return;
      if (w_.Is(c, "t")) {
        out += c.child_value();
      } else if (c.type() == pugi::node_element) {
        PlainText(c, out, depth + 1);
      }
    }
  }

  bool IsLayoutTable(const std::vector<pugi::xml_node>& rows, int depth) {
    if (depth != 1 || rows.empty() || rows.size() > kMaxLayoutRows) return false;
    if (!body_text_) return true;
    std::vector<pugi::xml_node> tcs;
    Collect(rows.front(), "tc", tcs, depth);
    if (tcs.empty()) return false;
    // Counters and legacy-font state must not move: read the text without numbering labels.
    std::string first;
    PlainText(tcs.front(), first, depth);
    size_t b = first.find_first_not_of(" \t");
    return b != std::string::npos && first.compare(b, kSignatureCue.size(), kSignatureCue) == 0;
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
  FontPass fonts_;
  bool body_text_ = false;  // a paragraph with text has been seen at the top level
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
                                   Numbering& numbering, FontPass fonts) {
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
  PartWriter writer(root, numbering, nullptr, fonts);
  for (const std::string& id : order) {
    auto note = notes.find(id);
    if (note == notes.end()) continue;
    std::string line = "[" + std::to_string(first + lines.size()) + "]";
    JoinWithSpace(line, writer.Flat(note->second, 0));
    lines.push_back(line);
  }
  return lines;
}

// The parts of a .docx the text comes from, parsed once.
struct Parts {
  XmlDoc document, footnotes, endnotes;
  Numbering numbering;
  RunFonts fonts;
};

Result<Parts> ReadParts(const std::string& source, Archive& archive) {
  Parts parts;
  Result<XmlDoc> document = ReadPart(source, archive, kDocumentPart);
  if (!document.ok()) return document.status();
  if (!*document) {
    return Status::InvalidInput(source + ": not a Word document (no word/document.xml)");
  }
  parts.document = std::move(*document);
  // Styles and numbering definitions, both optional parts.
  Result<XmlDoc> styles = ReadPart(source, archive, "word/styles.xml");
  if (!styles.ok()) return styles.status();
  if (*styles) {
    parts.numbering.LoadStyles((*styles)->document_element());
    parts.fonts.Load((*styles)->document_element());
  }
  Result<XmlDoc> lists = ReadPart(source, archive, "word/numbering.xml");
  if (!lists.ok()) return lists.status();
  if (*lists) parts.numbering.LoadNumbering((*lists)->document_element());
  Result<XmlDoc> footnotes = ReadPart(source, archive, "word/footnotes.xml");
  if (!footnotes.ok()) return footnotes.status();
  parts.footnotes = std::move(*footnotes);
  Result<XmlDoc> endnotes = ReadPart(source, archive, "word/endnotes.xml");
  if (!endnotes.ok()) return endnotes.status();
  parts.endnotes = std::move(*endnotes);
  return parts;
}

// The document's lines: the body, then its notes. Numbering counters start afresh each time.
std::vector<std::string> Render(const Parts& parts, FontPass fonts) {
  Numbering numbering = parts.numbering;
  pugi::xml_node root = parts.document->document_element();
  NoteRefs refs;
  std::vector<std::string> lines;
  PartWriter body(root, numbering, &refs, fonts);
  body.Blocks(Wml(root).Child(root, "body"), lines, 0);
  std::vector<std::string> notes;
  // Endnotes continue the footnotes' numbers, so every "[N]" names one note.
  if (parts.footnotes) {
    notes = NoteLines(parts.footnotes->document_element(), "footnote", refs.footnotes, 1,
                      numbering, fonts);
  }
  if (parts.endnotes) {
    for (std::string& line : NoteLines(parts.endnotes->document_element(), "endnote",
                                       refs.endnotes, notes.size() + 1, numbering, fonts)) {
      notes.push_back(std::move(line));
    }
  }
  if (!notes.empty()) {
    lines.emplace_back();
    lines.insert(lines.end(), notes.begin(), notes.end());
  }
  return lines;
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

Result<DocxText> ReadDocx(const std::string& source, std::string_view bytes,
                          const DocxOptions& options) {
  // Password-protected .docx files are OLE2 containers (EncryptedPackage), as are .doc files.
  if (StartsWith(bytes, kOle2Magic)) return Archive::Encrypted(source);
  if (!StartsWith(bytes, "PK")) {
    return Status::InvalidInput(source + ": not a Word document (not a zip archive)");
  }
  Result<Archive> archive = Archive::Open(source, bytes, options);
  if (!archive.ok()) return archive.status();
  Result<Parts> parts = ReadParts(source, *archive);
  if (!parts.ok()) return parts.status();

  LegacyFontDecoder decoder;
  std::vector<std::string> lines = Render(*parts, {&parts->fonts, &decoder, /*decode=*/false});
  if (options.legacy_charset != LegacyCharset::kNone) {
    decoder.Force(options.legacy_charset);
  } else {
    decoder.Decide();
  }
  DocxText out;
  if (decoder.HasLegacyFonts()) lines = Render(*parts, {&parts->fonts, &decoder, /*decode=*/true});
  out.text = JoinLines(lines);
  out.legacy_fonts = decoder.Note();
  return out;
}

Result<std::string> DocxToText(const std::string& source, std::string_view bytes,
                               const DocxOptions& options) {
  Result<DocxText> docx = ReadDocx(source, bytes, options);
  if (!docx.ok()) return docx.status();
  return std::move(docx->text);
}

}  // namespace plangraph
