// The denial model (docs/rules.md §D): every active indicator-0 pair of the built-in NCCI table denies its
// column-two code under Medicare ($0, out of the totals) and leaves it billed, at risk, under a payer that does
// not follow Medicare's edits; the denial table covers every reason.
#include <gtest/gtest.h>

#include "rules/denials.h"
#include "unitwise/catalogue.h"
#include "test_visits.h"

namespace unitwise {
namespace {

constexpr Date kDate{2026, 6, 1};

Service service_of(const std::string& code, Discipline visit_discipline) {
  const CodeInfo* info = find_code(code);
  Service s;
  s.code = code;
  s.minutes = info->timed ? 15 : 0;
  s.has_minutes = info->timed;
  s.discipline = info->required_discipline.value_or(
      std::find(info->disciplines.begin(), info->disciplines.end(), visit_discipline) != info->disciplines.end()
          ? visit_discipline
          : info->disciplines.front());
  s.has_discipline = s.discipline != visit_discipline;
  return s;
}

Visit pair_visit(const NcciRow& row, const PayerProfile& payer) {
  Visit v;
  v.date_of_service = kDate;
  v.payer = payer;
  v.rule_set = payer.unit_rule;
  const CodeInfo* first = find_code(row.column1);
  v.discipline = first->required_discipline.value_or(first->disciplines.front());
  v.services = {service_of(row.column1, v.discipline), service_of(row.column2, v.discipline)};
  return v;
}

// The active indicator-0 records of the built-in PTP table on kDate.
std::vector<NcciRow> indicator_zero_pairs() {
  Visit v;
  v.date_of_service = kDate;
  const ValidVisit valid = checked(v);
  std::vector<NcciRow> out;
  for (const NcciRow& row : valid.releases().ncci.table->rows) {
    const bool in_force = row.effective <= date_key(kDate) && (row.deleted == 0 || row.deleted > date_key(kDate));
    if (in_force && row.modifier_indicator == '0') out.push_back(row);
  }
  return out;
}

Cents sum_allowed(const Result& r) {
  Cents sum = 0;
  for (const Line& l : r.lines) sum += l.allowed;
  return sum;
}

TEST(Denials, EveryIndicatorZeroPairDeniesItsColumnTwoCodeUnderMedicare) {
  const std::vector<NcciRow> pairs = indicator_zero_pairs();
  ASSERT_GE(pairs.size(), 40u);  // the v301r0 extract's active indicator-0 therapy pairs
  int tested = 0;
  for (const NcciRow& row : pairs) {
    SCOPED_TRACE(row.column1 + " / " + row.column2);
    ASSERT_NE(find_code(row.column1), nullptr);
    ASSERT_NE(find_code(row.column2), nullptr);
    Validation val = validate(pair_visit(row, PayerProfile{}));
    ASSERT_TRUE(val.value.has_value()) << val.errors.front().path << ": " << val.errors.front().message;
    const Result r = evaluate(*val.value);
    bool column2_seen = false;
    for (const Line& l : r.lines) {
      if (l.code != row.column2) continue;
      column2_seen = true;
      EXPECT_EQ(l.denied, Denial::PtpIndicator0);
      EXPECT_EQ(l.allowed, 0);
      EXPECT_EQ(std::find(l.modifiers.begin(), l.modifiers.end(), "KX"), l.modifiers.end());
    }
    EXPECT_TRUE(column2_seen);
    const auto edit = std::find_if(r.edits.begin(), r.edits.end(),
                                   [&](const Edit& e) { return e.column1 == row.column1 && e.column2 == row.column2; });
    ASSERT_NE(edit, r.edits.end());
    EXPECT_EQ(edit->severity, Severity::Error);
    EXPECT_NE(edit->message.find("Drop it from the claim"), std::string::npos);
    EXPECT_EQ(r.fee->allowed, sum_allowed(r));
    EXPECT_EQ(r.fee->lines.size(), r.lines.size());
    ++tested;
  }
  EXPECT_EQ(tested, static_cast<int>(pairs.size()));  // all 45 active indicator-0 pairs of v301r0
}

TEST(Denials, AnIndicatorZeroPairStaysBilledAtRiskUnderAPayerThatDoesNotFollowMedicare) {
  PayerProfile commercial;
  commercial.id = "inline";
  commercial.name = "Commercial";
  commercial.medicare_coverage = false;
  commercial.kx = false;
  for (const NcciRow& row : indicator_zero_pairs()) {
    SCOPED_TRACE(row.column1 + " / " + row.column2);
    Validation val = validate(pair_visit(row, commercial));
    ASSERT_TRUE(val.value.has_value()) << val.errors.front().message;
    const Result r = evaluate(*val.value);
    for (const Line& l : r.lines) EXPECT_FALSE(l.is_denied()) << l.code;
    for (const Edit& e : r.edits) {
      if (e.column1 == row.column1 && e.column2 == row.column2) {
        EXPECT_EQ(e.severity, Severity::Warning);
      }
    }
  }
}

TEST(Denials, AnIndicatorOnePairIsAtRiskNotDenied) {
  Visit v;
  v.date_of_service = kDate;
  v.services = {service_of("97750", Discipline::PT), service_of("97530", Discipline::PT)};
  const Result r = evaluate(checked(v));
  ASSERT_EQ(r.edits.size(), 1u);
  EXPECT_EQ(r.edits[0].severity, Severity::Warning);
  for (const Line& l : r.lines) EXPECT_FALSE(l.is_denied());
  EXPECT_GT(r.fee->allowed, 0);
}

TEST(Denials, TheTableNamesEveryReasonWithASourceAndWhatToDo) {
  for (Denial d : {Denial::Mue, Denial::PtpIndicator0, Denial::AddOnWithoutPrimary, Denial::NotValidOnDate,
                   Denial::NotCovered, Denial::TelehealthNotAuthorized, Denial::UnderTimeFloor}) {
    const DenialRule& rule = denial_rule(d);
    EXPECT_EQ(rule.reason, d);
    EXPECT_NE(std::string(rule.name), "");
    EXPECT_NE(std::string(rule.source), "");
    EXPECT_NE(std::string(rule.what_to_do), "");
  }
  EXPECT_EQ(std::string(to_string(Denial::PtpIndicator0)), "ptp-indicator-0");
}

// Catalogue validity dates (core/data/catalogue.csv valid_from/valid_until): the 2026 RTM codes start on 2026-01-01.
TEST(Denials, TheCatalogueCarriesValidityDates) {
  for (const char* code : {"98979", "98984", "98985"}) {
    const CodeInfo* info = find_code(code);
    ASSERT_NE(info, nullptr);
    EXPECT_EQ(info->valid_from, 20260101) << code;
    EXPECT_FALSE(info->valid_on(20251231)) << code;
    EXPECT_TRUE(info->valid_on(20260101)) << code;
    EXPECT_NE(info->validity_source.find("CR 14250"), std::string::npos) << code;
  }
  EXPECT_EQ(find_code("97110")->valid_from, 0);
  EXPECT_TRUE(find_code("97110")->valid_on(20180101));
}

// Did-you-mean (catalogue.h nearest_code): one typing slip away, the common code first.
TEST(Denials, NearMissCodesSuggestTheCatalogueCode) {
  const std::pair<const char*, const char*> cases[] = {{"97100", "97110"}, {"9711", "97110"},  {"971100", "97110"},
                                                       {"79110", "97110"}, {"G0238", "G0283"}, {"97531", "97530"}};
  for (const auto& [typed, want] : cases) {
    const CodeInfo* near = nearest_code(typed);
    ASSERT_NE(near, nullptr) << typed;
    EXPECT_EQ(near->code, want) << typed;
  }
  EXPECT_EQ(nearest_code("12345"), nullptr);
  EXPECT_EQ(nearest_code(""), nullptr);
}

// The page's buttons: every code one slip away, the common ones first, the first being the error's suggestion.
TEST(Denials, NearCodesListEveryCodeOneSlipAwayUpToTheLimit) {
  std::vector<std::string> near;
  for (const CodeInfo* c : near_codes("9711", 3)) near.push_back(c->code);
  ASSERT_FALSE(near.empty());
  EXPECT_EQ(near.front(), nearest_code("9711")->code);
  EXPECT_LE(near.size(), 3u);
  EXPECT_GT(near_codes("9711", 10).size(), 1u);  // 97110, 97112, 97116, ...: several one digit away
  EXPECT_TRUE(near_codes("12345", 3).empty());
}

}  // namespace
}  // namespace unitwise
