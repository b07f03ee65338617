// Visit JSON → a ValidVisit: the JSON's shape is checked here, then validate() checks what it means.
#pragma once

#include <string_view>

#include "unitwise/unitwise.h"

namespace unitwise {

Validation parse_visit(std::string_view json_text, const ReferenceData& data);

// The error for a visit text of `bytes` bytes, above the 4 MiB limit (a reader that stops early still names the size).
std::string oversized_visit_message(std::size_t bytes);

}  // namespace unitwise
