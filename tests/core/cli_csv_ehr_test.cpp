// `unitwise evaluate --csv` reading files as EHRs export them (issue 29, docs/batch.md "Files as EHRs export them"):
// other names for the columns, US dates, discipline words.
#include <string>
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

}  // namespace
