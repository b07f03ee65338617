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
const std::vector<std::string> kTimed = {"97110", "97112", "97116", "97140", "97530",
                                         "97535", "97035", "97032", "97750"};
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

// Visits that reach the denials (docs/rules.md §D): indicator-0 pairs, add-ons with and without their primary,
// RTM codes with minutes and days, telehealth, dates 2018–2028, Medicare or a payer that does not follow it.
const std::vector<std::string> kDenialCodes = {"97110", "97112", "97140", "97530", "97161", "97164", "97750",
                                               "97755", "97763", "92523", "92522", "92507", "97597", "97598",
                                               "97129", "97130", "97150", "97035", "98975", "98977", "98979",
                                               "98980", "98981", "98984", "98985", "97010", "97012"};

Visit denial_visit(std::mt19937& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Visit v;
  v.date_of_service = {pick(2018, 2028), pick(1, 12), pick(1, 28)};
  v.discipline = static_cast<Discipline>(pick(0, 1));
  v.place_of_service = pick(0, 5) == 0 ? (pick(0, 1) ? "02" : "10") : "11";
  v.ytd_pt_slp = pick(0, 320000);
  v.ytd_ot = pick(0, 320000);
  v.deductible_remaining = pick(0, 3) == 0 ? 28300 : 0;
  if (pick(0, 4) == 0) {
    v.payer.id = "inline";
    v.payer.name = "Commercial";
    v.payer.medicare_coverage = false;
    v.payer.kx = false;
    v.payer.mppr = false;
    v.payer.unit_rule = pick(0, 1) ? RuleSet::PerCode : RuleSet::Cms;
    v.rule_set = v.payer.unit_rule;
  }
  const int n = pick(1, 6);
  for (int i = 0; i < n; ++i) {
    Service s;
    s.code = kDenialCodes[static_cast<std::size_t>(pick(0, static_cast<int>(kDenialCodes.size()) - 1))];
    const CodeInfo* info = find_code(s.code);
    s.discipline = info->required_discipline.value_or(
        std::find(info->disciplines.begin(), info->disciplines.end(), v.discipline) != info->disciplines.end()
            ? v.discipline
            : info->disciplines.front());
    s.has_discipline = s.discipline != v.discipline;
    s.minutes = pick(0, 75);
    s.has_minutes = info->timed || pick(0, 1) == 0;
    if (!s.has_minutes) s.minutes = 0;
    if (std::any_of(v.services.begin(), v.services.end(), [&](const Service& o) { return o.code == s.code; })) continue;
    v.services.push_back(s);
  }
  return v;
}

// The lines an error-severity item names: an NCCI edit its column-two code, an MUE edit its code (MAI 1: the
// lines over the limit), a warning its code, or every line when it concerns the whole visit.
void expect_named_lines_denied(const Result& r, std::size_t i) {
  auto expect_denied = [&](const std::string& code, int over) {
    for (const Line& l : r.lines) {
      if (l.units == 0 || (!code.empty() && l.code != code) || l.units <= over) continue;
      ASSERT_TRUE(l.is_denied()) << "visit " << i << ": " << l.code << " is named by an error but billed";
    }
  };
  for (const Edit& e : r.edits) {
    if (e.severity != Severity::Error) continue;
    if (e.kind == EditKind::Ncci) expect_denied(e.column2, 0);
    else expect_denied(e.column1, e.mai == 1 ? e.limit : 0);
  }
  for (const Warning& w : r.warnings) {
    if (severity_of(w.id) == Severity::Error) expect_denied(w.code, 0);
  }
}

// Over 100,000 generated visits: the totals are the sum of the lines (denied lines $0 in both), a denied line
// is $0 and never carries KX, and every line an error-severity item names is denied.
TEST(DenialProperties, TotalsAreTheSumOfTheLinesAndErrorsDenyWhatTheyName) {
  std::mt19937 rng(kSeed + 27);
  int valid = 0, denied = 0;
  for (int i = 0; i < kVisits; ++i) {
    Validation val = validate(denial_visit(rng));
    if (!val.value) continue;
    ++valid;
    const Result r = evaluate(*val.value, Explain{false, false});
    ASSERT_TRUE(r.fee.has_value());
    const Fee& f = *r.fee;
    ASSERT_EQ(f.lines.size(), r.lines.size());
    Cents full = 0, mppr = 0, assistant = 0, allowed = 0, line_allowed = 0;
    for (std::size_t k = 0; k < f.lines.size(); ++k) {
      full += f.lines[k].full;
      mppr += f.lines[k].mppr;
      assistant += f.lines[k].assistant;
      allowed += f.lines[k].allowed;
      line_allowed += r.lines[k].allowed;
      if (r.lines[k].is_denied()) {
        ++denied;
        ASSERT_EQ(f.lines[k].full, 0) << "visit " << i;
        ASSERT_EQ(r.lines[k].allowed, 0) << "visit " << i;
        ASSERT_EQ(std::find(r.lines[k].modifiers.begin(), r.lines[k].modifiers.end(), "KX"),
                  r.lines[k].modifiers.end());
      }
    }
    ASSERT_EQ(full, f.full) << "visit " << i;
    ASSERT_EQ(mppr, f.mppr) << "visit " << i;
    ASSERT_EQ(assistant, f.assistant) << "visit " << i;
    ASSERT_EQ(allowed, f.allowed) << "visit " << i;
    ASSERT_EQ(line_allowed, f.allowed) << "visit " << i;
    ASSERT_EQ(f.medicare_pays + f.sequestration + f.patient_owes, f.allowed) << "visit " << i;
    expect_named_lines_denied(r, static_cast<std::size_t>(i));
  }
  EXPECT_GT(valid, kVisits / 2);
  EXPECT_GT(denied, kVisits / 20);  // the generator reaches the denials
}

}  // namespace
}  // namespace unitwise
