// Which codes are remote therapeutic monitoring's, and each device-supply code's band of days (docs/rules.md §W2):
// facts about the codes, read by validate (days are only for device-supply codes), the RTM rule and episodes.
#pragma once

#include <string_view>

namespace unitwise {

struct RtmSupplyBand {
  std::string_view code;
  int low;
  int high;
  std::string_view other;  // the code for the other band of the same kind of device ("" when none is known)
};

// 98976, 98977, 98978 (16–30 days of data) and 98984, 98985 (2–15 days), per 30-day period.
inline constexpr RtmSupplyBand kRtmSupply[] = {
    {"98976", 16, 30, "98984"}, {"98977", 16, 30, "98985"}, {"98978", 16, 30, ""},
    {"98984", 2, 15, "98976"},  {"98985", 2, 15, "98977"},
};

inline const RtmSupplyBand* rtm_supply_band(std::string_view code) {
  for (const RtmSupplyBand& b : kRtmSupply) {
    if (b.code == code) return &b;
  }
  return nullptr;
}

inline bool is_rtm_device_supply(std::string_view code) { return rtm_supply_band(code) != nullptr; }
// 98979 (10–19 minutes), 98980 (first 20) and 98981 (each further 20), per calendar month.
inline bool is_rtm_management(std::string_view code) { return code == "98979" || code == "98980" || code == "98981"; }

}  // namespace unitwise
