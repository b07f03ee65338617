// `unitwise evaluate --csv` reading files as EHRs export them (issue 29, docs/batch.md "Files as EHRs export them"):
// other names for the columns, US dates, discipline words.
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "cli_csv.h"

namespace {

// The claim lines of `body` under `header`, and the same visits under the format's own header, are one output.
void expect_same_claims(const std::string& header, const std::string& body, const std::string& plain_body) {
  const CsvRun ehr = run_cli("evaluate --csv", header + body);
  const CsvRun plain = run_cli("evaluate --csv", kHeader + plain_body);
  EXPECT_EQ(ehr.status, 0) << ehr.err << ehr.out;
  EXPECT_EQ(ehr.out, plain.out);
}

TEST(CliCsvEhr, HeaderSynonymsInAnyCaseAndSpacing) {
  expect_same_claims("Visit ID,DOS,Disc,CPT,Mins,PTA Minutes\n", kBody, kBody);
  expect_same_claims("ENCOUNTER_ID, date of service ,THERAPY,hcpcs,minutes,Assistant Minutes\n", kBody, kBody);
  expect_same_claims("Encounter ID,Service Date,Discipline,Code,MINUTES,OTA minutes\n", kBody, kBody);
}

TEST(CliCsvEhr, AssistantMinutesAndClinicianAreOptionalColumns) {
  const CsvRun r = run_cli("evaluate --csv",
                           "Visit ID,DOS,Disc,CPT,Mins,Rendering NPI\n"
                           "A,2026-03-02,PT,97112,24,1234567893\n"
                           "A,2026-03-02,PT,97110,23,1234567893\n");
  EXPECT_EQ(r.status, 0) << r.err;
  const Rows rows = parse_csv(r.out);
  ASSERT_EQ(rows.size(), 3u) << r.out;
  EXPECT_EQ(rows[1][kUnits], "2");
  EXPECT_EQ(rows[2][kUnits], "1");
  for (const char* name : {"Clinician", "provider", "Rendering NPI"}) {
    EXPECT_EQ(run_cli("evaluate --csv", kHeader.substr(0, kHeader.size() - 1) + "," + name + "\n").status, 0) << name;
  }
}

TEST(CliCsvEhr, TwoNamesForOneColumnAreBothNamed) {
  const CsvRun r = run_cli("evaluate --csv", "Visit ID,DOS,Disc,CPT,Code,Mins\n");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("column code (as \"CPT\" and \"Code\") appears twice"), std::string::npos) << r.err;
  // A name that is no column's stays unknown, and the message lists the columns.
  const CsvRun unknown = run_cli("evaluate --csv", "Patient,DOS,Disc,CPT,Mins\n");
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("unknown column \"Patient\"; missing column(s) visit_id"), std::string::npos)
      << unknown.err;
  EXPECT_NE(unknown.err.find("required columns: visit_id, date_of_service, discipline, code, minutes"),
            std::string::npos)
      << unknown.err;
}

// US dates, month first by default: M/D/YYYY, M/D/YY and YYYY-MM-DD are one date.
TEST(CliCsvEhr, UsDatesReadMonthFirst) {
  const std::string plain = "A,2026-04-05,PT,97112,24,\nA,2026-04-05,PT,97110,23,\n";
  expect_same_claims(kHeader, "A,04/05/2026,PT,97112,24,\nA,4/5/26,PT,97110,23,\n", plain);
  expect_same_claims(kHeader, "A,4/5/2026,PT,97112,24,\nA,2026-04-05,PT,97110,23,\n", plain);
  // Two-digit years: 00-69 are 2000-2069, 70-99 are 1970-1999.
  expect_same_claims(kHeader, "A,12/31/69,PT,97112,24,\n", "A,2069-12-31,PT,97112,24,\n");
  expect_same_claims(kHeader, "A,4/5/70,PT,97112,24,\n", "A,1970-04-05,PT,97112,24,\n");
}

TEST(CliCsvEhr, DateOrderDayFirst) {
  const std::string plain = "A,2026-05-04,PT,97112,24,\n";
  const CsvRun dmy = run_cli("evaluate --csv --date-order dmy", kHeader + "A,04/05/2026,PT,97112,24,\n");
  const CsvRun iso = run_cli("evaluate --csv", kHeader + plain);
  EXPECT_EQ(dmy.status, 0) << dmy.err;
  EXPECT_EQ(dmy.out, iso.out);
  // 16/04/2026 has no month 16 read month first; day first it is April 16.
  const CsvRun mdy = run_cli("evaluate --csv", kHeader + "A,16/04/2026,PT,97112,24,\n");
  EXPECT_EQ(mdy.status, 1);
  EXPECT_EQ(
      parse_csv(mdy.out).at(1)[kErrors],
      "line 2: date_of_service \"16/04/2026\" is not a real date: read month first (M/D/Y), its month would be 16");
  EXPECT_EQ(run_cli("evaluate --csv --date-order dmy", kHeader + "A,16/04/2026,PT,97112,24,\n").status, 0);
  const CsvRun bad = run_cli("evaluate --csv --date-order ymd", kHeader);
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("--date-order is mdy"), std::string::npos) << bad.err;
}

