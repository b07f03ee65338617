// The native CLI as a user runs it: exit codes and JSON Lines batches (contract.md "Native CLI").
#include <algorithm>
#include <cstdio>
#include <sys/wait.h>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace {

struct CliRun {
  int status = -1;
  std::string out;
};

// Runs the CLI through the shell with `input` on stdin.
CliRun run_cli(const std::string& args, const std::string& input) {
  // One file per test: ctest runs tests in parallel processes.
  const std::string in_path = testing::TempDir() + "unitwise_cli_" +
                              testing::UnitTest::GetInstance()->current_test_info()->name() + ".txt";
  std::ofstream(in_path, std::ios::binary) << input;
  const std::string command = std::string(UNITWISE_CLI_PATH) + " " + args + " < " + in_path + " 2>/dev/null";
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  const int raw = pclose(pipe);
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return run;
}

const std::string kGood =
    R"({"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97112","minutes":24},{"code":"97110","minutes":23}]})";
const std::string kBad = R"({"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97110","minutes":-1}]})";

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

TEST(Cli, BatchOfValidVisitsExitsZero) { EXPECT_EQ(run_cli("evaluate --batch", kGood + "\n" + kGood + "\n").status, 0); }

// A line that is not JSON is one error result, not the end of the batch.
TEST(Cli, BatchSurvivesGarbageLines) {
  const CliRun r = run_cli("evaluate --batch", "not json\n" + kGood + "\n");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("{\"ok\":false"), std::string::npos);
  EXPECT_NE(r.out.find("{\"ok\":true"), std::string::npos);
}

}  // namespace
