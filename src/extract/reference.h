// References to documents: the số/ký hiệu parser and the canonical key of a cited document.
//
// One document is spelled many ways: "Nghị quyết số 02-NQ/TW", "Nghị quyết 02-NQ/TW",
// "NQ số 02-NQ/TW", "2-NQ/TW", and with a separator slip "02/NQ-TW". They all meet at one key:
// the number without leading zeros, the set of letter groups (uppercased, sorted), and the year
// (from the symbol, "22/2013/QĐ-TTg", else from the date of the mention). The same number in
// different years stays apart. A key with an unknown year ends in "?" and is resolved by the
// citation extractor against dated mentions of the same number and letter groups.
//
// The same parser reads what a person types to `plangraph cites`: "02-NQ/TW", "Nghị quyết 02",
// "nq 02/tw 2021".
#ifndef PLANGRAPH_REFERENCE_H_
#define PLANGRAPH_REFERENCE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rule_file.h"
#include "plangraph/reference_query.h"
#include "plangraph/status.h"

namespace plangraph {

// One row of rules/document_types.tsv.
struct DocumentType {
  std::string name;                   // canonical: "Nghị quyết"
  std::vector<std::string> codes;     // symbol codes: "NQ"
  std::vector<std::string> variants;  // other spellings: "NQ", "Nghị quyết liên tịch"
};

struct DocumentTypes {
  std::vector<DocumentType> types;          // longest name first
  std::vector<DocumentType> by_file_order;  // as in the file: FromSymbol takes the first code
  // The folds of every name and variant of `types`, in that order, with their canonical name:
  // made once by LoadDocumentTypes for Canonical (which folds them itself when this is empty).
  std::vector<std::pair<std::string, std::string>> folded;
  // The canonical type for a name or variant as written (any case/tone placement), or "".
  std::string Canonical(std::string_view written) const;
  // The canonical type whose code appears in a symbol's letter groups ("88-CTr/TU" →
  // "Chương trình hành động"? no: the first type listing code "CTr"), or "".
  std::string FromSymbol(std::string_view symbol) const;
};

Result<DocumentTypes> LoadDocumentTypes(const RuleFile& file);

// A symbol as written with internal spaces removed: "31/KH- LĐLĐ" → "31/KH-LĐLĐ",
// "3210/QĐ - UBND" → "3210/QĐ-UBND". Trailing punctuation (".,;:)") is dropped.
std::string CleanSymbol(std::string_view written);

// SymbolParts (plangraph/reference_query.h) of a symbol as written.
SymbolParts SplitSymbol(std::string_view symbol);

// "2|NQ-TW|2021"; year 0 is written "?".
std::string ReferenceKey(const SymbolParts& parts, int year);
// The key without its year part: "2|NQ-TW"; mentions that share it may be one document.
std::string ReferenceStem(const SymbolParts& parts);

// What a person typed to `cites`, as a ReferenceQuery (plangraph/reference_query.h).
Result<ReferenceQuery> ParseReferenceQuery(const DocumentTypes& types, std::string_view typed);

}  // namespace plangraph

#endif  // PLANGRAPH_REFERENCE_H_
