// `unitwise episode [--data DIR]... [FILE|-]` as a user runs it: exit status, file or standard input, usage.
#include <fstream>

#include <gtest/gtest.h>

#include "cli_run.h"
#include "unitwise/episode.h"

namespace {

const std::string kEpisode = R"({"planOfCare":{"discipline":"PT","start":"2026-01-05"},"priorSpend":{"ptSlp":2400},)"
                             R"("visits":[{"dateOfService":"2026-01-05","services":[{"code":"97110","minutes":30}]},)"
                             R"({"dateOfService":"2026-01-07","services":[{"code":"97110","minutes":30}]}]})";

TEST(CliEpisode, StandardInputGivesTheEnginesResultOnOneLine) {
  const CliRun run = run_cli("episode -", kEpisode);
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, unitwise::evaluate_episode_json(kEpisode) + "\n");
  EXPECT_NE(run.out.find(R"("kind":"kx-threshold")"), std::string::npos);
  EXPECT_EQ(run_cli("episode", kEpisode).out, run.out);  // no argument: standard input
}

TEST(CliEpisode, AFileArgument) {
  const std::string path = test_temp_path(".json");
  std::ofstream(path) << kEpisode;
  const CliRun run = run_cli("episode " + path, "");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, unitwise::evaluate_episode_json(kEpisode) + "\n");
}

TEST(CliEpisode, AnInvalidEpisodeExitsOne) {
  const CliRun run = run_cli("episode -", R"({"visits":[]})");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out.rfind(R"({"ok":false,"visits":[],)", 0), 0u) << run.out;
}

TEST(CliEpisode, UsageAndIoErrorsExitTwo) {
  EXPECT_EQ(run_cli("episode a.json b.json", "").status, 2);
  EXPECT_EQ(run_cli("episode --batch -", "").status, 2);
  const CliRun missing = run_cli("episode /nonexistent/episode.json", "");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("cannot read"), std::string::npos);
  EXPECT_EQ(run_cli("episode --data /nonexistent/pack -", kEpisode).status, 2);
  EXPECT_EQ(run_cli("episode -", kEpisode, "> /dev/full").status, 2);
  EXPECT_NE(run_cli("--help", "").out.find("unitwise episode"), std::string::npos);
}

}  // namespace
