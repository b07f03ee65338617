// `unitwise evaluate [--data DIR]... [--batch] [FILE|-]`: one visit, or JSON Lines, through the engine.
#pragma once

#include <cstdio>

#include "unitwise/reference.h"

namespace unitwise::cli {

// One visit (the whole input) → one result line. Exit status: 0 valid, 1 invalid.
// fhir: the FHIR R4 Claim of the result instead (docs/fhir.md), or the result's errors.
int evaluate_one(std::FILE* in, const ReferenceData& data, bool fhir = false);

// One visit per input line → one result per line, line N answering line N (a blank line gets an error
// result). Memory stays bounded: an over-long line is cut at the engine's limit, which then reports it.
int evaluate_batch(std::FILE* in, const ReferenceData& data);

}  // namespace unitwise::cli
