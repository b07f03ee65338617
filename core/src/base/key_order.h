// Stable sorting by a 64-bit key with one sort routine for every row type: each std::stable_sort of a
// row type is its own ~2 KB of wasm (issue 16), so callers sort indices by key and then move rows.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace unitwise {

// The positions of `keys` in ascending key order; equal keys keep their input order.
std::vector<std::uint32_t> key_order(const std::vector<std::uint64_t>& keys);

// Items rearranged so that item i of the result is items[order[i]].
template <class T>
void apply_order(std::vector<T>& items, const std::vector<std::uint32_t>& order) {
  std::vector<T> out;
  out.reserve(items.size());
  for (std::uint32_t i : order) out.push_back(std::move(items[i]));
  items = std::move(out);
}

// Stable sort of items by key_of(item) (a std::uint64_t).
template <class T, class KeyOf>
void sort_by_key(std::vector<T>& items, KeyOf key_of) {
  std::vector<std::uint64_t> keys;
  keys.reserve(items.size());
  for (const T& item : items) keys.push_back(key_of(item));
  apply_order(items, key_order(keys));
}

}  // namespace unitwise
