// Visit JSON → Visit struct, with every field validated (contract.md "The visit").
#pragma once

#include <string_view>
#include <vector>

#include "unitwise/model.h"

namespace unitwise {

struct ParsedVisit {
  Visit visit;                      // meaningful only when errors is empty
  std::vector<FieldError> errors;   // one per bad field, with its JSON pointer
};

ParsedVisit parse_visit(std::string_view json_text);

}  // namespace unitwise
