// Embind registrations only: the engine's JSON entry points, strings in and out.
// Errors come back as result values ({"ok":false,...}); nothing throws across this line.
#include <emscripten/bind.h>

#include <string>

#include "unitwise/unitwise.h"

namespace {

std::string evaluate_json(const std::string& visit) { return unitwise::evaluate_json(visit); }

}  // namespace

EMSCRIPTEN_BINDINGS(unitwise) {
  emscripten::function("evaluateJson", &evaluate_json);
  emscripten::function("version", &unitwise::version);
  emscripten::function("dataVersions", &unitwise::data_versions_json);
  emscripten::function("catalogue", &unitwise::catalogue_json);
  emscripten::function("localities", &unitwise::localities_json);
}
