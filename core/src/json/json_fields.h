// Field helpers shared by the visit and episode parsers: JSON pointer escaping for error paths, and dollars
// read as exact cents.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "unitwise/model.h"

namespace unitwise {

// RFC 6901: "~" → "~0", "/" → "~1", of the key shortened for messages.
std::string escape_pointer(const std::string& key);

// Dollars from 0 to $1,000,000 with at most two decimals, as exact cents. nullptr when `out` was set, else
// what is wrong, for the error at the field's path.
const char* read_dollars(const nlohmann::json& value, Cents& out);
const char* read_dollars(bool is_number, double value, Cents& out);  // the same, of a value already read

}  // namespace unitwise
