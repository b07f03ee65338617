// Episodes (docs/episodes.md) against independent computations: a running sum of each visit's allowed amount
// (each visit evaluated alone), a count of treatment days, the certification's last day.
#include <cmath>
#include <cstdio>
#include <ctime>
#include <optional>
#include <random>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "unitwise/episode.h"
#include "unitwise/unitwise.h"

namespace unitwise {
namespace {

using nlohmann::json;

constexpr unsigned kSeed = 20261123;
constexpr Cents kKx2026 = 248000;
constexpr Cents kReview = 300000;

long cents(const json& n) { return std::lround(n.get<double>() * 100); }

// The allowed amount of a visit evaluated alone: it does not depend on the year-to-date spend.
Cents allowed_alone(const json& visit, const char* discipline, const json& episode) {
  json v = visit;
  v.erase("progressReport");
  if (!v.contains("discipline")) v["discipline"] = discipline;
  if (episode.contains("locality") && !v.contains("locality")) v["locality"] = episode["locality"];
  const json r = json::parse(evaluate_json(v.dump()));
  EXPECT_TRUE(r["ok"].get<bool>()) << r["errors"].dump();
  Cents sum = 0;
  for (const auto& line : r["lines"]) {
    if (line["units"].get<int>() > 0) sum += cents(line["allowed"]);
  }
  return sum;
}

std::string dollars_text(Cents c) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(c / 100), static_cast<long long>(c % 100));
  return buf;
}

bool has_kx(const json& result) {
  for (const auto& line : result["lines"]) {
    for (const auto& m : line["modifiers"]) {
      if (m == "KX") return true;
    }
  }
  return false;
}

std::vector<std::pair<int, std::string>> alerts_of(const json& r) {
  std::vector<std::pair<int, std::string>> out;
  for (const auto& a : r["alerts"]) out.emplace_back(a["visit"].get<int>(), a["kind"].get<std::string>());
  return out;
}

std::string add_days(const std::string& iso, int n) {
  const auto key = parse_iso_date(iso);
  std::tm t{};
  t.tm_year = *key / 10000 - 1900;
  t.tm_mon = *key / 100 % 100 - 1;
  t.tm_mday = *key % 100 + n;
  t.tm_hour = 12;
  std::mktime(&t);
  char buf[11];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &t);
  return buf;
}

const std::vector<std::string> kTimed = {"97110", "97112", "97116", "97140", "97530", "97535", "97750"};

// A random one-year PT or SLP episode; visits on increasing dates (sometimes two on one day).
json random_episode(std::mt19937& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const char* discipline = pick(0, 3) == 0 ? "SLP" : "PT";
  json e = {{"planOfCare", {{"discipline", discipline}, {"start", "2026-01-05"}}},
            {"priorSpend", {{"ptSlp", pick(0, 260000) / 100.0}, {"ot", pick(0, 300000) / 100.0}}},
            {"visits", json::array()}};
  if (pick(0, 1) == 0) e["locality"] = "01112-05";
  std::string date = "2026-01-05";
  const int n = pick(1, 30);
  for (int i = 0; i < n; ++i) {
    if (i > 0) date = add_days(date, pick(0, 5));
    json services = json::array();
    std::vector<std::string> codes = kTimed;
    std::shuffle(codes.begin(), codes.end(), rng);
    const int k = pick(1, 3);
    for (int s = 0; s < k; ++s)
      services.push_back({{"code", codes[static_cast<std::size_t>(s)]}, {"minutes", pick(8, 60)}});
    e["visits"].push_back({{"dateOfService", date}, {"services", services}});
  }
  return e;
}

