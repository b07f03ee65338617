// Embind registrations only: the engine's JSON entry points, strings in and out.
// Errors come back as result values ({"ok":false,...}); nothing throws across this line.
#include <emscripten/bind.h>

#include <emscripten/val.h>

#include <optional>
#include <string>
#include <vector>

#include "unitwise/episode.h"
#include "unitwise/unitwise.h"

namespace {

// The data this module instance evaluates with: the built-in packs, plus any the embedder loaded.
// One engine is one module instance (createEngine), so this is the engine's own state.
const unitwise::ReferenceData* data = &unitwise::ReferenceData::builtin();
std::optional<unitwise::ReferenceData> loaded;
std::vector<std::vector<unitwise::PackFile>> pending;

std::string evaluate_json(const std::string& visit) { return unitwise::evaluate_json(visit, *data); }

// The result as a view of its UTF-8 bytes, for TextDecoder: Embind's std::string → JS conversion walks
// every byte in JS, which took about a third of each call. The view is valid until the next call.
emscripten::val evaluate_json_bytes(const std::string& visit) {
  static std::string last;
  last = unitwise::evaluate_json(visit, *data);
  return emscripten::val(emscripten::typed_memory_view(last.size(), reinterpret_cast<const unsigned char*>(last.data())));
}

// Packs arrive file by file (pack index, file name, text), then usePacks() layers them over the built-in data.
void add_pack_file(int pack, const std::string& name, const std::string& text) {
  if (pack < 0) return;
  if (pending.size() <= static_cast<std::size_t>(pack)) pending.resize(static_cast<std::size_t>(pack) + 1);
  pending[static_cast<std::size_t>(pack)].push_back({name, text});
}

// "" when the packs are in use; otherwise one line per problem ("rvu.csv line 3: ...").
std::string use_packs() {
  auto result = unitwise::ReferenceData::with_packs(unitwise::ReferenceData::builtin(), pending);
  pending.clear();
  std::string errors;
  for (const auto& e : result.errors) errors += unitwise::to_string(e) + "\n";
  if (!result.data) return errors.empty() ? "no data\n" : errors;
  loaded = std::move(result.data);
  data = &*loaded;
  return "";
}

// One plan of care's visits (docs/episodes.md): episode JSON in, a view of the result's UTF-8 bytes out (as
// evaluate_json_bytes: an episode's result runs to megabytes). The view is valid until the next call.
emscripten::val evaluate_episode_json_bytes(const std::string& episode) {
  static std::string last;
  last = unitwise::evaluate_episode_json(episode, *data);
  return emscripten::val(emscripten::typed_memory_view(last.size(), reinterpret_cast<const unsigned char*>(last.data())));
}

std::string data_versions() { return unitwise::data_versions_json(*data); }
std::string localities(const std::string& date) { return unitwise::localities_json(date, *data); }

}  // namespace

EMSCRIPTEN_BINDINGS(unitwise) {
  emscripten::function("evaluateJson", &evaluate_json);
  emscripten::function("evaluateJsonBytes", &evaluate_json_bytes);
  emscripten::function("evaluateEpisodeJsonBytes", &evaluate_episode_json_bytes);
  emscripten::function("addPackFile", &add_pack_file);
  emscripten::function("usePacks", &use_packs);
  emscripten::function("version", &unitwise::version);
  emscripten::function("dataVersions", &data_versions);
  emscripten::function("catalogue", &unitwise::catalogue_json);
  emscripten::function("localities", &localities);
}
