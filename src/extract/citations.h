// Citations: mentions of other documents ("Nghị quyết số 02-NQ/TW, ngày 12/6/2021 của Bộ Chính
// trị về …"), each with type, symbol, date, issuer, title and the plan's relation to it
// (implements / based_on / mentions), normalised so every spelling of one document meets at one
// key (reference.h). The document's own number is not a citation.
//
// Grammar of a mention: TYPE [số] SYMBOL [,] [ngày DATE] [của ISSUER] [về "TITLE"], where TYPE
// comes from rules/document_types.tsv, and cues and issuer stop words from rules/citations.tsv.
// A bare "số SYMBOL" whose letter groups name a document type counts as well.
#ifndef PLANGRAPH_CITATIONS_H_
#define PLANGRAPH_CITATIONS_H_

#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "plangraph/extraction.h"
#include "reference.h"
#include "rule_file.h"
#include "segmenter.h"

namespace plangraph {

struct CitationRules {
  struct Cue {
    std::string relation;
    std::shared_ptr<const RE2> pattern;
  };
  std::vector<Cue> cues;
  std::shared_ptr<const RE2> issuer_stop;  // any stop word that ends the issuer after "của"
  // "(sau đây viết tắt là …)": loaded and checked, not yet applied to later mentions.
  std::shared_ptr<const RE2> alias;
  std::shared_ptr<const RE2> mention;  // built from the document types at load time
};

Result<CitationRules> LoadCitationRules(const RuleFile& file, const DocumentTypes& types);

// All citations of the document, one per mention, in text order. `own_symbol` is excluded.
std::vector<Citation> ExtractCitations(const Segmentation& seg, std::string_view text,
                                       const CitationRules& rules, const DocumentTypes& types,
                                       const std::string& own_symbol);

}  // namespace plangraph

#endif  // PLANGRAPH_CITATIONS_H_
