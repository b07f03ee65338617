// `unitwise evaluate --csv` reading its input (docs/batch.md): header columns, RFC 4180 quoting, byte order
// marks and the line numbers errors name.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli_csv.h"

namespace {

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

TEST(CliCsv, MissingOrUnknownColumnIsAUsageErrorExitingTwo) {
  const CsvRun missing = run_cli("evaluate --csv",
                                 "visit_id,date_of_service,discipline,code,assistant_minutes\n"
                                 "A,2026-03-02,PT,97112,\n");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("missing column(s) minutes"), std::string::npos) << missing.err;
  EXPECT_EQ(parse_csv(missing.out).size(), 1u);  // the header only

  const CsvRun unknown = run_cli("evaluate --csv",
                                 "visit_id,date_of_service,discipline,code,minutes,assistant_minutes,"
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
  const std::string text = kHeader +
                           "A,2026-03-02,PT,97112,24,\n\"two\nlines\",2026-03-02,PT,97110,23,\n"
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
  EXPECT_EQ(parse_csv(split.out).back()[kErrors].rfind("line 3: minutes must be between", 0), 0u)
      << split.out.substr(65000);
}

}  // namespace
