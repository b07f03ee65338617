// NCCI PTP edits are dated: the same pair fires or not depending on the date of service.
#include <gtest/gtest.h>

#include "rules/rules.h"
#include "test_visits.h"

namespace unitwise {
namespace {

std::vector<Edit> edits_on(Date date, std::vector<const char*> codes) {
  Visit v;
  v.date_of_service = date;
  std::vector<Line> lines;
  for (const char* c : codes) {
    Line l;
    l.code = c;
    l.units = 1;
    lines.push_back(l);
  }
  Notes notes;
  return ncci_edits(checked(v), lines, notes);
}

// 97140/97530 was an edit (indicator 1) until its deletion on 2019-12-31.
TEST(NcciEdits, ADeletedPairFiresBeforeItsDeletionDateOnly) {
  EXPECT_EQ(edits_on({2019, 6, 1}, {"97140", "97530"}).size(), 1u);
  EXPECT_TRUE(edits_on({2026, 6, 1}, {"97140", "97530"}).empty());
}

// Indicator 9 means the edit was withdrawn as if it never existed (97161/97140, 2020).
TEST(NcciEdits, IndicatorNineNeverFires) { EXPECT_TRUE(edits_on({2019, 12, 1}, {"97161", "97140"}).empty()); }

TEST(NcciEdits, IndicatorZeroIsAnErrorOnTheColumnTwoCode) {
  const auto edits = edits_on({2026, 6, 1}, {"97161", "97163"});
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(edits[0].column1, "97163");
  EXPECT_EQ(edits[0].column2, "97161");
  EXPECT_EQ(edits[0].severity, Severity::Error);
  EXPECT_FALSE(edits[0].modifier_allowed);
}

TEST(NcciEdits, IndicatorOneSuggestsXModifiersBefore59) {
  const auto edits = edits_on({2026, 6, 1}, {"97750", "97530"});
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(edits[0].severity, Severity::Warning);
  EXPECT_EQ(edits[0].suggested_modifiers, (std::vector<std::string_view>{"59", "XE", "XS", "XP", "XU"}));
  EXPECT_NE(edits[0].message.find("Never add a modifier just to get past the edit"), std::string::npos);
}

TEST(NcciEdits, UnbilledCodesAreNotPaired) {
  Visit v;
  v.date_of_service = {2026, 6, 1};
  std::vector<Line> lines(2);
  lines[0].code = "97161";
  lines[0].units = 1;
  lines[1].code = "97163";
  lines[1].units = 0;
  Notes notes;
  EXPECT_TRUE(ncci_edits(checked(v), lines, notes).empty());
}

}  // namespace
}  // namespace unitwise
