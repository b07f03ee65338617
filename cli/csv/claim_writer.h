// Writing the claim-line CSV: a closed visit evaluated, and its claim lines or its errors written as rows.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "unitwise/reference.h"
#include "visit.h"

namespace unitwise_cli::csv {
class ClinicianDays;
}

namespace unitwise_cli::csv {

// One CSV row at a time, each cell quoted only when it must be and never readable as a spreadsheet formula.
class CsvWriter {
 public:
  explicit CsvWriter(std::FILE* out) : out_(out) {}
  void field(std::string_view s);
  void end_row();

 private:
  std::FILE* out_;
  bool first_ = true;
};

class ClaimWriter {
 public:
  // `days`, when not null, is given each valid visit with the codes of its claim lines (--clinician-days).
  ClaimWriter(std::FILE* out, const unitwise::ReferenceData& data, ClinicianDays* days = nullptr)
      : writer_(out), data_(data), days_(days) {}

  // The header row: visit_id,line,code,units,modifiers,allowed,edits,warnings,errors,diagnosis_pointers.
  static void write_header(std::FILE* out);
  // The visit's claim lines, or its errors (its own, else the engine's) as error rows.
  void write_visit(const OpenVisit& v);
  // One row per error: the visit_id and the error, the claim-line columns empty.
  void write_errors(const OpenVisit& v, const std::vector<std::string>& errors);
  // 1 once an error row was written, else 0: the CLI's exit status so far.
  int status() const { return status_; }

 private:
  CsvWriter writer_;
  const unitwise::ReferenceData& data_;
  ClinicianDays* days_;
  int status_ = 0;
};

}  // namespace unitwise_cli::csv
