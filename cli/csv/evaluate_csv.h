// `unitwise evaluate --csv`: service lines as CSV in (one row per service, grouped by visit_id),
// claim lines as CSV out. The format, its limits and its memory bound: docs/batch.md.
#pragma once

#include <cstddef>
#include <cstdio>

#include "cells.h"
#include "clinician_days.h"
#include "csv_format.h"
#include "unitwise/reference.h"

namespace unitwise_cli {

struct CsvOptions {
  // Visits held in memory while their rows may still come; 0 = no limit (all visits until the end).
  std::size_t max_open_visits = csv::kDefaultMaxOpenVisits;
  // How a slashed date is read: 04/05/2026 is April 5 month first (the default), 4 May day first (--date-order).
  csv::DateOrder date_order = csv::DateOrder::kMonthFirst;
  // The data the visits are evaluated with (built-in plus --data packs).
  const unitwise::ReferenceData* data = &unitwise::ReferenceData::builtin();
  // Given each valid visit of the final reading (--clinician-days); null: none.
  csv::ClinicianDays* clinician_days = nullptr;
};

// The two errors (after "line N: ") that mean the engine failed, not the input: a result that did not parse, and an
// invalid visit the engine named no error for. The CSV fuzzer checks that no input produces them.
inline constexpr const char* kEngineResultNotJson = "the engine returned a result that is not JSON";
inline constexpr const char* kEngineFoundNoError = "the engine found the visit invalid";

// Reads service-line CSV from `in`, writes claim-line CSV to `out` and fatal problems to `err`.
// Returns the CLI's exit status: 0 every visit valid, 1 some visit invalid, 2 usage or I/O error.
int evaluate_csv(std::FILE* in, std::FILE* out, std::FILE* err, const CsvOptions& options);

// The whole command: `args` are the words after `unitwise evaluate` (one of them is --csv), less any --data.
int evaluate_csv_command(int argc, char** argv, const unitwise::ReferenceData& data);

}  // namespace unitwise_cli