TEST(CliCsvEhr, ImpossibleDatesNameTheRowAndTheText) {
  const CsvRun r = run_cli("evaluate --csv", kHeader +
                                                 "A,02/29/2026,PT,97112,24,\n"
                                                 "B,02/29/2028,PT,97112,24,\n"
                                                 "C,04/31/26,PT,97112,24,\n"
                                                 "D,00/10/2026,PT,97112,24,\n");
  EXPECT_EQ(r.status, 1);
  const Rows rows = parse_csv(r.out);
  ASSERT_EQ(rows.size(), 5u) << r.out;
  EXPECT_EQ(rows[1][kErrors],
            "line 2: date_of_service \"02/29/2026\" is not a real date: read month first (M/D/Y), it would be day 29 "
            "of February 2026, which has 28 days");
  EXPECT_EQ(rows[2][kErrors], "");  // 2028 is a leap year
  EXPECT_EQ(rows[3][kErrors],
            "line 4: date_of_service \"04/31/26\" is not a real date: read month first (M/D/Y), it would be day 31 of "
            "April 2026, which has 30 days");
  EXPECT_NE(rows[4][kErrors].find("its month would be 0"), std::string::npos) << rows[4][kErrors];
}

// Two rows of a visit with one date written two ways agree; different dates conflict, named as written.
TEST(CliCsvEhr, ConflictsCompareValuesAndNameTheTexts) {
  const CsvRun r = run_cli("evaluate --csv", kHeader +
                                                 "A,04/05/2026,Physical Therapy,97112,24,\n"
                                                 "A,2026-04-05,PT,97110,23,\n"
                                                 "B,04/05/2026,ST,92507,30,\n"
                                                 "B,04/06/2026,Speech,92507,30,\n");
  const Rows rows = parse_csv(r.out);
  ASSERT_EQ(rows_of(rows, "A").size(), 2u) << r.out;
  EXPECT_EQ(rows_of(rows, "A")[0][kErrors], "");
  ASSERT_EQ(rows_of(rows, "B").size(), 1u) << r.out;
  EXPECT_EQ(rows_of(rows, "B")[0][kErrors],
            "line 5: date_of_service \"04/06/2026\" conflicts with \"04/05/2026\" on line 4 of the same visit");
}

TEST(CliCsvEhr, DisciplineWordsInAnyCase) {
  const std::string plain = "A,2026-03-02,PT,97112,24,\nB,2026-03-02,OT,97530,40,\nC,2026-03-02,SLP,92507,30,\n";
  for (const auto& [pt, ot, slp] : {std::tuple{"Physical Therapy", "Occupational Therapy", "Speech-Language Pathology"},
                                    std::tuple{"pt", "ot", "ST"}, std::tuple{"P.T.", "OCCUPATIONAL THERAPY", "Speech"},
                                    std::tuple{"physiotherapy", "O.T.", "speech language pathology"}}) {
    expect_same_claims(kHeader,
                       std::string("A,2026-03-02,") + pt + ",97112,24,\nB,2026-03-02," + ot +
                           ",97530,40,\nC,2026-03-02," + slp + ",92507,30,\n",
                       plain);
  }
  // A word no list holds goes to the engine as written, which names it.
  const CsvRun r = run_cli("evaluate --csv", kHeader + "A,2026-03-02,Recreation,97112,24,\n");
  EXPECT_EQ(parse_csv(r.out).at(1)[kErrors].rfind("line 2: discipline unknown value \"Recreation\"", 0), 0u) << r.out;
}

// The EHR export of tests/fixtures: every visit read and billed (the page gives the same, tests/node/file-batch).
TEST(CliCsvEhr, EhrExportFixtureIsReadWhole) {
  const CsvRun r = run_cli(std::string("evaluate --csv ") + UNITWISE_FIXTURES_DIR + "/ehr-export.csv", "");
  EXPECT_EQ(r.status, 0) << r.err << r.out;
  const Rows rows = parse_csv(r.out);
  int units = 0;
  std::vector<std::string> ids;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i][kErrors], "") << rows[i][kId];
    units += std::stoi(rows[i][kUnits]);
    if (ids.empty() || ids.back() != rows[i][kId]) ids.push_back(rows[i][kId]);
  }
  EXPECT_EQ(ids.size(), 8u);
  EXPECT_EQ(units, 20);
  EXPECT_EQ(rows_of(rows, "E-10423")[0][kModifiers], "GN");  // ST is speech-language pathology
  EXPECT_EQ(rows_of(rows, "E-10424")[0][kModifiers], "GO");
}

}  // namespace
