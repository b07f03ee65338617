// Result struct → the contract's result JSON (docs/result-and-vectors.md).
#pragma once

#include <string>
#include <vector>

#include "unitwise/model.h"

namespace unitwise {

std::string result_to_json(const Result& result, const Date& date_of_service);
std::string errors_to_json(const std::vector<FieldError>& errors);

}  // namespace unitwise
