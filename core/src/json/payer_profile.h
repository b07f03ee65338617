// Payer profiles in JSON (docs/payers.md): the built-in ones (core/data/payers/*.json) and a visit's inline
// "payer" object are read by the same code, every field checked and named by its JSON pointer.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "unitwise/model.h"

namespace unitwise {

using FailFn = std::function<void(const std::string& path, const std::string& message)>;

// Reads a profile object; fields not given keep Medicare's way. Problems go to `fail` with their paths.
void parse_payer_profile(const nlohmann::json& value, const std::string& path, PayerProfile& out, const FailFn& fail);

// A built-in profile by id ("medicare", "commercial-per-code", "texas-medicaid"), or nullptr.
const PayerProfile* builtin_payer(std::string_view id);
// The built-in ids, as a list for messages: "medicare", "commercial-per-code", ...
std::string builtin_payer_ids();

}  // namespace unitwise
