// Dates as numbers (20260701) and as ISO text: every real date of the years unitwise can be given reads back.
#include <gtest/gtest.h>

#include <string>

#include "unitwise/reference.h"

namespace unitwise {
namespace {

TEST(IsoDate, WritesFourDigitYearsAndTwoDigitMonthsAndDays) {
  EXPECT_EQ(iso_date(20260701), "2026-07-01");
  EXPECT_EQ(iso_date(20271231), "2027-12-31");
  EXPECT_EQ(iso_date(10101), "0001-01-01");
  EXPECT_EQ(iso_date(99991231), "9999-12-31");
  EXPECT_EQ(iso_date(0), "0000-00-00");  // a blank date in a pack listing (pack_format)
}

TEST(IsoDate, ReadsBackEveryCalendarDate) {
  for (int year : {1, 99, 1900, 2000, 2024, 2026, 2027, 2100, 9999}) {
    for (int month = 1; month <= 12; ++month) {
      for (int day = 1; day <= 31; ++day) {
        const auto key = calendar_date(year, month, day);
        if (!key) continue;
        const std::string text = iso_date(*key);
        EXPECT_EQ(parse_iso_date(text), key) << text;
        char written[kIsoDateChars];
        write_iso_date(written, *key);
        EXPECT_EQ(std::string(written, sizeof written), text);
      }
    }
  }
}

TEST(IsoDate, RefusesDatesThatAreNotOnTheCalendar) {
  EXPECT_FALSE(parse_iso_date("2026-02-29"));
  EXPECT_TRUE(parse_iso_date("2028-02-29"));
  EXPECT_FALSE(parse_iso_date("1900-02-29"));
  EXPECT_TRUE(parse_iso_date("2000-02-29"));
  EXPECT_FALSE(parse_iso_date("2026-13-01"));
  EXPECT_FALSE(parse_iso_date("2026-1-01"));
  EXPECT_FALSE(parse_iso_date("0000-01-01"));
}

}  // namespace
}  // namespace unitwise
