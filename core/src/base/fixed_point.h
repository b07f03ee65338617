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

// The same text into out, which holds kFixedChars; returns its length. For writers that keep their own buffer.
constexpr std::size_t kFixedChars = 24;  // sign, 19 digits, point, and a leading "0" before the point
std::size_t write_fixed(char* out, long long scaled, int decimals);

}  // namespace unitwise