// The KX crossing visit is the first index where prior spend plus the running allowed amount passes the
// threshold; every visit is the one-visit result for its carried year-to-date spend, byte for byte.
TEST(Episode, KxCrossingIsWhereTheRunningSumPassesTheThresholdOver1000Episodes) {
  std::mt19937 rng(kSeed);
  int crossings = 0;
  for (int n = 0; n < 1000; ++n) {
    SCOPED_TRACE("seed " + std::to_string(kSeed) + " episode " + std::to_string(n));
    const json e = random_episode(rng);
    const std::string text = evaluate_episode_json(e.dump());
    const json r = json::parse(text);
    ASSERT_TRUE(r["ok"].get<bool>()) << r["errors"].dump();
    const char* discipline = e["planOfCare"]["discipline"] == "SLP" ? "SLP" : "PT";
    Cents spent = std::lround(e["priorSpend"]["ptSlp"].get<double>() * 100);
    std::optional<int> expected_kx, expected_review;
    for (std::size_t i = 0; i < e["visits"].size(); ++i) {
      // The visit alone, with the spend the episode carried into it.
      json alone = e["visits"][i];
      alone["discipline"] = discipline;
      if (e.contains("locality")) alone["locality"] = e["locality"];
      alone["ytdAllowed"] = {{"PT_SLP", json::parse(dollars_text(spent))}, {"OT", e["priorSpend"]["ot"]}};
      const std::string single = evaluate_json(alone.dump());
      ASSERT_TRUE(r["visits"][i] == json::parse(single)) << "visit " << i << " differs from the visit alone";
      spent += allowed_alone(e["visits"][i], discipline, e);
      const int index = static_cast<int>(i);
      if (!expected_kx && spent > kKx2026) expected_kx = index;
      if (!expected_review && spent > kReview) expected_review = index;
      EXPECT_EQ(has_kx(r["visits"][i]), expected_kx.has_value()) << "visit " << i;
    }
    const json& kx = r["kx"]["ptSlp"];
    EXPECT_EQ(kx["crossedAtVisit"].is_null() ? std::optional<int>() : kx["crossedAtVisit"].get<int>(), expected_kx);
    EXPECT_EQ(cents(kx["spent"]), spent);
    const json& review = r["review"]["ptSlp"];
    EXPECT_EQ(review["crossedAtVisit"].is_null() ? std::optional<int>() : review["crossedAtVisit"].get<int>(),
              expected_review);
    EXPECT_TRUE(r["kx"]["ot"]["crossedAtVisit"].is_null());  // no OT line in a PT or SLP plan
    crossings += expected_kx.has_value();
  }
  EXPECT_GT(crossings, 200);  // the generator reaches the threshold often enough to test it
  EXPECT_LT(crossings, 900);
}

// A 20-visit PT episode with prior spend: its KX crossing, review alert, progress-report alert and
// recertification alert are where an independent running sum, day count and date comparison put them.
TEST(Episode, TwentyVisitPtEpisode) {
  json e = {{"planOfCare", {{"discipline", "PT"}, {"start", "2026-01-05"}, {"certifiedThrough", "2026-02-15"}}},
            {"priorSpend", {{"ptSlp", 1800.00}, {"ot", 0}}},
            {"locality", "national"},
            {"visits", json::array()}};
  std::string date = "2026-01-05";
  for (int i = 0; i < 20; ++i) {
    if (i > 0) date = add_days(date, i % 3 == 0 ? 3 : 2);
    json services = {{{"code", "97110"}, {"minutes", 30}},
                     {{"code", "97140"}, {"minutes", 23}},
                     {{"code", "97112"}, {"minutes", 15}}};
    json v = {{"dateOfService", date}, {"services", services}};
    if (i == 6) v["progressReport"] = true;
    e["visits"].push_back(v);
  }
  const json r = json::parse(evaluate_episode_json(e.dump()));
  ASSERT_TRUE(r["ok"].get<bool>()) << r["errors"].dump();

  std::vector<std::pair<int, std::string>> expected;
  Cents spent = 180000;
  bool kx = false, review = false, recert = false;
  int days_since_report = 0;
  for (int i = 0; i < 20; ++i) {
    const json& v = e["visits"][static_cast<std::size_t>(i)];
    spent += allowed_alone(v, "PT", e);
    if (!kx && spent > kKx2026) expected.emplace_back(i, "kx-threshold"), kx = true;
    if (!review && spent > kReview) expected.emplace_back(i, "medical-review"), review = true;
    ++days_since_report;  // one visit a day here
    if (days_since_report == 10 && !v.contains("progressReport")) expected.emplace_back(i, "progress-report-due");
    if (v.contains("progressReport")) days_since_report = 0;
    if (!recert && v["dateOfService"].get<std::string>() > "2026-02-15")
      expected.emplace_back(i, "recertification-due"), recert = true;
  }
  EXPECT_EQ(alerts_of(r), expected);
  // The points the test is about are all inside the episode, in different places.
  ASSERT_EQ(expected.size(), 4u);
  EXPECT_EQ(r["kx"]["ptSlp"]["crossedAtVisit"], expected[0].first);
  EXPECT_EQ(cents(r["kx"]["ptSlp"]["spent"]), spent);
  EXPECT_EQ(r["kx"]["ptSlp"]["release"], "Medicare therapy KX threshold CY2026");
}

