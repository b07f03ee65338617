#include "base/fixed_point.h"

#include <algorithm>

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

std::size_t write_fixed(char* out, long long scaled, int decimals) {
  char digits[kFixedChars];
  char* p = digits + sizeof digits;
  // Unsigned, so the most negative value has a magnitude too.
  unsigned long long magnitude =
      scaled < 0 ? 0 - static_cast<unsigned long long>(scaled) : static_cast<unsigned long long>(scaled);
  for (int i = 0; i < decimals; ++i, magnitude /= 10) *--p = static_cast<char>('0' + magnitude % 10);
  if (decimals > 0) *--p = '.';
  do {
    *--p = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (scaled < 0) *--p = '-';
  const auto size = static_cast<std::size_t>(digits + sizeof digits - p);
  std::copy(p, p + size, out);
  return size;
}

std::string fixed_text(long long scaled, int decimals) {
  char text[kFixedChars];
  return std::string(text, write_fixed(text, scaled, decimals));
}

}  // namespace unitwise
