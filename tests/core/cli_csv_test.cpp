// `unitwise evaluate --csv` as a user runs it (docs/batch.md): quoting, grouping, line numbers, exit
// codes, and agreement with the JSON Lines `--batch` on every claim line of 300 random visits.
#include <csv.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "cli_run.h"

namespace {

using nlohmann::json;
using Rows = std::vector<std::vector<std::string>>;

using CsvRun = CliRun;

// The output read back with libcsv, the same RFC 4180 reader the CLI uses.
Rows parse_csv(const std::string& text) {
  struct State {
    Rows rows;
    std::vector<std::string> row;
  } state;
  csv_parser p{};
  csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
  auto on_field = [](void* data, std::size_t size, void* s) {
    static_cast<State*>(s)->row.emplace_back(static_cast<const char*>(data), size);
  };
  auto on_row = [](int, void* s) {
    auto* st = static_cast<State*>(s);
    st->rows.push_back(std::move(st->row));
    st->row.clear();
  };
  EXPECT_EQ(csv_parse(&p, text.data(), text.size(), on_field, on_row, &state), text.size());
  EXPECT_EQ(csv_fini(&p, on_field, on_row, &state), 0);
  csv_free(&p);
  return state.rows;
}

const std::string kHeader = "visit_id,date_of_service,discipline,code,minutes,assistant_minutes\n";
const std::vector<std::string> kOutHeader = {"visit_id", "line", "code",     "units", "modifiers",
                                             "allowed",  "edits", "warnings", "errors"};

// Output columns.
enum { kId, kLine, kCode, kUnits, kModifiers, kAllowed, kEdits, kWarnings, kErrors };

std::vector<std::vector<std::string>> rows_of(const Rows& rows, const std::string& id) {
  std::vector<std::vector<std::string>> out;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i][kId] == id) out.push_back(rows[i]);
  }
  return out;
}

TEST(CliCsv, TwoVisitsGiveTheirClaimLines) {
  const CsvRun r = run_cli("evaluate --csv -", kHeader +
                                                "A,2026-03-02,PT,97112,24,\n"
                                                "A,2026-03-02,PT,97110,23,\n"
                                                "B,2026-03-02,OT,97530,40,10\n");
  EXPECT_EQ(r.status, 0) << r.err;
  const Rows rows = parse_csv(r.out);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0], kOutHeader);
  // The built-in NCCI pair table is of 2024-07-01, so a 2026 visit is told it may be stale (docs/data.md).
  EXPECT_EQ(rows[1], (std::vector<std::string>{"A", "1", "97112", "2", "GP", "57.62", "", "table-may-be-stale", ""}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"A", "2", "97110", "1", "GP", "22.21", "", "", ""}));
  // A code split between therapist and assistant: the non-CO line first (result-and-vectors.md).
  EXPECT_EQ(rows[3], (std::vector<std::string>{"B", "1", "97530", "2", "GO", "60.12", "", "table-may-be-stale", ""}));
  EXPECT_EQ(rows[4], (std::vector<std::string>{"B", "2", "97530", "1", "GO CO", "21.29", "", "", ""}));
}

// The days column reaches the engine's device-supply bands (issue 27): 98985 is for 2-15 days of data, so 20
// days billed as 98985 is warned toward 98977; within its band, no warning.
TEST(CliCsv, TheDaysColumnChecksTheDeviceSupplyBands) {
  const CsvRun r = run_cli("evaluate --csv -", "visit_id,date_of_service,discipline,code,minutes,assistant_minutes,days\n"
                                               "A,2026-03-02,PT,98985,,,20\n"
                                               "B,2026-03-02,PT,98985,,,10\n");
  EXPECT_EQ(r.status, 0) << r.err;
  const Rows rows = parse_csv(r.out);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_NE(rows[1][kWarnings].find("rtm-other-code"), std::string::npos) << rows[1][kWarnings];
  EXPECT_EQ(rows[2][kWarnings].find("rtm-other-code"), std::string::npos) << rows[2][kWarnings];
}

