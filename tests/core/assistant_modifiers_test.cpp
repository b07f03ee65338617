// CQ/CO per unit (docs/assistant-rules.md), on plain numbers.
#include "rules/assistant_modifiers.h"

#include <gtest/gtest.h>

namespace unitwise {
namespace {

constexpr auto kFifteen = DeMinimisBase::FifteenMinutes;

// Full 15-minute blocks belong to whoever furnished them (docs/assistant-rules.md step 3).
TEST(AssistantModifiers, FullBlocksGoToTheirFurnisher) {
  const auto s = split_timed_units(3, 45, 15, kFifteen);
  EXPECT_EQ(s.therapist_units, 2);
  EXPECT_EQ(s.assistant_units, 1);
  EXPECT_EQ(s.rule, RemainderRule::None);
}

// Therapist ≥ 8 minutes of the final unit: no modifier (AOTA final-rule summary).
TEST(AssistantModifiers, TherapistEightMinutesOfTheFinalUnitMeansNoModifier) {
  const auto s = split_timed_units(1, 21, 8, kFifteen);
  EXPECT_EQ(s.assistant_units, 0);
  EXPECT_EQ(s.rule, RemainderRule::TherapistFinalUnit);
}

// Therapist under 8 and assistant over 10%: the final unit carries the modifier (docs/assistant-rules.md step 5).
TEST(AssistantModifiers, AssistantOverTenPercentOfTheFinalUnitGetsTheModifier) {
  const auto s = split_timed_units(1, 14, 8, kFifteen);
  EXPECT_EQ(s.assistant_units, 1);
  EXPECT_EQ(s.rule, RemainderRule::AssistantOverTenPct);
}

// At most 10% of a 15-minute unit is de minimis: 1 assistant minute ≤ 1.5 (docs/assistant-rules.md step 5).
TEST(AssistantModifiers, AssistantShareOfTenPercentOrLessIsDeMinimis) {
  const auto s = split_timed_units(1, 8, 1, kFifteen);
  EXPECT_EQ(s.assistant_units, 0);
  EXPECT_EQ(s.rule, RemainderRule::AssistantDeMinimis);
}

// Two units left, each furnished 9–14 minutes: one each (CY2022 rule, docs/assistant-rules.md step 7).
TEST(AssistantModifiers, TwoUnitsFromTwoPartialSharesSplitOneEach) {
  const auto s = split_timed_units(2, 24, 12, kFifteen);
  EXPECT_EQ(s.therapist_units, 1);
  EXPECT_EQ(s.assistant_units, 1);
  EXPECT_EQ(s.rule, RemainderRule::TwoUnitsOneEach);
}

// Both reach 8 on a single final unit: therapist wins, and the ambiguity is flagged.
TEST(AssistantModifiers, BothReachingEightIsFlagged) {
  const auto s = split_timed_units(1, 20, 10, kFifteen);
  EXPECT_EQ(s.assistant_units, 0);
  EXPECT_TRUE(s.both_reach_eight);
}

// The two readings of the 10% base disagree only on tiny assistant shares; that is flagged.
TEST(AssistantModifiers, DisagreeingDeMinimisBasesAreFlagged) {
  EXPECT_TRUE(split_timed_units(1, 8, 1, kFifteen).base_matters);
  EXPECT_EQ(split_timed_units(1, 8, 1, kFifteen).assistant_units, 0);
  EXPECT_EQ(split_timed_units(1, 8, 1, DeMinimisBase::UnitMinutes).assistant_units, 1);
}

// A code left without units has nothing to split.
TEST(AssistantModifiers, ZeroUnitsSplitIntoNothing) {
  const auto s = split_timed_units(0, 7, 7, kFifteen);
  EXPECT_EQ(s.therapist_units + s.assistant_units, 0);
}

// Untimed: more than 10% of the service's minutes by the assistant alone (docs/assistant-rules.md step 9).
TEST(AssistantModifiers, UntimedServiceUsesTheTenPercentTest) {
  EXPECT_TRUE(untimed_needs_assistant_modifier(40, 5));
  EXPECT_FALSE(untimed_needs_assistant_modifier(40, 4));
  EXPECT_FALSE(untimed_needs_assistant_modifier(40, 0));
}

}  // namespace
}  // namespace unitwise
