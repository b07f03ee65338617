// JSON text → DOM in one SAX pass that also notes where parsing failed and refuses a key given twice in one
// object, which a plain parse would silently resolve to the last value. Shared by the visit and episode parsers.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace unitwise {

struct CheckedJson {
  nlohmann::json root;
  bool failed = false;               // not JSON (or not UTF-8)
  std::size_t error_position = 0;    // the byte where parsing stopped
  std::string duplicate;             // the first key given twice in one object, if any
  bool duplicate_at_top = false;     // that key belongs to the root object
  std::size_t depth = 0;             // how deep arrays and objects nest
};

CheckedJson parse_checked_json(std::string_view text);

}  // namespace unitwise
