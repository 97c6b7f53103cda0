// Rules: every rule file under rules/, loaded and compiled once at start-up.
// A user adds a document type, an agency or a unit by editing these files; no recompiling.
//   document_types.tsv  types, their symbol codes and spellings
//   citations.tsv       relation cues, issuer stop words, alias pattern
//   targets.tsv         units, target sections, cues, comparators, category nouns
//   deadlines.tsv       deadline patterns and the date computation of each
//   agencies.tsv        agency heads, stop words, directives, offices, roles, aliases
//   tasks.tsv           task sections, schedule lines, execution clauses
//   issuers.tsv         what tells apart documents of one number by different issuers
// The format of each is described at the top of the file and in rules/README.md.
#ifndef PLANGRAPH_RULES_H_
#define PLANGRAPH_RULES_H_

#include <memory>
#include <string>

#include "agencies.h"
#include "citations.h"
#include "deadline.h"
#include "issuer_scope.h"
#include "plangraph/status.h"
#include "reference.h"
#include "targets.h"
#include "tasks.h"

namespace plangraph {

struct Rules {
  DocumentTypes document_types;
  CitationRules citations;
  TargetRules targets;
  DeadlineRules deadlines;
  AgencyRules agencies;
  TaskRules tasks;
  IssuerRules issuers;
};

Result<std::shared_ptr<const Rules>> LoadRules(const std::string& dir);

// Only dir/document_types.tsv: what ParseReferenceQuery needs, for a command that parses one
// reference and extracts nothing (cites), without compiling every other rule.
Result<DocumentTypes> LoadDocumentTypesIn(const std::string& dir);

}  // namespace plangraph

#endif  // PLANGRAPH_RULES_H_
