// `unitwise evaluate --csv` grouping rows into visits (docs/batch.md, "Visits"): grouping, row errors that name
// their lines and spoil only their visit, and the open-visit window.
#include <sys/wait.h>

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli_csv.h"

namespace {

// A visit's rows need not be contiguous: the same claim as when they are, in order of first appearance.
TEST(CliCsv, NonContiguousVisitsAreGroupedInOrderOfFirstAppearance) {
  const CsvRun mixed = run_cli("evaluate --csv", kHeader +
                                                     "B,2026-03-02,PT,97112,24,\n"
                                                     "A,2026-03-02,OT,97530,40,\n"
                                                     "C,2026-03-02,PT,97140,8,\n"
                                                     "B,2026-03-02,PT,97110,23,\n"
                                                     "A,2026-03-02,OT,97535,20,10\n");
  const CsvRun sorted = run_cli("evaluate --csv", kHeader +
                                                      "B,2026-03-02,PT,97112,24,\n"
                                                      "B,2026-03-02,PT,97110,23,\n"
                                                      "A,2026-03-02,OT,97530,40,\n"
                                                      "A,2026-03-02,OT,97535,20,10\n"
                                                      "C,2026-03-02,PT,97140,8,\n");
  EXPECT_EQ(mixed.status, 0) << mixed.err;
  EXPECT_EQ(mixed.out, sorted.out);
  const Rows rows = parse_csv(mixed.out);
  std::vector<std::string> ids;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (ids.empty() || ids.back() != rows[i][kId]) ids.push_back(rows[i][kId]);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"B", "A", "C"}));
  EXPECT_EQ(rows_of(rows, "B").size(), 2u);
}

// A bad row gives error rows for its visit only, naming its input line; the other visits are evaluated.
TEST(CliCsv, ABadRowNamesItsLineAndSpoilsOnlyItsVisit) {
  const CsvRun r = run_cli("evaluate --csv", kHeader +
                                                 "A,2026-03-02,PT,97112,24,\n"
                                                 "B,2026-03-02,PT,97112,24,\n"
                                                 "\"multi\nline\",2026-03-02,PT,97110,23,\n"
                                                 "A,2026-03-02,PT,97110,12.5,\n"
                                                 "B,2026-03-02,PT,97110,23,\n");
  EXPECT_EQ(r.status, 1);
  const Rows rows = parse_csv(r.out);
  const auto a = rows_of(rows, "A");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0][kLine], "");
  EXPECT_EQ(a[0][kCode], "");
  // Line 6: the quoted line break in line 4's visit_id counts as a line.
  EXPECT_EQ(a[0][kErrors], "line 6: minutes must be a whole number of minutes (no fractions)");
  EXPECT_EQ(rows_of(rows, "B").size(), 2u);
  EXPECT_EQ(rows_of(rows, "multi\nline").size(), 1u);
}

TEST(CliCsv, RowProblemsFoundBeforeTheEngineNameTheirLines) {
  const CsvRun r = run_cli("evaluate --csv", kHeader +
                                                 "A,2026-03-02,PT,97112,24,\n"
                                                 "A,2026-03-03,PT,97110,23,\n"
                                                 "B,2026-03-02,PT,97112\n"
                                                 ",2026-03-02,PT,97112,24,\n"
                                                 "C,2026-03-02,PT,97112,24\"x\",\n"
                                                 "D,2026-03-02,PT,97112,24,\n");
  EXPECT_EQ(r.status, 1);
  const Rows rows = parse_csv(r.out);
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[1][kErrors],
            "line 3: date_of_service \"2026-03-03\" conflicts with \"2026-03-02\" on line 2 of the "
            "same visit");
  EXPECT_EQ(rows[2][kErrors], "line 4: 4 fields, but the header has 6");
  EXPECT_EQ(rows[3][kErrors], "line 5: visit_id is empty");
  EXPECT_EQ(rows[4][kId], "C");
  EXPECT_EQ(rows[4][kErrors].rfind("line 6: malformed CSV quoting", 0), 0u) << rows[4][kErrors];
  EXPECT_EQ(rows[5][kId], "D");  // parsing resumes on the next line
  EXPECT_EQ(rows[5][kUnits], "2");
}

TEST(CliCsv, FutureVisitFieldsAreRefusedNotGuessed) {
  const CsvRun r = run_cli("evaluate --csv",
                           "visit_id,date_of_service,discipline,code,minutes,assistant_minutes,payer\n"
                           "A,2026-03-02,PT,97112,24,,Aetna\n"
                           "B,2026-03-02,PT,97112,24,,\n");
  EXPECT_EQ(r.status, 1);
  const Rows rows = parse_csv(r.out);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][kErrors].rfind("line 2: payer is not supported yet", 0), 0u) << rows[1][kErrors];
  EXPECT_EQ(rows[2][kUnits], "2");
}

