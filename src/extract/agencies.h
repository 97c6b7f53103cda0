// Agencies: recognising the names of bodies in task text, splitting lists of them, and the alias
// lexicon that makes "Các cấp công đoàn" and "Công đoàn các cấp" one body (rules/agencies.tsv).
//
// A name starts at a head word ("Sở", "Ban", "Ủy ban nhân dân", "Công đoàn"…) and runs to the
// first stop word (a verb or role word such as "chủ trì", "phối hợp"), punctuation, or the end
// of the clause. Short comma-separated continuations that are not names themselves stay part of
// the name ("Ủy ban nhân dân xã, phường, thị trấn"). A name the lexicon knows whole ("Bộ Văn hóa,
// Thể thao và Du lịch": a `name`, or a `field` after a `field_head`) is read whole first, and so
// is an enumeration of capitalised words ending in "và" ("Cục Mỹ thuật, Nhiếp ảnh và Triển
// lãm"); a list of bodies ("Sở A, Sở B và Sở C") is several names because each piece starts
// with a head. An official's title ("Bộ trưởng Bộ Tài chính", "Chủ tịch UBND các huyện") stands
// for the office, and "các tỉnh: A, B và C" spreads the body over the places listed.
#ifndef PLANGRAPH_AGENCIES_H_
#define PLANGRAPH_AGENCIES_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "rule_file.h"

namespace plangraph {

struct AgencyRules {
  std::shared_ptr<const RE2> head;       // anchored: a head at the start of the input
  std::shared_ptr<const RE2> not_head;   // anchored: look-alikes of heads ("Ban hành", "Hội nghị")
  std::vector<std::string> alone;        // folded heads that are a whole name ("Văn phòng")
  std::shared_ptr<const RE2> stop;       // anchored: a stop word at the start of the input
  std::shared_ptr<const RE2> directive;  // anchored: "giao", "đề nghị"… then a name
  std::shared_ptr<const RE2> opener;     // anchored: "Trên cơ sở …," before a subject
  std::shared_ptr<const RE2> preposition;  // anchored: "để", "về"… after an object
  std::shared_ptr<const RE2> locality_word;        // "huyện", "thành phố"… as a word
  std::vector<std::string> localities;             // the same, folded ("thanh pho")
  std::shared_ptr<const RE2> locality_complement;  // group 1: "các huyện, thị xã, thành phố"$
  std::shared_ptr<const RE2> locality_list;  // anchored: "thành phố trực thuộc Trung ương" after "các tỉnh,"
  std::vector<std::pair<std::string, std::shared_ptr<const RE2>>> roles;  // anchored
  // An official's title (anchored pattern) → the office it stands for ("" = the name after it).
  std::vector<std::pair<std::shared_ptr<const RE2>, std::string>> offices;
  std::map<std::string, std::string> aliases;                 // AgencyKey → canonical
  std::vector<std::string> collectives;                       // folded prefixes
  std::shared_ptr<const RE2> known;         // anchored: a name the lexicon knows whole
  std::shared_ptr<const RE2> lead_in;       // anchored: "Đề nghị", "Giao" before a heading's names
  std::shared_ptr<const RE2> heading_tail;  // what may follow the names of an agency heading
  std::shared_ptr<const RE2> statement;     // anchored: "đã", "là" after a subject: not a duty
  std::vector<std::pair<std::string, std::shared_ptr<const RE2>>> labels;  // role → "Cơ quan chủ trì:"
};

Result<AgencyRules> LoadAgencyRules(const RuleFile& file);

// Length in bytes of the agency name starting exactly at `pos` of `view`, 0 if none starts there.
size_t AgencyAt(const AgencyRules& rules, const std::string& view, size_t pos);

// Length in bytes of a list of names starting at `pos` ("Hội Liên hiệp Phụ nữ Thành phố, Hội
// Cựu chiến binh Thành phố và Thành Đoàn"), 0 if no name starts there.
size_t AgencyListAt(const AgencyRules& rules, const std::string& view, size_t pos);

// Splits a list of bodies ("Công đoàn ngành, Công đoàn viên chức và Công đoàn cấp trên cơ sở")
// into names; officials are replaced by their office ("Giám đốc Sở Xây dựng" → "Sở Xây dựng").
std::vector<std::string> SplitAgencyList(const AgencyRules& rules, const std::string& text);

// The names of a heading that is only a list of bodies, with an optional lead-in and tail
// ("2. Sở Tài chính:", "Đề nghị Hội Nông dân tỉnh", "Giám đốc Sở Y tế có trách nhiệm:",
// "Sở Nội vụ (cơ quan thường trực):"); empty when the text is anything else.
std::vector<std::string> AgencyHeadingNames(const AgencyRules& rules, const std::string& text);

// The lexicon's canonical name, or the name itself.
std::string CanonicalAgency(const AgencyRules& rules, const std::string& name);

// Comparison key: folded, "các"/"những" dropped, abbreviations kept.
std::string AgencyKey(const std::string& name);

// True for broad collective bodies ("các cơ quan, đơn vị liên quan").
bool IsCollective(const AgencyRules& rules, const std::string& name);

}  // namespace plangraph

#endif  // PLANGRAPH_AGENCIES_H_
