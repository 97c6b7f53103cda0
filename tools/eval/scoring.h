// Scoring of an extraction against a gold annotation: a C++ port of the reference scorer
// shared/tools/score.py (matching rules in corpus/GOLD.md).
//
// The port must give exactly the numbers score.py gives on the same JSON, so it reproduces
// Python's semantics where they matter: truthiness (`x or y`, `if x`), `None` vs missing keys,
// `str()` of non-string values before folding, `float()` of numeric strings, cross-type `==`
// (1 == 1.0 == True), and the greedy gold-outer / prediction-inner matching order.
//
// Known divergences, all on inputs where score.py itself crashes or that no tool emits:
//  - values where score.py raises (a non-object citation/section/target/task/deadline, an
//    unhashable deadline date, a year made of non-decimal digits such as "²") are read leniently
//    (non-objects as empty objects, such a year as no year);
//  - nlohmann::json keeps object keys sorted, Python keeps them in file order; this only shows
//    when an object stands where a name or text is expected and gets `str()`-ed, or is iterated
//    as an assignee list;
//  - character properties come from ICU's Unicode version, not Python's unicodedata.
#ifndef PLANGRAPH_SCORING_H_
#define PLANGRAPH_SCORING_H_

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace plangraph {

// hit / predicted / gold counts of one field, summed over documents (micro-average).
struct FieldCounts {
  int hit = 0;
  int predicted = 0;
  int gold = 0;

  // Zero conventions of score.py prf(): with nothing predicted, precision is 1 when the gold is
  // empty too and 0 otherwise (recall symmetrically); F1 is 0 when precision + recall is 0.
  double Precision() const;
  double Recall() const;
  double F1() const;
  void Add(const FieldCounts& other);
};

// The fields in score.py's FIELDS order (tables print in this order).
const std::vector<std::string>& ScoreFieldNames();
// The one field left out of the overall mean.
inline constexpr std::string_view kCitationDatesField = "citation_dates";

struct Scorecard {
  Scorecard();  // every field of ScoreFieldNames() present, at zero

  std::map<std::string, FieldCounts> fields;

  void Add(const Scorecard& other);
  // Mean F1 over the fields except citation_dates, summed in ScoreFieldNames() order.
  double OverallF1() const;
};

// score.py fold(): NFD, combining marks (Mn) dropped, đ/Đ → d, lowercase, every run of
// characters other than ASCII [0-9a-z%] → one space, trimmed.
std::string ScoreFold(std::string_view utf8);
// fold() of any JSON value: null → "", anything else through Python's str() first.
std::string FoldJson(const nlohmann::json& value);
// Python's str() of a JSON value as json.load returns it (True, None, 1.0, ['a', 'b']…).
std::string PyStr(const nlohmann::json& value);
// Python truthiness and `==` of JSON values.
bool PyTruthy(const nlohmann::json& value);
bool PyEquals(const nlohmann::json& a, const nlohmann::json& b);
// score.py num(): Python float() of the value, nullopt where float() raises TypeError or
// ValueError (null, lists, objects, non-numeric strings). Booleans are 1 and 0.
std::optional<double> PyFloat(const nlohmann::json& value);

// score.py symbol_key(): the first run of decimal digits with leading '0's dropped (none when
// the symbol has no digit) and the set of letter groups of the uppercased symbol.
// "02-NQ/TW", "2 - NQ/TW" and "02/NQ-TW" share a key; "20/NQ-TW" does not (20 ≠ 2).
struct SymbolKeyValue {
  std::optional<std::string> number;
  std::set<std::string> groups;
  bool operator==(const SymbolKeyValue&) const = default;
};
// nullopt (Python None) for a falsy symbol: null, "", 0, false, [], {}.
std::optional<SymbolKeyValue> SymbolKey(const nlohmann::json& symbol);

// score.py norm_label(): ASCII letters, digits and '.' only, outer dots stripped, uppercase.
std::string NormLabel(const nlohmann::json& label);

// The pair predicates of score.py; `predicted` and `gold` are the items as the scorer sees them
// (SimilarNames: names; SameTarget: targets; SameDeadline: deadlines; SameHeading:
// {"label", "text"} objects).
bool SimilarNames(const nlohmann::json& a, const nlohmann::json& b);
bool SameTarget(const nlohmann::json& predicted, const nlohmann::json& gold);
bool SameDeadline(const nlohmann::json& predicted, const nlohmann::json& gold);
bool SameHeading(const nlohmann::json& predicted, const nlohmann::json& gold);

// The lists a prediction is scored on, after score.py predicted_fields(): citations with a
// symbol deduplicated by key, depth-1/2 headings, targets, assignee names deduplicated by fold,
// task deadlines plus target years deduplicated by (start, end, fold(text)).
struct PredictedFields {
  nlohmann::json document = nlohmann::json::object();
  std::vector<nlohmann::json> citations;
  std::vector<nlohmann::json> headings;
  std::vector<nlohmann::json> targets;
  std::vector<nlohmann::json> assignees;
  std::vector<nlohmann::json> deadlines;
};
PredictedFields ExtractPredictedFields(const nlohmann::json& predicted);

// Scores one document. `predicted` is the JSON of `plangraph extract --format json` (an empty
// object when there is none). When `shortfalls` is given, a line
// "  NAME field: h matched, p predicted, g gold" is appended for each field that falls short,
// exactly as `score.py -v` prints it.
Scorecard ScoreDocument(const nlohmann::json& predicted, const nlohmann::json& gold,
                        std::vector<std::string>* shortfalls, const std::string& name);

// Python repr() of a float (shortest round trip, "1.0", "1e-05", "1e+16"); used for --json.
std::string PyFloatRepr(double value);

}  // namespace plangraph

#endif  // PLANGRAPH_SCORING_H_
