// Field helpers shared by the visit and episode parsers: why a text did not parse, JSON pointer escaping for error
// paths, and dollars read as exact cents.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "base/flat_json.h"

#include "unitwise/model.h"

namespace unitwise {

// Why a text did not parse, or holds a key twice, at the path it concerns, in the words a user reads; nullopt when
// it parsed whole. `what` names the document: "visit", "episode".
std::optional<FieldError> parse_error(const FlatJson& parsed, const char* what);

// RFC 6901: "~" → "~0", "/" → "~1", of the key shortened for messages.
std::string escape_pointer(const std::string& key);

// Dollars from 0 to $1,000,000 with at most two decimals, as exact cents. nullptr when `out` was set, else
// what is wrong, for the error at the field's path.
const char* read_dollars(const nlohmann::json& value, Cents& out);
const char* read_dollars(bool is_number, double value, Cents& out);  // the same, of a value already read

}  // namespace unitwise
