// Money and RVU text: every digit written, zero-padded after the point, the sign kept (docs/rules.md §7).
#include "base/fixed_point.h"

#include <gtest/gtest.h>

#include <climits>

namespace unitwise {
namespace {

TEST(FixedText, WritesEveryDigitAtTheGivenScale) {
  EXPECT_EQ(fixed_text(3507, 2), "35.07");
  EXPECT_EQ(fixed_text(334009, 4), "33.4009");
  EXPECT_EQ(fixed_text(5, 2), "0.05");
  EXPECT_EQ(fixed_text(0, 2), "0.00");
  EXPECT_EQ(fixed_text(-50, 2), "-0.50");
  EXPECT_EQ(fixed_text(-123456, 3), "-123.456");
  EXPECT_EQ(fixed_text(42, 0), "42");
  EXPECT_EQ(fixed_text(LLONG_MAX, 2), "92233720368547758.07");
  EXPECT_EQ(fixed_text(LLONG_MIN, 4), "-922337203685477.5808");
}

TEST(FixedText, ReadsBackWhatItWrites) {
  for (long long v : {0LL, 1LL, 99LL, 100LL, 10001LL, 123456789LL, -7LL}) {
    EXPECT_EQ(parse_fixed(fixed_text(v, 2), 2), v) << v;
  }
}

}  // namespace
}  // namespace unitwise
