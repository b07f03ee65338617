// Decimal text ↔ fixed-point integers, digit for digit: money and RVUs never pass through a float.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace unitwise {

// "0.45" at 2 decimals → 45; "1" at 3 → 1000; "-" or "0.455" at 2 → nullopt (a digit would be lost).
std::optional<std::int64_t> parse_fixed(std::string_view text, int decimals);

// (3507, 2) → "35.07"; (334009, 4) → "33.4009".
std::string fixed_text(long long scaled, int decimals);

}  // namespace unitwise
