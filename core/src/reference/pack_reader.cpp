// Reading a data pack's manifest.json: every member checked, each table file found and matched to its sha256.
#include "reference/pack_format.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <nlohmann/json.hpp>
#include <type_traits>

#include "base/flat_json.h"
#include "base/sha256.h"
#include "base/utf8.h"
#include "unitwise/data_limits.h"
#include "unitwise/reference.h"

namespace unitwise {

using namespace pack;

namespace {

using nlohmann::json;

// Every member of a manifest object must be one the format knows: a misspelt "efective" would otherwise be
// ignored and the table read without it.
bool known_members(const json& object, std::initializer_list<const char*> keys, const std::string& where,
                   std::vector<DataError>& errors) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; })) {
      errors.push_back({"manifest.json", 0, where + "unknown member \"" + it.key().substr(0, 40) + "\""});
      return false;
    }
  }
  return true;
}

// A member written twice in one object of the manifest (JSON parsers keep one of them silently), or "".
std::string repeated_member(std::string_view text) {
  struct Sax : nlohmann::json_sax<json> {
    std::vector<std::vector<std::string>> objects;
    std::string repeated;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override {
      objects.emplace_back();
      return true;
    }
    bool key(string_t& k) override {
      auto& keys = objects.back();
      if (std::find(keys.begin(), keys.end(), k) != keys.end()) {
        repeated = k;
        return false;
      }
      keys.push_back(k);
      return true;
    }
    bool end_object() override {
      objects.pop_back();
      return true;
    }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
  } sax;
  json::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json, false);
  return sax.repeated;
}

// A string member of a manifest object, or an error naming it.
bool manifest_string(const json& object, const char* key, const std::string& where, std::string& out,
                     std::vector<DataError>& errors) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string() || it->get_ref<const std::string&>().empty() ||
      utf8_characters(it->get_ref<const std::string&>()) > 200) {
    errors.push_back(
        {"manifest.json", 0, where + "\"" + key + "\" must be a non-empty string (at most 200 characters)"});
    return false;
  }
  out = it->get<std::string>();
  return true;
}

// An optional member of a manifest object: absent, `out` keeps its default; present, it must have the type asked
// for (nlohmann's value() would throw on another type, and a thrown exception ends the program or the wasm call).
template <typename T>  // std::string or std::size_t (a byte count)
bool optional_member(const json& object, const char* key, const std::string& where, T& out,
                     std::vector<DataError>& errors) {
  constexpr bool kText = std::is_same_v<T, std::string>;
  const auto it = object.find(key);
  if (it == object.end()) return true;
  if (kText ? it->is_string() : it->is_number_unsigned()) {
    out = it->get<T>();
    return true;
  }
  errors.push_back({"manifest.json", 0,
                    where + "\"" + key + (kText ? "\" must be a string" : "\" must be a whole number of bytes")});
  return false;
}

// The files the pack was imported from (informational, kept for `unitwise version`).
void read_sources(const json& manifest, std::vector<PackSource>& out, std::vector<DataError>& errors) {
  const auto sources = manifest.find("sources");
  if (sources == manifest.end()) return;
  if (!sources->is_array()) {
    errors.push_back({"manifest.json", 0, "\"sources\" must be an array"});
    return;
  }
  for (std::size_t i = 0; i < sources->size() && errors.size() < kMaxErrors; ++i) {
    const json& s = (*sources)[i];
    const std::string where = "sources[" + std::to_string(i) + "]: ";
    if (!s.is_object()) {
      errors.push_back({"manifest.json", 0, where + "must be an object"});
      continue;
    }
    PackSource source;
    if (known_members(s, {"file", "recognisedAs", "bytes", "sha256"}, where, errors) &&
        optional_member(s, "file", where, source.file, errors) &&
        optional_member(s, "recognisedAs", where, source.recognised_as, errors) &&
        optional_member(s, "bytes", where, source.bytes, errors) &&
        optional_member(s, "sha256", where, source.sha256, errors)) {
      out.push_back(std::move(source));
    }
  }
}

}  // namespace

