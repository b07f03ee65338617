// Cells as EHRs write them (docs/batch.md, "Files as EHRs export them"): US and day-first dates, and discipline
// words. The page reads them alike (web/file/csv-cells.js), from the same lists in format.json.
#pragma once

#include <string>
#include <string_view>

namespace unitwise_cli::csv {

// How a slashed date is read: 04/05/2026 is April 5 month first (the US way, the default), 4 May day first.
enum class DateOrder { kMonthFirst, kDayFirst };

// A date cell read: `value` what the engine gets, or `error` (the whole message, after "line N: ") when the cell is
// a slashed date no calendar has.
struct DateCell {
  std::string value;
  std::string error;
};

// M/D/YYYY and M/D/YY (D/M/... day first) as YYYY-MM-DD; a two-digit year below kTwoDigitYearPivot is 20YY, else
// 19YY. Any other text (YYYY-MM-DD among it) as written, for the engine to check.
DateCell read_date(std::string_view text, DateOrder order);

// A discipline cell as the engine's value (PT, OT, SLP) when format.json's words hold it, else as written.
std::string read_discipline(std::string_view text);

}  // namespace unitwise_cli::csv
