#include "reference/coverage_data.h"

#include <vector>

#include "reference/embedded_files.h"

namespace unitwise {

const Replacement* medicare_replacement(std::string_view code) {
  static const std::vector<Replacement> rows = [] {
    std::vector<Replacement> out;
    for (auto& f : static_rows("medicare_replacements.csv", 4)) out.push_back({f[0], f[1], f[2], f[3]});
    return out;
  }();
  for (const Replacement& r : rows) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

const DistinctServiceModifier* distinct_service_modifier(std::string_view modifier) {
  static const std::vector<DistinctServiceModifier> rows = [] {
    std::vector<DistinctServiceModifier> out;
    for (auto& f : static_rows("distinct_services.csv", 4)) out.push_back({f[0], f[1], f[2], f[3]});
    return out;
  }();
  for (const DistinctServiceModifier& m : rows) {
    if (m.modifier == modifier) return &m;
  }
  return nullptr;
}

}  // namespace unitwise
