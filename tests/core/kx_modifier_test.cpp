// KX thresholds by year and the line that crosses (docs/rules.md §6, vectors K1-K3).
#include "rules/kx_thresholds.h"

#include <gtest/gtest.h>

#include "rules/rules.h"
#include "test_visits.h"

namespace unitwise {
namespace {

Line line(const char* code, Discipline d, Cents allowed) {
  Line l;
  l.code = code;
  l.discipline = d;
  l.units = 1;
  l.allowed = allowed;
  l.modifiers = {d == Discipline::OT ? "GO" : "GP"};
  return l;
}

bool has_kx(const Line& l) { return !l.modifiers.empty() && l.modifiers.back() == "KX"; }

Cents kx_on(DateKey date) { return threshold(ReferenceData::builtin().tables(), date, ThresholdKind::Kx)->amount; }

TEST(KxModifier, ThresholdsFollowTheYear) {
  EXPECT_EQ(kx_on(20190601), 204000);
  EXPECT_EQ(kx_on(20240601), 233000);
  EXPECT_EQ(kx_on(20250601), 241000);
  EXPECT_EQ(kx_on(20260601), 248000);
}

// No source gives the 2020 threshold: a 2020 visit takes the nearest earlier one (2019) and says so.
TEST(KxModifier, AYearWithoutAThresholdUsesTheNearestAndSaysSo) {
  const auto t = threshold(ReferenceData::builtin().tables(), 20270601, ThresholdKind::Kx);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->amount, 248000);
  EXPECT_TRUE(t->nearest);
  EXPECT_FALSE(threshold(ReferenceData::builtin().tables(), 20260601, ThresholdKind::Kx)->nearest);
}

// The thresholds are whole from 2018 to 2026 (core/data/README.md): a 2020 visit no longer takes 2019's $2,040.
TEST(KxModifier, EveryYearFrom2018To2026HasItsOwnThreshold) {
  const std::pair<DateKey, Cents> years[] = {{20180601, 201000}, {20190601, 204000}, {20200601, 208000},
                                             {20210601, 211000}, {20220601, 215000}, {20230601, 223000},
                                             {20240601, 233000}, {20250601, 241000}, {20260601, 248000}};
  for (const auto& [date, amount] : years) {
    const auto t = threshold(ReferenceData::builtin().tables(), date, ThresholdKind::Kx);
    ASSERT_TRUE(t.has_value()) << date;
    EXPECT_EQ(t->amount, amount) << date;
    EXPECT_FALSE(t->nearest) << date;
  }
}

// K3: CY2024, PT+SLP YTD $2,300, next line $50 → over $2,330 → KX.
TEST(KxModifier, K3The2024ThresholdIs2330) {
  Visit v;
  v.date_of_service = {2024, 5, 1};
  v.ytd_pt_slp = 230000;
  std::vector<Line> lines = {line("97110", Discipline::PT, 5000)};
  Notes notes;
  apply_kx(checked(v), lines, notes);
  EXPECT_TRUE(has_kx(lines[0]));
}

// K2: the OT bucket is separate: OT crosses, PT does not.
TEST(KxModifier, K2BucketsAreSeparate) {
  Visit v;
  v.date_of_service = {2026, 5, 1};
  v.ytd_ot = 245000;
  std::vector<Line> lines = {line("97110", Discipline::PT, 4000), line("97530", Discipline::OT, 4000)};
  Notes notes;
  apply_kx(checked(v), lines, notes);
  EXPECT_FALSE(has_kx(lines[0]));
  EXPECT_TRUE(has_kx(lines[1]));
}

// Exactly at the threshold is not past it; one cent more is.
TEST(KxModifier, ReachingTheThresholdExactlyIsNotCrossingIt) {
  Visit v;
  v.date_of_service = {2026, 5, 1};
  v.ytd_pt_slp = 247000;
  std::vector<Line> at = {line("97110", Discipline::PT, 1000)};
  std::vector<Line> past = {line("97110", Discipline::PT, 1001)};
  Notes notes;
  apply_kx(checked(v), at, notes);
  apply_kx(checked(v), past, notes);
  EXPECT_FALSE(has_kx(at[0]));
  EXPECT_TRUE(has_kx(past[0]));
}

// Lines without units are not billed, so they get no KX and add nothing.
TEST(KxModifier, ZeroUnitLinesAreSkipped) {
  Visit v;
  v.date_of_service = {2026, 5, 1};
  v.ytd_pt_slp = 300000;
  std::vector<Line> lines = {line("97035", Discipline::PT, 0)};
  lines[0].units = 0;
  Notes notes;
  apply_kx(checked(v), lines, notes);
  EXPECT_FALSE(has_kx(lines[0]));
}

}  // namespace
}  // namespace unitwise
