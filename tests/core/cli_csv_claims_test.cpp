// `unitwise evaluate --csv` writing claim lines (docs/batch.md, "Output"): columns, exit codes, formula cells,
// and agreement with the JSON Lines `--batch` on every claim line of 300 random visits.
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli_csv.h"

namespace {

using nlohmann::json;

TEST(CliCsv, TwoVisitsGiveTheirClaimLines) {
  const CsvRun r = run_cli("evaluate --csv -", kHeader +
                                                   "A,2026-03-02,PT,97112,24,\n"
                                                   "A,2026-03-02,PT,97110,23,\n"
                                                   "B,2026-03-02,OT,97530,40,10\n");
  EXPECT_EQ(r.status, 0) << r.err;
  const Rows rows = parse_csv(r.out);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0], kOutHeader);
  // The built-in NCCI pair table is of 2024-07-01, so a 2026 visit is told it may be stale (docs/data.md).
  EXPECT_EQ(rows[1],
            (std::vector<std::string>{"A", "1", "97112", "2", "GP", "57.62", "", "table-may-be-stale", "", ""}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"A", "2", "97110", "1", "GP", "22.21", "", "", "", ""}));
  // A code split between therapist and assistant: the non-CO line first (result-and-vectors.md).
  EXPECT_EQ(rows[3],
            (std::vector<std::string>{"B", "1", "97530", "2", "GO", "60.12", "", "table-may-be-stale", "", ""}));
  EXPECT_EQ(rows[4], (std::vector<std::string>{"B", "2", "97530", "1", "GO CO", "21.29", "", "", "", ""}));
}

// Diagnoses (issue 30): the visit's codes in one cell, each service's pointers in its own; every claim line says
// which diagnoses it treats, in the last column, and a service that names none treats the first.
TEST(CliCsv, EachClaimLineCarriesItsDiagnosisPointers) {
  const CsvRun r = run_cli("evaluate --csv -",
                           "visit_id,date_of_service,discipline,code,minutes,diagnoses,diagnosis_pointers\n"
                           "A,2026-03-02,PT,97110,38,M54.50;R26.89,2 1\n"
                           "A,2026-03-02,PT,97530,15,M54.50;R26.89,\n");
  EXPECT_EQ(r.status, 0) << r.err;
  const Rows rows = parse_csv(r.out);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].back(), "2 1");
  EXPECT_EQ(rows[2].back(), "1");
}

// The days column reaches the engine's device-supply bands (issue 27): 98985 is for 2-15 days of data, so 20
// days billed as 98985 is warned toward 98977; within its band, no warning.
TEST(CliCsv, TheDaysColumnChecksTheDeviceSupplyBands) {
  const CsvRun r = run_cli("evaluate --csv -",
                           "visit_id,date_of_service,discipline,code,minutes,assistant_minutes,days\n"
                           "A,2026-03-02,PT,98985,,,20\n"
                           "B,2026-03-02,PT,98985,,,10\n");
  EXPECT_EQ(r.status, 0) << r.err;
  const Rows rows = parse_csv(r.out);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_NE(rows[1][kWarnings].find("rtm-other-code"), std::string::npos) << rows[1][kWarnings];
  EXPECT_EQ(rows[2][kWarnings].find("rtm-other-code"), std::string::npos) << rows[2][kWarnings];
}

