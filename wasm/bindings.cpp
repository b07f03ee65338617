// Embind registrations only: the engine's JSON entry points, strings in and out.
// Errors come back as result values ({"ok":false,...}); nothing throws across this line.
#include <emscripten/bind.h>

#include <emscripten/val.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "text/utf16.h"
#include "unitwise/episode.h"
#include "unitwise/unitwise.h"

namespace {

// The data this module instance evaluates with: the built-in packs, plus any the embedder loaded.
// One engine is one module instance (createEngine), so this is the engine's own state.
const unitwise::ReferenceData* data = &unitwise::ReferenceData::builtin();
std::optional<unitwise::ReferenceData> loaded;
std::vector<std::vector<unitwise::PackFile>> pending;

std::string evaluate_json(const std::string& visit) { return unitwise::evaluate_json(visit, *data); }

// A buffer that grows (doubling) and never shrinks or fills: resizing a std::string or std::u16string zero-filled
// it on every call.
template <class T>
struct Room {
  std::unique_ptr<T[]> data;
  std::size_t size = 0;
  T* at_least(std::size_t n) {
    if (size < n) {
      size = std::max(n, 2 * size);
      data = std::make_unique<T[]>(size);
    }
    return data.get();
  }
};

// The result as a view of its bytes, valid until the next call: UTF-8 for TextDecoder (Embind's std::string → JS
// conversion walked every byte in JS, which took about a third of each call), or UTF-16 when utf16 is set, for
// Node's Buffer (text/utf16.h: eight times faster there than decoding UTF-8 with non-ASCII characters).
emscripten::val result_view(std::string text, bool utf16) {
  static std::string last;
  static Room<char16_t> last16;
  if (utf16) {
    char16_t* out = last16.at_least(text.size());  // never more UTF-16 units than UTF-8 bytes
    const std::size_t units = unitwise::utf8_to_utf16(text, out);
    return emscripten::val(emscripten::typed_memory_view(units * 2, reinterpret_cast<const unsigned char*>(out)));
  }
  last = std::move(text);
  return emscripten::val(emscripten::typed_memory_view(last.size(), reinterpret_cast<const unsigned char*>(last.data())));
}

emscripten::val evaluate_json_bytes(const std::string& visit, bool utf16) {
  return result_view(unitwise::evaluate_json(visit, *data), utf16);
}

// The input written straight into wasm memory by the wrapper's TextEncoder (Embind's std::string conversion is a
// JS loop over the text): input_buffer(n) makes room for n bytes and gives their address; the wrapper writes the
// text there and calls evaluate_input with the length it wrote.
Room<char> input;
std::uintptr_t input_buffer(std::size_t bytes) { return reinterpret_cast<std::uintptr_t>(input.at_least(bytes)); }

emscripten::val evaluate_input(std::size_t length, bool utf16) {
  if (length > input.size) length = input.size;  // the wrapper never writes more than it asked room for
  return result_view(unitwise::evaluate_json(std::string_view(input.data.get(), length), *data), utf16);
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

// One plan of care's visits (docs/episodes.md): episode JSON in, a view of the result out (as evaluate_json_bytes:
// an episode's result runs to megabytes).
emscripten::val evaluate_episode_json_bytes(const std::string& episode, bool utf16) {
  return result_view(unitwise::evaluate_episode_json(episode, *data), utf16);
}

std::string data_versions() { return unitwise::data_versions_json(*data); }
std::string localities(const std::string& date) { return unitwise::localities_json(date, *data); }

}  // namespace

EMSCRIPTEN_BINDINGS(unitwise) {
  emscripten::function("evaluateJson", &evaluate_json);
  emscripten::function("evaluateJsonBytes", &evaluate_json_bytes);
  emscripten::function("inputBuffer", &input_buffer);
  emscripten::function("evaluateInput", &evaluate_input);
  emscripten::function("evaluateEpisodeJsonBytes", &evaluate_episode_json_bytes);
  emscripten::function("addPackFile", &add_pack_file);
  emscripten::function("usePacks", &use_packs);
  emscripten::function("version", &unitwise::version);
  emscripten::function("dataVersions", &data_versions);
  emscripten::function("catalogue", &unitwise::catalogue_json);
  emscripten::function("localities", &localities);
}
