// The visit's payment locality: "national", a code such as "13202-01", or a place such as "Miami, FL".
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "unitwise/reference.h"

namespace unitwise {

// The locality's GPCIs (all 1.000 for national), or the sentence that says why the text names none.
std::variant<GpciRow, std::string> resolve_locality(std::string_view text, const Table<GpciRow>* gpci,
                                                    const Table<LocalityRow>* counties);

}  // namespace unitwise
