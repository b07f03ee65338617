#include "rules/eight_minute_rule.h"

#include <algorithm>
#include <numeric>

#include "base/small_vector.h"

namespace unitwise {

TotalTimeAllocation allocate_total_time(const int* minutes, const int* rank, std::size_t n) {
  TotalTimeAllocation a;
  a.full_blocks.resize(n);
  a.units.resize(n);
  int full = 0;
  for (std::size_t i = 0; i < n; ++i) {
    a.total_minutes += minutes[i];
    a.full_blocks[i] = minutes[i] / 15;
    a.units[i] = a.full_blocks[i];
    full += a.full_blocks[i];
  }
  a.total_units = chart_units(a.total_minutes);
  // Never negative and never more than the codes with leftover minutes: total = 15*full + sum(rem),
  // so chart_units(total) - full = chart_units(sum(rem)) <= count of non-zero remainders.
  const int leftover = a.total_units - full;

  SmallVector<std::size_t> candidates;
  for (std::size_t i = 0; i < n; ++i) {
    if (minutes[i] % 15 > 0) candidates.push_back(i);
  }
  auto remainder = [&](std::size_t i) { return minutes[i] % 15; };
  // A total order (the index breaks equal ranks), so sort gives what stable_sort would, without its buffer.
  std::sort(candidates.begin(), candidates.end(), [&](std::size_t x, std::size_t y) {
    if (remainder(x) != remainder(y)) return remainder(x) > remainder(y);
    if (rank[x] != rank[y]) return rank[x] < rank[y];
    return x < y;
  });
  a.leftover_order.reserve(candidates.size());
  const auto given =
      static_cast<std::size_t>(std::max(0, std::min<int>(leftover, static_cast<int>(candidates.size()))));
  for (std::size_t k = 0; k < given; ++k) {
    a.units[candidates[k]] += 1;
    a.leftover_order.push_back(candidates[k]);
  }

  // A tie: the last unit given and the first one refused have the same remainder.
  if (given > 0 && given < candidates.size() && remainder(candidates[given - 1]) == remainder(candidates[given])) {
    const int tied = remainder(candidates[given]);
    a.has_tie = true;
    int above = 0;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
      const std::size_t i = candidates[k];
      if (remainder(i) > tied) ++above;
      if (remainder(i) != tied) continue;
      a.tie.members.push_back(i);
      if (k < given) a.tie.chosen.push_back(i);
    }
    a.tie.units = static_cast<int>(given) - above;
  }
  return a;
}

}  // namespace unitwise
