// Scoring an extraction against a gold annotation, with the matching rules of corpus/GOLD.md.
//
// This is the C++ twin of the reference scorer (shared/tools/score.py) and must agree with it on
// the same output: same text folding, same symbol keys, same greedy one-to-one matching, same
// treatment of optional assignees and of target horizon years as deadlines.
#ifndef PLANGRAPH_SCORING_H_
#define PLANGRAPH_SCORING_H_

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace plangraph {

struct FieldTally {
  int hit = 0, predicted = 0, gold = 0;
  double Precision() const;
  double Recall() const;
  double F1() const;
};

// Field names, in report order: document, citations, citation_dates, headings, targets,
// assignees, deadlines.
const std::vector<std::string>& ScoredFields();

struct Scorecard {
  std::map<std::string, FieldTally> fields;
  // Mean F1 over every field but citation_dates (as score.py reports it).
  double OverallF1() const;
};

// Adds one document's counts to `card`. `prediction` is `extract --format json` output for one
// file; `gold` a corpus/gold/*.json object. Where a field falls short, a line
// "  NAME field: H matched, P predicted, G gold" is appended to `shortfalls` (may be null).
void ScoreDocument(const nlohmann::json& prediction, const nlohmann::json& gold,
                   const std::string& name, Scorecard* card, std::vector<std::string>* shortfalls);

// The per-field table, formatted like score.py's output.
std::string FormatScorecard(const Scorecard& card, int documents, int without_json);

}  // namespace plangraph

#endif  // PLANGRAPH_SCORING_H_
