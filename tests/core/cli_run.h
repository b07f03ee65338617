// Runs the native CLI as a user does, through the shell, for the CLI suites.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>

struct CliRun {
  int status = -1;
  std::string out;
  std::string err;
};

// A file named after the running test: ctest runs tests in parallel processes.
inline std::string test_temp_path(const std::string& suffix) {
  return testing::TempDir() + "unitwise_" + testing::UnitTest::GetInstance()->current_test_info()->name() + suffix;
}

// `unitwise ARGS < input`; `redirect` (e.g. "> /dev/full") replaces the capture of standard output.
inline CliRun run_cli(const std::string& args, const std::string& input, const std::string& redirect = "") {
  const std::string in_path = test_temp_path(".in");
  const std::string err_path = test_temp_path(".err");
  std::ofstream(in_path, std::ios::binary) << input;
  const std::string command =
      std::string(UNITWISE_CLI_PATH) + " " + args + " < " + in_path + " 2>" + err_path + " " + redirect;
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  const int raw = pclose(pipe);
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  std::ifstream err(err_path, std::ios::binary);
  run.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
  return run;
}
