// Issue 4's rules: Medicare fee, KX threshold, NCCI PTP and MUE edits, documentation checklist.
// Each is a pure function over the visit and its claim lines (units and modifiers already set).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "unitwise/model.h"
#include "unitwise/reference_data.h"

namespace unitwise {

// What a rule adds to the result besides its own output.
struct Notes {
  bool explain = true;  // false: rules only, no trace text (the core benchmark's path)
  std::vector<Warning> warnings;
  std::vector<TraceEntry> trace;
};

// The GPCI row of a locality in a year ("national" is all 1.000). nullopt: no such locality that year.
std::optional<ref::GpciRow> find_locality(int year, std::string_view locality);

// Years that have RVUs, GPCIs and a conversion factor: the dateOfService range the engine accepts.
inline constexpr int kFirstFeeYear = 2025;
inline constexpr int kLastFeeYear = 2026;

// Prices every line (sets Line::allowed, MPPR, CQ/CO 85%) and returns the visit fee with
// deductible, coinsurance and sequestration. Lines with 0 units are priced at 0.
Fee price_visit(const Visit& visit, std::vector<Line>& lines, Notes& notes);

// Appends KX to the lines of a bucket from the line that crosses the year's threshold on.
void apply_kx(const Visit& visit, std::vector<Line>& lines, Notes& notes);

// NCCI procedure-to-procedure edits among the billed codes of the date of service.
std::vector<Edit> ncci_edits(const Visit& visit, const std::vector<Line>& lines, Notes& notes);

// Medically unlikely edits: units of a code above its MUE.
std::vector<Edit> mue_edits(const Visit& visit, const std::vector<Line>& lines, Notes& notes);

// What the record must show for this visit, per code and for the visit.
std::vector<ChecklistItem> documentation_checklist(const Visit& visit, const std::vector<Line>& lines);

}  // namespace unitwise
