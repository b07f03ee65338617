// Medicare payment localities: "<mac>-<locality>" ids from the CMS GPCI files, plus "national".
#include <string>
#include <string_view>

#include "code_index.h"

#include "unitwise/billing_edits.h"

namespace unitwise {

std::optional<ref::GpciRow> find_locality(int year, std::string_view locality) {
  if (locality == "national") {
    // The national amount has no geographic adjustment: every GPCI is 1.000 (CMS PFS definition).
    return ref::GpciRow{year, "", "US", "", "NATIONAL", 1000, 1000, 1000};
  }
  // "13202-01" is 8 characters: the id itself is the index key.
  static const SortedIndex<ref::GpciRow> index(ref::gpcis(), [](const ref::GpciRow& r) {
    return code_key(std::string(r.mac) + "-" + std::string(r.locality));
  });
  const auto [first, last] = index.equal_range(code_key(locality));
  for (auto it = first; it != last; ++it) {
    const ref::GpciRow& row = *it->second;
    if (row.year == year && locality.size() == row.mac.size() + 1 + row.locality.size()) return row;
  }
  return std::nullopt;
}

}  // namespace unitwise