TEST(CliCsv, EngineErrorsPointAtTheRowOrTheVisitField) {
  const CsvRun r = run_cli("evaluate --csv", kHeader +
                                                 "A,2026-03-02,PT,97112,24,\n"
                                                 "A,2026-03-02,,97110,abc,\n"
                                                 "B,2026-03-02,,97112,24,\n");
  EXPECT_EQ(r.status, 1);
  const Rows rows = parse_csv(r.out);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][kErrors], "line 3: minutes must be a number of minutes");
  EXPECT_EQ(rows[2][kErrors].rfind("line 4: discipline is required", 0), 0u) << rows[2][kErrors];
}

// A blank date is an error naming its row, never the date of the visit's other rows (issue 29).
TEST(CliCsv, ABlankDateIsAnErrorNamingItsRow) {
  const CsvRun r = run_cli("evaluate --csv", kHeader +
                                                 "A,2026-03-02,PT,97112,24,\n"
                                                 "A,,PT,97110,23,\n"
                                                 "B,2026-03-02,PT,97112,24,\n");
  EXPECT_EQ(r.status, 1);
  const Rows rows = parse_csv(r.out);
  const auto a = rows_of(rows, "A");
  ASSERT_EQ(a.size(), 1u) << r.out;
  EXPECT_EQ(a[0][kErrors], "line 3: date_of_service is empty: every row needs its visit's date");
  EXPECT_EQ(a[0][kCode], "");
  ASSERT_EQ(rows_of(rows, "B").size(), 1u);
  EXPECT_EQ(rows_of(rows, "B")[0][kUnits], "2");
}

// The open-visit window: a visit whose rows come again after it closed is one error, never a claim of part of it.
TEST(CliCsv, VisitReappearingAfterTheWindowIsAnError) {
  const std::string input =
      kHeader + "A,2026-03-02,PT,97112,24,\nB,2026-03-02,PT,97112,24,\nA,2026-03-02,PT,97110,23,\n";
  EXPECT_EQ(run_cli("evaluate --csv --max-open-visits 2", input).status, 0);
  EXPECT_EQ(run_cli("evaluate --csv --max-open-visits 0", input).status, 0);
  const CsvRun r = run_cli("evaluate --csv --max-open-visits 1", input + "A,2026-03-02,PT,97140,8,\n");
  EXPECT_EQ(r.status, 1);
  const Rows rows = parse_csv(r.out);
  // One error for A, at its place, and no claim line of its first rows (issue 29); B is untouched.
  const auto a = rows_of(rows, "A");
  ASSERT_EQ(a.size(), 1u) << r.out;
  EXPECT_EQ(a[0][kErrors],
            "line 2: visit_id A comes again on line 4, after 1 or more other visits began: no claim "
            "for it, since a visit's rows must come within 1 visits of each other (--max-open-visits "
            "1); sort the rows by visit_id, or raise --max-open-visits (0: no limit)");
  EXPECT_EQ(a[0][kCode], "");
  EXPECT_EQ(rows[1][kId], "A");
  ASSERT_EQ(rows_of(rows, "B").size(), 1u);
  EXPECT_EQ(rows_of(rows, "B")[0][kUnits], "2");
  EXPECT_EQ(run_cli("evaluate --csv --max-open-visits x", input).status, 2);

  // From a pipe (read once, kept in a temporary file for the second reading): the same bytes.
  const std::string path = test_temp_path(".csv");
  std::ofstream(path, std::ios::binary) << input + "A,2026-03-02,PT,97140,8,\n";
  FILE* pipe = popen(("cat " + path + " | " + UNITWISE_CLI_PATH + " evaluate --csv --max-open-visits 1").c_str(), "r");
  std::string piped;
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) piped.append(buffer, n);
  const int raw = pclose(pipe);
  EXPECT_EQ(WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, 1);
  EXPECT_EQ(piped, r.out);

  // Thousands of evaluated visits later, an early visit_id is still recognised; contiguous ones are fine.
  std::string many = kHeader;
  for (int i = 0; i < 3000; ++i) many += "V" + std::to_string(i) + ",2026-03-02,PT,97112,24,\n";
  EXPECT_EQ(run_cli("evaluate --csv --max-open-visits 3", many).status, 0);
  const CsvRun late = run_cli("evaluate --csv --max-open-visits 3", many + "V17,2026-03-02,PT,97110,23,\n");
  EXPECT_EQ(late.status, 1);
  const auto v17 = rows_of(parse_csv(late.out), "V17");
  ASSERT_EQ(v17.size(), 1u);
  EXPECT_EQ(v17[0][kErrors].rfind("line 19: visit_id V17 comes again on line 3002, after 3 or more", 0), 0u)
      << v17[0][kErrors];
}

}  // namespace
