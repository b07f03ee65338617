#include "json/checked_json.h"

#include "json/flat_json.h"

namespace unitwise {

// One SAX handler for both parsers (FlatJson's): a second nlohmann parser instantiation cost the wasm module
// several KB, and episodes, which edit their visits as a DOM, are parsed once per request.
CheckedJson parse_checked_json(std::string_view text) {
  const FlatJson flat = FlatJson::parse(text);
  CheckedJson out;
  out.failed = flat.failed;
  out.error_position = flat.error_position;
  out.duplicate = flat.duplicate;
  out.duplicate_at_top = flat.duplicate_at_top;
  out.depth = flat.depth;
  if (!out.failed && out.duplicate.empty()) out.root = flat.root().to_nlohmann();
  return out;
}

}  // namespace unitwise