PackRead read_pack(const std::vector<PackFile>& files) {
  PackRead out;
  auto& errors = out.errors;
  std::map<std::string, const PackFile*> by_name;
  for (const auto& f : files) by_name[f.name] = &f;
  const auto m = by_name.find("manifest.json");
  if (m == by_name.end()) {
    errors.push_back({"manifest.json", 0, "is missing: a data pack is a folder with manifest.json and its tables"});
    return out;
  }
  // The manifest and the tables it lists count towards the limit; other files in the folder are not read.
  std::size_t bytes = m->second->text.size();
  const std::string limit = "; the limit is " + std::to_string(kMaxPackBytes >> 20) + " MiB for a pack";
  if (bytes > kMaxPackBytes) {
    errors.push_back({"manifest.json", 0, "is " + std::to_string(bytes) + " bytes" + limit});
    return out;
  }
  const json manifest = parse_dom(m->second->text);
  if (!manifest.is_object()) {
    errors.push_back({"manifest.json", 0, "is not a JSON object"});
    return out;
  }
  if (const std::string twice = repeated_member(m->second->text); !twice.empty()) {
    errors.push_back({"manifest.json", 0, "the member \"" + twice.substr(0, 40) + "\" is written twice in one object"});
    return out;
  }
  if (!known_members(manifest, {"format", "formatVersion", "name", "createdBy", "tables", "sources"}, "", errors)) {
    return out;
  }
  if (const auto format = manifest.find("format"); format == manifest.end() || *format != kFormat) {
    errors.push_back({"manifest.json", 0, std::string("\"format\" must be \"") + kFormat + "\""});
    return out;
  }
  const auto version = manifest.find("formatVersion");
  if (version == manifest.end() || !version->is_number_integer() || version->get<int>() != kFormatVersion) {
    errors.push_back(
        {"manifest.json", 0,
         "\"formatVersion\" must be " + std::to_string(kFormatVersion) + " (this engine reads version 1 packs)"});
    return out;
  }
  Pack pack;
  if (!manifest_string(manifest, "name", "", pack.name, errors)) return out;
  if (!optional_member(manifest, "createdBy", "", pack.created_by, errors)) return out;
  const auto tables = manifest.find("tables");
  // One table of a kind per date and year in a pack: two would leave the engine to pick one. The year tells apart
  // the two threshold tables of 2018, the KX amount of that year (2018) and the review amount in force until a
  // later one (0).
  std::map<std::tuple<TableKind, DateKey, int>, std::string> dated;
  if (tables == manifest.end() || !tables->is_array() || tables->empty() || tables->size() > kMaxPackTables) {
    errors.push_back({"manifest.json", 0, "\"tables\" must be a non-empty array"});
    return out;
  }
  for (std::size_t i = 0; i < tables->size() && errors.size() < kMaxErrors; ++i) {
    const json& t = (*tables)[i];
    const std::string where = "tables[" + std::to_string(i) + "]: ";
    if (!t.is_object()) {
      errors.push_back({"manifest.json", 0, where + "must be an object"});
      continue;
    }
    std::string kind_name, file, effective, sha;
    Release release;
    release.pack = pack.name;
    if (!known_members(t, {"kind", "file", "name", "effective", "year", "rows", "sha256", "edition"}, where, errors))
      continue;
    if (!manifest_string(t, "kind", where, kind_name, errors) || !manifest_string(t, "file", where, file, errors) ||
        !manifest_string(t, "name", where, release.name, errors) ||
        !manifest_string(t, "effective", where, effective, errors) ||
        !manifest_string(t, "sha256", where, sha, errors)) {
      continue;
    }
    const auto kind = table_kind(kind_name);
    if (!kind) {
      errors.push_back(
          {"manifest.json", 0,
           where + "unknown kind \"" + kind_name.substr(0, 40) +
               "\"; expected rvu, conversion_factor, gpci, locality, mue, ncci, threshold, telehealth_code or "
               "telehealth_period"});
      continue;
    }
    release.kind = *kind;
    const auto date = parse_iso_date(effective);
    if (!date) {
      errors.push_back({"manifest.json", 0, where + "\"effective\" must be a date written YYYY-MM-DD"});
      continue;
    }
    release.effective = *date;
    const auto year = t.find("year");
    if (year != t.end() && (!year->is_number_integer() || year->get<int>() < 0 || year->get<int>() > 9999)) {
      errors.push_back(
          {"manifest.json", 0, where + "\"year\" must be a whole number (0 for tables that are not yearly)"});
      continue;
    }
    release.year = year == t.end() ? 0 : year->get<int>();
    const auto edition = t.find("edition");
    if (edition != t.end()) {
      const auto edition_date = edition->is_string() ? parse_iso_date(edition->get<std::string>()) : std::nullopt;
      if (!edition_date) {
        errors.push_back({"manifest.json", 0, where + "\"edition\" must be a date written YYYY-MM-DD"});
        continue;
      }
      release.edition = *edition_date;
    }
    if (release.year != 0 && release.year != year_of(release.effective)) {
      errors.push_back(
          {"manifest.json", 0,
           where + "\"year\" " + std::to_string(release.year) + " contradicts \"effective\" " + effective});
      continue;
    }
    const auto rows = t.find("rows");
    if (rows != t.end() && !rows->is_number_unsigned()) {
      errors.push_back({"manifest.json", 0, where + "\"rows\" must be a whole number"});
      continue;
    }
    const auto [first, alone] = dated.emplace(std::make_tuple(release.kind, release.effective, release.year), file);
    if (!alone) {
      errors.push_back({file, 0,
                        std::string("is a second ") + kind_name + " table effective " + effective +
                            " in this pack (the first is " + first->second + "): one would silently win"});
      continue;
    }
    const auto f = by_name.find(file);
    if (f == by_name.end()) {
      errors.push_back({file, 0, "is listed in manifest.json but missing from the pack"});
      continue;
    }
    bytes += f->second->text.size();
    if (bytes > kMaxPackBytes) {
      errors.push_back({file, 0, "brings the pack to " + std::to_string(bytes) + " bytes" + limit});
      break;
    }
    if (sha256_hex(f->second->text) != sha) {
      errors.push_back({file, 0, "does not match its sha256 in manifest.json: the file was changed after import"});
      continue;
    }
    const std::size_t before = errors.size();
    const std::size_t read = read_table_of_kind(*f->second, std::move(release), pack.tables, errors);
    if (errors.size() == before && rows != t.end() && rows->get<std::size_t>() != read) {
      errors.push_back(
          {file, 0,
           "has " + std::to_string(read) + " rows; manifest.json says " + std::to_string(rows->get<std::size_t>())});
    }
  }
  read_sources(manifest, pack.sources, errors);
  if (errors.empty()) out.value = std::move(pack);
  return out;
}

}  // namespace unitwise
