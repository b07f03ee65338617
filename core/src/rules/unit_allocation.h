// Units per code: the visit's services merged into one entry per code and plan of care, and each entry's units
// (docs/rules.md §2, §3): what the claim lines are then built from.
#pragma once

#include <cstddef>
#include <string_view>

#include "unitwise/catalogue.h"
#include "rules/trace_text.h"
#include "base/small_vector.h"
#include "unitwise/unitwise.h"

namespace unitwise {

// One code of one plan of care for the day: duplicates of the input are merged into it.
struct Entry {
  const CodeInfo* info = nullptr;
  Discipline discipline = Discipline::PT;
  int minutes = 0;
  int assistant_minutes = 0;
  bool has_minutes = false;
  int units = 0;
  std::size_t first_service = 0;
  Liability liability = Liability::Payer;  // validate() made the services of one line agree
  std::string_view code() const { return info->code; }
  bool timed() const { return info->timed; }
};
using Entries = SmallVector<Entry>;

// One entry per code and plan of care; a duplicate's minutes are added to its entry, with a warning.
Entries merge_services(const ValidVisit& valid, Result& r, Trace& trace);

// Sets every entry's units: untimed codes one per service, timed codes by the visit's rule set (Medicare total
// time or per-code rounding).
void allocate_units(Entries& entries, const Visit& visit, Result& r, Trace& trace);

}  // namespace unitwise
