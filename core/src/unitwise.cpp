// The public entry points: the JSON edge over validate() and evaluate(), and the data listings.
#include "unitwise/unitwise.h"

#include "base/json_writer.h"
#include "json/result_json.h"
#include "json/visit_json.h"
#include "reference/places.h"

namespace unitwise {

std::string evaluate_json(std::string_view visit_json, const ReferenceData& data) {
  Validation valid = parse_visit(visit_json, data);
  if (!valid.value) return errors_to_json(valid.errors);
  return result_to_json(evaluate(*valid.value), valid.value->visit().date_of_service);
}

std::string evaluate_json(std::string_view visit_json) { return evaluate_json(visit_json, ReferenceData::builtin()); }

std::string oversized_visit_json(std::size_t bytes) { return errors_to_json({{"", oversized_visit_message(bytes)}}); }

std::string version() { return UNITWISE_VERSION; }

namespace {

template <class Row>
void write_releases(JsonWriter& w, const std::vector<Table<Row>>& tables) {
  for (const auto& t : tables) {
    w.begin_object();
    w.key("kind").value(to_string(t.release.kind));
    w.key("name").value(t.release.name);
    w.key("effective").value(iso_date(t.release.effective));
    w.key("year");
    if (t.release.year == 0) w.null();
    else w.value(t.release.year);
    w.key("rows").value(static_cast<std::int64_t>(t.rows.size()));
    w.key("pack").value(t.release.pack);
    w.end_object();
  }
}

}  // namespace

std::string data_versions_json(const ReferenceData& data) {
  JsonWriter w;
  const TableSet& t = data.tables();
  w.begin_object();
  w.key("engine").value(UNITWISE_VERSION);
  w.key("packs").strings(data.packs());
  w.key("releases").begin_array();
  write_releases(w, t.rvu);
  write_releases(w, t.conversion_factor);
  write_releases(w, t.gpci);
  write_releases(w, t.locality);
  write_releases(w, t.mue);
  write_releases(w, t.ncci);
  write_releases(w, t.threshold);
  write_releases(w, t.telehealth_code);
  write_releases(w, t.telehealth_period);
  w.end_array();
  w.end_object();
  return w.take();
}

namespace {

std::vector<Place> places_on(std::string_view date, const ReferenceData& data) {
  const auto key = parse_iso_date(date);
  if (!key) return places_in_force(nullptr, nullptr);
  return places_in_force(in_force(data.tables().gpci, *key).table, in_force(data.tables().locality, *key).table);
}

void write_place(JsonWriter& w, const Place& p) {
  w.begin_object().key("id").value(p.id).key("state").value(p.state).key("name").value(p.name);
  w.key("counties").value(p.counties).end_object();
}

}  // namespace

std::string localities_json(std::string_view date, const ReferenceData& data) {
  JsonWriter w;
  w.begin_array();
  for (const Place& p : places_on(date, data)) write_place(w, p);
  w.end_array();
  return w.take();
}

std::string find_localities_json(std::string_view text, std::string_view date, const ReferenceData& data) {
  const std::vector<Place> places = places_on(date, data);
  JsonWriter w;
  w.begin_array();
  for (const Place* p : find_places(text, places)) write_place(w, *p);
  w.end_array();
  return w.take();
}

}  // namespace unitwise
