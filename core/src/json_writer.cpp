#include "json_writer.h"

#include "trace_text.h"

namespace unitwise {

JsonWriter& JsonWriter::fixed(std::int64_t scaled, int decimals) {
  comma();
  out_ += fixed_text(scaled, decimals);
  return *this;
}

// Escapes per RFC 8259; input is valid UTF-8 (it came from a parsed visit or from our own text).
void JsonWriter::string_literal(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  out_ += '"';
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default:
        if (c < 0x20) {
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 15];
        } else {
          out_ += ch;
        }
    }
  }
  out_ += '"';
}

}  // namespace unitwise
