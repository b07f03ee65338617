// Medicare's total-time "8-minute rule" for 15-minute timed codes (MCPM 100-04 ch.5 §20.2 C).
#pragma once

#include <cstddef>
#include <vector>

#include "base/small_vector.h"

namespace unitwise {

// The CMS unit chart: 0 units below 8 minutes, 1 for 8-22, 2 for 23-37, ... (MCPM 100-04 ch.5 §20.2 C,
// "the pattern remains the same" past 2 hours). Also the per-code rule's rounding (AMA midpoint).
constexpr int chart_units(int minutes) { return minutes < 8 ? 0 : (minutes + 7) / 15; }

// Lowest minutes of the chart band that gives `units` (8 for 1, 23 for 2, ...).
constexpr int chart_band_low(int units) { return units <= 1 ? 8 : 15 * units - 7; }

// Equal remainders competing for fewer leftover units (MCPM 100-04 ch.5 §20.2 Ex 2, Ex 5).
struct LeftoverTie {
  SmallVector<std::size_t> members;  // indices of the tied entries
  int units = 0;                     // leftover units the members compete for
  SmallVector<std::size_t> chosen;   // members that got one, by rank
};

struct TotalTimeAllocation {
  int total_minutes = 0;
  int total_units = 0;  // chart_units(total_minutes)
  // Inline for a typical visit's handful of codes: an evaluation allocates nothing for them.
  SmallVector<int> full_blocks;             // floor(minutes / 15) per entry
  SmallVector<int> units;                   // final units per entry
  SmallVector<std::size_t> leftover_order;  // entries that got a leftover unit, in the order given
  bool has_tie = false;
  LeftoverTie tie;
};

// Allocates one pool (one day, one plan of care) of timed minutes: each code first gets its full
// 15-minute blocks, then the remaining units go to the largest leftover minutes (§20.2 Ex 3, Ex 4).
// rank[i] breaks equal remainders: lower rank wins (tie preference, then input order).
TotalTimeAllocation allocate_total_time(const int* minutes, const int* rank, std::size_t n);
inline TotalTimeAllocation allocate_total_time(const std::vector<int>& minutes, const std::vector<int>& rank) {
  return allocate_total_time(minutes.data(), rank.data(), minutes.size());
}

}  // namespace unitwise
