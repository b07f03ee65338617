// The JSON parser's way into validate(): it passes the errors it found in the JSON itself and their
// paths, so a field that was already reported (a code that is not a string) is not reported twice.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "unitwise/unitwise.h"

namespace unitwise {

Validation validate_checked(Visit visit, const ReferenceData& data, std::vector<FieldError> errors,
                            const std::set<std::string>& skip);

// At most 40 bytes of a string for a message, cut on a character boundary: cutting inside a UTF-8
// sequence would make the result invalid JSON text (found by the fuzzer).
std::string shorten(std::string_view s);

// A service without a code, or with an empty one: the same words either way.
inline constexpr const char* kCodeRequired = "is required (a CPT/HCPCS code such as \"97110\")";

// A service's field as a JSON pointer ("/services/2/minutes"), built only for a failure: most visits have none.
std::string service_path(std::size_t service, const char* field);

}  // namespace unitwise
