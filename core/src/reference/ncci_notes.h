// Our notes on particular NCCI pairs (core/data/ncci_notes.csv), e.g. where sources disagree.
#pragma once

#include <string>
#include <string_view>

namespace unitwise {

// The note on the pair (column 1, column 2), or nullptr.
const std::string* ncci_note(std::string_view column1, std::string_view column2);

}  // namespace unitwise
