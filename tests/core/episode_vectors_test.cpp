// Every episode vector (tests/vectors/episodes/*.json) through evaluate_episode_json; the node suite runs the
// same files through the wasm package (tests/node/episodes.test.mjs). Format: docs/episodes.md.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "unitwise/episode.h"

namespace unitwise {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::vector<fs::path> episode_vector_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(UNITWISE_VECTORS_DIR) / "episodes")) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

json read_json(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

long cents(const json& n) { return std::lround(n.get<double>() * 100); }

// The expected keys of one bucket summary: null and whole numbers as given, money in cents.
void check_bucket(const std::string& where, const json& expected, const json& actual) {
  for (auto it = expected.begin(); it != expected.end(); ++it) {
    ASSERT_TRUE(actual.contains(it.key())) << where << "/" << it.key();
    const json& a = actual[it.key()];
    if (it->is_null() || it.key() == "crossedAtVisit" || it.key() == "year") {
      EXPECT_EQ(a, *it) << where << "/" << it.key();
    } else {
      EXPECT_EQ(cents(a), cents(*it)) << where << "/" << it.key();
    }
  }
}

void check_vector(const json& vector, const json& result) {
  const json& expect = vector["expect"];
  EXPECT_EQ(result["ok"], expect["ok"]);
  EXPECT_EQ(result["ok"].get<bool>(), result["errors"].empty());
  if (expect.contains("errors")) {
    std::vector<std::string> paths;
    for (const auto& e : result["errors"]) paths.push_back(e["path"]);
    EXPECT_EQ(paths, expect["errors"].get<std::vector<std::string>>());
  }
  if (expect.contains("alerts")) {
    const json& alerts = result["alerts"];
    ASSERT_EQ(alerts.size(), expect["alerts"].size()) << alerts.dump(1);
    for (std::size_t i = 0; i < alerts.size(); ++i) {
      const json& want = expect["alerts"][i];
      EXPECT_EQ(alerts[i]["visit"], want["visit"]) << alerts[i].dump();
      EXPECT_EQ(alerts[i]["kind"], want["kind"]) << alerts[i].dump();
      EXPECT_FALSE(alerts[i]["message"].get<std::string>().empty());
      if (want.contains("messageContains")) {
        EXPECT_NE(alerts[i]["message"].get<std::string>().find(want["messageContains"].get<std::string>()),
                  std::string::npos)
            << alerts[i]["message"];
      }
      if (want.contains("sourceContains")) {
        EXPECT_NE(alerts[i]["source"].get<std::string>().find(want["sourceContains"].get<std::string>()),
                  std::string::npos)
            << alerts[i]["source"];
      }
    }
  }
  if (expect.contains("lines")) {
    for (auto it = expect["lines"].begin(); it != expect["lines"].end(); ++it) {
      const json& lines = result["visits"][std::stoul(it.key())]["lines"];
      ASSERT_EQ(lines.size(), it->size()) << "visit " << it.key();
      for (std::size_t i = 0; i < lines.size(); ++i) {
        for (const char* key : {"code", "units", "modifiers"}) {
          if ((*it)[i].contains(key)) {
            EXPECT_EQ(lines[i][key], (*it)[i][key]) << "visit " << it.key() << " line " << i;
          }
        }
      }
    }
  }
  for (const char* group : {"kx", "review"}) {
    if (!expect.contains(group)) continue;
    for (auto it = expect[group].begin(); it != expect[group].end(); ++it) {
      check_bucket(std::string(group) + "/" + it.key(), *it, result[group][it.key()]);
    }
  }
}

TEST(EpisodeVectors, EveryVectorHoldsAndEveryAlertKindIsCovered) {
  std::set<std::string> kinds;
  int count = 0;
  for (const fs::path& file : episode_vector_files()) {
    SCOPED_TRACE(file.filename().string());
    const json vector = read_json(file);
    ASSERT_TRUE(vector.contains("id") && vector.contains("title") && vector.contains("source"));
    const std::string text =
        vector.contains("rawEpisode") ? vector["rawEpisode"].get<std::string>() : vector["episode"].dump();
    const json result = json::parse(evaluate_episode_json(text));
    check_vector(vector, result);
    for (const auto& a : result["alerts"]) kinds.insert(a["kind"]);
    ++count;
  }
  EXPECT_GE(count, 12);
  EXPECT_EQ(kinds, (std::set<std::string>{"kx-threshold", "medical-review", "progress-report-due",
                                          "recertification-due", "rtm-window"}));
}

}  // namespace
}  // namespace unitwise
