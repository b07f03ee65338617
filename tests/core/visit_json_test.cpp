// The visit parser: what JSON vectors can't express (raw text, odd keys, limits).
#include "json/visit_json.h"
#include "unitwise/unitwise.h"

#include <cstdio>
#include <utility>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace unitwise {
namespace {

Validation parse(std::string_view text) { return parse_visit(text, ReferenceData::builtin()); }

bool has_error_at(const Validation& p, const std::string& path) {
  for (const auto& e : p.errors) {
    if (e.path == path && !e.message.empty()) return true;
  }
  return false;
}

TEST(VisitJson, TextThatIsNotJsonIsOneWholeDocumentError) {
  const Validation p = parse("{\"discipline\": \"PT\",");
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].path, "");
  EXPECT_NE(p.errors[0].message.find("not valid JSON"), std::string::npos);
}

TEST(VisitJson, InvalidUtf8IsRejectedAsNotJson) { EXPECT_TRUE(has_error_at(parse("{\"discipline\":\"P\xffT\"}"), "")); }

// Unknown keys are named with JSON-pointer escaping (RFC 6901), so "/" and "~" stay unambiguous.
TEST(VisitJson, UnknownKeysAreEscapedJsonPointers) {
  const Validation p =
      parse(R"({"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97110","minutes":8}],"a/b~c":1})");
  EXPECT_TRUE(has_error_at(p, "/a~1b~0c"));
}

// Found by the fuzzer: a long string is shortened for the message on a UTF-8 character boundary.
TEST(VisitJson, LongStringsInMessagesAreCutBetweenCharacters) {
  const std::string code = std::string(39, 'x') + "\xca\xbf" + std::string(10, 'y');  // ʿ spans bytes 39-40
  const Validation p =
      parse(R"({"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":")" + code + R"(","minutes":8}]})");
  ASSERT_EQ(p.errors.size(), 1u);
  const std::string& m = p.errors[0].message;
  EXPECT_EQ(m.find("\xca\xbf"), std::string::npos);                  // the whole character is dropped...
  EXPECT_NE(m.find(std::string(39, 'x') + "…"), std::string::npos);  // ...not half of it
}

// The payer profile's own maps name a bad key by its path too, shortened and escaped the same way.
std::string visit_with_payer(const std::string& payer) {
  return R"({"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97110","minutes":8}],"payer":)" +
         payer + "}";
}

const std::pair<const char*, const char*> kPayerKeyPlaces[] = {
    {"{\"%s\":1}", "/payer/"},
    {"{\"dailyUnitCap\":{\"%s\":1}}", "/payer/dailyUnitCap/"},
    {"{\"codeUnitCaps\":{\"%s\":1}}", "/payer/codeUnitCaps/"},
    {"{\"fee\":{\"perCode\":{\"%s\":1}}}", "/payer/fee/perCode/"},
};

std::string payer_with_key(const char* shape, const std::string& key) {
  const std::string s = shape;
  const std::size_t at = s.find("%s");
  return s.substr(0, at) + key + s.substr(at + 2);
}

// Found by the fuzzer (CI, 2026-12-06): a profile key was cut at byte 40 (or 20) inside a UTF-8 sequence,
// and the result was not valid JSON.
TEST(VisitJson, LongPayerProfileKeysAreCutBetweenCharacters) {
  const std::string key = std::string(39, 'x') + "\xc3\xa9" + std::string(10, 'y');  // é spans bytes 39-40
  for (const auto& [shape, prefix] : kPayerKeyPlaces) {
    const std::string text = visit_with_payer(payer_with_key(shape, key));
    EXPECT_TRUE(has_error_at(parse(text), prefix + std::string(39, 'x') + "…")) << shape;
    EXPECT_FALSE(nlohmann::json::parse(evaluate_json(text), nullptr, false).is_discarded()) << shape;
  }
}

TEST(VisitJson, PayerProfileKeysAreEscapedJsonPointers) {
  for (const auto& [shape, prefix] : kPayerKeyPlaces) {
    EXPECT_TRUE(has_error_at(parse(visit_with_payer(payer_with_key(shape, "a/b~c"))), prefix + std::string("a~1b~0c")))
        << shape;
  }
}

TEST(VisitJson, ATopLevelArrayIsNotAVisit) { EXPECT_TRUE(has_error_at(parse("[]"), "")); }

TEST(VisitJson, MoreThanAHundredServicesIsAFieldError) {
  std::string services;
  for (int i = 0; i < 101; ++i) services += std::string(i ? "," : "") + R"({"code":"97110","minutes":1})";
  const Validation p = parse(R"({"dateOfService":"2026-03-02","discipline":"PT","services":[)" + services + "]}");
  EXPECT_TRUE(has_error_at(p, "/services"));
}

TEST(VisitJson, OversizedInputIsRejectedBeforeParsing) {
  const Validation p = parse(std::string(5u << 20, ' '));
  EXPECT_TRUE(has_error_at(p, ""));
}

// Whole minutes written as 12.0 are whole; 12.5 is not.
TEST(VisitJson, IntegralFloatMinutesAreAccepted) {
  const Validation p =
      parse(R"({"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97110","minutes":12.0}]})");
  ASSERT_TRUE(p.errors.empty());
  EXPECT_EQ(p.value->visit().services[0].minutes, 12);
}

TEST(VisitJson, DollarsBecomeExactCents) {
  const Validation p = parse(R"({"dateOfService":"2026-03-02","discipline":"PT","ytdAllowed":{"PT_SLP":2400.10},
      "deductibleRemaining":283,"services":[{"code":"97110","minutes":12}]})");
  ASSERT_TRUE(p.errors.empty());
  EXPECT_EQ(p.value->visit().ytd_pt_slp, 240010);
  EXPECT_EQ(p.value->visit().deductible_remaining, 28300);
}

TEST(VisitJson, FractionsOfACentAreRejected) {
  EXPECT_TRUE(has_error_at(parse(R"({"dateOfService":"2026-03-02","discipline":"PT","deductibleRemaining":1.005,
      "services":[{"code":"97110","minutes":12}]})"),
                           "/deductibleRemaining"));
}

TEST(VisitJson, LeapDayExistsOnlyInLeapYears) {
  const char* tmpl = R"({"dateOfService":"%s","discipline":"PT","services":[{"code":"97110","minutes":12}]})";
  char buf[200];
  std::snprintf(buf, sizeof buf, tmpl, "2026-02-29");
  EXPECT_TRUE(has_error_at(parse(buf), "/dateOfService"));
  std::snprintf(buf, sizeof buf, tmpl, "2026-02-28");
  EXPECT_TRUE(parse(buf).errors.empty());
}

TEST(VisitJson, ServiceDisciplineOverridesTheVisit) {
  const Validation p = parse(R"({"dateOfService":"2026-03-02","discipline":"PT",
      "services":[{"code":"97530","minutes":12,"discipline":"OT"},{"code":"97110","minutes":9}]})");
  ASSERT_TRUE(p.errors.empty());
  EXPECT_EQ(p.value->visit().services[0].discipline, Discipline::OT);
  EXPECT_EQ(p.value->visit().services[1].discipline, Discipline::PT);
}

}  // namespace
}  // namespace unitwise
