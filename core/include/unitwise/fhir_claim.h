// A FHIR R4 Claim from a result (issue 30), written once in core/src/json/fhir_claim.cpp, so the CLI (`evaluate --fhir`),
// the package (`engine.toFhirClaim`) and <unitwise-visit> give the same claim byte for byte. docs/fhir.md says what goes where.
#pragma once

#include <string>
#include <string_view>

#include "unitwise/reference.h"

namespace unitwise {

// result_json: a result as evaluate_json gives it; visit_json: the visit it came from (validated again against
// `data`, the data the result was made with); options_json: "{}" or {"patient", "provider", "insurance", "created"}.
// Returns the Claim as JSON, or {"ok":false,"errors":[{"path","message"}]} (never throws): a result that is not ok
// passes its own errors on; a problem with the arguments has its path under "/result", "/visit" or "/options".
std::string fhir_claim_json(std::string_view result_json, std::string_view visit_json, std::string_view options_json,
                            const ReferenceData& data = ReferenceData::builtin());

}  // namespace unitwise
