// Visit JSON → a ValidVisit: the JSON's shape is checked here, then validate() checks what it means.
#pragma once

#include <string_view>

#include "unitwise/unitwise.h"

namespace unitwise {

Validation parse_visit(std::string_view json_text, const ReferenceData& data);

}  // namespace unitwise
