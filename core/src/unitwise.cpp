// The public entry points: the JSON edge over evaluate(), and the catalogue/version helpers.
#include "unitwise/unitwise.h"

#include "json_writer.h"
#include "result_json.h"
#include "unitwise/billing_edits.h"
#include "unitwise/reference_data.h"
#include "visit_json.h"

namespace unitwise {

const char* to_string(Discipline d) {
  switch (d) {
    case Discipline::PT: return "PT";
    case Discipline::OT: return "OT";
    case Discipline::SLP: return "SLP";
  }
  return "PT";
}

const char* to_string(RuleSet r) { return r == RuleSet::Cms ? "cms" : "per_code"; }

std::string evaluate_json(std::string_view visit_json) {
  ParsedVisit parsed = parse_visit(visit_json);
  if (!parsed.errors.empty()) return errors_to_json(parsed.errors);
  return result_to_json(evaluate(parsed.visit), parsed.visit.date_of_service);
}

std::string version() { return UNITWISE_VERSION; }

std::string data_versions_json() {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("engine").value(UNITWISE_VERSION);
  w.key("rvu2026").value(ref::kRvuRelease2026);
  w.key("rvu2025").value(ref::kRvuRelease2025);
  w.key("gpci2026").value(ref::kGpciRelease2026);
  w.key("gpci2025").value(ref::kGpciRelease2025);
  w.key("ncci").value(ref::kNcciRelease);
  w.key("mue").value(ref::kMueRelease);
  w.key("years").begin_array().value(kFirstFeeYear).value(kLastFeeYear).end_array();
  w.end_object();
  return out;
}


std::string localities_json(int year) {
  std::string out;
  JsonWriter w(out);
  w.begin_array();
  w.begin_object().key("id").value("national").key("state").value("US").key("name").value("National (no adjustment)").end_object();
  for (const auto& row : ref::gpcis()) {
    if (row.year != year) continue;
    w.begin_object();
    w.key("id").value(std::string(row.mac) + "-" + std::string(row.locality));
    w.key("state").value(row.state);
    w.key("name").value(row.name);
    w.end_object();
  }
  w.end_array();
  return out;
}

}  // namespace unitwise
