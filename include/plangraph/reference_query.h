// A reference to a document as a person types it to `plangraph cites` ("02-NQ/TW",
// "Nghị quyết 02", "nq 02/tw 2021"), parsed into the parts a stored node is matched on
// (Store::ResolveReference). The parser itself needs the document types of rules/ and lives with
// the other reference code in src/extract/reference.h (ParseReferenceQuery).
#ifndef PLANGRAPH_REFERENCE_QUERY_H_
#define PLANGRAPH_REFERENCE_QUERY_H_

#include <string>
#include <vector>

namespace plangraph {

// The parts of a số/ký hiệu that identify a document: "02-NQ/TW" → {"2", {"NQ", "TW"}, 0}.
struct SymbolParts {
  std::string number;               // first digit run, leading zeros dropped: "2"; "" if none
  std::vector<std::string> groups;  // letter groups uppercased, sorted, unique: {"NQ","TW"}
  int year = 0;                     // a 4-digit year inside the symbol (1945..2100), else 0
};

// What a person typed to `cites`, parsed. type is canonical or ""; year 0 when not given.
struct ReferenceQuery {
  std::string type;
  SymbolParts parts;
  int year = 0;
};

}  // namespace plangraph

#endif  // PLANGRAPH_REFERENCE_QUERY_H_
