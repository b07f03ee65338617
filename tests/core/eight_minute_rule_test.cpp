// The CMS unit chart and the total-time allocation, on plain numbers (docs/rules.md §1).
#include "rules/eight_minute_rule.h"

#include <gtest/gtest.h>

namespace unitwise {
namespace {

// docs/rules.md T12: the chart's edges, and "the pattern remains the same" past two hours.
TEST(EightMinuteRule, ChartEdgesMatchTheCmsTable) {
  const std::pair<int, int> cases[] = {{0, 0},  {7, 0},  {8, 1},  {22, 1}, {23, 2},  {37, 2}, {38, 3},
                                       {52, 3}, {53, 4}, {67, 4}, {68, 5}, {127, 8}, {128, 9}};
  for (auto [minutes, units] : cases) EXPECT_EQ(chart_units(minutes), units) << minutes << " minutes";
}

// The leftover unit goes to the larger remainder, not the larger code (§20.2 Ex 3).
TEST(EightMinuteRule, LeftoverUnitGoesToTheLargestRemainder) {
  const auto a = allocate_total_time({33, 7}, {0, 1});
  EXPECT_EQ(a.total_units, 3);
  EXPECT_EQ(a.units, (std::vector<int>{2, 1}));
  EXPECT_FALSE(a.has_tie);
}

// Equal remainders for one unit: a tie, the lower rank wins and the tie is reported (§20.2 Ex 2).
TEST(EightMinuteRule, EqualRemaindersAreReportedAsATie) {
  const auto a = allocate_total_time({20, 20}, {1, 0});
  EXPECT_EQ(a.units, (std::vector<int>{1, 2}));
  ASSERT_TRUE(a.has_tie);
  EXPECT_EQ(a.tie.units, 1);
  EXPECT_EQ(a.tie.members.size(), 2u);
  EXPECT_EQ(a.tie.chosen, (std::vector<std::size_t>{1}));
}

// A tie below a clear winner: only the equal remainders compete for what is left.
TEST(EightMinuteRule, TieCountsOnlyTheUnitsLeftAfterLargerRemainders) {
  // 12 + 5 + 5 + 5 = 27 → 2 units: 12 wins one, the three 5s compete for the other.
  const auto a = allocate_total_time({12, 5, 5, 5}, {0, 1, 2, 3});
  EXPECT_EQ(a.units, (std::vector<int>{1, 1, 0, 0}));
  ASSERT_TRUE(a.has_tie);
  EXPECT_EQ(a.tie.units, 1);
  EXPECT_EQ(a.tie.members.size(), 3u);
}

// A clear order is no tie even when remainders repeat further down.
TEST(EightMinuteRule, RepeatedRemaindersBelowTheCutAreNoTie) {
  const auto a = allocate_total_time({18, 13, 10, 8}, {0, 1, 2, 3});
  EXPECT_EQ(a.units, (std::vector<int>{1, 1, 1, 0}));
  EXPECT_FALSE(a.has_tie);
}

// Full blocks are never taken away, whatever the pool: ≥ 15 minutes → ≥ 1 unit (R1.4).
TEST(EightMinuteRule, FullBlocksAreAlwaysKept) {
  const auto a = allocate_total_time({15, 14, 14}, {0, 1, 2});
  EXPECT_EQ(a.total_units, 3);  // 43 minutes
  EXPECT_EQ(a.units, (std::vector<int>{1, 1, 1}));
}

}  // namespace
}  // namespace unitwise
