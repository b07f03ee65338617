// Faults found by testing the first wave (issue 10), each pinned by the input that showed it.
#include <string>

#include <gtest/gtest.h>

#include "json/visit_json.h"
#include "test_visits.h"
#include "unitwise/unitwise.h"

namespace unitwise {
namespace {

Validation parse(const std::string& text) { return parse_visit(text, ReferenceData::builtin()); }

std::string visit_with(const std::string& service) {
  return R"({"dateOfService":"2026-03-02","discipline":"PT","services":[)" + service + "]}";
}

bool error_at(const Validation& v, const std::string& path) {
  for (const auto& e : v.errors) {
    if (e.path == path) return true;
  }
  return false;
}

// BPM 100-02 ch.15 §230.1: assistants may not evaluate.
TEST(InputFaults, AssistantMinutesOnAnEvaluationAreAnError) {
  EXPECT_TRUE(error_at(parse(visit_with(R"({"code":"97161","minutes":40,"assistantMinutes":10})")),
                       "/services/0/assistantMinutes"));
  EXPECT_TRUE(error_at(
      parse(
          R"({"dateOfService":"2026-03-02","discipline":"SLP","services":[{"code":"92523","minutes":60,"assistantMinutes":5}]})"),
      "/services/0/assistantMinutes"));
  EXPECT_TRUE(parse(visit_with(R"({"code":"97161","minutes":40,"assistantMinutes":0})")).errors.empty());
}

// "97110\u0000" used to pass as 97110 (and escape the duplicate merge).
TEST(InputFaults, ACodeHoldsOnlyDigitsAndCapitals) {
  EXPECT_TRUE(error_at(parse(visit_with(R"({"code":"97110\u0000","minutes":30})")), "/services/0/code"));
  EXPECT_TRUE(error_at(parse(visit_with(R"({"code":"97110-GP","minutes":30})")), "/services/0/code"));
  EXPECT_TRUE(error_at(parse(visit_with(R"({"code":"97 110","minutes":30})")), "/services/0/code"));
  // Spaces around a code are not part of it.
  const Validation v = parse(visit_with(R"({"code":" 97110 ","minutes":30})"));
  ASSERT_TRUE(v.errors.empty());
  EXPECT_EQ(v.value->visit().services[0].code, "97110");
}

TEST(InputFaults, TheStructApiChecksCodesToo) {
  Visit v;
  v.date_of_service = {2026, 3, 2};
  Service s;
  s.code = std::string("97110\0", 6);
  s.minutes = 30;
  s.has_minutes = true;
  v.services.push_back(s);
  const Validation r = validate(v);
  EXPECT_FALSE(r.value.has_value());
  EXPECT_TRUE(error_at(r, "/services/0/code"));
}

// A plain scan of the keys seen so far made this quadratic: 80,000 keys took 15 s. With a hash set per object
// it is linear; at 300,000 keys the old scan would run for minutes, past this test's time limit.
TEST(InputFaults, TheDuplicateKeyCheckIsLinear) {
  std::string text = "{";
  for (int i = 0; i < 300000; ++i) text += "\"k" + std::to_string(i) + "\":0,";
  text += "\"k7\":1}";
  const Validation v = parse(text);
  ASSERT_EQ(v.errors.size(), 1u);
  EXPECT_NE(v.errors[0].message.find("\"k7\" appears twice"), std::string::npos);
}

TEST(InputFaults, AnEmptyDocumentSaysSo) {
  const Validation v = parse("  \n");
  ASSERT_EQ(v.errors.size(), 1u);
  EXPECT_NE(v.errors[0].message.find("is empty"), std::string::npos);
}

// An unknown plan of care is one error, not also a complaint about codes that belong to a plan.
TEST(InputFaults, AnUnknownDisciplineIsReportedOnce) {
  const Validation v = parse(R"({"dateOfService":"2026-03-02","discipline":"ST","services":[{"code":"92507"}]})");
  ASSERT_EQ(v.errors.size(), 1u);
  EXPECT_EQ(v.errors[0].path, "/discipline");
}

TEST(InputFaults, TheArticleFitsThePlan) {
  const Validation v = parse(visit_with(R"({"code":"97165"})"));
  ASSERT_EQ(v.errors.size(), 1u);
  EXPECT_NE(v.errors[0].message.find("under an OT plan of care"), std::string::npos);
}

// Any date of service is evaluated; outside the loaded years the fee names the release it used.
TEST(AnyDate, A2027VisitGetsUnitsAndA2026FeeEstimate) {
  const std::string r =
      evaluate_json(R"({"dateOfService":"2027-01-04","discipline":"PT","services":[{"code":"97110","minutes":30}]})");
  EXPECT_EQ(r.rfind("{\"ok\":true", 0), 0u);
  EXPECT_NE(r.find("\"units\":2"), std::string::npos);
  EXPECT_NE(r.find("\"year\":2026"), std::string::npos);
  EXPECT_NE(r.find("\"code\":\"fee-schedule-nearest\",\"severity\":\"warning\""), std::string::npos);
  EXPECT_NE(r.find("No Medicare fee schedule for 2027 is loaded"), std::string::npos);
}

TEST(AnyDate, EveryTraceEntryHasATopicAndEveryWarningASeverity) {
  const std::string r = evaluate_json(
      R"({"dateOfService":"2024-06-03","discipline":"PT","ytdAllowed":{"PT_SLP":2400},"services":[{"code":"97110","minutes":38},{"code":"97140","minutes":10,"assistantMinutes":10}]})");
  std::size_t rules = 0, topics = 0, codes = 0, severities = 0;
  for (std::size_t at = 0; (at = r.find("\"rule\":", at)) != std::string::npos; ++at) ++rules;
  for (std::size_t at = 0; (at = r.find("\"topic\":", at)) != std::string::npos; ++at) ++topics;
  const std::size_t warnings = r.find("\"warnings\":[");
  const std::string w = r.substr(warnings, r.find("],\"errors\"") - warnings);
  for (std::size_t at = 0; (at = w.find("{\"code\":", at)) != std::string::npos; ++at) ++codes;
  for (std::size_t at = 0; (at = w.find("\"severity\":", at)) != std::string::npos; ++at) ++severities;
  EXPECT_GT(rules, 5u);
  EXPECT_EQ(rules, topics);
  EXPECT_GT(codes, 1u);
  EXPECT_EQ(codes, severities);
}

}  // namespace
}  // namespace unitwise
