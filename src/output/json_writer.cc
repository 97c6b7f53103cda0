#include "json_writer.h"

#include <nlohmann/json.hpp>

#include "text.h"

namespace plangraph {

void JsonWriter::Number(double v) { buf_.append(nlohmann::json(v).dump()); }

void JsonWriter::String(std::string_view s) {
  // Ill-formed UTF-8 (a file name in a legacy encoding) is written escaped, "\\xE9".
  if (!IsWellFormed(s)) {
    buf_.append(nlohmann::json(EscapeIllFormedUtf8(s)).dump());
    return;
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

}  // namespace plangraph
