// A clinician's day (docs/batch.md, "A clinician's day"): the billed timed minutes of each clinician on each date,
// the days over a shift length or over 24 hours flagged; `--clinician-days FILE` writes them as CSV.
#pragma once

#include <cstddef>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "csv_format.h"
#include "visit.h"

namespace unitwise_cli::csv {

// A shift length in hundredths of an hour (800: 8 hours, 750: 7.5), so that "over the shift" is exact.
inline constexpr long kDefaultShiftHundredths = kDefaultShiftHours * 100L;

// The hours of --shift-hours ("8", "7.5", "10.25") in hundredths; false unless a number above 0 and at most 24 with
// at most kMaxShiftDecimals decimals (no sign, exponent or spaces).
bool read_shift_hours(std::string_view text, long& hundredths);
// Hundredths of an hour as the user wrote them: 800 is "8", 750 "7.5", 1025 "10.25".
std::string shift_text(long hundredths);
// The flag of a day of `minutes`: "" within the shift, kOverShiftFlag over it, kImpossibleDayFlag over 24 hours.
const char* day_flag(long minutes, long shift_hundredths);

class ClinicianDays {
 public:
  // A valid visit's rows: a row's minutes count when its code is timed and has a claim line in `billed` (the codes of
  // the visit's claim lines: a denied line is none). Each clinician of the visit gets the visit once.
  void add(const OpenVisit& v, const std::vector<std::string>& billed);
  // Whether the input had a clinician column (without one, no row names a clinician).
  void set_column_present(bool present) { column_present_ = present; }
  bool column_present() const { return column_present_; }
  // The CSV: kClinicianDayColumns, then one row a clinician and date, clinicians in order of first appearance and
  // each one's dates in order.
  void write(std::FILE* out, long shift_hundredths) const;
  // A few lines on `err` naming the clinicians with a flagged day, or nothing when no day is flagged.
  void summarize(std::FILE* err, long shift_hundredths, const char* path) const;

 private:
  struct Day {
    long visits = 0;
    long minutes = 0;
  };
  std::vector<std::string> clinicians_;
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<std::map<std::string, Day>> days_;  // by clinician, then date (YYYY-MM-DD)
  bool column_present_ = false;
};

}  // namespace unitwise_cli::csv
