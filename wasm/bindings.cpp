// Embind registrations: the engine's JSON entry points, strings in and out, over one module instance's state.
// Errors come back as result values ({"ok":false,...}); nothing throws across this line.
#include <emscripten/bind.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hand_over.h"
#include "unitwise/catalogue.h"
#include "unitwise/cms_import.h"
#include "unitwise/episode.h"
#include "unitwise/fhir_claim.h"
#include "unitwise/unitwise.h"

namespace {

// One engine is one module instance (createEngine), so this is the engine's own state; made on first use, as
// the one instance a module has.
struct Engine {
  // The data this engine evaluates with: the built-in packs, plus any the embedder loaded.
  const unitwise::ReferenceData* data = &unitwise::ReferenceData::builtin();
  std::optional<unitwise::ReferenceData> loaded;
  std::vector<std::vector<unitwise::PackFile>> pending_packs;  // addPackFile's, until usePacks
  std::vector<unitwise::CmsFile> import_files;                 // addImportFile's, until importCms
  unitwise_wasm::HandOverBuffers buffers;
};

Engine& engine() {
  static Engine instance;
  return instance;
}

std::uintptr_t evaluate_json_text(const std::string& visit, int form) {
  Engine& e = engine();
  return e.buffers.result(unitwise::evaluate_json(visit, *e.data), form);
}

// input_buffer(n) makes room for n bytes and gives their address; the wrapper writes the text there and calls
// evaluate_input with the length it wrote.
std::uintptr_t input_buffer(std::size_t bytes) { return engine().buffers.input_room(bytes); }

std::uintptr_t evaluate_input(std::size_t length, int form) {
  Engine& e = engine();
  return e.buffers.result(unitwise::evaluate_json(e.buffers.input(length), *e.data), form);
}

// Packs arrive file by file (pack index, file name, text), then usePacks() layers them over the built-in data.
void add_pack_file(int pack, const std::string& name, const std::string& text) {
  if (pack < 0) return;
  std::vector<std::vector<unitwise::PackFile>>& pending = engine().pending_packs;
  if (pending.size() <= static_cast<std::size_t>(pack)) pending.resize(static_cast<std::size_t>(pack) + 1);
  pending[static_cast<std::size_t>(pack)].push_back({name, text});
}

// "" when the packs are in use; otherwise one line per problem ("rvu.csv line 3: ...").
std::string use_packs() {
  Engine& e = engine();
  auto result = unitwise::ReferenceData::with_packs(unitwise::ReferenceData::builtin(), e.pending_packs);
  e.pending_packs.clear();
  std::string errors;
  for (const auto& error : result.errors) errors += unitwise::to_string(error) + "\n";
  if (!result.value) return errors.empty() ? "no data\n" : errors;
  e.loaded = std::move(result.value);
  e.data = &*e.loaded;
  return "";
}

// import-cms in the page (docs/data.md): CMS's files arrive one by one as bytes the wrapper wrote at
// inputBuffer() (CMS's files are Latin-1, so they cannot travel as JS strings), with the zip they came out of;
// importCms() turns them into a pack's files, as JSON, and forgets them.
void add_import_file(const std::string& name, const std::string& archive, std::size_t length) {
  Engine& e = engine();
  e.import_files.push_back({name, std::string(e.buffers.input(length)), archive});
}

std::string import_cms(const std::string& effective) {
  std::vector<unitwise::CmsFile>& files = engine().import_files;
  unitwise::ImportOptions options;
  options.created_by = "unitwise importCms " + unitwise::version();
  if (!effective.empty()) {
    options.effective = unitwise::parse_iso_date(effective);
    if (!options.effective) {
      files.clear();
      return R"({"ok":false,"errors":[{"file":"","line":0,"message":"the effective date must be a date written YYYY-MM-DD"}],"notes":[]})";
    }
  }
  std::string out = unitwise::import_cms_json(files, options);
  files.clear();
  return out;
}

// One plan of care's visits (docs/episodes.md): episode JSON in, the result handed over as a visit's is (it runs
// to megabytes).
std::uintptr_t evaluate_episode_json_text(const std::string& episode, int form) {
  Engine& e = engine();
  return e.buffers.result(unitwise::evaluate_episode_json(episode, *e.data), form);
}

std::string data_versions() { return unitwise::data_versions_json(*engine().data); }
// Did-you-mean for a code outside the catalogue (unitwise::near_codes): up to three codes, joined by spaces ("" when
// none is close). The first is the one the unknown-code error names.
std::string suggest_codes(const std::string& code) {
  std::string out;
  for (const unitwise::CodeInfo* near : unitwise::near_codes(code, 3)) out += (out.empty() ? "" : " ") + near->code;
  return out;
}
std::string localities(const std::string& date) { return unitwise::localities_json(date, *engine().data); }
std::string find_locality(const std::string& text, const std::string& date) {
  return unitwise::find_localities_json(text, date, *engine().data);
}
// A FHIR R4 Claim of a result and its visit (issue 30; docs/fhir.md), from the JSON texts the wrapper has: the
// Claim, or {"ok":false,"errors":[...]}, as `unitwise evaluate --fhir` prints it.
std::string fhir_claim(const std::string& result, const std::string& visit, const std::string& options) {
  return unitwise::fhir_claim_json(result, visit, options, *engine().data);
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
  emscripten::function("findLocality", &find_locality);
  emscripten::function("fhirClaim", &fhir_claim);
}
