// Properties of the rules over 100,000 generated visits (issue 7): what must hold for every visit,
// whatever the minutes. A failure prints the seed and the visit's index to reproduce it.
#include <algorithm>
#include <map>
#include <random>

#include <gtest/gtest.h>

#include "unitwise/catalogue.h"
#include "rules/eight_minute_rule.h"
#include "json/result_json.h"
#include "unitwise/unitwise.h"
#include "test_visits.h"

namespace unitwise {
namespace {

constexpr int kVisits = 100000;
constexpr unsigned kSeed = 20261123;

// Codes without a required plan of care, so any discipline may bill them.
const std::vector<std::string> kTimed = {"97110", "97112", "97116", "97140", "97530", "97535", "97035", "97032", "97750"};
const std::vector<std::string> kUntimed = {"97150", "G0283", "97012", "92526", "97010"};

Visit random_visit(std::mt19937& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Visit v;
  v.rule_set = pick(0, 4) == 0 ? RuleSet::PerCode : RuleSet::Cms;
  v.date_of_service = {pick(2023, 2028), pick(1, 12), pick(1, 28)};  // any year: releases or the nearest
  v.discipline = static_cast<Discipline>(pick(0, 1));
  v.ytd_pt_slp = pick(0, 320000);
  v.ytd_ot = pick(0, 320000);
  v.deductible_remaining = pick(0, 3) == 0 ? 28300 : 0;
  std::vector<std::string> codes = kTimed;
  std::shuffle(codes.begin(), codes.end(), rng);
  const int n = pick(1, 5);
  for (int i = 0; i < n; ++i) {
    Service s;
    s.code = pick(0, 5) == 0 ? kUntimed[static_cast<std::size_t>(pick(0, 4))] : codes[static_cast<std::size_t>(i)];
    s.minutes = pick(0, 90);
    s.has_minutes = true;
    s.assistant_minutes = pick(0, 2) == 0 ? pick(0, s.minutes) : 0;
    s.discipline = v.discipline;
    if (std::any_of(v.services.begin(), v.services.end(), [&](const Service& o) { return o.code == s.code; })) continue;
    v.services.push_back(s);
  }
  return v;
}

std::map<std::string, int> units_by_code(const Result& r) {
  std::map<std::string, int> units;
  for (const Line& l : r.lines) units[l.code] += l.units;
  return units;
}

int timed_units(const Result& r) {
  int n = 0;
  for (const Line& l : r.lines) n += find_code(l.code)->timed ? l.units : 0;
  return n;
}

class Properties : public testing::Test {
 protected:
  void SetUp() override {
    std::mt19937 rng(kSeed);
    visits.reserve(kVisits);
    for (int i = 0; i < kVisits; ++i) visits.push_back(random_visit(rng));
  }
  std::vector<Visit> visits;
  const Explain bare{false, false};
};

// Medicare: the day's timed units are the CMS chart of the pooled minutes (§20.2 R1.5).
TEST_F(Properties, TotalTimedUnitsFollowTheChartOfThePooledMinutes) {
  for (std::size_t i = 0; i < visits.size(); ++i) {
    const Visit& v = visits[i];
    if (v.rule_set != RuleSet::Cms) continue;
    int minutes = 0;
    for (const Service& s : v.services) minutes += find_code(s.code)->timed ? s.minutes : 0;
    const Result r = evaluate(checked(v), bare);
    ASSERT_EQ(timed_units(r), chart_units(minutes)) << "visit " << i;
    ASSERT_EQ(r.total_timed_units, chart_units(minutes)) << "visit " << i;
  }
}

// A code keeps its full blocks and gains at most one leftover unit; ≥ 15 minutes → ≥ 1 unit (R1.4).
TEST_F(Properties, EachCodeGetsItsFullBlocksAndAtMostOneMore) {
  for (std::size_t i = 0; i < visits.size(); ++i) {
    const Visit& v = visits[i];
    if (v.rule_set != RuleSet::Cms) continue;
    const auto units = units_by_code(evaluate(checked(v), bare));
    for (const Service& s : v.services) {
      if (!find_code(s.code)->timed) continue;
      const int u = units.at(s.code);
      ASSERT_GE(u, s.minutes / 15) << "visit " << i << " " << s.code;
      ASSERT_LE(u, s.minutes / 15 + 1) << "visit " << i << " " << s.code;
      if (s.minutes >= 15) {
        ASSERT_GE(u, 1);
      }
    }
  }
}

// One more minute of any service never lowers the day's units.
TEST_F(Properties, AddingAMinuteNeverLowersTotalUnits) {
  for (std::size_t i = 0; i < visits.size(); i += 3) {
    Visit more = visits[i];
    const int before = timed_units(evaluate(checked(more), bare));
    more.services[i % more.services.size()].minutes += 1;
    ASSERT_GE(timed_units(evaluate(checked(more), bare)), before) << "visit " << i;
  }
}

// Per-code (AMA midpoint): each code is the chart of its own minutes, untimed codes one unit.
TEST_F(Properties, PerCodeUnitsAreTheChartOfEachCodesMinutes) {
  for (std::size_t i = 0; i < visits.size(); ++i) {
    Visit v = visits[i];
    v.rule_set = RuleSet::PerCode;
    const auto units = units_by_code(evaluate(checked(v), bare));
    for (const Service& s : v.services) {
      const int want = find_code(s.code)->timed ? chart_units(s.minutes) : 1;
      ASSERT_EQ(units.at(s.code), want) << "visit " << i << " " << s.code;
    }
  }
}

// CQ/CO lines never hold more units than the code has, and a code with no assistant minutes has none.
TEST_F(Properties, AssistantUnitsNeverExceedTheCodesUnits) {
  for (std::size_t i = 0; i < visits.size(); ++i) {
    const Result r = evaluate(checked(visits[i]), bare);
    const auto units = units_by_code(r);
    for (const Line& l : r.lines) {
      if (!l.assistant) continue;
      ASSERT_LE(l.units, units.at(l.code)) << "visit " << i;
      const auto s = std::find_if(visits[i].services.begin(), visits[i].services.end(),
                                  [&](const Service& x) { return x.code == l.code; });
      ASSERT_GT(s->assistant_minutes, 0) << "visit " << i;
    }
  }
}

// The fee is the sum of its lines, and each claim line carries its fee line's allowed amount.
TEST_F(Properties, FeeLinesSumToTheFeeTotals) {
  for (std::size_t i = 0; i < visits.size(); ++i) {
    const Result r = evaluate(checked(visits[i]), bare);
    ASSERT_TRUE(r.fee.has_value());
    const Fee& f = *r.fee;
    ASSERT_EQ(f.lines.size(), r.lines.size());
    Cents full = 0, mppr = 0, assistant = 0, allowed = 0;
    for (std::size_t k = 0; k < f.lines.size(); ++k) {
      full += f.lines[k].full;
      mppr += f.lines[k].mppr;
      assistant += f.lines[k].assistant;
      allowed += f.lines[k].allowed;
      ASSERT_EQ(f.lines[k].allowed, r.lines[k].allowed);
      ASSERT_EQ(f.lines[k].full - f.lines[k].mppr - f.lines[k].assistant, f.lines[k].allowed);
    }
    ASSERT_EQ(full, f.full);
    ASSERT_EQ(mppr, f.mppr);
    ASSERT_EQ(assistant, f.assistant);
    ASSERT_EQ(allowed, f.allowed);
    ASSERT_EQ(f.medicare_pays + f.sequestration + f.patient_owes, f.allowed) << "visit " << i;
  }
}

// The same visit gives the same bytes, explanation included.
TEST_F(Properties, ResultsAreIdenticalOnASecondRun) {
  for (std::size_t i = 0; i < visits.size(); i += 10) {
    const std::string a = result_to_json(evaluate(checked(visits[i])), visits[i].date_of_service);
    const std::string b = result_to_json(evaluate(checked(visits[i])), visits[i].date_of_service);
    ASSERT_EQ(a, b) << "visit " << i;
  }
}

}  // namespace
}  // namespace unitwise
