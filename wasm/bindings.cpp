// Embind registrations only: the engine's JSON entry points, strings in and out.
// Errors come back as result values ({"ok":false,...}); nothing throws across this line.
#include <emscripten/bind.h>

#include <emscripten/val.h>

#include <string>

#include "unitwise/unitwise.h"

namespace {

std::string evaluate_json(const std::string& visit) { return unitwise::evaluate_json(visit); }

// The result as a view of its UTF-8 bytes, for TextDecoder: Embind's std::string → JS conversion walks
// every byte in JS, which took about a third of each call. The view is valid until the next call.
emscripten::val evaluate_json_bytes(const std::string& visit) {
  static std::string last;
  last = unitwise::evaluate_json(visit);
  return emscripten::val(emscripten::typed_memory_view(last.size(), reinterpret_cast<const unsigned char*>(last.data())));
}

}  // namespace

EMSCRIPTEN_BINDINGS(unitwise) {
  emscripten::function("evaluateJson", &evaluate_json);
  emscripten::function("evaluateJsonBytes", &evaluate_json_bytes);
  emscripten::function("version", &unitwise::version);
  emscripten::function("dataVersions", &unitwise::data_versions_json);
  emscripten::function("catalogue", &unitwise::catalogue_json);
  emscripten::function("localities", &unitwise::localities_json);
}
