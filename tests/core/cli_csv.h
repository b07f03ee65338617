// The CLI's CSV output read back, and the input header the `evaluate --csv` suites share.
#pragma once

#include <csv.h>

#include <cstddef>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli_run.h"

using Rows = std::vector<std::vector<std::string>>;

using CsvRun = CliRun;

using CsvRun = CliRun;

// The output read back with libcsv, the same RFC 4180 reader the CLI uses.
inline Rows parse_csv(const std::string& text) {
  struct State {
    Rows rows;
    std::vector<std::string> row;
  } state;
  csv_parser p{};
  csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
  auto on_field = [](void* data, std::size_t size, void* s) {
    static_cast<State*>(s)->row.emplace_back(static_cast<const char*>(data), size);
  };
  auto on_row = [](int, void* s) {
    auto* st = static_cast<State*>(s);
    st->rows.push_back(std::move(st->row));
    st->row.clear();
  };
  EXPECT_EQ(csv_parse(&p, text.data(), text.size(), on_field, on_row, &state), text.size());
  EXPECT_EQ(csv_fini(&p, on_field, on_row, &state), 0);
  csv_free(&p);
  return state.rows;
}

inline const std::string kHeader = "visit_id,date_of_service,discipline,code,minutes,assistant_minutes\n";
inline const std::vector<std::string> kOutHeader = {"visit_id", "line",  "code",     "units",  "modifiers",
                                                    "allowed",  "edits", "warnings", "errors", "diagnosis_pointers"};

// Output columns.
enum { kId, kLine, kCode, kUnits, kModifiers, kAllowed, kEdits, kWarnings, kErrors };

inline std::vector<std::vector<std::string>> rows_of(const Rows& rows, const std::string& id) {
  std::vector<std::vector<std::string>> out;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i][kId] == id) out.push_back(rows[i]);
  }
  return out;
}

inline const std::string kBody = "A,2026-03-02,PT,97112,24,\nB,2026-03-02,OT,97530,40,10\nA,2026-03-02,PT,97110,23,\n";
