// What a .docx's styles.xml and numbering.xml give its paragraphs and runs, and the XML names
// they are read with. Internal to the .docx reader.
//  - Wml: WordprocessingML element and attribute names. pugixml does not resolve namespaces, so
//    each part's prefix for the WordprocessingML namespace is read from its root ("w:" in every
//    Word file, but not required).
//  - Numbering: Word's automatic numbering (numbering.xml definitions, on the paragraph or
//    through its style) and the running counters, turned back into the label Word draws.
//  - RunFonts: which font draws a run, for the legacy TCVN3/VNI fonts (legacy_fonts.h). Word
//    looks at the run's own w:rFonts, then its character style, then its paragraph's style,
//    then the document defaults, each style following its w:basedOn chain.
#ifndef PLANGRAPH_DOCX_STYLES_H_
#define PLANGRAPH_DOCX_STYLES_H_

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <pugixml.hpp>

namespace plangraph {

class Wml {
 public:
  explicit Wml(pugi::xml_node root);

  bool Is(pugi::xml_node n, std::string_view local) const { return Matches(n.name(), local); }
  bool InNamespace(pugi::xml_node n) const;
  std::string_view Local(pugi::xml_node n) const;
  pugi::xml_node Child(pugi::xml_node n, std::string_view local) const;
  std::string Attr(pugi::xml_node n, std::string_view local) const;
  bool HasAttr(pugi::xml_node n, std::string_view local) const;
  // w:val of child `local`, or nullopt when the child is absent.
  std::optional<std::string> ChildVal(pugi::xml_node n, std::string_view local) const;
  // An on/off property (w:vanish, w:isLgl): present and not switched off.
  bool Flag(pugi::xml_node n, std::string_view local) const;

 private:
  bool Matches(std::string_view name, std::string_view local) const;
  std::string prefix_ = "w:";
};

// A numeric attribute, bounded so that counting on from it cannot overflow.
std::optional<int> ToInt(const std::optional<std::string>& s);

class Numbering {
 public:
  void LoadStyles(pugi::xml_node root);

  void LoadNumbering(pugi::xml_node root);

  // The label Word draws before a paragraph with properties `ppr` (maybe null), followed by a
  // space, or "" when the paragraph is not in a list. Advances the list's counters.
  std::string NextLabel(const Wml& w, pugi::xml_node ppr);

 private:
  static constexpr int kLevels = 9;  // Word list levels 0..8

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

  // A w:lvl element read over the schema's defaults.
  static Level ReadLevel(const Wml& w, pugi::xml_node lvl);

  void LoadAbstract(const Wml& w, pugi::xml_node n);

  void LoadNum(const Wml& w, pugi::xml_node n);

  // numId and ilvl from the paragraph, else from its style chain.
  std::pair<std::optional<std::string>, int> EffectiveNumPr(const Wml& w, pugi::xml_node ppr);

  // Follows w:numStyleLink (abstract → style → num → abstract) a few steps at most.
  const AbstractNum* FindAbstract(const std::string& id, int hops) const;

  static std::array<Level, kLevels> LevelsOf(const Num& num, const AbstractNum& abstract);

  // Counts one more item at `ilvl`; deeper levels start over unless w:lvlRestart says not yet.
  static void Advance(const std::array<Level, kLevels>& levels, int ilvl,
                      std::array<std::optional<int>, kLevels>& counters);

  static std::string Render(const std::array<Level, kLevels>& levels, int ilvl,
                            const std::array<std::optional<int>, kLevels>& counters);

  std::map<std::string, AbstractNum> abstracts_;
  std::map<std::string, Num> nums_;
  std::map<std::string, Style> styles_;
  std::string default_style_;
  std::map<std::string, std::array<std::optional<int>, kLevels>> counters_;
};

class RunFonts {
 public:
  void Load(pugi::xml_node styles_root);

  // The font of run `r` in a paragraph with properties `ppr`; "" when no font is named (a theme
  // font, or none at all: Unicode fonts either way).
  std::string Font(const Wml& w, pugi::xml_node r, pugi::xml_node ppr) const;

  // w:rFonts of a run property element: the font Word uses for letters beyond ASCII (w:hAnsi),
  // else the ASCII one.
  static std::string FontOf(const Wml& w, pugi::xml_node rpr);

 private:
  struct FontStyle {
    std::string based_on;
    std::string font;
  };

  std::string StyleFont(std::string id) const;

  std::map<std::string, FontStyle> styles_;
  std::string default_font_;
  std::string default_paragraph_style_;
};

}  // namespace plangraph

#endif  // PLANGRAPH_DOCX_STYLES_H_
