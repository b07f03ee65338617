// The FHIR claim natively (docs/fhir.md): every ok vector gives a Claim with one item per billed line and no code
// text at all, the same bytes each time; bad arguments give errors at their paths. The FHIR validator runs over the
// same claims in tests/node/fhir-claim.test.mjs.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include <gtest/gtest.h>

#include "unitwise/fhir_claim.h"
#include "unitwise/unitwise.h"

namespace unitwise {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::vector<json> ok_visits() {
  std::vector<json> out;
  for (const auto& entry : fs::recursive_directory_iterator(UNITWISE_VECTORS_DIR)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json" ||
        entry.path().parent_path().filename() == "episodes") {
      continue;
    }
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const json vec = json::parse(text.str());
    if (vec.contains("visit") && !vec.contains("rawVisit") &&
        json::parse(evaluate_json(vec["visit"].dump()))["ok"] == true) {
      out.push_back(vec["visit"]);
    }
  }
  return out;
}

TEST(FhirClaim, EveryOkVectorGivesOneItemPerBilledLineAndNoCodeText) {
  const std::vector<json> visits = ok_visits();
  ASSERT_GE(visits.size(), 150u);
  for (const json& visit : visits) {
    const std::string result_text = evaluate_json(visit.dump());
    const std::string claim_text = fhir_claim_json(result_text, visit.dump(), "{}");
    EXPECT_EQ(claim_text, fhir_claim_json(result_text, visit.dump(), "{}"));  // pure: the same bytes again
    const json result = json::parse(result_text);
    const json claim = json::parse(claim_text);
    ASSERT_EQ(claim["resourceType"], "Claim") << claim_text;
    std::size_t billed = 0;
    for (const json& line : result["lines"]) {
      if (line["units"].get<int>() == 0 || line.contains("denied")) continue;
      const json& item = claim["item"][billed++];
      EXPECT_EQ(item["productOrService"]["coding"][0]["code"], line["code"]);
      EXPECT_FALSE(item["productOrService"]["coding"][0].contains("display"));
      const CodeInfo* info = find_code(line["code"].get<std::string>());
      ASSERT_NE(info, nullptr);
      EXPECT_EQ(claim_text.find(info->descriptor), std::string::npos) << info->code;  // no code text of any kind
    }
    EXPECT_EQ(billed, claim.contains("item") ? claim["item"].size() : 0u) << visit.dump();
  }
}

TEST(FhirClaim, BadArgumentsAreErrorsAtTheirPaths) {
  const std::string visit =
      R"({"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97110","minutes":30}]})";
  const std::string result = evaluate_json(visit);
  auto first_path = [](const std::string& text) { return json::parse(text)["errors"][0]["path"].get<std::string>(); };
  EXPECT_EQ(first_path(fhir_claim_json(result, visit, R"({"patient":"#p"})")), "/options/patient");
  EXPECT_EQ(first_path(fhir_claim_json(result, visit, R"({"patient":{"display":1}})")), "/options/patient");
  EXPECT_EQ(first_path(fhir_claim_json(result, visit, R"([1])")), "/options");
  EXPECT_EQ(first_path(fhir_claim_json("{", visit, "{}")), "/result");
  EXPECT_EQ(first_path(fhir_claim_json(result, "{}", "{}")), "/visit/dateOfService");
  EXPECT_EQ(first_path(fhir_claim_json(R"({"ok":true,"dateOfService":"2026-03-02","lines":[{"units":1,"code":"97110",
    "modifiers":["GP"],"allowed":1.234}]})",
                                       visit, "{}")),
            "/result/lines/0/allowed");
  const std::string bad =
      evaluate_json(R"({"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97110","minutes":-1}]})");
  EXPECT_EQ(first_path(fhir_claim_json(bad, visit, "{}")), "/services/0/minutes");
}

}  // namespace
}  // namespace unitwise
