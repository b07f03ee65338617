// The episode parser (docs/episodes.md): each bad input is an error with its JSON pointer, nothing guessed.
#include "json/episode_json.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace unitwise {
namespace {

using nlohmann::json;

EpisodeParse parse(const std::string& text) { return parse_episode(text, ReferenceData::builtin()); }

json visit(const char* date, int minutes = 30) {
  return json{{"dateOfService", date}, {"services", json::array({json{{"code", "97110"}, {"minutes", minutes}}})}};
}

json episode() {
  return json{
      {"planOfCare", {{"discipline", "PT"}, {"start", "2026-01-05"}, {"certifiedThrough", "2026-04-04"}}},
      {"priorSpend", {{"ptSlp", 1500.00}, {"ot", 0}}},
      {"visits", json::array({visit("2026-01-05"), visit("2026-01-07"), visit("2026-01-09"), visit("2026-01-12")})}};
}

std::vector<std::string> paths(const EpisodeParse& p) {
  std::vector<std::string> out;
  for (const auto& e : p.errors) out.push_back(e.path);
  return out;
}

TEST(EpisodeJson, AGoodEpisodeParses) {
  const EpisodeParse p = parse(episode().dump());
  ASSERT_TRUE(p.errors.empty()) << p.errors[0].path << ": " << p.errors[0].message;
  ASSERT_TRUE(p.episode);
  EXPECT_EQ(p.episode->plan.discipline, Discipline::PT);
  EXPECT_EQ(date_key(p.episode->plan.start), 20260105);
  EXPECT_EQ(date_key(*p.episode->plan.certified_through), 20260404);
  EXPECT_EQ(p.episode->prior_pt_slp, 150000);
  ASSERT_EQ(p.episode->visits.size(), 4u);
  EXPECT_EQ(p.episode->visits[0].visit.discipline, Discipline::PT);  // from the plan
}

TEST(EpisodeJson, VisitsOutOfDateOrder) {
  json e = episode();
  e["visits"][3]["dateOfService"] = "2026-01-06";
  EXPECT_EQ(paths(parse(e.dump())), std::vector<std::string>{"/visits/3/dateOfService"});
}

TEST(EpisodeJson, AVisitUnderAnotherDiscipline) {
  json e = episode();
  e["visits"][2]["discipline"] = "OT";
  EXPECT_EQ(paths(parse(e.dump())), std::vector<std::string>{"/visits/2/discipline"});
}

TEST(EpisodeJson, NegativePriorSpend) {
  json e = episode();
  e["priorSpend"]["ptSlp"] = -1;
  EXPECT_EQ(paths(parse(e.dump())), std::vector<std::string>{"/priorSpend/ptSlp"});
}

TEST(EpisodeJson, UnknownKeysAtEveryLevel) {
  json e = episode();
  e["patient"] = "x";
  e["planOfCare"]["frequency"] = 3;
  e["priorSpend"]["slp"] = 0;
  e["visits"][1]["note"] = "y";
  EXPECT_EQ(paths(parse(e.dump())),
            (std::vector<std::string>{"/patient", "/planOfCare/frequency", "/priorSpend/slp", "/visits/1/note"}));
}

TEST(EpisodeJson, AVisitsOwnErrorsCarryItsPath) {
  json e = episode();
  e["visits"][1]["services"][0]["minutes"] = -5;
  EXPECT_EQ(paths(parse(e.dump())), std::vector<std::string>{"/visits/1/services/0/minutes"});
}

TEST(EpisodeJson, AllErrorsTogether) {
  json e = episode();
  e["priorSpend"]["ptSlp"] = -1;
  e["visits"][1]["services"][0]["minutes"] = -5;
  e["visits"][2]["discipline"] = "OT";
  e["visits"][3]["dateOfService"] = "2026-01-06";
  EXPECT_EQ(paths(parse(e.dump())), (std::vector<std::string>{"/priorSpend/ptSlp", "/visits/1/services/0/minutes",
                                                              "/visits/2/discipline", "/visits/3/dateOfService"}));
}

TEST(EpisodeJson, ProgressReportIsAcceptedInAnEpisodeVisit) {
  json e = episode();
  e["visits"][2]["progressReport"] = true;
  const EpisodeParse p = parse(e.dump());
  ASSERT_TRUE(p.episode);
  EXPECT_TRUE(p.episode->visits[2].progress_report);
  EXPECT_FALSE(p.episode->visits[1].progress_report);
  e["visits"][2]["progressReport"] = "yes";
  EXPECT_EQ(paths(parse(e.dump())), std::vector<std::string>{"/visits/2/progressReport"});
}

TEST(EpisodeJson, YtdAllowedIsTheEpisodesToCompute) {
  json e = episode();
  e["visits"][0]["ytdAllowed"] = {{"PT_SLP", 100}};
  EXPECT_EQ(paths(parse(e.dump())), std::vector<std::string>{"/visits/0/ytdAllowed"});
}

TEST(EpisodeJson, EpisodeLevelFieldsApplyToEveryVisitAndAVisitsOwnWins) {
  json e = episode();
  e["setting"] = "facility";
  e["locality"] = "national";
  e["visits"][1]["setting"] = "nonfacility";
  const EpisodeParse p = parse(e.dump());
  ASSERT_TRUE(p.episode);
  EXPECT_EQ(p.episode->visits[0].visit.setting, Setting::Facility);
  EXPECT_EQ(p.episode->visits[1].visit.setting, Setting::NonFacility);
  EXPECT_EQ(p.episode->visits[3].visit.setting, Setting::Facility);
}

// An error in a field the visits took from the episode is reported once, at the episode's field.
TEST(EpisodeJson, AnInheritedFieldsErrorPointsAtTheEpisode) {
  json e = episode();
  e["setting"] = "hospital";
  EXPECT_EQ(paths(parse(e.dump())), std::vector<std::string>{"/setting"});
  e["visits"][0]["setting"] = "clinic";
  EXPECT_EQ(paths(parse(e.dump())), (std::vector<std::string>{"/setting", "/visits/0/setting"}));
}

TEST(EpisodeJson, PlanOfCareIsRequiredAndChecked) {
  json e = episode();
  e.erase("planOfCare");
  EXPECT_EQ(paths(parse(e.dump())), std::vector<std::string>{"/planOfCare"});
  e = episode();
  e["planOfCare"]["discipline"] = "PTA";
  e["planOfCare"]["start"] = "2026-02-30";
  EXPECT_EQ(paths(parse(e.dump())), (std::vector<std::string>{"/planOfCare/discipline", "/planOfCare/start"}));
  e = episode();
  e["planOfCare"]["certifiedThrough"] = "2026-01-01";
  EXPECT_EQ(paths(parse(e.dump())), std::vector<std::string>{"/planOfCare/certifiedThrough"});
}

// With the plan's discipline unknown, a visit that takes it is not checked against a guessed one.
TEST(EpisodeJson, AnUnknownPlanDisciplineIsOneError) {
  json e = episode();
  e["planOfCare"]["discipline"] = "Speech";
  for (auto& v : e["visits"]) v["services"] = json::array({json{{"code", "92507"}}});
  EXPECT_EQ(paths(parse(e.dump())), std::vector<std::string>{"/planOfCare/discipline"});
  e["visits"][1]["services"][0]["minutes"] = -1;
  e["visits"][2]["discipline"] = "SLP";
  e["visits"][2]["services"][0]["minutes"] = -1;
  EXPECT_EQ(paths(parse(e.dump())),
            (std::vector<std::string>{"/planOfCare/discipline", "/visits/2/services/0/minutes"}));
}

TEST(EpisodeJson, AVisitBeforeThePlanStarts) {
  json e = episode();
  e["visits"][0]["dateOfService"] = "2026-01-02";
  EXPECT_EQ(paths(parse(e.dump())), std::vector<std::string>{"/visits/0/dateOfService"});
}

TEST(EpisodeJson, Limits) {
  json e = episode();
  e["visits"] = json::array();
  EXPECT_EQ(paths(parse(e.dump())), std::vector<std::string>{"/visits"});
  for (int i = 0; i < 401; ++i) e["visits"].push_back(visit("2026-01-05"));
  EXPECT_EQ(paths(parse(e.dump())), std::vector<std::string>{"/visits"});
  e["visits"].erase(400);
  EXPECT_TRUE(parse(e.dump()).episode);
  EXPECT_EQ(paths(parse(std::string(kMaxEpisodeBytes + 1, ' '))), std::vector<std::string>{""});
}

TEST(EpisodeJson, NotJsonDuplicateKeysAndNotAnObject) {
  EXPECT_EQ(paths(parse("{\"visits\": [")), std::vector<std::string>{""});
  EXPECT_EQ(paths(parse("")), std::vector<std::string>{""});
  EXPECT_EQ(paths(parse("[]")), std::vector<std::string>{""});
  // A key given twice is named where it stands (issue 27).
  EXPECT_EQ(paths(parse(R"({"visits": [], "visits": []})")), std::vector<std::string>{"/visits"});
  EXPECT_EQ(paths(parse(R"({"planOfCare":{"discipline":"PT","start":"2026-01-05"},"visits":[1]})")),
            std::vector<std::string>{"/visits/0"});
}

}  // namespace
}  // namespace unitwise
