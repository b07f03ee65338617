// Building visits from service rows: each row into its visit, a visit into the engine's JSON, and the engine's
// errors back to the input lines their values came from.
#pragma once

#include <string>
#include <vector>

#include "cells.h"
#include "input.h"
#include "visit.h"

namespace unitwise_cli::csv {

// Adds the row read on `line` to `v` (the visit of its visit_id), or an error naming the line; slashed dates are
// read in `order`.
void add_row(OpenVisit& v, const Columns& columns, const std::vector<std::string>& fields, long line, DateOrder order);

// The visit as the engine's input JSON.
std::string visit_json(const OpenVisit& v);

// "line N: column message" for an engine error at JSON `path`, N being the input line its value came from.
std::string located_error(const OpenVisit& v, const std::string& path, const std::string& message);

}  // namespace unitwise_cli::csv