// Columns in any order, optional ones included, and an input FILE argument.
TEST(CliCsv, ColumnsInAnyOrderAndAFileArgument) {
  const std::string path = test_temp_path(".csv");
  std::ofstream(path, std::ios::binary) << "Code,minutes,Visit_ID,assistant_minutes,setting,locality,discipline,"
                                           "date_of_service,payer,place_of_service,distinct_service\n"
                                           "97112,24,A,,nonfacility,national,PT,2026-03-02,,,\n";
  const CsvRun r = run_cli("evaluate --csv " + path, "");
  EXPECT_EQ(r.status, 0) << r.err;
  const Rows rows = parse_csv(r.out);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][kCode], "97112");
  EXPECT_EQ(rows[1][kUnits], "2");
}

// RFC 4180: commas, doubled quotes and line breaks inside quoted fields, in and out.
TEST(CliCsv, QuotedFieldsAreReadAndWrittenPerRfc4180) {
  const CsvRun r = run_cli("evaluate --csv", kHeader +
                                              "\"Smith, J \"\"Jr\"\"\",2026-03-02,PT,97112,\"24\",\n"
                                              "\"two\nlines\",\"2026-03-02\",\"PT\",\"97110\",23,\"\"\n"
                                              "\"Smith, J \"\"Jr\"\"\",2026-03-02,PT,97110,23,\n");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"Smith, J \"\"Jr\"\"\",1,97112"), std::string::npos) << r.out;
  const Rows rows = parse_csv(r.out);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1][kId], "Smith, J \"Jr\"");
  EXPECT_EQ(rows[2][kId], "Smith, J \"Jr\"");
  EXPECT_EQ(rows[2][kCode], "97110");
  EXPECT_EQ(rows[3][kId], "two\nlines");
}

// CSV injection (OWASP): a cell a spreadsheet would run as a formula is written with a leading ', in claim rows
// and error rows alike; no output cell starts with = + - @, a tab or a CR. A ' first gets one more: reversible.
TEST(CliCsv, FormulaCellsAreWrittenAsText) {
  const std::vector<std::string> ids = {"=HYPERLINK(\"http://x.test\",\"y\")", "+cmd|' /C calc'!A0", "-2+3",
                                        "@SUM(1+1)", "\tTAB", "\rCR", "'quoted"};
  std::string input = kHeader;
  for (const std::string& id : ids) {
    std::string quoted = "\"";
    for (const char c : id) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    input += quoted + "\",2026-03-02,PT,97112,24,\n";
  }
  input += "\"=1+1\",2026-03-02,PT,97112,twenty,\n";  // an invalid visit: its error row too
  const CsvRun r = run_cli("evaluate --csv", input);
  EXPECT_EQ(r.status, 1) << r.err;
  const Rows rows = parse_csv(r.out);
  ASSERT_EQ(rows.size(), ids.size() + 2) << r.out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(rows[i + 1][kId], "'" + ids[i]);
    EXPECT_EQ(rows[i + 1][kUnits], "2");
  }
  EXPECT_EQ(rows.back()[kId], "'=1+1");
  EXPECT_EQ(rows.back()[kErrors].rfind("line 10: minutes must be a number", 0), 0u) << rows.back()[kErrors];
  for (const auto& row : rows) {
    for (const std::string& cell : row) {
      EXPECT_TRUE(cell.empty() || std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos) << cell;
    }
  }
}

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
  EXPECT_EQ(rows[1][kErrors], "line 3: date_of_service \"2026-03-03\" conflicts with \"2026-03-02\" on line 2 of the "
                              "same visit");
  EXPECT_EQ(rows[2][kErrors], "line 4: 4 fields, but the header has 6");
  EXPECT_EQ(rows[3][kErrors], "line 5: visit_id is empty");
  EXPECT_EQ(rows[4][kId], "C");
  EXPECT_EQ(rows[4][kErrors].rfind("line 6: malformed CSV quoting", 0), 0u) << rows[4][kErrors];
  EXPECT_EQ(rows[5][kId], "D");  // parsing resumes on the next line
  EXPECT_EQ(rows[5][kUnits], "2");
}

