// JSON text written piece by piece, exactly as nlohmann::json::dump(indent) would write the tree
// holding the same values: what the streamed outputs (json_stream.h, graph_export.h) are built on.
// The caller writes keys in sorted order (the order of the tree's std::map) and passes each
// value's nesting depth; the writer adds separators, line breaks and indentation.
#ifndef PLANGRAPH_JSON_WRITER_H_
#define PLANGRAPH_JSON_WRITER_H_

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace plangraph {

// ", " never, ": " and line breaks only when indenting, strings escaped as dump() escapes them
// with ensure_ascii off (ill-formed UTF-8, a file name in a legacy encoding, written "\\xE9").
class JsonWriter {
 public:
  JsonWriter(std::ostream& out, int indent) : out_(out), indent_(indent) {}
  ~JsonWriter() { Flush(); }

  void Flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }
  void MaybeFlush() {
    if (buf_.size() >= kFlushBytes) Flush();
  }
  static constexpr size_t kFlushBytes = 1 << 16;  // bytes collected before they go to the stream

  void Raw(std::string_view s) { buf_.append(s); }
  void Null() { buf_.append("null"); }
  template <typename Int>
  void Integer(Int v) {
    char digits[24];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, v);
    buf_.append(digits, end);
  }
  void Number(double v);  // dump()'s float format
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

}  // namespace plangraph

#endif  // PLANGRAPH_JSON_WRITER_H_
