// The input's columns and an open visit as its rows build it: what the reader, the window and the writer share.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace unitwise_cli::csv {

// Input columns. The first six are required.
enum Column { kVisitId, kDate, kDiscipline, kCode, kMinutes, kAssistantMinutes, kLocality, kSetting,
              kPayer, kPlaceOfService, kDistinctService, kDays, kColumnCount };
inline constexpr const char* kColumnNames[kColumnCount] = {
    "visit_id", "date_of_service", "discipline", "code", "minutes", "assistant_minutes",
    "locality", "setting", "payer", "place_of_service", "distinct_service", "days"};
inline constexpr int kRequiredColumns = kLocality;

// A visit-level value and the input line that gave it (0: not given yet).
struct VisitField {
  std::string value;
  long line = 0;
};

struct ServiceRow {
  long line = 0;
  std::string code, minutes, assistant_minutes;
  std::string days;  // days of remote-monitoring data in the 30-day period (98976-98978, 98984, 98985)
};

struct OpenVisit {
  std::string id;
  long first_line = 0;
  bool keyed = true;  // reachable through its visit_id (false: an error row of a row without one)
  VisitField date, discipline, locality, setting;
  std::vector<ServiceRow> services;
  std::vector<std::string> errors;  // "line N: ..."
  bool too_many_rows = false;
};

}  // namespace unitwise_cli::csv