TEST(CliCsv, FutureVisitFieldsAreRefusedNotGuessed) {
  const CsvRun r = run_cli("evaluate --csv", "visit_id,date_of_service,discipline,code,minutes,assistant_minutes,payer\n"
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

TEST(CliCsv, MissingOrUnknownColumnIsAUsageErrorExitingTwo) {
  const CsvRun missing = run_cli("evaluate --csv", "visit_id,date_of_service,discipline,code,minutes\n"
                                                "A,2026-03-02,PT,97112,24\n");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("missing column(s) assistant_minutes"), std::string::npos) << missing.err;
  EXPECT_EQ(parse_csv(missing.out).size(), 1u);  // the header only

  const CsvRun unknown = run_cli("evaluate --csv", "visit_id,date_of_service,discipline,code,minutes,assistant_minutes,"
                                                "localty\n");
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("unknown column \"localty\""), std::string::npos) << unknown.err;

  EXPECT_EQ(run_cli("evaluate --csv", "").status, 2);
  EXPECT_EQ(run_cli("evaluate --csv --batch", kHeader).status, 2);
  EXPECT_EQ(run_cli("evaluate --csv /nonexistent/visits.csv", "").status, 2);
}

TEST(CliCsv, HeaderOnlyIsAnEmptyBatchExitingZero) {
  const CsvRun r = run_cli("evaluate --csv", kHeader);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(parse_csv(r.out).size(), 1u);
}

const std::string kBody = "A,2026-03-02,PT,97112,24,\nB,2026-03-02,OT,97530,40,10\nA,2026-03-02,PT,97110,23,\n";

TEST(CliCsv, ByteOrderMarkIsSkipped) {
  const CsvRun plain = run_cli("evaluate --csv", kHeader + kBody);
  const CsvRun bom = run_cli("evaluate --csv", "\xEF\xBB\xBF" + kHeader + kBody);
  EXPECT_EQ(bom.status, 0) << bom.err;
  EXPECT_EQ(bom.out, plain.out);
}

TEST(CliCsv, CrLfLineEndsReadAsLf) {
  std::string crlf;
  for (const char c : kHeader + kBody) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const CsvRun plain = run_cli("evaluate --csv", kHeader + kBody);
  const CsvRun windows = run_cli("evaluate --csv", crlf + "\r\n,,,,,\r\n");  // blank rows at the end are skipped
  EXPECT_EQ(windows.status, 0) << windows.err;
  EXPECT_EQ(windows.out, plain.out);
  // Line numbers stay physical lines.
  const CsvRun bad = run_cli("evaluate --csv", crlf + "C,2026-03-02,PT,97110,-4,\r\n");
  EXPECT_NE(bad.out.find("line 5: minutes must be between 0 and"), std::string::npos) << bad.out;
}

// A CR alone ends a line too (old Mac exports): every error said "line 1" (issue 29). Also a CR inside a quoted
// field, and a CRLF that the CLI's 64 KiB reads split between its CR and its LF.
TEST(CliCsv, LineNumbersCountLfCrLfAndCrAlone) {
  const std::string text = kHeader + "A,2026-03-02,PT,97112,24,\n\"two\nlines\",2026-03-02,PT,97110,23,\n"
                                     "C,2026-03-02,PT,97110,-4,\n";
  for (const std::string eol : {"\n", "\r\n", "\r"}) {
    std::string input;
    for (const char c : text) input += c == '\n' ? eol : std::string(1, c);
    const CsvRun r = run_cli("evaluate --csv", input);
    EXPECT_EQ(r.status, 1) << r.err;
    const Rows rows = parse_csv(r.out);
    ASSERT_EQ(rows.size(), 4u) << r.out;
    EXPECT_EQ(rows[3][kErrors].rfind("line 5: minutes must be between 0 and", 0), 0u) << rows[3][kErrors];
  }
  std::string padded = "visit_id,date_of_service,discipline,code,minutes,assistant_minutes\r\n";
  const std::string rest = ",2026-03-02,PT,97112,24,";
  padded += std::string(65535 - padded.size() - rest.size(), 'v') + rest;  // its CR is the read's last byte
  ASSERT_EQ(padded.size(), 65535u);
  padded += "\r\nC,2026-03-02,PT,97110,-4,\r\n";
  const CsvRun split = run_cli("evaluate --csv", padded);
  EXPECT_EQ(parse_csv(split.out).back()[kErrors].rfind("line 3: minutes must be between", 0), 0u) << split.out.substr(65000);
}

