#include "json_stream.h"

#include <unicode/utf8.h>

#include <charconv>
#include <climits>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "text.h"

namespace plangraph {
namespace {

// Bytes collected before they go to the stream.
constexpr size_t kFlushBytes = 1 << 16;

// JSON text written the way nlohmann::json::dump(indent) writes it: keys in the order of the
// tree's std::map (callers write them sorted), ", " never, ": " and line breaks only when
// indenting, strings escaped as dump() escapes them with ensure_ascii off.
class Writer {
 public:
  Writer(std::ostream& out, int indent) : out_(out), indent_(indent) {}
  ~Writer() { Flush(); }

  void Flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }
  void MaybeFlush() {
    if (buf_.size() >= kFlushBytes) Flush();
  }

  void Raw(std::string_view s) { buf_.append(s); }
  void Null() { buf_.append("null"); }
  template <typename Int>
  void Integer(Int v) {
    char digits[24];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, v);
    buf_.append(digits, end);
  }
  void Number(double v) { buf_.append(nlohmann::json(v).dump()); }  // dump()'s float format
  void String(std::string_view s);
  void OrNull(const std::string& s) { s.empty() ? Null() : String(s); }
  void IdOrNull(int id) { id < 0 ? Null() : Integer(id); }

  // Objects and arrays at nesting `depth` (the top object is depth 0).
  void Open(char bracket) { buf_.push_back(bracket); }
  // Before each member or element: the separator and the line break of its level.
  void Next(bool first, int depth) {
    if (!first) buf_.push_back(',');
    Break(depth + 1);
  }
  void Key(bool first, int depth, std::string_view key) {
    Next(first, depth);
    String(key);
    buf_.append(indent_ >= 0 ? ": " : ":");
  }
  void Close(char bracket, bool empty, int depth) {
    if (!empty) Break(depth);
    buf_.push_back(bracket);
  }

 private:
  void Break(int depth) {
    if (indent_ < 0) return;
    buf_.push_back('\n');
    buf_.append(static_cast<size_t>(depth) * static_cast<size_t>(indent_), ' ');
  }

  std::ostream& out_;
  int indent_;
  std::string buf_;
};

