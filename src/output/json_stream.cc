#include "json_stream.h"

#include <algorithm>
#include <string>
#include <vector>

#include "json_output.h"

namespace plangraph {
namespace {

using nlohmann::json;

// Elements converted per call of ExtractionToJson: enough to make the call's own cost small,
// few enough to keep the tree small.
constexpr size_t kChunk = 256;

// `text`, a value dumped at depth 0, written where it sits nested: every line after the first
// indented by `pad` more (a dumped JSON string holds no raw line end, so only structure moves).
void WriteNested(std::ostream& out, const std::string& text, const std::string& pad) {
  size_t start = 0;
  for (size_t nl = text.find('\n'); !pad.empty() && nl != std::string::npos;
       nl = text.find('\n', start)) {
    out.write(text.data() + start, static_cast<std::streamsize>(nl + 1 - start));
    out << pad;
    start = nl + 1;
  }
  out.write(text.data() + start, static_cast<std::streamsize>(text.size() - start));
}

// Writes the array ExtractionToJson makes of `items` under `key`, chunk by chunk, as dump()
// would write it one level deep.
template <typename T>
void WriteArray(std::ostream& out, const std::vector<T>& items, std::vector<T> Extraction::*member,
                const std::string& key, int indent, const std::string& pad1,
                const std::string& pad2) {
  if (items.empty()) {
    out << "[]";
    return;
  }
  out << "[";
  Extraction chunk;
  for (size_t i = 0; i < items.size(); i += kChunk) {
    size_t end = std::min(items.size(), i + kChunk);
    (chunk.*member).assign(items.begin() + i, items.begin() + end);
    json part = ExtractionToJson(chunk)[key];
    for (size_t k = 0; k < part.size(); ++k) {
      if (i + k > 0) out << ",";
      if (indent >= 0) out << "\n" << pad2;
      WriteNested(out, part[k].dump(indent), pad2);
    }
  }
  if (indent >= 0) out << "\n" << pad1;
  out << "]";
}

}  // namespace

void WriteExtractionJson(std::ostream& out, Extraction e, int indent) {
  // The long lists are moved out; what is left makes the small fields (and empty lists).
  std::vector<Section> sections = std::move(e.sections);
  std::vector<Citation> citations = std::move(e.citations);
  std::vector<Target> targets = std::move(e.targets);
  std::vector<Task> tasks = std::move(e.tasks);
  std::vector<Paragraph> paragraphs = std::move(e.paragraphs);
  e.sections.clear();
  e.citations.clear();
  e.targets.clear();
  e.tasks.clear();
  e.paragraphs.clear();
  const json head = ExtractionToJson(e);
  const std::string pad1(indent > 0 ? indent : 0, ' '), pad2 = pad1 + pad1;
  out << "{";
  bool first = true;
  for (auto it = head.begin(); it != head.end(); ++it) {  // dump()'s order of keys
    if (!first) out << ",";
    first = false;
    if (indent >= 0) out << "\n" << pad1;
    out << json(it.key()).dump() << (indent >= 0 ? ": " : ":");
    const std::string& key = it.key();
    if (key == "sections") {
      WriteArray(out, sections, &Extraction::sections, key, indent, pad1, pad2);
    } else if (key == "citations") {
      WriteArray(out, citations, &Extraction::citations, key, indent, pad1, pad2);
    } else if (key == "targets") {
      WriteArray(out, targets, &Extraction::targets, key, indent, pad1, pad2);
    } else if (key == "tasks") {
      WriteArray(out, tasks, &Extraction::tasks, key, indent, pad1, pad2);
    } else if (key == "paragraphs") {
      WriteArray(out, paragraphs, &Extraction::paragraphs, key, indent, pad1, pad2);
    } else {
      WriteNested(out, it.value().dump(indent), pad1);
    }
  }
  if (indent >= 0 && !first) out << "\n";
  out << "}";
}

}  // namespace plangraph