// The open-visit window: a visit whose rows come again after it closed is one error, never a claim of part of it.
TEST(CliCsv, VisitReappearingAfterTheWindowIsAnError) {
  const std::string input = kHeader + "A,2026-03-02,PT,97112,24,\nB,2026-03-02,PT,97112,24,\nA,2026-03-02,PT,97110,23,\n";
  EXPECT_EQ(run_cli("evaluate --csv --max-open-visits 2", input).status, 0);
  EXPECT_EQ(run_cli("evaluate --csv --max-open-visits 0", input).status, 0);
  const CsvRun r = run_cli("evaluate --csv --max-open-visits 1", input + "A,2026-03-02,PT,97140,8,\n");
  EXPECT_EQ(r.status, 1);
  const Rows rows = parse_csv(r.out);
  // One error for A, at its place, and no claim line of its first rows (issue 29); B is untouched.
  const auto a = rows_of(rows, "A");
  ASSERT_EQ(a.size(), 1u) << r.out;
  EXPECT_EQ(a[0][kErrors], "line 2: visit_id A comes again on line 4, after 1 or more other visits began: no claim "
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

TEST(CliCsv, WriteErrorExitsTwo) {
  const CsvRun r = run_cli("evaluate --csv", kHeader + kBody, ">/dev/full");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("cannot write"), std::string::npos) << r.err;
}

// 300 seeded random visits, their rows shuffled across visits (order within a visit kept): every claim
// line of --csv equals the --batch result of the same visit as JSON: code, units, modifiers, allowed.
TEST(CliCsv, AgreesWithJsonBatchOnEveryLineOf300RandomVisits) {
  std::mt19937 rng(20261123);  // mt19937's sequence is fixed by the standard; distributions are not: use raw draws
  const auto below = [&](unsigned n) { return static_cast<int>(rng() % n); };
  const auto pick = [&](const std::vector<std::string>& list) { return list[static_cast<std::size_t>(below(static_cast<unsigned>(list.size())))]; };
  const std::vector<std::string> timed = {"97110", "97112", "97116", "97140", "97530", "97535", "97035", "97032", "97750", "97129"};
  const std::vector<std::string> untimed = {"97161", "97164", "97165", "97150", "G0283", "97010", "97014", "92507", "92526", "97012"};
  const std::vector<std::string> localities = {"", "national", "13202-01", "01112-05", "04412-99", "10112-00", "06302-00"};

  struct Row {
    std::string id, date, discipline, code, minutes, assistant, locality, setting;
  };
  std::vector<std::vector<Row>> visits;
  std::string jsonl;
  for (int v = 0; v < 300; ++v) {
    const std::string id = v % 7 == 0 ? "v " + std::to_string(v) + ", \"quoted\"" : "v" + std::to_string(v);
    json visit = {{"dateOfService", (below(2) ? "2025" : "2026") + std::string("-0") + std::to_string(1 + below(9)) + "-1" + std::to_string(below(10))},
                  {"discipline", pick({"PT", "PT", "OT", "SLP"})}};
    const std::string locality = pick(localities);
    const std::string setting = pick({"", "", "facility", "nonfacility"});
    if (!locality.empty()) visit["locality"] = locality;
    if (!setting.empty()) visit["setting"] = setting;
    std::vector<Row> rows;
    for (int n = 1 + below(5); n > 0; --n) {
      const bool is_timed = below(4) != 0;
      json service = {{"code", pick(is_timed ? timed : untimed)}};
      Row row{id, visit["dateOfService"].get<std::string>(), visit["discipline"].get<std::string>(),
              service["code"].get<std::string>(), "", "", locality, setting};
      if (is_timed || below(2)) {
        const int minutes = below(71);
        service["minutes"] = minutes;
        row.minutes = std::to_string(minutes);
        if (below(10) < 3) {
          service["assistantMinutes"] = below(static_cast<unsigned>(minutes) + 1);
          row.assistant = std::to_string(service["assistantMinutes"].get<int>());
        }
      }
      visit["services"].push_back(service);
      rows.push_back(row);
    }
    if (below(100) < 8) {  // invalid on purpose, as the engine sees it
      rows[0].minutes = pick({"-3", "5000", "12.5"});
      visit["services"][0]["minutes"] = json::parse(rows[0].minutes);
    }
    jsonl += visit.dump() + "\n";
    visits.push_back(rows);
  }

  // Interleave: take the next row of a random one of the first few unfinished visits.
  const auto quote = [](const std::string& s) {
    std::string out = "\"";
    for (const char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  std::string csv = "setting,visit_id,code,minutes,assistant_minutes,date_of_service,discipline,locality\n";
  std::vector<std::size_t> next(visits.size(), 0);
  std::vector<std::size_t> unfinished;
  std::size_t opened = 0;
  std::vector<std::string> first_appearance;
  while (opened < visits.size() || !unfinished.empty()) {
    while (unfinished.size() < 6 && opened < visits.size()) unfinished.push_back(opened++);
    const std::size_t k = static_cast<std::size_t>(below(static_cast<unsigned>(unfinished.size())));
    const std::size_t v = unfinished[k];
    const Row& r = visits[v][next[v]];
    if (next[v] == 0) first_appearance.push_back(r.id);
    csv += r.setting + "," + quote(r.id) + "," + r.code + "," + r.minutes + "," + r.assistant + "," + r.date + "," +
           r.discipline + "," + (below(2) ? quote(r.locality) : r.locality) + "\n";
    if (++next[v] == visits[v].size()) unfinished.erase(unfinished.begin() + static_cast<std::ptrdiff_t>(k));
  }

  const CsvRun batch = run_cli("evaluate --batch", jsonl);
  const CsvRun table = run_cli("evaluate --csv", csv);
  EXPECT_EQ(batch.status, 1);  // some visits are invalid on purpose
  EXPECT_EQ(table.status, 1) << table.err;
  const Rows rows = parse_csv(table.out);

  std::vector<std::string> order;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (order.empty() || order.back() != rows[i][kId]) order.push_back(rows[i][kId]);
  }
  EXPECT_EQ(order, first_appearance);

  std::size_t start = 0, compared = 0, invalid = 0;
  for (std::size_t v = 0; v < visits.size(); ++v) {
    const std::size_t nl = batch.out.find('\n', start);
    ASSERT_NE(nl, std::string::npos);
    const json result = json::parse(batch.out.substr(start, nl - start));
    start = nl + 1;
    const auto got = rows_of(rows, visits[v][0].id);
    SCOPED_TRACE("visit " + visits[v][0].id);
    if (!result["ok"].get<bool>()) {
      ++invalid;
      ASSERT_EQ(got.size(), result["errors"].size());
      for (const auto& row : got) EXPECT_NE(row[kErrors], "");
      continue;
    }
    // Denied lines are not claim lines (docs/rules.md §D): the CSV leaves them out and names them on the first row.
    std::vector<json> claim;
    std::size_t denied = 0;
    for (const json& line : result["lines"]) {
      if (line.contains("denied")) ++denied;
      else claim.push_back(line);
    }
    if (claim.empty()) {
      ASSERT_EQ(got.size(), 1u);
      EXPECT_EQ(got[0][kCode], "");
      continue;
    }
    ASSERT_EQ(got.size(), claim.size());
    if (denied > 0) {
      EXPECT_NE(got[0][kEdits].find("denied "), std::string::npos);
    }
    for (std::size_t i = 0; i < got.size(); ++i) {
      const json& line = claim[i];
      std::string modifiers;
      for (const json& m : line["modifiers"]) modifiers += (modifiers.empty() ? "" : " ") + m.get<std::string>();
      char allowed[32];
      std::snprintf(allowed, sizeof allowed, "%.2f", line["allowed"].get<double>());
      EXPECT_EQ(got[i][kLine], std::to_string(i + 1));
      EXPECT_EQ(got[i][kCode], line["code"].get<std::string>());
      EXPECT_EQ(got[i][kUnits], std::to_string(line["units"].get<int>()));
      EXPECT_EQ(got[i][kModifiers], modifiers);
      EXPECT_EQ(got[i][kAllowed], allowed);
      EXPECT_EQ(got[i][kErrors], "");
      ++compared;
    }
  }
  EXPECT_GT(compared, 500u);
  EXPECT_GT(invalid, 10u);
}

}  // namespace
