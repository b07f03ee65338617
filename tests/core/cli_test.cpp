// The native CLI as a user runs it: exit codes and JSON Lines batches (docs/contract.md "Native CLI").
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "cli_run.h"

namespace {

const std::string kGood =
    R"({"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97112","minutes":24},{"code":"97110","minutes":23}]})";
const std::string kBad =
    R"({"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97110","minutes":-1}]})";

TEST(Cli, ValidVisitPrintsOneResultAndExitsZero) {
  const CliRun r = run_cli("evaluate -", kGood);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.rfind("{\"ok\":true", 0), 0u);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
}

TEST(Cli, InvalidVisitPrintsErrorsAndExitsOne) {
  const CliRun r = run_cli("evaluate", kBad);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("\"path\":\"/services/0/minutes\""), std::string::npos);
}

TEST(Cli, UnknownCommandIsAUsageErrorExitingTwo) {
  EXPECT_EQ(run_cli("frobnicate", "").status, 2);
  EXPECT_EQ(run_cli("evaluate --nope", "").status, 2);
}

TEST(Cli, MissingFileIsAnIoErrorExitingTwo) { EXPECT_EQ(run_cli("evaluate /nonexistent/visit.json", "").status, 2); }

// One result per non-blank line, in order; exit 1 because one visit was invalid.
TEST(Cli, BatchPrintsOneResultPerLine) {
  const CliRun r = run_cli("evaluate --batch", kGood + "\n\n" + kBad + "\n" + kGood);
  EXPECT_EQ(r.status, 1);
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t nl; (nl = r.out.find('\n', start)) != std::string::npos; start = nl + 1) {
    lines.push_back(r.out.substr(start, nl - start));
  }
  // Output line N answers input line N: the blank line gets an error result of its own.
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].rfind("{\"ok\":true", 0), 0u);
  EXPECT_EQ(lines[1].rfind("{\"ok\":false", 0), 0u);
  EXPECT_NE(lines[1].find("is empty"), std::string::npos);
  EXPECT_EQ(lines[2].rfind("{\"ok\":false", 0), 0u);
  EXPECT_EQ(lines[3], lines[0]);
}

TEST(Cli, BatchOfValidVisitsExitsZero) {
  EXPECT_EQ(run_cli("evaluate --batch", kGood + "\n" + kGood + "\n").status, 0);
}

// A line that is not JSON is one error result, not the end of the batch.
TEST(Cli, BatchSurvivesGarbageLines) {
  const CliRun r = run_cli("evaluate --batch", "not json\n" + kGood + "\n");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("{\"ok\":false"), std::string::npos);
  EXPECT_NE(r.out.find("{\"ok\":true"), std::string::npos);
}

// Output that never reached its destination is an error, not a success.
TEST(Cli, AWriteErrorExitsTwo) {
  EXPECT_EQ(run_cli("evaluate", kGood, "> /dev/full").status, 2);
  EXPECT_EQ(run_cli("evaluate --batch", kGood + "\n" + kGood + "\n", "> /dev/full").status, 2);
  EXPECT_EQ(run_cli("catalogue", "", "> /dev/full").status, 2);
}

TEST(Cli, BatchAnswersALastLineWithoutItsNewline) {
  const CliRun r = run_cli("evaluate --batch", kGood + "\n" + kGood);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2);
}

TEST(Cli, CatalogueListsAtLeast75Codes) {
  const CliRun r = run_cli("catalogue", "");
  EXPECT_EQ(r.status, 0);
  std::size_t codes = 0;
  for (std::size_t at = 0; (at = r.out.find("{\"code\":", at)) != std::string::npos; ++at) ++codes;
  EXPECT_GE(codes, 75u);
  for (const char* code : {"97110", "98977", "98985", "98980", "92610", "G0283"}) {
    EXPECT_NE(r.out.find(std::string("{\"code\":\"") + code + "\""), std::string::npos) << code;
  }
}

// import-cms on the CY2025 files, then --data: the same 2025 fees as the built-in data, which the build made
// from the same files with the same code; a bad pack folder is an error naming the file.
TEST(Cli, ImportCmsThenDataReproducesTheBuiltIn2025Fees) {
  const std::string dir = testing::TempDir() + "unitwise_pack_2025";
  const std::string cms = std::string(UNITWISE_CMS_DIR) + "/rvu25d/";
  if (!std::ifstream(cms + "GPCI2025.csv").good())
    GTEST_SKIP() << "no CMS files at '" UNITWISE_CMS_DIR "' (set UNITWISE_CMS_DIR)";
  const CliRun import = run_cli("import-cms --quiet --out " + dir + " " + cms + "PPRRVU2025_Oct.csv " + cms +
                                    "GPCI2025.csv " + cms + "25LOCCO.csv",
                                "");
  ASSERT_EQ(import.status, 0);
  const std::string visits =
      R"({"dateOfService":"2025-11-03","discipline":"PT","locality":"06302-00","services":[{"code":"97110","minutes":38},{"code":"97530","minutes":24}]})"
      "\n"
      R"({"dateOfService":"2025-12-30","discipline":"SLP","locality":"01112-05","services":[{"code":"92507"},{"code":"92526"}]})"
      "\n";
  const CliRun with = run_cli("evaluate --batch --data " + dir, visits);
  const CliRun without = run_cli("evaluate --batch", visits);
  ASSERT_EQ(with.status, 0);
  auto fees = [](const std::string& out) {
    std::string all;
    for (std::size_t at = 0; (at = out.find("\"fee\":", at)) != std::string::npos; ++at) {
      all += out.substr(at, out.find("\"lines\"", at) - at);
    }
    return all;
  };
  EXPECT_FALSE(fees(with.out).empty());
  EXPECT_EQ(fees(with.out), fees(without.out));
  EXPECT_NE(with.out.find("\"effective\":\"2025-10-01\""), std::string::npos);  // the pack's release was used
  EXPECT_NE(run_cli("version --data " + dir, "").out.find("CY2025, October release"), std::string::npos);
  EXPECT_EQ(run_cli("evaluate --data /nonexistent", kGood).status, 2);
}

TEST(Cli, LocalitiesTakeADateOrAYear) {
  const CliRun by_year = run_cli("localities 2025", "");
  EXPECT_EQ(by_year.status, 0);
  EXPECT_EQ(by_year.out, run_cli("localities 2025-07-01", "").out);
  EXPECT_NE(by_year.out.find("\"id\":\"03102-00\""), std::string::npos);  // all 109 localities in 2025 too
  EXPECT_EQ(run_cli("localities 2025-02-30", "").status, 2);
}

TEST(Cli, ImportCmsRefusesAFileItDoesNotKnow) {
  const std::string path = testing::TempDir() + "unitwise_not_cms.csv";
  std::ofstream(path) << "a,b\n1,2\n";
  EXPECT_EQ(run_cli("import-cms --out " + testing::TempDir() + "unitwise_never " + path, "").status, 1);
  EXPECT_EQ(run_cli("import-cms " + path, "").status, 2);  // no --out
}

}  // namespace
