// The rules after units and modifiers: Medicare fee, KX, NCCI PTP and MUE edits, documentation checklist,
// and the releases they used. Each is a pure function over the valid visit and its claim lines.
#pragma once

#include <vector>

#include "unitwise/unitwise.h"

namespace unitwise {

// What a rule adds to the result besides its own output.
struct Notes {
  bool trace_on = true;  // false: rules only, no trace text (the core benchmark's path)
  std::vector<Warning> warnings;
  std::vector<TraceEntry> trace;
  // `code`: the code whose lines the warning concerns, when it denies or puts them at risk.
  void warn(WarningId id, std::string message, std::string_view code = {}) {
    warnings.push_back({id, std::move(message), std::string(code)});
  }
};

// Prices every line (sets Line::allowed, MPPR, CQ/CO 85%) and returns the visit fee with
// deductible, coinsurance and sequestration. Lines with 0 units are priced at 0.
Fee price_visit(const ValidVisit& visit, std::vector<Line>& lines, Notes& notes);

// The payer's daily unit caps: units above a cap leave their lines (the last lines first) and the fee.
void apply_unit_caps(const ValidVisit& visit, std::vector<Line>& lines, Notes& notes);

// Place of service 02 or 10 under Medicare: 95 on the codes of the telehealth list, warnings for the others.
void apply_telehealth(const ValidVisit& visit, std::vector<Line>& lines, Notes& notes);

// Appends KX to the lines of a bucket from the line that crosses the year's threshold on.
void apply_kx(const ValidVisit& visit, std::vector<Line>& lines, Notes& notes);

// NCCI procedure-to-procedure edits among the billed codes of the date of service; a distinct service the
// record supports puts its modifier on the column-2 lines and marks the edit bypassed. An indicator-0 edit
// denies the column-2 lines (docs/rules.md §D) when the payer follows Medicare's edits. Runs before pricing.
std::vector<Edit> ncci_edits(const ValidVisit& visit, std::vector<Line>& lines, Notes& notes);

// Medically unlikely edits: units of a code above its MUE.
// Denies (Line::denied) the lines an MUE denies, before they are priced; lines already denied are not counted.
std::vector<Edit> mue_edits(const ValidVisit& visit, std::vector<Line>& lines, Notes& notes);

// What the record must show for this visit, per code and for the visit (texts: core/data/checklist.csv).
std::vector<ChecklistItem> documentation_checklist(const ValidVisit& visit, const std::vector<Line>& lines);

// The releases the visit used, and a warning for each group (fee, thresholds, edits) that had to take
// the nearest release because none covers the date of service.
std::vector<UsedRelease> used_releases(const ValidVisit& visit, Notes& notes);

}  // namespace unitwise
