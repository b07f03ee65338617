// Medicare payment localities: "<mac>-<locality>" ids from the CMS GPCI files, plus "national".
#include <string_view>

#include "unitwise/billing_edits.h"

namespace unitwise {

std::optional<ref::GpciRow> find_locality(int year, std::string_view locality) {
  if (locality == "national") {
    // The national amount has no geographic adjustment: every GPCI is 1.000 (CMS PFS definition).
    return ref::GpciRow{year, "", "US", "", "NATIONAL", 1000, 1000, 1000};
  }
  const auto dash = locality.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const auto mac = locality.substr(0, dash);
  const auto loc = locality.substr(dash + 1);
  for (const auto& row : ref::gpcis()) {
    if (row.year == year && row.mac == mac && row.locality == loc) return row;
  }
  return std::nullopt;
}

}  // namespace unitwise