void Writer::String(std::string_view s) {
  const auto* b = reinterpret_cast<const uint8_t*>(s.data());
  if (s.size() > static_cast<size_t>(INT32_MAX)) {
    buf_.append(nlohmann::json(EscapeIllFormedUtf8(s)).dump());
    return;
  }
  int32_t len = static_cast<int32_t>(s.size());
  // Ill-formed UTF-8 (a file name in a legacy encoding) is written escaped, "\\xE9".
  for (int32_t i = 0; i < len;) {
    if (b[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(b, i, len, c);
    if (c < 0) {
      buf_.append(nlohmann::json(EscapeIllFormedUtf8(s)).dump());
      return;
    }
  }
  buf_.push_back('"');
  size_t plain = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    buf_.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '\b': buf_.append("\\b"); break;
      case '\t': buf_.append("\\t"); break;
      case '\n': buf_.append("\\n"); break;
      case '\f': buf_.append("\\f"); break;
      case '\r': buf_.append("\\r"); break;
      case '"': buf_.append("\\\""); break;
      case '\\': buf_.append("\\\\"); break;
      default: {
        static const char kHex[] = "0123456789abcdef";
        char esc[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        buf_.append(esc, sizeof esc);
      }
    }
  }
  buf_.append(s.data() + plain, s.size() - plain);
  buf_.push_back('"');
}

// Every object below writes its keys in sorted order, as the std::map of a json tree holds them.

void WriteSpan(Writer& w, const SourceSpan& s, int depth) {
  w.Open('{');
  w.Key(true, depth, "begin");
  w.Integer(s.begin);
  w.Key(false, depth, "end");
  w.Integer(s.end);
  w.Key(false, depth, "line");
  w.Integer(s.line);
  w.Close('}', false, depth);
}

void WriteDeadline(Writer& w, const Deadline& d, int depth) {
  w.Open('{');
  w.Key(true, depth, "end");
  w.OrNull(d.end);
  w.Key(false, depth, "recurrence");
  w.OrNull(d.recurrence);
  w.Key(false, depth, "start");
  w.OrNull(d.start);
  w.Key(false, depth, "text");
  w.String(d.text);
  w.Close('}', false, depth);
}

void WriteDocument(Writer& w, const DocumentInfo& d, int depth) {
  w.Open('{');
  w.Key(true, depth, "date");
  w.OrNull(d.date);
  w.Key(false, depth, "issuer");
  w.OrNull(d.issuer);
  w.Key(false, depth, "place");
  w.OrNull(d.place);
  w.Key(false, depth, "symbol");
  w.OrNull(d.symbol);
  w.Key(false, depth, "title");
  w.OrNull(d.title);
  w.Key(false, depth, "type");
  w.OrNull(d.type);
  w.Close('}', false, depth);
}

void WriteItem(Writer& w, const Section& s, int depth) {
  w.Open('{');
  w.Key(true, depth, "depth");
  w.Integer(s.depth);
  w.Key(false, depth, "heading");
  w.String(s.heading);
  w.Key(false, depth, "id");
  w.Integer(s.id);
  w.Key(false, depth, "kind");
  w.String(s.kind);
  w.Key(false, depth, "label");
  w.String(s.label);
  w.Key(false, depth, "last_line");
  w.Integer(s.last_line);
  w.Key(false, depth, "line");
  w.Integer(s.span.line);
  w.Key(false, depth, "parent");
  w.IdOrNull(s.parent);
  w.Key(false, depth, "span");
  WriteSpan(w, s.span, depth + 1);
  w.Close('}', false, depth);
}

void WriteItem(Writer& w, const Citation& c, int depth) {
  w.Open('{');
  w.Key(true, depth, "date");
  w.OrNull(c.date);
  w.Key(false, depth, "issuer");
  w.OrNull(c.issuer);
  w.Key(false, depth, "key");
  w.String(c.key);
  w.Key(false, depth, "line");
  w.Integer(c.span.line);
  w.Key(false, depth, "relation");
  w.String(c.relation);
  w.Key(false, depth, "section");
  w.IdOrNull(c.section);
  w.Key(false, depth, "span");
  WriteSpan(w, c.span, depth + 1);
  w.Key(false, depth, "symbol");
  w.String(c.symbol);
  w.Key(false, depth, "text");
  w.String(c.text);
  w.Key(false, depth, "title");
  w.OrNull(c.title);
  w.Key(false, depth, "type");
  w.String(c.type);
  w.Close('}', false, depth);
}

void WriteItem(Writer& w, const Target& t, int depth) {
  w.Open('{');
  w.Key(true, depth, "comparator");
  w.OrNull(t.comparator);
  w.Key(false, depth, "indicator");
  w.String(t.indicator);
  w.Key(false, depth, "kind");
  w.String(t.kind);
  w.Key(false, depth, "line");
  w.Integer(t.span.line);
  w.Key(false, depth, "section");
  w.IdOrNull(t.section);
  w.Key(false, depth, "span");
  WriteSpan(w, t.span, depth + 1);
  w.Key(false, depth, "unit");
  w.String(t.unit);
  w.Key(false, depth, "value");
  w.Number(t.value);
  w.Key(false, depth, "value_text");
  w.String(t.value_text);
  w.Key(false, depth, "year");
  t.year ? w.Integer(*t.year) : w.Null();
  w.Close('}', false, depth);
}

template <typename T, typename F>
void WriteList(Writer& w, const std::vector<T>& items, int depth, F write_one) {
  w.Open('[');
  for (size_t i = 0; i < items.size(); ++i) {
    w.Next(i == 0, depth);
    write_one(w, items[i], depth + 1);
    w.MaybeFlush();
  }
  w.Close(']', items.empty(), depth);
}

void WriteItem(Writer& w, const Task& t, int depth) {
  w.Open('{');
  w.Key(true, depth, "assignees");
  WriteList(w, t.assignees, depth + 1, [](Writer& w, const Assignee& a, int depth) {
    w.Open('{');
    w.Key(true, depth, "agency");
    w.String(a.agency);
    w.Key(false, depth, "canonical");
    w.String(a.canonical);
    w.Key(false, depth, "role");
    w.String(a.role);
    w.Close('}', false, depth);
  });
  w.Key(false, depth, "deadline");
  t.deadline ? WriteDeadline(w, *t.deadline, depth + 1) : w.Null();
  w.Key(false, depth, "id");
  w.Integer(t.id);
  w.Key(false, depth, "line");
  w.Integer(t.span.line);
  w.Key(false, depth, "schedule");
  WriteList(w, t.schedule, depth + 1, WriteDeadline);
  w.Key(false, depth, "section");
  w.IdOrNull(t.section);
  w.Key(false, depth, "span");
  WriteSpan(w, t.span, depth + 1);
  w.Key(false, depth, "text");
  w.String(t.text);
  w.Close('}', false, depth);
}

void WriteItem(Writer& w, const Paragraph& p, int depth) {
  w.Open('{');
  w.Key(true, depth, "last_line");
  w.Integer(p.last_line);
  w.Key(false, depth, "line");
  w.Integer(p.span.line);
  w.Key(false, depth, "section");
  w.IdOrNull(p.section);
  w.Key(false, depth, "span");
  WriteSpan(w, p.span, depth + 1);
  w.Key(false, depth, "text");
  w.String(p.text);
  w.Close('}', false, depth);
}

template <typename T>
void WriteItems(Writer& w, const std::vector<T>& items, int depth) {
  WriteList(w, items, depth, [](Writer& w, const T& item, int depth) { WriteItem(w, item, depth); });
}

}  // namespace

void WriteExtractionJson(std::ostream& out, Extraction e, int indent) {
  Writer w(out, indent);
  w.Open('{');
  w.Key(true, 0, "citations");
  WriteItems(w, e.citations, 1);
  w.Key(false, 0, "document");
  WriteDocument(w, e.document, 1);
  w.Key(false, 0, "encoding");
  w.String(e.encoding);
  w.Key(false, 0, "format");
  w.String(e.format);
  w.Key(false, 0, "paragraphs");
  WriteItems(w, e.paragraphs, 1);
  w.Key(false, 0, "plan_limit");
  e.plan_limit ? WriteDeadline(w, *e.plan_limit, 1) : w.Null();
  w.Key(false, 0, "sections");
  WriteItems(w, e.sections, 1);
  w.Key(false, 0, "source");
  w.String(e.source);
  w.Key(false, 0, "targets");
  WriteItems(w, e.targets, 1);
  w.Key(false, 0, "tasks");
  WriteItems(w, e.tasks, 1);
  w.Close('}', false, 0);
}

}  // namespace plangraph
