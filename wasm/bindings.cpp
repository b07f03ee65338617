// Embind registrations only: the engine's JSON entry points, strings in and out.
// Errors come back as result values ({"ok":false,...}); nothing throws across this line.
#include <emscripten/bind.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "text/ascii_json.h"
#include "text/latin1.h"
#include "unitwise/catalogue.h"
#include "unitwise/cms_import.h"
#include "unitwise/episode.h"
#include "unitwise/fhir_claim.h"
#include "unitwise/unitwise.h"

namespace {

// The data this module instance evaluates with: the built-in packs, plus any the embedder loaded.
// One engine is one module instance (createEngine), so this is the engine's own state.
const unitwise::ReferenceData* data = &unitwise::ReferenceData::builtin();
std::optional<unitwise::ReferenceData> loaded;
std::vector<std::vector<unitwise::PackFile>> pending;

// A buffer that grows (doubling) and never shrinks or fills: resizing a std::string zero-filled it on every call.
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

// The form a result leaves in (index.js resultReader), chosen by the wrapper per call:
// - Utf8: for TextDecoder in browsers, and as the engine wrote it;
// - Latin1: Latin-1 bytes plus the few wide units to splice in (text/latin1.h), for Node's Buffer, which copies
//   Latin-1 into a one-byte string where it took twice as long from UTF-16 and eight times from UTF-8 holding any
//   non-ASCII character. A result holding many wide characters comes as UTF-8 instead (wide_count kUtf8);
// - Ascii: the same JSON with \u escapes (text/ascii_json.h), for results the wrapper parses itself: a one-byte
//   string that JSON.parse reads faster, in Node and in browsers.
enum class Form { Utf8 = 0, Latin1 = 1, Ascii = 2 };

// Where the result is, valid until the next call: an address returned as a number (an Embind typed_memory_view
// cost an object per call).
struct HandOver {
  std::uint32_t text = 0;
  std::uint32_t length = 0;
  std::uint32_t wide = 0;
  std::uint32_t wide_count = 0;
};
constexpr std::uint32_t kUtf8 = 0xFFFFFFFF;

template <class T>
std::uint32_t address(const T* p) { return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(p)); }

std::uintptr_t hand_over(std::string text, int form) {
  static HandOver out;
  static std::string last;
  static Room<unsigned char> bytes;
  static Room<unitwise::WideUnit> wide;
  if (form == static_cast<int>(Form::Ascii)) {
    unsigned char* room = bytes.at_least(unitwise::ascii_json_size(text));
    out = {address(room), static_cast<std::uint32_t>(unitwise::utf8_to_ascii_json(text, room)), 0, 0};
    return reinterpret_cast<std::uintptr_t>(&out);
  }
  const bool latin1 = form == static_cast<int>(Form::Latin1);
  if (latin1) {
    const std::size_t wide_room = text.size() / 64 + 64;  // a visit's result has about six
    const auto split = unitwise::utf8_to_latin1(text, bytes.at_least(text.size()), wide.at_least(wide_room), wide_room);
    if (split.fits) {
      out = {address(bytes.data.get()), static_cast<std::uint32_t>(split.bytes), address(wide.data.get()),
             static_cast<std::uint32_t>(split.wide)};
      return reinterpret_cast<std::uintptr_t>(&out);
    }
  }
  last = std::move(text);
  out = {address(last.data()), static_cast<std::uint32_t>(last.size()), 0, latin1 ? kUtf8 : 0};
  return reinterpret_cast<std::uintptr_t>(&out);
}

std::uintptr_t evaluate_json_text(const std::string& visit, int form) {
  return hand_over(unitwise::evaluate_json(visit, *data), form);
}

// The input written straight into wasm memory by the wrapper's TextEncoder (Embind's std::string conversion is a
// JS loop over the text): input_buffer(n) makes room for n bytes and gives their address; the wrapper writes the
// text there and calls evaluate_input with the length it wrote.
Room<char> input;
std::uintptr_t input_buffer(std::size_t bytes) { return reinterpret_cast<std::uintptr_t>(input.at_least(bytes)); }

std::uintptr_t evaluate_input(std::size_t length, int form) {
  if (length > input.size) length = input.size;  // the wrapper never writes more than it asked room for
  return hand_over(unitwise::evaluate_json(std::string_view(input.data.get(), length), *data), form);
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

// import-cms in the page (docs/data.md): CMS's files arrive one by one as bytes the wrapper wrote at
// inputBuffer() (CMS's files are Latin-1, so they cannot travel as JS strings), with the zip they came out of;
// importCms() turns them into a pack's files, as JSON, and forgets them.
std::vector<unitwise::CmsFile> import_files;
void add_import_file(const std::string& name, const std::string& archive, std::size_t length) {
  if (length > input.size) length = input.size;
  import_files.push_back({name, std::string(input.data.get(), length), archive});
}

std::string import_cms(const std::string& effective) {
  unitwise::ImportOptions options;
  options.created_by = "unitwise importCms " + unitwise::version();
  if (!effective.empty()) {
    options.effective = unitwise::parse_iso_date(effective);
    if (!options.effective) {
      import_files.clear();
      return R"({"ok":false,"errors":[{"file":"","line":0,"message":"the effective date must be a date written YYYY-MM-DD"}],"notes":[]})";
    }
  }
  std::string out = unitwise::import_cms_json(import_files, options);
  import_files.clear();
  return out;
}

// One plan of care's visits (docs/episodes.md): episode JSON in, the result handed over as a visit's is (it runs
// to megabytes).
std::uintptr_t evaluate_episode_json_text(const std::string& episode, int form) {
  return hand_over(unitwise::evaluate_episode_json(episode, *data), form);
}

std::string data_versions() { return unitwise::data_versions_json(*data); }
// Did-you-mean for a code outside the catalogue (unitwise::near_codes): up to three codes, joined by spaces ("" when
// none is close). The first is the one the unknown-code error names.
std::string suggest_codes(const std::string& code) {
  std::string out;
  for (const unitwise::CodeInfo* near : unitwise::near_codes(code, 3)) out += (out.empty() ? "" : " ") + near->code;
  return out;
}
std::string localities(const std::string& date) { return unitwise::localities_json(date, *data); }
// A FHIR R4 Claim of a result and its visit (issue 30; docs/fhir.md), from the JSON texts the wrapper has: the
// Claim, or {"ok":false,"errors":[...]}, as `unitwise evaluate --fhir` prints it.
std::string fhir_claim(const std::string& result, const std::string& visit, const std::string& options) {
  return unitwise::fhir_claim_json(result, visit, options, *data);
}

}  // namespace

EMSCRIPTEN_BINDINGS(unitwise) {
  emscripten::function("evaluateJsonText", &evaluate_json_text);
  emscripten::function("inputBuffer", &input_buffer);
  emscripten::function("evaluateInput", &evaluate_input);
  emscripten::function("evaluateEpisodeJsonText", &evaluate_episode_json_text);
  emscripten::function("addPackFile", &add_pack_file);
  emscripten::function("usePacks", &use_packs);
  emscripten::function("addImportFile", &add_import_file);
  emscripten::function("importCms", &import_cms);
  emscripten::function("version", &unitwise::version);
  emscripten::function("dataVersions", &data_versions);
  emscripten::function("catalogue", &unitwise::catalogue_json);
  emscripten::function("suggestCodes", &suggest_codes);
  emscripten::function("localities", &localities);
  emscripten::function("fhirClaim", &fhir_claim);
}
