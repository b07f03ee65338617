// Exact money: every amount is an integer count of 1/(2 x 10^11) dollar, so RVU x GPCI x CF (1e-9),
// the MPPR half (1/2) and the 85% assistant rate (1/100) never lose a digit. Rounded to cents once.
#pragma once

#include <climits>
#include <cstdint>

#include "unitwise/model.h"

namespace unitwise {

__extension__ typedef __int128 Exact;  // g++ and clang (wasm32 too) have it; __extension__ marks it deliberate

inline constexpr Exact kExactPerDollar = Exact{200000000000};  // 2 x 10^11

// n / d, truncated as Exact division is. In 64 bits when n fits, as every amount up to $46 million does: in wasm a
// 128-bit division is a library routine (__divti3: 6% of the rules' time there).
inline Exact divide(Exact n, std::int64_t d) {
  if (n >= INT64_MIN && n <= INT64_MAX) return static_cast<std::int64_t>(n) / d;
  return n / d;
}

// pct% of an exact amount, truncated as divide() is: the assistant rate, MPPR's reduced share, a payer's percent
// of Medicare. Exact whenever the amount is a whole number of cents or RVU x GPCI x CF (the unit is 1/(2e11) $).
inline Exact percent(Exact amount, std::int64_t pct) { return divide(amount * pct, 100); }

// Half-up rounding to whole cents (amounts here are never negative).
inline Cents round_to_cents(Exact amount) {
  constexpr std::int64_t per_cent = static_cast<std::int64_t>(kExactPerDollar / 100);
  return static_cast<Cents>(divide(amount + per_cent / 2, per_cent));
}

inline Exact cents_to_exact(Cents cents) { return Exact{cents} * (kExactPerDollar / 100); }

// part/whole of an amount in cents, rounded half up once: e.g. 20% coinsurance = percent_of(x, 20, 100).
inline Cents percent_of(Cents amount, int part, int whole) {
  return round_to_cents(divide(cents_to_exact(amount) * part, whole));
}

}  // namespace unitwise
