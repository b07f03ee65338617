// Static Medicare coverage facts (core/data/): the code Medicare uses instead of a status-I code, and what
// each distinct-service modifier (59, X{EPSU}) requires the record to show.
#pragma once

#include <string>
#include <string_view>

namespace unitwise {

struct Replacement {
  std::string code;
  std::string use_instead;
  std::string why;
  std::string source;
};
// nullptr when unitwise knows no replacement (core/data/medicare_replacements.csv).
const Replacement* medicare_replacement(std::string_view code);

struct DistinctServiceModifier {
  std::string modifier;  // "XE", "XS", "XP", "XU", "59"
  std::string meaning;
  std::string record_must_show;
  std::string source;
};
// nullptr for anything but the five modifiers (core/data/distinct_services.csv).
const DistinctServiceModifier* distinct_service_modifier(std::string_view modifier);

}  // namespace unitwise
