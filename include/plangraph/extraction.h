// The graph of one plan document, as the extraction pipeline produces it.
//
// These are plain value types. Every extracted fact keeps its source position (1-based line and
// byte offsets into the NFC text) so a user can be shown where it came from. Strings hold text
// exactly as written in the source (NFC), except fields documented as normalised (citation keys,
// canonical agency names, ISO dates).
#ifndef PLANGRAPH_EXTRACTION_H_
#define PLANGRAPH_EXTRACTION_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace plangraph {

// Where a fact came from: 1-based line, byte range [begin, end) in the NFC text.
struct SourceSpan {
  int line = 0;
  size_t begin = 0;
  size_t end = 0;
};

// The document's own identity, read from its header block.
struct DocumentInfo {
  std::string type;    // "Kế hoạch", "Quyết định"… canonical name from rules/document_types.tsv
  std::string symbol;  // "49-KH/TU", internal spaces removed; empty when the text has none
  std::string date;    // ISO YYYY-MM-DD; empty when the text has none (or it is left blank)
  std::string place;   // "Đắk Lắk"
  std::string issuer;  // first lines of the header: "TỈNH ỦY ĐẮK LẮK"
  std::string title;   // the title lines after the type line, joined with spaces
  std::string key;     // reference key as a citation of it has it (reference.h, issuer_scope.h)
};

// A node of the section tree. depth 1 is the top numbered level (I., II. …), depth 2 the first
// Arabic level below it (or the top one when there is no Roman level); lettered and decimal items
// are depth 3 or more. Articles ("Điều 1.") and appendices ("PHỤ LỤC 01") sit outside
// the numbered outline and have depth 0. "* Đến năm 2025" sub-blocks are kind "star".
struct Section {
  int id = 0;
  int parent = -1;  // id of the enclosing section, -1 at top level
  int depth = 0;
  std::string kind;     // "roman", "arabic", "decimal", "letter", "star", "article", "appendix"
  std::string label;    // "I", "1", "1.1", "a", "Điều 1"
  std::string heading;  // heading text without label and trailing colon; wrapped lines joined
  SourceSpan span;      // of the heading
  int last_line = 0;    // last line of the section's body
};

struct Citation {
  std::string key;       // canonical node key, see reference.h
  std::string type;      // canonical document type
  std::string symbol;    // as written, internal spaces removed
  std::string date;      // ISO; may come from another mention of the same document
  std::string issuer;    // "Bộ Chính trị"
  std::string title;     // quoted title or "về …" clause, when given
  std::string relation;  // "implements", "based_on" or "mentions"
  int section = -1;      // id of the section holding the mention, -1 outside the body tree
  SourceSpan span;       // of the mention
  std::string text;      // the mention as written
};

struct Target {
  std::string indicator;   // what is counted, as written
  double value = 0;
  std::string value_text;  // "76.500"
  std::string unit;        // counted noun or "%"
  std::string comparator;  // "", "at_least", "more_than", "less_than", "at_most", "range"
  std::string kind;        // "reach" or "increase"
  std::optional<int> year;  // horizon year, from the line or an enclosing heading
  int section = -1;
  SourceSpan span;
};

struct Assignee {
  std::string agency;     // the body as the document names it (one spelling per body, see tasks.h)
  std::string role;       // "lead", "support", "advise", "perform"…
  std::string canonical;  // the alias lexicon's name for the body ("LĐLĐ tỉnh" → "Liên đoàn
                          // Lao động tỉnh"), else the document's first spelling of it
};

struct Deadline {
  std::string text;        // as written: "Quý I/2024"
  std::string start;       // ISO or empty
  std::string end;         // ISO or empty
  std::string recurrence;  // "", "ongoing", "annual", "semiannual", "quarterly", "monthly",
                           // "weekly", "periodic"
};

struct Task {
  int id = 0;
  int section = -1;
  std::string text;
  SourceSpan span;
  std::vector<Assignee> assignees;
  std::optional<Deadline> deadline;  // the most specific of `schedule`, or a closing schedule line
  std::vector<Deadline> schedule;    // every time limit the item's own text gives, in order
};

// Body text that is neither a heading nor part of a task: an ordinary paragraph ("Nhằm quán
// triệt…" under "I. MỤC ĐÍCH, YÊU CẦU"), a bullet, a table row. Kept so that a search finds the
// whole text of a section, not only the facts extracted from it. A block that holds a task is
// left out: the task already carries its text, and keeping both would show one line twice.
struct Paragraph {
  int section = -1;   // id of the innermost section holding it, -1 before the outline (preamble)
  std::string text;   // cleaned text, wrapped lines joined with one space, bullet mark dropped
  SourceSpan span;    // line of its first line; bytes from that line's start to its last's end
  int last_line = 0;  // line of its last line
};

struct Extraction {
  std::string source;    // path as given
  std::string format;    // "text"
  std::string encoding;  // what the reader detected: "UTF-8", "UTF-8 (BOM)", "UTF-16LE"…
  DocumentInfo document;
  std::vector<Section> sections;
  std::vector<Citation> citations;
  std::vector<Target> targets;
  std::vector<Task> tasks;
  std::vector<Paragraph> paragraphs;  // in text order
  // A limit the whole plan is held to, written on its own ("IV. THỜI GIAN THỰC HIỆN: Năm 2024"):
  // it covers the tasks that give no limit of their own. See src/extract/plan_limit.h.
  std::optional<Deadline> plan_limit;
};

}  // namespace plangraph

#endif  // PLANGRAPH_EXTRACTION_H_
