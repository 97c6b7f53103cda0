// The issuer part of a reference key: which body's numbering a số/ký hiệu belongs to.
//
// Numbers restart every year for every issuing body, so "10/KH-UBND" of 2022 is a different
// document for every People's Committee. A key (reference.h) therefore ends in the issuer's
// place, "10|KH-UBND|2022|tinh:binh phuoc", unless a letter group names a body unique in the
// country ("02-NQ/TW", "22/2013/QĐ-TTg": no issuer part). The place comes from the citation's
// own words ("của UBND huyện Đồng Phú"); where they leave it out ("của UBND tỉnh", or no issuer
// at all) from the citing plan's own place at that level. When neither tells, the issuer part
// is "?": the citation is ambiguous and may meet several documents; it is never merged into one.
// The lexicons (unique letter groups, level words, words ending a place) are rules/issuers.tsv.
#ifndef PLANGRAPH_ISSUER_SCOPE_H_
#define PLANGRAPH_ISSUER_SCOPE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plangraph/extraction.h"
#include "plangraph/status.h"
#include "rule_file.h"

namespace plangraph {

struct IssuerRules {
  struct Level {
    std::string name;                // "tỉnh"
    int rank = 0;                    // 1 widest
    std::vector<std::string> words;  // folded: "tinh", "tinh uy"
  };
  std::vector<std::string> unique_codes;  // uppercased letter groups, sorted: "TTG", "TW"
  std::vector<std::pair<std::string, std::string>> code_levels;  // {"TU", "tinh"}: folded level
  std::vector<Level> levels;
  std::vector<std::string> stops;  // folded
};

Result<IssuerRules> LoadIssuerRules(const RuleFile& file);

// Where an issuer sits: level "tinh", place "binh phuoc" (folded); either may be empty.
struct IssuerPlace {
  std::string level;
  std::string place;
  bool empty() const { return level.empty() && place.empty(); }
};

// Every level named in `issuer_text` with the name after it, widest first: "ĐẢNG BỘ TỈNH BÌNH
// PHƯỚC HUYỆN ỦY ĐỒNG PHÚ" → {tinh, binh phuoc}, {huyen, dong phu}.
std::vector<IssuerPlace> FindIssuerPlaces(const IssuerRules& rules, std::string_view issuer_text);

// The narrowest level named in `issuer_text` and the capitalised name after it.
// "Ủy ban nhân dân tỉnh Bình Phước" → {tinh, binh phuoc}; "Ban Thường vụ Huyện ủy" → {huyen, ""};
// "Sở Công Thương" → {}.
IssuerPlace FindIssuerPlace(const IssuerRules& rules, std::string_view issuer_text);

// True when a letter group of the key names a body unique in the country.
bool HasUniqueIssuer(const IssuerRules& rules, const std::vector<std::string>& groups);

// The issuer part of the key of a document with these letter groups, issued by `issuer`
// (as the citation or header names it), seen from a plan issued at `context` (the citing plan's
// places, widest first; empty for a document's own key). "" for a unique issuer, "?" when it
// cannot be told.
std::string IssuerScope(const IssuerRules& rules, const std::vector<std::string>& groups,
                        const IssuerPlace& issuer, const std::vector<IssuerPlace>& context);

// "2|NQ-TW|2021" + "" → itself; "10|KH-UBND|2022" + "tinh:binh phuoc" →
// "10|KH-UBND|2022|tinh:binh phuoc".
std::string WithIssuerScope(const std::string& key, const std::string& scope);

// Sets the issuer part of every citation key of `e` and fills e.document.key.
void QualifyIssuers(const IssuerRules& rules, Extraction& e);

}  // namespace plangraph

#endif  // PLANGRAPH_ISSUER_SCOPE_H_
