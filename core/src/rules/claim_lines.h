// Claim lines: the entries' units as lines with their modifiers, and the denials that follow from the lines alone.
#pragma once

#include <vector>

#include "rules/rules.h"
#include "rules/unit_allocation.h"

namespace unitwise {

// GP/GO/GN on every line, CQ/CO on the assistant's units (split into their own line), GA/GY by liability.
void build_lines(const Entries& entries, const Visit& visit, Result& r, Trace& trace);

// Denies an add-on code billed without its primary code; warns when 97129 has more than one unit.
void check_code_pairs(const Entries& entries, Result& r);

// Denies the lines of a code billed outside its validity dates.
void deny_outside_dates(const ValidVisit& valid, std::vector<Line>& lines, Notes& notes);

}  // namespace unitwise
