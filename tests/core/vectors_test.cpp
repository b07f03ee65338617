// Every shared vector under tests/vectors/ through evaluate_json, with the matching rules of
// docs/result-and-vectors.md (the node and browser suites apply the same rules to the same files).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include <gtest/gtest.h>

#include "unitwise/unitwise.h"

namespace unitwise {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::vector<fs::path> vector_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(UNITWISE_VECTORS_DIR)) {
    // episodes/ holds episode vectors, run by episode_vectors_test.cpp.
    if (entry.is_regular_file() && entry.path().extension() == ".json" &&
        entry.path().parent_path().filename() != "episodes") {
      files.push_back(entry.path());
    }
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

std::map<std::string, int> units_per_code(const json& result) {
  std::map<std::string, int> units;
  for (const auto& line : result["lines"]) units[line["code"]] += line["units"].get<int>();
  return units;
}

bool units_match(const json& result, const json& expected) {
  const auto units = units_per_code(result);
  for (const auto& [code, n] : expected.items()) {
    const auto it = units.find(code);
    if (it == units.end() || it->second != n.get<int>()) return false;
  }
  return true;
}

std::vector<json> projected_lines(const json& lines) {
  std::vector<json> out;
  for (const auto& l : lines)
    out.push_back({{"code", l["code"]}, {"units", l["units"]}, {"modifiers", l["modifiers"]}});
  std::sort(out.begin(), out.end(), [](const json& a, const json& b) { return a.dump() < b.dump(); });
  return out;
}

bool lines_match(const json& result, const json& expected) {
  return projected_lines(result["lines"]) == projected_lines(expected);
}

bool partial_match(const json& actual, const json& pattern) {
  for (const auto& [key, value] : pattern.items()) {
    if (!actual.contains(key) || actual[key] != value) return false;
  }
  return true;
}

bool has_warning(const json& result, const std::string& code) {
  return std::any_of(result["warnings"].begin(), result["warnings"].end(),
                     [&](const json& w) { return w["code"] == code; });
}

// Money compares in whole cents so 35.1 and 35.10 agree.
long long cents(const json& n) { return std::llround(n.get<double>() * 100.0); }

void check_vector(const json& vec, const json& result) {
  const json& expect = vec["expect"];
  SCOPED_TRACE(result.dump(2));
  if (expect.contains("ok")) {
    EXPECT_EQ(result["ok"], expect["ok"]);
  }
  if (expect.contains("units")) {
    EXPECT_TRUE(units_match(result, expect["units"])) << "units " << expect["units"];
  }
  if (expect.contains("unitsAnyOf")) {
    const auto& options = expect["unitsAnyOf"];
    EXPECT_TRUE(std::any_of(options.begin(), options.end(), [&](const json& o) { return units_match(result, o); }))
        << "none of " << options;
  }
  if (expect.contains("lines")) {
    EXPECT_TRUE(lines_match(result, expect["lines"])) << "lines " << expect["lines"];
  }
  if (expect.contains("linesAnyOf")) {
    const auto& options = expect["linesAnyOf"];
    EXPECT_TRUE(std::any_of(options.begin(), options.end(), [&](const json& o) { return lines_match(result, o); }));
  }
  for (const char* key : {"totalTimedMinutes", "totalTimedUnits"}) {
    if (expect.contains(key)) {
      EXPECT_EQ(result[key], expect[key]) << key;
    }
  }
  for (const auto& code : expect.value("warnings", json::array())) EXPECT_TRUE(has_warning(result, code)) << code;
  for (const auto& code : expect.value("noWarnings", json::array())) EXPECT_FALSE(has_warning(result, code)) << code;
  for (const auto& path : expect.value("errors", json::array())) {
    EXPECT_TRUE(
        std::any_of(result["errors"].begin(), result["errors"].end(), [&](const json& e) { return e["path"] == path; }))
        << "no error at " << path;
  }
  for (const auto& want : expect.value("errorMessages", json::array())) {
    EXPECT_TRUE(std::any_of(result["errors"].begin(), result["errors"].end(),
                            [&](const json& e) {
                              return e["path"] == want["path"] &&
                                     e["message"].get<std::string>().find(want["includes"].get<std::string>()) !=
                                         std::string::npos;
                            }))
        << "no error at " << want["path"] << " saying " << want["includes"];
  }
  if (expect.contains("fee")) {
    ASSERT_TRUE(result["fee"].is_object());
    for (const auto& [key, value] : expect["fee"].items()) {
      if (value.is_number_float()) {
        EXPECT_EQ(cents(result["fee"][key]), cents(value)) << "fee." << key;
      } else {
        EXPECT_EQ(result["fee"][key], value) << "fee." << key;
      }
    }
  }
  for (const auto& want : expect.value("lineAllowed", json::array())) {
    EXPECT_TRUE(std::any_of(result["lines"].begin(), result["lines"].end(),
                            [&](const json& l) {
                              return l["code"] == want["code"] &&
                                     (!want.contains("modifiers") || l["modifiers"] == want["modifiers"]) &&
                                     cents(l["allowed"]) == cents(want["allowed"]) &&
                                     l.value("denied", json()) == want.value("denied", json());
                            }))
        << "no line " << want;
  }
  for (const auto& want : expect.value("linePointers", json::array())) {
    EXPECT_TRUE(std::any_of(result["lines"].begin(), result["lines"].end(),
                            [&](const json& l) {
                              return l["code"] == want["code"] &&
                                     (!want.contains("modifiers") || l["modifiers"] == want["modifiers"]) &&
                                     l.value("diagnosisPointers", json()) == want["diagnosisPointers"];
                            }))
        << "no line " << want;
  }
  for (const auto& want : expect.value("edits", json::array())) {
    EXPECT_TRUE(std::any_of(result["edits"].begin(), result["edits"].end(),
                            [&](const json& e) { return partial_match(e, want); }))
        << "no edit " << want;
  }
  for (const auto& unwanted : expect.value("noEdits", json::array())) {
    EXPECT_FALSE(std::any_of(result["edits"].begin(), result["edits"].end(),
                             [&](const json& e) { return partial_match(e, unwanted); }))
        << "unexpected edit " << unwanted;
  }
  for (const auto& id : expect.value("checklistIds", json::array())) {
    EXPECT_TRUE(std::any_of(result["checklist"].begin(), result["checklist"].end(),
                            [&](const json& c) { return c["id"] == id; }))
        << "no checklist item " << id;
  }
}

class Vectors : public testing::TestWithParam<fs::path> {};

// The text a vector sends: rawVisit when the case can't be written as a JSON object (duplicate keys).
std::string visit_text(const json& vec) {
  return vec.contains("rawVisit") ? vec["rawVisit"].get<std::string>() : vec["visit"].dump();
}

TEST_P(Vectors, ResultMatchesTheVector) {
  const json vec = read_json(GetParam());
  const json result = json::parse(evaluate_json(visit_text(vec)));
  check_vector(vec, result);
}

// Any compliant result is also internally consistent: the same shape whatever the vector.
TEST_P(Vectors, ResultHasEveryContractKey) {
  const json vec = read_json(GetParam());
  const json result = json::parse(evaluate_json(visit_text(vec)));
  for (const char* key :
       {"ok", "lines", "edits", "warnings", "errors", "ties", "checklist", "fee", "releases", "trace"}) {
    EXPECT_TRUE(result.contains(key)) << key;
  }
  EXPECT_EQ(result["ok"].get<bool>(), result["errors"].empty());
}

INSTANTIATE_TEST_SUITE_P(Shared, Vectors, testing::ValuesIn(vector_files()),
                         [](const testing::TestParamInfo<fs::path>& param) {
                           std::string name =
                               param.param.parent_path().filename().string() + "_" + param.param.stem().string();
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace unitwise
