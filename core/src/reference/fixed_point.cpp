#include "reference/fixed_point.h"

namespace unitwise {

std::optional<std::int64_t> parse_fixed(std::string_view text, int decimals) {
  bool negative = false;
  if (!text.empty() && text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  std::int64_t value = 0;
  int digits = 0;
  int after_point = -1;  // -1: no point seen
  for (char c : text) {
    if (c == '.' && after_point < 0) {
      after_point = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (after_point >= 0 && ++after_point > decimals) {
      if (c != '0') return std::nullopt;  // trailing zeros beyond the scale lose nothing
      continue;
    }
    if (++digits > 15) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (digits == 0) return std::nullopt;
  for (int i = after_point < 0 ? 0 : after_point; i < decimals; ++i) value *= 10;
  return negative ? -value : value;
}

std::string fixed_text(long long scaled, int decimals) {
  std::string out;
  if (scaled < 0) {
    out += '-';
    scaled = -scaled;
  }
  long long unit = 1;
  for (int i = 0; i < decimals; ++i) unit *= 10;
  out += std::to_string(scaled / unit);
  if (decimals > 0) {
    const std::string frac = std::to_string(scaled % unit);
    out += '.';
    out.append(static_cast<std::size_t>(decimals) - frac.size(), '0');
    out += frac;
  }
  return out;
}

}  // namespace unitwise
