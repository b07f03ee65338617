// unitwise: US outpatient therapy (PT/OT/SLP) units, modifiers, edits and fees for one visit.
// Pure functions: no I/O, no globals that change, the same answer for the same visit.
#pragma once

#include <string>
#include <string_view>

#include "unitwise/model.h"

namespace unitwise {

// Rules on structs. The visit must come from parse_visit (validated); the result is always ok.
Result evaluate(const Visit& visit, const Explain& explain = {});

// The JSON entry point of the contract: visit JSON in, result JSON out. Never throws:
// bad input gives {"ok":false,"errors":[{"path":...,"message":...}],...}.
std::string evaluate_json(std::string_view visit_json);

// Engine version and the releases of its reference data, as JSON.
std::string version();
std::string data_versions_json();

// The code catalogue (code, descriptor, timed, unit basis, discipline) as a JSON array.
std::string catalogue_json();

// Medicare payment localities of a year as a JSON array of {id, state, name}.
std::string localities_json(int year);

}  // namespace unitwise