// CSV injection (OWASP): a cell a spreadsheet would run as a formula is written with a leading ', in claim rows
// and error rows alike; no output cell starts with = + - @, a tab or a CR. A ' first gets one more: reversible.
TEST(CliCsv, FormulaCellsAreWrittenAsText) {
  const std::vector<std::string> ids = {
      "=HYPERLINK(\"http://x.test\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\tTAB", "\rCR", "'quoted"};
  std::string input = kHeader;
  for (const std::string& id : ids) {
    std::string quoted = "\"";
    for (const char c : id) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    input += quoted + "\",2026-03-02,PT,97112,24,\n";
  }
  input += "\"=1+1\",2026-03-02,PT,97112,twenty,\n";  // an invalid visit: its error row too
  const CsvRun r = run_cli("evaluate --csv", input);
  EXPECT_EQ(r.status, 1) << r.err;
  const Rows rows = parse_csv(r.out);
  ASSERT_EQ(rows.size(), ids.size() + 2) << r.out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(rows[i + 1][kId], "'" + ids[i]);
    EXPECT_EQ(rows[i + 1][kUnits], "2");
  }
  EXPECT_EQ(rows.back()[kId], "'=1+1");
  EXPECT_EQ(rows.back()[kErrors].rfind("line 10: minutes must be a number", 0), 0u) << rows.back()[kErrors];
  for (const auto& row : rows) {
    for (const std::string& cell : row) {
      EXPECT_TRUE(cell.empty() || std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos) << cell;
    }
  }
}

TEST(CliCsv, WriteErrorExitsTwo) {
  const CsvRun r = run_cli("evaluate --csv", kHeader + kBody, ">/dev/full");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("cannot write"), std::string::npos) << r.err;
}

