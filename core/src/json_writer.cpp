#include "json_writer.h"

#include "trace_text.h"

namespace unitwise {

JsonWriter& JsonWriter::fixed(std::int64_t scaled, int decimals) {
  comma();
  out_ += fixed_text(scaled, decimals);
  return *this;
}

// Escapes per RFC 8259; input is valid UTF-8 (it came from a parsed visit or from our own text).
// Runs of characters that need no escape are appended whole: results are mostly plain text.
void JsonWriter::string_literal(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  out_ += '"';
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default:
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 15];
    }
  }
  out_.append(s.data() + run, s.size() - run);
  out_ += '"';
}

}  // namespace unitwise
