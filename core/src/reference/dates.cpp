// Dates as comparable numbers (20260701): the release tables and the visit use the same form.
#include <algorithm>

#include "unitwise/reference.h"

namespace unitwise {
namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

std::optional<DateKey> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int digits[8];
  int n = 0;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    digits[n++] = s[i] - '0';
  }
  const int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
  const int month = digits[4] * 10 + digits[5];
  const int day = digits[6] * 10 + digits[7];
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || month < 1 || month > 12 || day < 1) return std::nullopt;
  if (day > kDays[month - 1] + (month == 2 && leap(year) ? 1 : 0)) return std::nullopt;
  return year * 10000 + month * 100 + day;
}

std::string iso_date(DateKey d) {
  const int parts[] = {d / 10000, d / 100 % 100, d % 100};
  std::string out;
  for (int i = 0; i < 3; ++i) {
    const std::string digits = std::to_string(parts[i]);
    if (i > 0) out += '-';
    out.append((i == 0 ? 4 : 2) - std::min<std::size_t>(digits.size(), i == 0 ? 4 : 2), '0');
    out += digits;
  }
  return out;
}

}  // namespace unitwise
