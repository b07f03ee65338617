// The rules' inline lists behave as vectors past their inline capacity too (a visit with many codes).
#include "base/small_vector.h"

#include <gtest/gtest.h>

#include <vector>

#include "rules/eight_minute_rule.h"

namespace unitwise {
namespace {

TEST(SmallVector, KeepsEveryElementInOrderPastItsInlineCapacity) {
  SmallVector<int, 4> list;
  std::vector<int> expected;
  for (int i = 0; i < 20; ++i) {
    list.push_back(i * 3);
    expected.push_back(i * 3);
    ASSERT_TRUE(list == expected) << i;
  }
  const SmallVector<int, 4> copy = list;
  EXPECT_TRUE(copy == expected);
  list.resize(2);
  EXPECT_TRUE(list == (std::vector<int>{0, 3}));
  list.clear();
  list.resize(3);
  EXPECT_TRUE(list == (std::vector<int>{0, 0, 0}));
}

// Twelve codes with equal leftovers: the tie lists spill past 8 and still name every member.
TEST(SmallVector, TwelveTiedCodesAllocateAsBefore) {
  const std::vector<int> minutes(12, 10);
  std::vector<int> rank(12);
  for (int i = 0; i < 12; ++i) rank[i] = i;
  const auto a = allocate_total_time(minutes, rank);
  EXPECT_EQ(a.total_units, 8);  // 120 minutes
  EXPECT_EQ(a.tie.members.size(), 12u);
  EXPECT_EQ(a.tie.chosen.size(), 8u);
  EXPECT_TRUE(a.units == (std::vector<int>{1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0}));
}

}  // namespace
}  // namespace unitwise
