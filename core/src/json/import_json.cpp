// import-cms at the JSON edge, for the wasm package and the page: CMS's files in (already out of their zips),
// the pack's files or the importer's errors out, as one JSON text.
#include <nlohmann/json.hpp>

#include "unitwise/cms_import.h"

namespace unitwise {

std::string import_cms_json(const std::vector<CmsFile>& files, const ImportOptions& options) {
  using nlohmann::json;
  const ImportResult result = import_cms(files, options);
  json out = {{"ok", result.ok()}};
  if (result.value) {
    out["name"] = result.value->name;
    json written = json::object();
    for (const PackFile& f : write_pack(*result.value)) written[f.name] = f.text;
    out["files"] = std::move(written);
  }
  json errors = json::array();
  for (const DataError& e : result.errors)
    errors.push_back({{"file", e.file}, {"line", e.line}, {"message", e.message}});
  out["errors"] = std::move(errors);
  out["notes"] = result.notes;
  out["skipped"] = result.skipped;
  // Names and messages can hold a file's own bytes (Latin-1 in CMS's files): never invalid UTF-8 out.
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace unitwise
