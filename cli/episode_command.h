// `unitwise episode [--data DIR]... [FILE|-]`: one plan of care's visits through the engine (docs/episodes.md).
#pragma once

#include <string>
#include <vector>

#include "unitwise/reference.h"

namespace unitwise::cli {

// Reads one episode (the file, or standard input for "-" or no argument) and prints its result on one line.
// Exit status: 0 valid, 1 invalid, 2 usage or I/O error.
int episode_command(const std::vector<std::string>& positional, const ReferenceData& data);

}  // namespace unitwise::cli
