// Dates as comparable numbers (20260701): the release tables and the visit use the same form.

#include "unitwise/reference.h"

namespace unitwise {
namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

std::optional<DateKey> calendar_date(int year, int month, int day) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
  if (day > kDays[month - 1] + (month == 2 && leap(year) ? 1 : 0)) return std::nullopt;
  return year * 10000 + month * 100 + day;
}

std::optional<DateKey> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int digits[8];
  int n = 0;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    digits[n++] = s[i] - '0';
  }
  return calendar_date(digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3], digits[4] * 10 + digits[5],
                       digits[6] * 10 + digits[7]);
}

// Digits by position: to_chars and a string per date were 2% of the wasm module's time (every result names
// its releases' dates).
void write_iso_date(char (&out)[kIsoDateChars], DateKey d) {
  const auto digits = [&out](std::size_t at, int value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10)
      out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
  };
  digits(0, d / 10000, 4);
  out[4] = '-';
  digits(5, d / 100 % 100, 2);
  out[7] = '-';
  digits(8, d % 100, 2);
}

std::string iso_date(DateKey d) {
  char text[kIsoDateChars];
  write_iso_date(text, d);
  return std::string(text, sizeof text);
}

}  // namespace unitwise
