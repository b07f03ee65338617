// Exact money: every amount is an integer count of 1/(2 x 10^11) dollar, so RVU x GPCI x CF (1e-9),
// the MPPR half (1/2) and the 85% assistant rate (1/100) never lose a digit. Rounded to cents once.
#pragma once

#include <cstdint>

#include "unitwise/model.h"

namespace unitwise {

__extension__ typedef __int128 Exact;  // g++ and clang (wasm32 too) have it; __extension__ marks it deliberate

inline constexpr Exact kExactPerDollar = Exact{200000000000};  // 2 x 10^11

// Half-up rounding to whole cents (amounts here are never negative).
inline Cents round_to_cents(Exact amount) {
  const Exact per_cent = kExactPerDollar / 100;
  return static_cast<Cents>((amount + per_cent / 2) / per_cent);
}

inline Exact cents_to_exact(Cents cents) { return Exact{cents} * (kExactPerDollar / 100); }

// part/whole of an amount in cents, rounded half up once: e.g. 20% coinsurance = percent_of(x, 20, 100).
inline Cents percent_of(Cents amount, int part, int whole) {
  return round_to_cents(cents_to_exact(amount) * part / whole);
}

}  // namespace unitwise
