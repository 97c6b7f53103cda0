#include "docx_styles.h"

#include <algorithm>
#include <cstring>
#include <set>

namespace plangraph {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
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

}  // namespace

Wml::Wml(pugi::xml_node root) {
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

bool Wml::InNamespace(pugi::xml_node n) const {
  if (n.type() != pugi::node_element) return false;
  return prefix_.empty() ? std::strchr(n.name(), ':') == nullptr : StartsWith(n.name(), prefix_);
}

std::string_view Wml::Local(pugi::xml_node n) const {
  return std::string_view(n.name()).substr(prefix_.size());
}

pugi::xml_node Wml::Child(pugi::xml_node n, std::string_view local) const {
  for (pugi::xml_node c : n.children()) {
    if (Matches(c.name(), local)) return c;
  }
  return {};
}

std::string Wml::Attr(pugi::xml_node n, std::string_view local) const {
  for (pugi::xml_attribute a : n.attributes()) {
    if (Matches(a.name(), local)) return a.value();
  }
  return {};
}

bool Wml::HasAttr(pugi::xml_node n, std::string_view local) const {
  for (pugi::xml_attribute a : n.attributes()) {
    if (Matches(a.name(), local)) return true;
  }
  return false;
}

std::optional<std::string> Wml::ChildVal(pugi::xml_node n, std::string_view local) const {
  pugi::xml_node c = Child(n, local);
  if (!c) return std::nullopt;
  return Attr(c, "val");
}

bool Wml::Flag(pugi::xml_node n, std::string_view local) const {
  std::optional<std::string> v = ChildVal(n, local);
  return v && *v != "0" && *v != "false" && *v != "off";
}

bool Wml::Matches(std::string_view name, std::string_view local) const {
  return name.size() == prefix_.size() + local.size() && StartsWith(name, prefix_) &&
         name.substr(prefix_.size()) == local;
}

std::optional<int> ToInt(const std::optional<std::string>& s) {
  if (!s || s->empty()) return std::nullopt;
  try {
    return std::clamp(std::stoi(*s), -1000000, 1000000);
  } catch (...) {
    return std::nullopt;
  }
}

Numbering::Level Numbering::ReadLevel(const Wml& w, pugi::xml_node lvl) {
  Level base;
  if (auto v = w.ChildVal(lvl, "numFmt")) base.format = *v;
  if (auto v = w.ChildVal(lvl, "lvlText")) base.text = *v;
  if (auto v = ToInt(w.ChildVal(lvl, "start"))) base.start = *v;
  if (auto v = ToInt(w.ChildVal(lvl, "lvlRestart"))) base.restart = *v;
  if (w.Child(lvl, "isLgl")) base.legal = w.Flag(lvl, "isLgl");
  return base;
}

void Numbering::LoadStyles(pugi::xml_node root) {
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

void Numbering::LoadNumbering(pugi::xml_node root) {
  Wml w(root);
  for (pugi::xml_node n : root.children()) {
    if (w.Is(n, "abstractNum")) LoadAbstract(w, n);
    if (w.Is(n, "num")) LoadNum(w, n);
  }
}

std::string Numbering::NextLabel(const Wml& w, pugi::xml_node ppr) {
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

void Numbering::LoadAbstract(const Wml& w, pugi::xml_node n) {
  AbstractNum abstract;
  if (auto v = w.ChildVal(n, "numStyleLink")) abstract.style_link = *v;
  for (pugi::xml_node lvl : n.children()) {
    if (!w.Is(lvl, "lvl")) continue;
    std::optional<int> i = ToInt(w.Attr(lvl, "ilvl"));
    if (i && *i >= 0 && *i < kLevels) abstract.levels[*i] = ReadLevel(w, lvl);
  }
  abstracts_[w.Attr(n, "abstractNumId")] = std::move(abstract);
}

void Numbering::LoadNum(const Wml& w, pugi::xml_node n) {
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

std::pair<std::optional<std::string>, int> Numbering::EffectiveNumPr(const Wml& w,
                                                                    pugi::xml_node ppr) {
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

const Numbering::AbstractNum* Numbering::FindAbstract(const std::string& id, int hops) const {
  auto a = abstracts_.find(id);
  if (a == abstracts_.end()) return nullptr;
  if (a->second.style_link.empty() || hops > 4) return &a->second;
  auto s = styles_.find(a->second.style_link);
  if (s == styles_.end() || !s->second.num_id) return &a->second;
  auto n = nums_.find(*s->second.num_id);
  if (n == nums_.end()) return &a->second;
  return FindAbstract(n->second.abstract_id, hops + 1);
}

std::array<Numbering::Level, Numbering::kLevels> Numbering::LevelsOf(
    const Num& num, const AbstractNum& abstract) {
  std::array<Level, kLevels> levels = abstract.levels;
  for (int i = 0; i < kLevels; ++i) {
    if (num.level_override[i]) levels[i] = *num.level_override[i];
    if (num.start_override[i]) levels[i].start = *num.start_override[i];
  }
  return levels;
}

void Numbering::Advance(const std::array<Level, kLevels>& levels, int ilvl,
                        std::array<std::optional<int>, kLevels>& counters) {
  counters[ilvl] = counters[ilvl] ? *counters[ilvl] + 1 : levels[ilvl].start;
  for (int d = ilvl + 1; d < kLevels; ++d) {
    int restart = levels[d].restart;
    if (restart < 0 || (restart > 0 && ilvl < restart)) counters[d].reset();
  }
}

std::string Numbering::Render(const std::array<Level, kLevels>& levels, int ilvl,
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

void RunFonts::Load(pugi::xml_node styles_root) {
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

std::string RunFonts::Font(const Wml& w, pugi::xml_node r, pugi::xml_node ppr) const {
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

std::string RunFonts::FontOf(const Wml& w, pugi::xml_node rpr) {
  pugi::xml_node fonts = w.Child(rpr, "rFonts");
  if (!fonts) return "";
  std::string f = w.Attr(fonts, "hAnsi");
  return f.empty() ? w.Attr(fonts, "ascii") : f;
}

std::string RunFonts::StyleFont(std::string id) const {
  std::set<std::string> seen;  // basedOn chains may loop in a damaged file
  while (!id.empty() && seen.insert(id).second) {
    auto s = styles_.find(id);
    if (s == styles_.end()) break;
    if (!s->second.font.empty()) return s->second.font;
    id = s->second.based_on;
  }
  return "";
}

}  // namespace plangraph
