// Looking codes up in the reference tables without string scans: a code packs into one integer
// (at most 8 ASCII characters), and each table gets a sorted index built once on first use.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "base/key_order.h"

namespace unitwise {

inline std::uint64_t code_key(std::string_view code) {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < 8; ++i) key = (key << 8) | (i < code.size() ? static_cast<unsigned char>(code[i]) : 0u);
  return code.size() > 8 ? ~std::uint64_t{0} : key;  // longer strings are never codes
}

// Two codes of at most 5 characters (digits, capitals) in one exact key: 6 bits a character.
inline std::uint64_t code_pair_key(std::string_view a, std::string_view b) {
  auto pack = [](std::string_view code) -> std::uint64_t {
    if (code.size() > 5) return 0xFFFFFFFFu;
    std::uint64_t v = 0;
    for (char c : code) {
      const int x = static_cast<unsigned char>(c) - 32;
      if (x < 1 || x > 63) return 0xFFFFFFFFu;
      v = (v << 6) | static_cast<std::uint64_t>(x);
    }
    return v;
  };
  return (pack(a) << 32) | pack(b);
}

// Rows of a table sorted by a 64-bit key; find() returns the first row with the key or nullptr.
template <class Row>
class SortedIndex {
 public:
  template <class Table, class KeyOf>
  SortedIndex(const Table& table, KeyOf key_of) {
    for (const Row& row : table) entries_.emplace_back(key_of(row), &row);
    sort_by_key(entries_, [](const auto& e) { return e.first; });  // one sort routine for all (key_order.h)
  }
  // All rows with this key, in table order.
  std::pair<const std::pair<std::uint64_t, const Row*>*, const std::pair<std::uint64_t, const Row*>*> equal_range(
      std::uint64_t key) const {
    auto lo = std::lower_bound(entries_.begin(), entries_.end(), key,
                               [](const auto& e, std::uint64_t k) { return e.first < k; });
    auto hi = std::upper_bound(lo, entries_.end(), key, [](std::uint64_t k, const auto& e) { return k < e.first; });
    return {entries_.data() + (lo - entries_.begin()), entries_.data() + (hi - entries_.begin())};
  }
  const Row* find(std::uint64_t key) const {
    const auto range = equal_range(key);
    return range.first == range.second ? nullptr : range.first->second;
  }

 private:
  std::vector<std::pair<std::uint64_t, const Row*>> entries_;
};

}  // namespace unitwise
