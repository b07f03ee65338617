// An open visit as its rows build it: what the reader, the window and the writer share.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "csv_format.h"  // the columns, limits and messages, shared with the page

namespace unitwise_cli::csv {

// A visit-level value and the input line that gave it (0: not given yet): `value` as the engine gets it, `text` as
// the cell wrote it (04/16/2026 and 2026-04-16, "ST" and "SLP", are one value, two texts).
struct VisitField {
  std::string value;
  std::string text;
  long line = 0;
};

struct ServiceRow {
  long line = 0;
  std::string code, minutes, assistant_minutes;
  std::string days;                // days of remote-monitoring data in the 30-day period (98976-98978, 98984, 98985)
  std::string diagnosis_pointers;  // "2 1" or "2;1": which of the visit's diagnoses this service treats
  std::string clinician;           // who furnished it, as the cell wrote it: not sent to the engine
};

struct OpenVisit {
  std::string id;
  long first_line = 0;
  bool keyed = true;  // reachable through its visit_id (false: an error row of a row without one)
  VisitField date, discipline, locality, setting, diagnoses;
  std::vector<ServiceRow> services;
  std::vector<std::string> errors;  // "line N: ..."
  bool too_many_rows = false;
};

}  // namespace unitwise_cli::csv
