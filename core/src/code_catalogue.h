// The codes unitwise knows: timed or untimed, descriptor, and the plan of care a code belongs to.
#pragma once

#include <optional>
#include <string_view>

#include "unitwise/model.h"
#include "unitwise/reference_data.h"

namespace unitwise {

struct CodeInfo {
  const ref::CodeRow* row = nullptr;
  // The only plan of care the code may be billed under (evaluations, SLP treatment), if any.
  std::optional<Discipline> required_discipline;
  bool evaluation = false;  // one evaluation/re-evaluation per discipline per day (NCCI ch. XI)
};

// nullopt for a code outside the catalogue (core/data/codes.csv).
std::optional<CodeInfo> find_code(std::string_view code);

}  // namespace unitwise
