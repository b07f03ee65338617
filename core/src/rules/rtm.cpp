// RTM floors (docs/rules.md §W2, §D): treatment management minutes in the calendar month and device-supply days in
// the 30-day period, as the CPT descriptors give them (via AAPC, FairPath, MedBridge: secondary sources).
#include "rules/rtm.h"

#include <algorithm>
#include <string>

#include "base/concat.h"
#include "reference/rtm_codes.h"
#include "rules/denials.h"
#include "rules/trace_text.h"

namespace unitwise {
namespace {

constexpr const char* kRtmSource =
    "docs/rules.md §W2: RTM management 98979 10-19 min, 98980 first 20, 98981 each further 20 per calendar month; "
    "device supply 98976-98978 16-30 days, 98984/98985 2-15 days per 30 days (AAPC, FairPath, MedBridge) [2nd]";

constexpr int kBlock = 20;       // 98980 covers the first 20 minutes, 98981 each further 20
constexpr int kBriefFloor = 10;  // 98979: 10–19 minutes
constexpr int kShortSupplyFloor = 2;

const Service* service_of(const Visit& visit, const Line& line) {
  for (const Service& s : visit.services) {
    if (s.code == line.code && s.discipline == line.discipline) return &s;
  }
  return nullptr;
}

bool entered(const Visit& visit, std::string_view code) {
  return std::any_of(visit.services.begin(), visit.services.end(), [&](const Service& s) { return s.code == code; });
}

}  // namespace

void apply_rtm(const ValidVisit& valid, std::vector<Line>& lines, Notes& notes) {
  const Visit& visit = valid.visit();
  Trace trace(notes.trace_on, notes.trace);
  auto deny = [&](Line& line, std::string message) {
    deny_code(lines, line.code, Denial::UnderTimeFloor);
    notes.warn(WarningId::UnderTimeFloor, std::move(message), line.code);
  };
  for (Line& line : lines) {
    if (!line.billed() || line.assistant) continue;
    const Service* s = service_of(visit, line);
    if (s == nullptr) continue;
    const int m = s->minutes;
    // Without minutes (or days) the floor is not checked: the line is billed as before, with nothing added.
    if (is_rtm_management(line.code) && !s->has_minutes) continue;
    if (line.code == "98979") {
      if (m < kBriefFloor) {
        deny(line,
             cat({"98979 needs at least ", kBriefFloor, " minutes of treatment management in the calendar month; ", m,
                  " minutes bill nothing this month, so it is denied ($0). Drop it, or bill it once the "
                  "month's time reaches ",
                  kBriefFloor, " minutes."}));
      } else if (m >= kBlock) {
        notes.warn(WarningId::RtmOtherCode,
                   cat({"98979 covers 10-19 minutes in a month; ", m,
                        " minutes fit 98980 "
                        "(the first 20 minutes), which may be billed instead."}),
                   line.code);
      }
    } else if (line.code == "98980") {
      if (m < kBlock) {
        deny(line, m >= kBriefFloor
                       ? cat({"98980 needs at least ", kBlock, " minutes in the calendar month; ", m,
                              " minutes belong to 98979 (10-19 minutes), so 98980 is denied ($0): bill 98979 instead."})
                       : cat({"98980 needs at least ", kBlock, " minutes in the calendar month; ", m,
                              " minutes bill "
                              "no treatment management this month, so it is denied ($0). Drop it."}));
      } else if (m >= 2 * kBlock && !entered(visit, "98981")) {
        const int further = (m - kBlock) / kBlock;
        notes.warn(WarningId::RtmFurtherUnits,
                   cat({"98980 covers the first ", kBlock, " of the month's ", m, " minutes; the other ", m - kBlock,
                        " minutes hold ", count(further, "further 20-minute block"), ": add 98981 × ", further,
                        " (unitwise never adds a code you did not enter)."}),
                   line.code);
      }
    } else if (line.code == "98981") {
      if (m < kBlock) {
        deny(line, cat({"98981 is billed per further ", kBlock, " minutes after 98980's first 20; ", m,
                        " minutes make no full block, so it is denied ($0). Drop it, or count these minutes "
                        "toward a later block."}));
      } else if (m / kBlock != line.units) {
        line.units = m / kBlock;  // one unit per full further 20 minutes
        trace.add(Rule::Rtm, line.code, kRtmSource, [&] {
          return cat({"98981: ", m, " further minutes hold ", count(line.units, "20-minute block"), " → ",
                      count(line.units, "unit"), "."});
        });
      }
    } else if (const RtmSupplyBand* band = rtm_supply_band(line.code)) {
      if (!s->has_days) continue;
      if (s->days < band->low) {
        const RtmSupplyBand* other = band->other.empty() ? nullptr : rtm_supply_band(band->other);
        const bool fits_other = other != nullptr && s->days >= other->low && s->days <= other->high;
        deny(line, cat({line.code, " needs ", band->low, "-", band->high, " days of device data in the 30-day period; ",
                        count(s->days, "day"), " ",
                        fits_other
                            ? cat({"fit ", other->code, " (", other->low, "-", other->high, " days), so ", line.code,
                                   " is denied ($0): bill ", other->code, " instead."})
                            : (s->days < kShortSupplyFloor
                                   ? std::string("bill no device supply for the period, so it is denied ($0). Drop it.")
                                   : cat({"are too few, so it is denied ($0). Drop it."}))}));
      } else if (s->days > band->high) {
        notes.warn(WarningId::RtmOtherCode,
                   cat({line.code, " covers ", band->low, "-", band->high, " days of device data; ", s->days,
                        " days fit ", band->other, " (16-30 days): bill ", band->other, " instead."}),
                   line.code);
      }
    }
  }
}

}  // namespace unitwise
