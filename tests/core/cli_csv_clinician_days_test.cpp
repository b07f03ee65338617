// `unitwise evaluate --csv --clinician-days FILE [--shift-hours H]` (issue 29 item 2, docs/batch.md "A clinician's
// day"): each clinician's billed timed minutes a date, the days over the shift or over 24 hours flagged.
#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>

#include "cli_csv.h"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// tests/fixtures/clinician-days.csv: Dana Reyes has 9 hours on March 2 (nine visits of an hour), the NPI 1234567890
// 25 hours (twenty-five), and March 3 holds an evaluation (untimed), a denied add-on (97130 alone), an invalid visit,
// a visit two clinicians share and a row naming no one.
const std::string kFixture = read_file(std::string(UNITWISE_FIXTURES_DIR) + "/clinician-days.csv");

struct DaysRun {
  CsvRun run;
  std::string days;
};

DaysRun run_days(const std::string& options, const std::string& input = kFixture) {
  const std::string path = test_temp_path(".days.csv");
  std::remove(path.c_str());
  DaysRun r{run_cli("evaluate --csv --clinician-days " + path + " " + options, input), ""};
  r.days = read_file(path);
  return r;
}

TEST(CliCsvClinicianDays, TotalsEachClinicianADateAndFlagsTheLongDays) {
  const DaysRun r = run_days("");
  EXPECT_EQ(r.run.status, 1) << r.run.err;  // E03's minutes are "abc": an invalid visit, which counts for no one
  EXPECT_EQ(r.days,
            "clinician,date,visits,timed_minutes,flag\n"
            "\"Dana Reyes, PT\",2026-03-02,9,540,over shift\n"
            "\"Dana Reyes, PT\",2026-03-03,3,55,\n"
            "1234567890,2026-03-01,1,45,\n"
            "1234567890,2026-03-02,25,1500,impossible (over 24 hours)\n"
            "1234567890,2026-03-03,1,25,\n"
            "'@Lee,2026-03-04,1,15,\n");
  // The claim lines are those of a run without the option, byte for byte.
  EXPECT_EQ(r.run.out, run_cli("evaluate --csv", kFixture).out);
  EXPECT_EQ(r.run.err.rfind("unitwise: 2 of 6 clinician days flagged (shift 8 hours; over 24 hours is impossible)", 0),
            0u)
      << r.run.err;
  EXPECT_NE(r.run.err.find("  Dana Reyes, PT: 1 of 2 days: 2026-03-02 540 minutes, over shift\n"), std::string::npos)
      << r.run.err;
  EXPECT_NE(r.run.err.find("  1234567890: 1 of 3 days: 2026-03-02 1500 minutes, impossible (over 24 hours)\n"),
            std::string::npos)
      << r.run.err;
}

TEST(CliCsvClinicianDays, ShiftHoursMoveTheOverShiftFlagOnly) {
  const DaysRun ten = run_days("--shift-hours 10");
  EXPECT_NE(ten.days.find("\"Dana Reyes, PT\",2026-03-02,9,540,\n"), std::string::npos) << ten.days;
  EXPECT_NE(ten.days.find("1234567890,2026-03-02,25,1500,impossible (over 24 hours)\n"), std::string::npos);
  EXPECT_EQ(ten.run.err.find("Dana"), std::string::npos) << ten.run.err;
  // Over means more than: 540 minutes are 9 hours, not over a 9-hour shift, and over one of 8.99 hours (539.4).
  EXPECT_NE(run_days("--shift-hours 9").days.find("2026-03-02,9,540,\n"), std::string::npos);
  EXPECT_NE(run_days("--shift-hours 8.99").days.find("2026-03-02,9,540,over shift\n"), std::string::npos);
  EXPECT_NE(run_days("--shift-hours 0.5").days.find("1234567890,2026-03-01,1,45,over shift\n"), std::string::npos);
  // 24 hours: every day within it is within the shift; only a longer one is flagged, as impossible.
  const DaysRun day = run_days("--shift-hours 24");
  EXPECT_EQ(day.days.find("over shift"), std::string::npos) << day.days;
  EXPECT_NE(day.days.find("impossible"), std::string::npos);
}

TEST(CliCsvClinicianDays, BadShiftHoursAreUsageErrors) {
  for (const char* bad :
       {"0", "0.0", "abc", "-1", "24.01", "25", "100", "7.125", "8.", ".5", "1e1", "8h", "' 8'", "''"}) {
    const DaysRun r = run_days(std::string("--shift-hours ") + bad);
    EXPECT_EQ(r.run.status, 2) << bad;
    EXPECT_EQ(r.run.out, "") << bad;
    EXPECT_NE(r.run.err.find("a shift is a number of hours above 0 and at most 24"), std::string::npos) << r.run.err;
  }
  const CsvRun alone = run_cli("evaluate --csv --shift-hours 10", kFixture);
  EXPECT_EQ(alone.status, 2);
  EXPECT_NE(alone.err.find("--shift-hours flags the days of --clinician-days FILE"), std::string::npos) << alone.err;
  EXPECT_EQ(run_cli("evaluate --csv --clinician-days -", kFixture).status, 2);
  EXPECT_EQ(run_cli("evaluate --csv --clinician-days /nonexistent/days.csv", kFixture).status, 2);
  EXPECT_EQ(run_cli("evaluate --csv --clinician-days", kFixture).status, 2);
}

TEST(CliCsvClinicianDays, WithoutAClinicianColumnTheFileHasItsHeaderAndStderrSaysWhy) {
  const DaysRun r = run_days("", kHeader + kBody);
  EXPECT_EQ(r.run.status, 0) << r.run.err;
  EXPECT_EQ(r.days, "clinician,date,visits,timed_minutes,flag\n");
  EXPECT_NE(r.run.err.find("the CSV has no clinician column"), std::string::npos) << r.run.err;
  // A header the CLI refuses: exit 2, and both outputs have their header only.
  const DaysRun refused = run_days("", "visit_id,localty\n");
  EXPECT_EQ(refused.run.status, 2);
  EXPECT_EQ(refused.days, "clinician,date,visits,timed_minutes,flag\n");
}

TEST(CliCsvClinicianDays, NoFlaggedDayMeansNothingOnStderr) {
  const DaysRun r = run_days("",
                             "visit_id,date_of_service,discipline,code,minutes,clinician\n"
                             "A,2026-03-02,PT,97110,23,Kim\n");
  EXPECT_EQ(r.run.status, 0);
  EXPECT_EQ(r.run.err, "");
  EXPECT_EQ(r.days, "clinician,date,visits,timed_minutes,flag\nKim,2026-03-02,1,23,\n");
}

}  // namespace
