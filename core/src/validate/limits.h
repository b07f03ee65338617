// Bounds on a visit: far above any real visit, they bound time and memory and catch typing slips.
#pragma once

#include <cstddef>

#include "unitwise/model.h"

namespace unitwise {

inline constexpr std::size_t kMaxVisitBytes = 4u << 20;
inline constexpr std::size_t kMaxServices = 100;  // a day of therapy is a few dozen lines at most
inline constexpr int kMaxMinutes = 24 * 60;       // minutes in a day
inline constexpr int kMaxRtmDays = 30;            // RTM device supply: days of data in a 30-day period
inline constexpr Cents kMaxCents = 100000000;     // $1,000,000: above any yearly therapy spend

}  // namespace unitwise
