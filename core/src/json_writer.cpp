#include "json_writer.h"

namespace unitwise {

JsonWriter& JsonWriter::fixed(std::int64_t scaled, int decimals) {
  comma();
  if (scaled < 0) {
    out_ += '-';
    scaled = -scaled;
  }
  std::int64_t unit = 1;
  for (int i = 0; i < decimals; ++i) unit *= 10;
  out_ += std::to_string(scaled / unit);
  if (decimals > 0) {
    std::string frac = std::to_string(scaled % unit);
    out_ += '.';
    out_.append(static_cast<std::size_t>(decimals) - frac.size(), '0');
    out_ += frac;
  }
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
