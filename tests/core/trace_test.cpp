// The trace explains each unit in words with its source (issue 3's example wording).
#include <gtest/gtest.h>

#include "unitwise/unitwise.h"
#include "json/visit_json.h"

namespace unitwise {
namespace {

Result run(const char* visit_json, const Explain& explain = {}) {
  Validation parsed = parse_visit(visit_json, ReferenceData::builtin());
  EXPECT_TRUE(parsed.errors.empty());
  return evaluate(*parsed.value, explain);
}

bool trace_has(const Result& r, const std::string& rule, const std::string& text) {
  for (const auto& t : r.trace) {
    if (to_string(t.rule) == rule && t.text.find(text) != std::string::npos && !t.source.empty()) return true;
  }
  return false;
}

// §20.2 Ex 3: the leftover unit is explained by comparing remainders.
TEST(Trace, LeftoverUnitNamesTheRemaindersItCompared) {
  const Result r = run(R"({"dateOfService":"2026-03-02","discipline":"PT",
      "services":[{"code":"97110","minutes":33},{"code":"97140","minutes":7}]})");
  EXPECT_TRUE(trace_has(r, "cms-leftover", "97140 got leftover unit 1 of 1: its 7 leftover minutes beat 97110's 3"));
  EXPECT_TRUE(trace_has(r, "cms-8-minute", "= 40 → 3 units"));
}

// A tie is stated as a tie, with the choice made and how to change it.
TEST(Trace, TieSaysItWasATieAndWhichChoiceWasMade) {
  const Result r = run(R"({"dateOfService":"2026-03-02","discipline":"PT",
      "services":[{"code":"97112","minutes":20},{"code":"97110","minutes":20}]})");
  EXPECT_TRUE(trace_has(r, "cms-tie", "97112 got it by input order"));
  ASSERT_EQ(r.ties.size(), 1u);
  EXPECT_EQ(r.ties[0].chosen, std::vector<std::string>{"97112"});
  EXPECT_EQ(r.ties[0].alternatives, std::vector<std::vector<std::string>>{{"97110"}});
}

// §20.2 Ex 4: a code with 8+ minutes and no unit is told to be documented, not billed.
TEST(Trace, ZeroUnitCodeIsExplained) {
  const Result r = run(R"({"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97110","minutes":18},
      {"code":"97140","minutes":13},{"code":"97116","minutes":10},{"code":"97035","minutes":8}]})");
  EXPECT_TRUE(trace_has(r, "cms-zero-units", "97035: 8 minutes but no unit"));
}

TEST(Trace, EveryLineExplainsItsDisciplineModifier) {
  const Result r =
      run(R"({"dateOfService":"2026-03-02","discipline":"OT","services":[{"code":"97530","minutes":30}]})");
  EXPECT_TRUE(trace_has(r, "discipline-modifier",
                        "97530: GO because it is furnished under the occupational therapy plan of care"));
}

// The rules-only path (core benchmark) builds no text but the same lines.
TEST(Trace, ExplainOffGivesTheSameLinesWithoutText) {
  const char* visit = R"({"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97110","minutes":33},
      {"code":"97140","minutes":7,"assistantMinutes":7}]})";
  const Result full = run(visit);
  const Result bare = run(visit, Explain{false, false});
  EXPECT_TRUE(bare.trace.empty());
  EXPECT_TRUE(bare.checklist.empty());
  ASSERT_EQ(bare.lines.size(), full.lines.size());
  for (std::size_t i = 0; i < full.lines.size(); ++i) {
    EXPECT_EQ(bare.lines[i].units, full.lines[i].units);
    EXPECT_EQ(bare.lines[i].modifiers, full.lines[i].modifiers);
  }
}

}  // namespace
}  // namespace unitwise

namespace unitwise {
namespace {

// Checklist texts are static; the visit's minutes are filled in where the text names them.
TEST(Checklist, TextsCarryTheVisitsMinutesWhereTheyAskForThem) {
  const Result r = run(R"({"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97110","minutes":33},
      {"code":"97161","minutes":40}]})");
  int filled = 0;
  for (const ChecklistItem& item : r.checklist) {
    const std::string text = checklist_text(item);
    EXPECT_EQ(text.find('{'), std::string::npos) << text;
    if (item.text.find("{timed_minutes}") != std::string_view::npos) {
      EXPECT_NE(text.find("33 here"), std::string::npos) << text;
      ++filled;
    }
  }
  EXPECT_EQ(filled, 1);
}

}  // namespace
}  // namespace unitwise

namespace unitwise {
namespace {

// options.trace false (for callers who need only the facts): the trace is empty and everything else is the same,
// byte for byte, on visits that touch every kind of trace line: units, modifiers, a tie, an edit, a payer's fee.
TEST(Trace, OptionsTraceFalseLeavesOnlyTheTraceOut) {
  const char* visits[] = {
      R"({"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97110","minutes":33},{"code":"97140","minutes":7}]})",
      R"({"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97112","minutes":20},{"code":"97110","minutes":20,"assistantMinutes":12}]})",
      R"({"dateOfService":"2026-05-04","discipline":"PT","ytdAllowed":{"PT_SLP":2470},"payer":{"name":"Plan","mppr":false},
          "services":[{"code":"97161"},{"code":"97140","minutes":15},{"code":"97530","minutes":38}]})",
  };
  for (const char* visit : visits) {
    std::string quiet = visit;
    quiet.insert(quiet.rfind('}'), R"(,"options":{"trace":false})");
    const std::string full = evaluate_json(visit);
    const std::string facts = evaluate_json(quiet);
    EXPECT_EQ(facts.find(R"("trace":[])"), facts.size() - 11) << facts;
    const std::size_t trace_at = full.find(R"("trace":[)");
    ASSERT_NE(trace_at, std::string::npos);
    EXPECT_GT(full.size(), trace_at + 12) << "the full result has trace lines";
    EXPECT_EQ(facts.substr(0, facts.size() - 11), full.substr(0, trace_at)) << visit;
  }
}

}  // namespace
}  // namespace unitwise
