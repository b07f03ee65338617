// Medicare physician fee schedule pricing of one unit (docs/rules.md §9 F9.1), exposed for tests.
#pragma once

#include <optional>
#include <string_view>

#include "base/exact_money.h"
#include "unitwise/reference.h"

namespace unitwise {

struct UnitPrice {
  Exact full = 0;     // (work x wGPCI + PE x peGPCI + MP x mpGPCI) x CF
  Exact pe_part = 0;  // PE x peGPCI x CF: what MPPR halves
};

// RVUs x100, GPCIs x1000, CF x10000, as in the reference tables.
UnitPrice unit_price(int work, int pe, int mp, const GpciRow& gpci, std::int64_t cf);

// Who pays a line's allowed amount: deductible first, then 20% coinsurance; Medicare's share loses 2%
// sequestration (First Coast example). `deductible_left` is the deductible still to meet.
struct LineShare {
  Cents deductible = 0;
  Cents coinsurance = 0;
  Cents sequestration = 0;
  Cents medicare_pays = 0;
};
// The Medicare shares by default: 20% coinsurance (42 U.S.C. 1395m(k)(1)(B)), 2% sequestration from 1 July 2022.
LineShare share_of(Cents allowed, Cents deductible_left, int coinsurance_percent = 20, int sequestration_percent = 2);

}  // namespace unitwise