// 300 seeded random visits, their rows shuffled across visits (order within a visit kept): every claim
// line of --csv equals the --batch result of the same visit as JSON: code, units, modifiers, allowed.
TEST(CliCsv, AgreesWithJsonBatchOnEveryLineOf300RandomVisits) {
  std::mt19937 rng(20261123);  // mt19937's sequence is fixed by the standard; distributions are not: use raw draws
  const auto below = [&](unsigned n) { return static_cast<int>(rng() % n); };
  const auto pick = [&](const std::vector<std::string>& list) {
    return list[static_cast<std::size_t>(below(static_cast<unsigned>(list.size())))];
  };
  const std::vector<std::string> timed = {"97110", "97112", "97116", "97140", "97530",
                                          "97535", "97035", "97032", "97750", "97129"};
  const std::vector<std::string> untimed = {"97161", "97164", "97165", "97150", "G0283",
                                            "97010", "97014", "92507", "92526", "97012"};
  const std::vector<std::string> localities = {"",         "national", "13202-01", "01112-05",
                                               "04412-99", "10112-00", "06302-00"};

  struct Row {
    std::string id, date, discipline, code, minutes, assistant, locality, setting;
  };
  std::vector<std::vector<Row>> visits;
  std::string jsonl;
  for (int v = 0; v < 300; ++v) {
    const std::string id = v % 7 == 0 ? "v " + std::to_string(v) + ", \"quoted\"" : "v" + std::to_string(v);
    json visit = {{"dateOfService", (below(2) ? "2025" : "2026") + std::string("-0") + std::to_string(1 + below(9)) +
                                        "-1" + std::to_string(below(10))},
                  {"discipline", pick({"PT", "PT", "OT", "SLP"})}};
    const std::string locality = pick(localities);
    const std::string setting = pick({"", "", "facility", "nonfacility"});
    if (!locality.empty()) visit["locality"] = locality;
    if (!setting.empty()) visit["setting"] = setting;
    std::vector<Row> rows;
    for (int n = 1 + below(5); n > 0; --n) {
      const bool is_timed = below(4) != 0;
      json service = {{"code", pick(is_timed ? timed : untimed)}};
      Row row{id,
              visit["dateOfService"].get<std::string>(),
              visit["discipline"].get<std::string>(),
              service["code"].get<std::string>(),
              "",
              "",
              locality,
              setting};
      if (is_timed || below(2)) {
        const int minutes = below(71);
        service["minutes"] = minutes;
        row.minutes = std::to_string(minutes);
        if (below(10) < 3) {
          service["assistantMinutes"] = below(static_cast<unsigned>(minutes) + 1);
          row.assistant = std::to_string(service["assistantMinutes"].get<int>());
        }
      }
      visit["services"].push_back(service);
      rows.push_back(row);
    }
    if (below(100) < 8) {  // invalid on purpose, as the engine sees it
      rows[0].minutes = pick({"-3", "5000", "12.5"});
      visit["services"][0]["minutes"] = json::parse(rows[0].minutes);
    }
    jsonl += visit.dump() + "\n";
    visits.push_back(rows);
  }

  // Interleave: take the next row of a random one of the first few unfinished visits.
  const auto quote = [](const std::string& s) {
    std::string out = "\"";
    for (const char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  std::string csv = "setting,visit_id,code,minutes,assistant_minutes,date_of_service,discipline,locality\n";
  std::vector<std::size_t> next(visits.size(), 0);
  std::vector<std::size_t> unfinished;
  std::size_t opened = 0;
  std::vector<std::string> first_appearance;
  while (opened < visits.size() || !unfinished.empty()) {
    while (unfinished.size() < 6 && opened < visits.size()) unfinished.push_back(opened++);
    const std::size_t k = static_cast<std::size_t>(below(static_cast<unsigned>(unfinished.size())));
    const std::size_t v = unfinished[k];
    const Row& r = visits[v][next[v]];
    if (next[v] == 0) first_appearance.push_back(r.id);
    csv += r.setting + "," + quote(r.id) + "," + r.code + "," + r.minutes + "," + r.assistant + "," + r.date + "," +
           r.discipline + "," + (below(2) ? quote(r.locality) : r.locality) + "\n";
    if (++next[v] == visits[v].size()) unfinished.erase(unfinished.begin() + static_cast<std::ptrdiff_t>(k));
  }

  const CsvRun batch = run_cli("evaluate --batch", jsonl);
  const CsvRun table = run_cli("evaluate --csv", csv);
  EXPECT_EQ(batch.status, 1);  // some visits are invalid on purpose
  EXPECT_EQ(table.status, 1) << table.err;
  const Rows rows = parse_csv(table.out);

  std::vector<std::string> order;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (order.empty() || order.back() != rows[i][kId]) order.push_back(rows[i][kId]);
  }
  EXPECT_EQ(order, first_appearance);

  std::size_t start = 0, compared = 0, invalid = 0;
  for (std::size_t v = 0; v < visits.size(); ++v) {
    const std::size_t nl = batch.out.find('\n', start);
    ASSERT_NE(nl, std::string::npos);
    const json result = json::parse(batch.out.substr(start, nl - start));
    start = nl + 1;
    const auto got = rows_of(rows, visits[v][0].id);
    SCOPED_TRACE("visit " + visits[v][0].id);
    if (!result["ok"].get<bool>()) {
      ++invalid;
      ASSERT_EQ(got.size(), result["errors"].size());
      for (const auto& row : got) EXPECT_NE(row[kErrors], "");
      continue;
    }
    // Denied lines are not claim lines (docs/rules.md §D): the CSV leaves them out and names them on the first row.
    std::vector<json> claim;
    std::size_t denied = 0;
    for (const json& line : result["lines"]) {
      if (line.contains("denied")) ++denied;
      else claim.push_back(line);
    }
    if (claim.empty()) {
      ASSERT_EQ(got.size(), 1u);
      EXPECT_EQ(got[0][kCode], "");
      continue;
    }
    ASSERT_EQ(got.size(), claim.size());
    if (denied > 0) {
      EXPECT_NE(got[0][kEdits].find("denied "), std::string::npos);
    }
    for (std::size_t i = 0; i < got.size(); ++i) {
      const json& line = claim[i];
      std::string modifiers;
      for (const json& m : line["modifiers"]) modifiers += (modifiers.empty() ? "" : " ") + m.get<std::string>();
      char allowed[32];
      std::snprintf(allowed, sizeof allowed, "%.2f", line["allowed"].get<double>());
      EXPECT_EQ(got[i][kLine], std::to_string(i + 1));
      EXPECT_EQ(got[i][kCode], line["code"].get<std::string>());
      EXPECT_EQ(got[i][kUnits], std::to_string(line["units"].get<int>()));
      EXPECT_EQ(got[i][kModifiers], modifiers);
      EXPECT_EQ(got[i][kAllowed], allowed);
      EXPECT_EQ(got[i][kErrors], "");
      ++compared;
    }
  }
  EXPECT_GT(compared, 500u);
  EXPECT_GT(invalid, 10u);
}

}  // namespace
