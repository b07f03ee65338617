// Cells as EHRs write them (docs/batch.md, "Files as EHRs export them"): dates and discipline words.
#include "cells.h"

#include <cstdio>

#include "csv_format.h"
#include "fill_message.h"

namespace unitwise_cli::csv {
namespace {

// Up to `max` digits from `at` as a number; `count` says how many were read.
int digits(std::string_view s, std::size_t& at, std::size_t max, std::size_t& count) {
  int n = 0;
  count = 0;
  while (at < s.size() && count < max && s[at] >= '0' && s[at] <= '9') {
    n = n * 10 + (s[at++] - '0');
    ++count;
  }
  return n;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

DateCell read_date(std::string_view text, DateOrder order) {
  // A/B/Y: one or two digits, one or two digits, two or four digits, and nothing else.
  std::size_t at = 0, n1 = 0, n2 = 0, n3 = 0;
  const int a = digits(text, at, 2, n1);
  const bool slash1 = n1 > 0 && at < text.size() && text[at++] == '/';
  const int b = slash1 ? digits(text, at, 2, n2) : 0;
  const bool slash2 = n2 > 0 && at < text.size() && text[at++] == '/';
  int year = slash2 ? digits(text, at, 4, n3) : 0;
  if (!slash2 || at != text.size() || (n3 != 2 && n3 != 4)) return {std::string(text), {}};
  if (n3 == 2) year += year < kTwoDigitYearPivot ? kCenturyBelowPivot : kCenturyFromPivot;
  const bool month_first = order == DateOrder::kMonthFirst;
  const int month = month_first ? a : b;
  const int day = month_first ? b : a;
  const char* order_text = month_first ? kMonthFirstText : kDayFirstText;
  const std::string cell(text);
  if (month < 1 || month > 12) {
    return {
        {},
        fill_message(kNoSuchMonthMessage, {{"text", cell}, {"order", order_text}, {"month", std::to_string(month)}})};
  }
  const int days = days_in_month(year, month);
  if (day < 1 || day > days) {
    return {{},
            fill_message(kNoSuchDayMessage, {{"text", cell},
                                             {"order", order_text},
                                             {"day", std::to_string(day)},
                                             {"month_name", kMonthNames[month - 1]},
                                             {"year", std::to_string(year)},
                                             {"days", std::to_string(days)}})};
  }
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
  return {iso, {}};
}

std::string read_discipline(std::string_view text) {
  std::string key;
  for (const char c : text) {
    if (c >= 'A' && c <= 'Z') key += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += c;
  }
  for (const DisciplineWord& w : kDisciplineWords) {
    if (key == w.key) return w.value;
  }
  return std::string(text);
}

}  // namespace unitwise_cli::csv
