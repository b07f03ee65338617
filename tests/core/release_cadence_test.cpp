// Tables that say when they may be stale (docs/data.md): CMS's calendar per kind of table, and what a visit
// is told when the table it used had a successor due on or before its date of service.
#include <gtest/gtest.h>

#include <string>

#include "unitwise/reference.h"
#include "unitwise/unitwise.h"

namespace unitwise {
namespace {

Release release(TableKind kind, DateKey effective, DateKey edition = 0) {
  Release r;
  r.kind = kind;
  r.effective = effective;
  r.edition = edition;
  return r;
}

TEST(ReleaseCadence, QuarterlyTablesExpectTheNextQuarter) {
  EXPECT_EQ(next_expected_release(release(TableKind::Ncci, 20240701)), 20241001);
  EXPECT_EQ(next_expected_release(release(TableKind::Mue, 20261001)), 20270101);
  EXPECT_EQ(next_expected_release(release(TableKind::Mue, 20260215)), 20260401);  // a table dated mid-quarter
}

TEST(ReleaseCadence, YearlyTablesExpectTheNextJanuary) {
  EXPECT_EQ(next_expected_release(release(TableKind::Gpci, 20260101)), 20270101);
  EXPECT_EQ(next_expected_release(release(TableKind::ConversionFactor, 20251231)), 20260101);
}

TEST(ReleaseCadence, OurOwnTablesFollowNoCalendar) {
  EXPECT_EQ(next_expected_release(release(TableKind::Threshold, 20180101)), 0);
  EXPECT_EQ(next_expected_release(release(TableKind::TelehealthPeriod, 20200301)), 0);
}

// RVU26C, the July release, is imported as in force from January (docs/data.md): its successor is October's.
TEST(ReleaseCadence, AnEditionLaterThanItsEffectiveDateCountsFromTheEdition) {
  EXPECT_EQ(next_expected_release(release(TableKind::Rvu, 20260101, 20260701)), 20261001);
}

std::string evaluate_on(const std::string& date, const ReferenceData& data = ReferenceData::builtin()) {
  return evaluate_json(
      R"({"dateOfService":")" + date + R"(","discipline":"PT","services":[{"code":"97110","minutes":30}]})", data);
}

TEST(StaleTables, TheWarningNamesTheTableItsDateAndWhenANewerOneWasDue) {
  const std::string result = evaluate_on("2026-11-02");
  EXPECT_NE(result.find("Edits were checked against the NCCI pair table of 2024-07-01"), std::string::npos) << result;
  EXPECT_NE(result.find("one was due by 2024-10-01"), std::string::npos);
  EXPECT_NE(result.find(R"("kind":"ncci")"), std::string::npos);
  EXPECT_NE(result.find(R"("newerDue":"2024-10-01")"), std::string::npos);
}

TEST(StaleTables, TheDayBeforeTheSuccessorWasDueTheTableIsCurrent) {
  const std::string before = evaluate_on("2024-09-30");
  EXPECT_EQ(before.find("NCCI pair table of 2024-07-01"), std::string::npos) << before;
  EXPECT_NE(evaluate_on("2024-10-01").find("NCCI pair table of 2024-07-01"), std::string::npos);
}

// The user's way out: loading CMS's newer table takes the warning away from its effective date on.
TEST(StaleTables, LoadingANewerTableEndsTheWarning) {
  Pack pack;
  pack.name = "newer PTP";
  Table<NcciRow> t;
  t.release = {TableKind::Ncci, "CMS NCCI PTP practitioner edits v324r0", 20261001, 0, "", 0};
  NcciRow row;
  row.column1 = "97140";
  row.column2 = "97530";
  row.effective = 20000101;
  row.rationale = "Mutually exclusive procedures";
  t.rows.push_back(row);
  pack.tables.ncci.push_back(t);
  const auto loaded = ReferenceData::with_packs(ReferenceData::builtin(), {write_pack(pack)});
  ASSERT_TRUE(loaded.value.has_value());
  const std::string result = evaluate_on("2026-11-02", *loaded.value);
  EXPECT_EQ(result.find("NCCI pair table"), std::string::npos) << result;
  EXPECT_NE(result.find("MUE table of 2026-04-01"), std::string::npos);  // the MUE table is still the old one
}

}  // namespace
}  // namespace unitwise