// The C++ entry point checks what the JSON parser checks.
TEST(Episode, StructEntryPointReportsErrorsWithPointers) {
  Episode e;
  e.plan.start = {2026, 1, 5};
  e.prior_pt_slp = -1;
  for (int day : {5, 7, 6}) {
    EpisodeVisit v;
    v.visit.date_of_service = {2026, 1, day};
    Service s;
    s.code = "97110";
    s.minutes = 15;
    s.has_minutes = true;
    v.visit.services.push_back(s);
    e.visits.push_back(v);
  }
  e.visits[1].visit.discipline = Discipline::OT;
  const EpisodeResult r = evaluate_episode(e);
  EXPECT_FALSE(r.ok);
  std::vector<std::string> paths;
  for (const auto& f : r.errors) paths.push_back(f.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"/priorSpend/ptSlp", "/visits/1/discipline", "/visits/2/dateOfService"}));
  e.prior_pt_slp = 0;
  e.visits[1].visit.discipline = Discipline::PT;
  e.visits[2].visit.date_of_service = {2026, 1, 9};
  e.visits[2].visit.services[0].code = "99999";
  const EpisodeResult r2 = evaluate_episode(e);
  ASSERT_EQ(r2.errors.size(), 1u);
  EXPECT_EQ(r2.errors[0].path.rfind("/visits/2/services/0", 0), 0u) << r2.errors[0].path;
  e.visits[2].visit.services[0].code = "97110";
  const EpisodeResult r3 = evaluate_episode(e);
  EXPECT_TRUE(r3.ok);
  EXPECT_EQ(r3.visits.size(), 3u);
}

// A carried spend past the engine's $1,000,000 bound is an error at the visit, never a crash.
TEST(Episode, CarriedSpendPastTheEnginesBoundIsAnError) {
  json e = {{"planOfCare", {{"discipline", "PT"}, {"start", "2026-01-05"}}},
            {"priorSpend", {{"ptSlp", 999990.00}}},
            {"visits", json::array()}};
  for (int i = 0; i < 2; ++i) {
    e["visits"].push_back({{"dateOfService", "2026-01-05"}, {"services", {{{"code", "97110"}, {"minutes", 60}}}}});
  }
  const json r = json::parse(evaluate_episode_json(e.dump()));
  EXPECT_FALSE(r["ok"].get<bool>());
  ASSERT_EQ(r["errors"].size(), 1u);
  EXPECT_EQ(r["errors"][0]["path"], "/visits/1") << r["errors"].dump();
  EXPECT_TRUE(r["visits"].empty());
}

}  // namespace
}  // namespace unitwise

namespace unitwise {
namespace {

// A progress report on the day's second visit counts for the whole treatment day (the alert is on the day's first).
TEST(Episode, AReportOnTheDaysSecondVisitCountsForTheDay) {
  json e = {{"planOfCare", {{"discipline", "PT"}, {"start", "2026-01-05"}}}, {"visits", json::array()}};
  std::string date = "2026-01-05";
  for (int i = 0; i < 10; ++i) {
    if (i > 0) date = add_days(date, 1);
    e["visits"].push_back({{"dateOfService", date}, {"services", {{{"code", "97110"}, {"minutes", 15}}}}});
  }
  e["visits"].push_back({{"dateOfService", date}, {"services", {{{"code", "97530"}, {"minutes", 15}}}}});
  EXPECT_EQ(alerts_of(json::parse(evaluate_episode_json(e.dump()))),
            (std::vector<std::pair<int, std::string>>{{9, "progress-report-due"}}));
  e["visits"][10]["progressReport"] = true;
  EXPECT_TRUE(alerts_of(json::parse(evaluate_episode_json(e.dump()))).empty());
}

}  // namespace
}  // namespace unitwise
