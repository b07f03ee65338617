// Remote therapeutic monitoring (docs/rules.md §W2): the time and day floors of the RTM codes on one visit.
#pragma once

#include <string_view>
#include <vector>

#include "rules/rules.h"

namespace unitwise {

// Denies (under-time-floor) RTM lines below their floor, counts 98981's 20-minute blocks, suggests the 98981 units
// 98980's minutes hold (never adding a code), and checks device days against each code's band.
void apply_rtm(const ValidVisit& visit, std::vector<Line>& lines, Notes& notes);

}  // namespace unitwise
