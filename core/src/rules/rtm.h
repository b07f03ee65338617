// Remote therapeutic monitoring (docs/rules.md §W2): the time and day floors of the RTM codes on one visit.
#pragma once

#include <string_view>
#include <vector>

#include "rules/rules.h"

namespace unitwise {

// 98976, 98977, 98978 (16–30 days of data) and 98984, 98985 (2–15 days), per 30-day period.
bool is_rtm_device_supply(std::string_view code);
// 98979 (10–19 minutes), 98980 (first 20) and 98981 (each further 20), per calendar month.
bool is_rtm_management(std::string_view code);

// Denies (under-time-floor) RTM lines below their floor, counts 98981's 20-minute blocks, suggests the 98981 units
// 98980's minutes hold (never adding a code), and checks device days against each code's band.
void apply_rtm(const ValidVisit& visit, std::vector<Line>& lines, Notes& notes);

}  // namespace unitwise
