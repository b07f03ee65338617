// Fee arithmetic on the docs/rules.md vectors that use hypothetical numbers (M1, F1, F2).
#include "rules/fee_schedule.h"

#include "unitwise/reference.h"

#include <gtest/gtest.h>

namespace unitwise {
namespace {

const GpciRow kNational{"national", "", "", "US", "NATIONAL", 1000, 1000, 1000};

std::optional<std::int64_t> cf(DateKey date, bool qp) {
  const auto found = conversion_factor(ReferenceData::builtin().tables(), date, qp);
  return found ? std::optional<std::int64_t>(found->value) : std::nullopt;
}

// Exact amount in 1/10000 dollar, rounded half up: the precision docs/rules.md quotes M1 in.
long long ten_thousandths(Exact amount) {
  const Exact per = kExactPerDollar / 10000;
  return static_cast<long long>((amount + per / 2) / per);
}

// docs/rules.md M1: A (0.45/0.40/0.02) x2 and B (0.43/0.35/0.02) x1 at CF 33.4009: 29.0588 + 22.3786 + 20.8756.
TEST(FeeSchedule, MpprHalvesThePracticeExpenseOfEveryUnitAfterTheFirst) {
  const UnitPrice a = unit_price(45, 40, 2, kNational, 334009);
  const UnitPrice b = unit_price(43, 35, 2, kNational, 334009);
  const Exact a1 = a.full;
  const Exact a2 = a.full - a.pe_part / 2;
  const Exact b1 = b.full - b.pe_part / 2;
  EXPECT_EQ(ten_thousandths(a1), 290588);
  EXPECT_EQ(ten_thousandths(a2), 223786);
  EXPECT_EQ(ten_thousandths(b1), 208756);
  EXPECT_EQ(ten_thousandths(a1 + a2 + b1), 723129);
  // With CQ on A's second unit: 85% after MPPR (ordering UNVERIFIED).
  EXPECT_EQ(ten_thousandths(a2 * 85 / 100), 190218);
}

// docs/rules.md F1: $100 allowed, $50 deductible left → Medicare $39.20, patient $60 ($50 + $10).
TEST(FeeSchedule, DeductibleThenCoinsuranceThenSequestration) {
  const LineShare s = share_of(10000, 5000);
  EXPECT_EQ(s.deductible, 5000);
  EXPECT_EQ(s.coinsurance, 1000);
  EXPECT_EQ(s.sequestration, 80);
  EXPECT_EQ(s.medicare_pays, 3920);
}

TEST(FeeSchedule, DeductibleLargerThanTheLineTakesItAll) {
  const LineShare s = share_of(3507, 28300);
  EXPECT_EQ(s.deductible, 3507);
  EXPECT_EQ(s.medicare_pays, 0);
}

// docs/rules.md F2: 1.00 RVU is $33.4009 (non-QP) or $33.5675 (QP) in 2026, before rounding.
TEST(FeeSchedule, QualifyingApmHasItsOwnConversionFactorIn2026) {
  EXPECT_EQ(cf(20260302, false), 334009);
  EXPECT_EQ(cf(20260302, true), 335675);
  EXPECT_EQ(ten_thousandths(unit_price(100, 0, 0, kNational, *cf(20260302, false)).full), 334009);
  EXPECT_EQ(ten_thousandths(unit_price(100, 0, 0, kNational, *cf(20260302, true)).full), 335675);
}

// A 2027 visit, with no 2027 schedule loaded, takes the 2026 factor and is marked as the nearest release.
TEST(FeeSchedule, ALaterYearUsesTheNearestConversionFactorAndSaysSo) {
  const auto later = conversion_factor(ReferenceData::builtin().tables(), 20270104, true);
  ASSERT_TRUE(later.has_value());
  EXPECT_EQ(later->value, 335675);
  EXPECT_TRUE(later->nearest);
  EXPECT_FALSE(conversion_factor(ReferenceData::builtin().tables(), 20260104, true)->nearest);
}

// 2025 has a single conversion factor, used whether or not the clinician is a QP.
TEST(FeeSchedule, A2025VisitUsesTheSingle2025ConversionFactor) {
  EXPECT_EQ(cf(20250302, false), 323465);
  EXPECT_EQ(cf(20250302, true), 323465);
}

// The figure the product promises: one unit of 97530, national, 2026, non-facility = $35.07.
TEST(FeeSchedule, OneUnitOf97530NationalIn2026Is3507) {
  const RvuRow* r = find_rvu(*in_force(ReferenceData::builtin().tables().rvu, 20260302).table, "97530");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(round_to_cents(unit_price(r->work, r->pe_nonfac, r->mp, kNational, 334009).full), 3507);
}

TEST(FeeSchedule, RoundsHalfCentsUp) {
  EXPECT_EQ(round_to_cents(kExactPerDollar / 200), 1);      // $0.005 → 1 cent
  EXPECT_EQ(round_to_cents(kExactPerDollar / 200 - 1), 0);  // just under half a cent
}

// Amounts that fit 64 bits are divided in 64 bits; larger ones in 128, with the same truncated result.
TEST(FeeSchedule, DivisionIsTheSameEitherSideOfSixtyFourBits) {
  const Exact big = Exact{INT64_MAX};
  for (const Exact n : {Exact{0}, Exact{199}, Exact{-199}, big - 1, big, big + 1, Exact{INT64_MIN},
                        Exact{INT64_MIN} - 1, big * 1000 + 7}) {
    for (const std::int64_t d : {std::int64_t{1}, std::int64_t{100}, std::int64_t{2000000000}}) {
      EXPECT_TRUE(divide(n, d) == n / d) << static_cast<long long>(n / 1000) << " / " << d;
    }
  }
  EXPECT_EQ(round_to_cents(kExactPerDollar * 50000000), 5000000000);  // $50 million: past 64 bits of Exact
}

}  // namespace
}  // namespace unitwise
