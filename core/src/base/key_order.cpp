#include "base/key_order.h"

#include <algorithm>

namespace unitwise {

std::vector<std::uint32_t> key_order(const std::vector<std::uint64_t>& keys) {
  // (key, position) pairs are all distinct, so an unstable sort of them gives the stable order.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> entries;
  entries.reserve(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) entries.emplace_back(keys[i], static_cast<std::uint32_t>(i));
  std::sort(entries.begin(), entries.end());
  std::vector<std::uint32_t> order;
  order.reserve(entries.size());
  for (const auto& e : entries) order.push_back(e.second);
  return order;
}

}  // namespace unitwise
