// The episode JSON edge (docs/episodes.md). The episode's own fields are checked here; each visit goes
// through the single-visit parser (parse_visit) unchanged, its JSON written again with three edits:
//  * "progressReport" is taken out (it means something only in an episode);
//  * the episode's locality, setting, ruleSet and options are copied in where the visit has none, and the
//    plan's discipline where the visit names none;
//  * "ytdAllowed" is refused: the episode computes it.
// A visit's errors come back with its path in front (/visits/1/services/0/minutes); an error in a field the
// visit took from the episode points at the episode's field (/locality), once.
#include "json/episode_json.h"

#include "base/flat_json.h"
#include "json/json_fields.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "base/json_writer.h"
#include "json/result_json.h"
#include "json/visit_json.h"
#include "base/csv_reader.h"
#include "base/concat.h"
#include "validate/limits.h"
#include "validate/validate_visit.h"

namespace unitwise {
namespace {

using nlohmann::json;

// Fields a visit may take from the episode (a visit's own value wins).
constexpr const char* kInherited[] = {"locality", "setting", "ruleSet", "options"};

constexpr std::pair<const char*, Discipline> kDisciplines[] = {
    {"PT", Discipline::PT}, {"OT", Discipline::OT}, {"SLP", Discipline::SLP}};

Date to_date(DateKey k) { return {k / 10000, k / 100 % 100, k % 100}; }

struct Checker {
  std::vector<FieldError> errors;
  std::set<std::pair<std::string, std::string>> seen;  // the same inherited error from many visits: once

  void fail(std::string path, std::string message) {
    if (seen.insert({path, message}).second) errors.push_back({std::move(path), std::move(message)});
  }
  void only_keys(const json& object, const std::string& path, std::initializer_list<const char*> allowed) {
    for (auto it = object.begin(); it != object.end(); ++it) {
      bool known = false;
      for (const char* key : allowed) known = known || it.key() == key;
      if (!known) fail(cat({path, "/", escape_pointer(it.key())}), cat({"unknown key \"", shorten(it.key()), "\""}));
    }
  }
  std::optional<DateKey> date(const json& value, const std::string& path) {
    std::optional<DateKey> d;
    if (value.is_string()) d = parse_iso_date(value.get_ref<const std::string&>());
    if (!d) fail(path, "must be a real calendar date written YYYY-MM-DD");
    return d;
  }
  std::optional<Discipline> discipline(const json& value, const std::string& path) {
    for (const auto& [name, d] : kDisciplines) {
      if (value.is_string() && value.get_ref<const std::string&>() == name) return d;
    }
    fail(path, "must be \"PT\", \"OT\" or \"SLP\"");
    return std::nullopt;
  }
  // Dollars with at most two decimals, as exact cents (the visit parser's rule for ytdAllowed).
  void dollars(const json& value, const std::string& path, Cents& out) {
    if (const char* problem = read_dollars(value, out)) fail(path, problem);
  }
};

// "/services/0/minutes" → "services".
std::string first_segment(const std::string& path) {
  if (path.empty()) return "";
  const std::size_t end = path.find('/', 1);
  return path.substr(1, end == std::string::npos ? std::string::npos : end - 1);
}

// Which parts of the plan the visits can be checked against.
struct PlanStatus {
  bool discipline = false;
  bool start = false;
};

void parse_plan(Checker& check, const json& root, PlanOfCare& plan, PlanStatus& ok) {
  if (!root.contains("planOfCare")) {
    return check.fail(
        "/planOfCare",
        "is required: {\"discipline\": \"PT\", \"start\": \"YYYY-MM-DD\", \"certifiedThrough\": \"YYYY-MM-DD\"}");
  }
  const json& p = root["planOfCare"];
  if (!p.is_object()) return check.fail("/planOfCare", "must be an object with discipline, start and certifiedThrough");
  check.only_keys(p, "/planOfCare", {"discipline", "start", "certifiedThrough"});
  if (!p.contains("discipline")) {
    check.fail("/planOfCare/discipline", "is required: \"PT\", \"OT\" or \"SLP\"");
  } else if (auto d = check.discipline(p["discipline"], "/planOfCare/discipline")) {
    plan.discipline = *d;
    ok.discipline = true;
  }
  std::optional<DateKey> start;
  if (!p.contains("start"))
    check.fail("/planOfCare/start", "is required (YYYY-MM-DD): the first day of the plan of care");
  else start = check.date(p["start"], "/planOfCare/start");
  if (start) {
    plan.start = to_date(*start);
    ok.start = true;
  }
  if (p.contains("certifiedThrough")) {
    if (auto through = check.date(p["certifiedThrough"], "/planOfCare/certifiedThrough")) {
      if (start && *through < *start) {
        check.fail("/planOfCare/certifiedThrough",
                   cat({"is ", iso_date(*through), ", before the plan starts (", iso_date(*start), ")"}));
      } else {
        plan.certified_through = to_date(*through);
      }
    }
  }
}

void parse_prior(Checker& check, const json& root, Episode& episode) {
  if (!root.contains("priorSpend")) return;
  const json& p = root["priorSpend"];
  if (!p.is_object()) return check.fail("/priorSpend", "must be an object like {\"ptSlp\": 1500.00, \"ot\": 0}");
  check.only_keys(p, "/priorSpend", {"ptSlp", "ot"});
  if (p.contains("ptSlp")) check.dollars(p["ptSlp"], "/priorSpend/ptSlp", episode.prior_pt_slp);
  if (p.contains("ot")) check.dollars(p["ot"], "/priorSpend/ot", episode.prior_ot);
}

// A visit's own errors, its path in front; errors in fields it took from the episode point at the episode.
void add_visit_errors(Checker& check, const std::vector<FieldError>& errors, const std::string& prefix,
                      const std::set<std::string>& inherited) {
  for (const FieldError& f : errors) {
    if (inherited.count(first_segment(f.path))) check.fail(f.path, f.message);
    else check.fail(prefix + f.path, f.message);
  }
}

// The episode's fields a visit takes (those in kInherited the episode has and `own`, the visit, lacks) as members
// of the object being written, each noted in `inherited`.
void write_inherited(JsonWriter& w, JsonRef flat_root, const JsonRef* own, std::set<std::string>& inherited) {
  for (const char* key : kInherited) {
    if (flat_root.contains(key) && (own == nullptr || !own->contains(key))) {
      w.key(std::string_view(key));
      flat_root[key].write(w);
      inherited.insert(key);
    }
  }
}

// The episode's locality, setting, ruleSet and options, checked once by the visit parser on a probe visit
// (so a value no visit takes is still checked, with the visit parser's own messages).
void check_inherited(Checker& check, const json& root, JsonRef flat_root, const PlanOfCare& plan,
                     const ReferenceData& data) {
  // On the first visit's date when it has one (the tables of its year), else the plan's start.
  std::string date = iso_date(date_key(plan.start));
  if (root.contains("visits") && root["visits"].is_array() && !root["visits"].empty() &&
      root["visits"][0].is_object()) {
    const json& first = root["visits"][0];
    if (first.contains("dateOfService") && first["dateOfService"].is_string() &&
        parse_iso_date(first["dateOfService"].get_ref<const std::string&>())) {
      date = first["dateOfService"].get<std::string>();
    }
  }
  std::set<std::string> inherited;
  JsonWriter probe;
  probe.begin_object();
  write_inherited(probe, flat_root, nullptr, inherited);
  if (inherited.empty()) return;
  probe.key("dateOfService").value(date).key("discipline").value(to_string(plan.discipline));
  probe.key("services").begin_array().begin_object().key("code").value("97110").key("minutes").value(15);
  probe.end_object().end_array().end_object();
  const Validation v = parse_visit(probe.take(), data);
  for (const FieldError& f : v.errors) {
    if (inherited.count(first_segment(f.path))) check.fail(f.path, f.message);
  }
}

void parse_visits(Checker& check, const json& root, JsonRef flat_root, const PlanOfCare& plan, PlanStatus plan_ok,
                  const ReferenceData& data, Episode& episode) {
  if (!root.contains("visits")) return check.fail("/visits", "is required: an array of visits in date order");
  const json& visits = root["visits"];
  if (!visits.is_array()) return check.fail("/visits", "must be an array of visits in date order");
  if (visits.empty() || visits.size() > kMaxEpisodeVisits) {
    return check.fail("/visits", cat({"must hold between 1 and ", kMaxEpisodeVisits, " visits, not ", visits.size()}));
  }
  std::optional<DateKey> previous;
  std::size_t previous_index = 0;
  auto flat_visit = flat_root["visits"].begin();
  for (std::size_t i = 0; i < visits.size(); ++i, ++flat_visit) {
    const std::string prefix = cat({"/visits/", i});
    if (!visits[i].is_object()) {
      check.fail(prefix, "must be a visit: an object like {\"dateOfService\": ..., \"services\": [...]}");
      continue;
    }
    const json& visit = visits[i];
    EpisodeVisit out;
    if (visit.contains("progressReport")) {
      if (visit["progressReport"].is_boolean()) out.progress_report = visit["progressReport"].get<bool>();
      else check.fail(prefix + "/progressReport", "must be true or false");
    }
    if (visit.contains("ytdAllowed")) {
      check.fail(prefix + "/ytdAllowed",
                 "is computed by the episode (priorSpend and the visits before this one): leave it out");
    }
    // A visit without a discipline is the plan's; when the plan's is unknown, such a visit's services cannot
    // be checked (their codes depend on it), so only its date is.
    const bool own_discipline = visit.contains("discipline");
    if (own_discipline && plan_ok.discipline && visit["discipline"].is_string()) {
      const std::string& d = visit["discipline"].get_ref<const std::string&>();
      if ((d == "PT" || d == "OT" || d == "SLP") && d != to_string(plan.discipline)) {
        check.fail(prefix + "/discipline", cat({"is ", d, " but the plan of care is ", to_string(plan.discipline),
                                                ": an episode is one discipline's plan"}));
      }
    }
    // Date order and the plan's start, from the visit's own date (the visit parser reports a bad one).
    if (visit.contains("dateOfService") && visit["dateOfService"].is_string()) {
      if (auto d = parse_iso_date(visit["dateOfService"].get_ref<const std::string&>())) {
        if (previous && *d < *previous) {
          check.fail(prefix + "/dateOfService", cat({"is ", iso_date(*d), ", before visit ", previous_index, " (",
                                                     iso_date(*previous), "): give the visits in date order"}));
        } else if (plan_ok.start && *d < date_key(plan.start)) {
          check.fail(prefix + "/dateOfService", cat({"is ", iso_date(*d), ", before the plan of care starts (",
                                                     iso_date(date_key(plan.start)), ")"}));
        }
        if (!previous || *d >= *previous) {
          previous = d;
          previous_index = i;
        }
      }
    }
    if (!own_discipline && !plan_ok.discipline) continue;
    // The visit as the visit parser gets it: its own fields but those two, then what it takes from the episode.
    const JsonRef own = *flat_visit;
    JsonWriter text;
    text.begin_object();
    for (const JsonRef field : own) {
      if (field.key() == "progressReport" || field.key() == "ytdAllowed") continue;
      text.key(field.key());
      field.write(text);
    }
    if (!own_discipline) text.key("discipline").value(to_string(plan.discipline));
    std::set<std::string> inherited;
    write_inherited(text, flat_root, &own, inherited);
    text.end_object();
    Validation v = parse_visit(text.take(), data);
    if (!v.value) {
      add_visit_errors(check, v.errors, prefix, inherited);
      continue;
    }
    out.visit = v.value->visit();
    episode.visits.push_back(std::move(out));
  }
}

}  // namespace

EpisodeParse parse_episode(std::string_view text, const ReferenceData& data) {
  EpisodeParse out;
  Checker check;
  if (text.size() > kMaxEpisodeBytes) {
    check.fail("", cat({"the episode is ", text.size(), " bytes; the limit is 16 MiB"}));
  } else if (trim(text).empty()) {
    check.fail("", "is empty: expected one episode, a JSON object such as {\"planOfCare\": ..., \"visits\": [...]}");
  } else {
    const FlatJson parsed = FlatJson::parse(text);
    const auto error = parse_error(parsed, "episode");
    if (error) {
      check.fail(error->path, error->message);
    } else if (parsed.depth > kMaxEpisodeDepth) {
      check.fail("", cat({"arrays and objects nest ", parsed.depth, " deep; an episode's nest at most ",
                          kMaxEpisodeDepth, " deep"}));
    } else if (!parsed.root().is_object()) {
      check.fail("", "an episode must be a JSON object: {\"planOfCare\": ..., \"visits\": [...]}");
    } else {
      // The visits are edited as a DOM (see the top of this file), built once the text has passed every check.
      const json root = parsed.root().to_nlohmann();
      Episode episode;
      check.only_keys(root, "", {"planOfCare", "priorSpend", "locality", "setting", "ruleSet", "options", "visits"});
      PlanStatus plan_ok;
      parse_plan(check, root, episode.plan, plan_ok);
      parse_prior(check, root, episode);
      if (plan_ok.discipline && plan_ok.start) check_inherited(check, root, parsed.root(), episode.plan, data);
      parse_visits(check, root, parsed.root(), episode.plan, plan_ok, data, episode);
      if (check.errors.empty()) out.episode = std::move(episode);
    }
  }
  out.errors = std::move(check.errors);
  return out;
}

namespace {

void write_bucket(JsonWriter& w, const char* name, const BucketSummary& b) {
  w.key(name).begin_object();
  w.key("year").value(b.year);
  w.key("spent").fixed(b.spent, 2);
  w.key("threshold");
  if (b.threshold) w.fixed(*b.threshold, 2);
  else w.null();
  w.key("release");
  if (b.release != nullptr) w.value(b.release->name);
  else w.null();
  w.key("crossedAtVisit");
  if (b.crossed_at_visit) w.value(*b.crossed_at_visit);
  else w.null();
  w.end_object();
}

}  // namespace

std::string episode_result_to_json(const EpisodeResult& r) {
  std::string out = r.ok ? "{\"ok\":true,\"visits\":[" : "{\"ok\":false,\"visits\":[";
  for (std::size_t i = 0; i < r.visits.size(); ++i) {
    if (i > 0) out += ',';
    out += result_to_json(r.visits[i], r.dates[i]);
  }
  out += "],";
  JsonWriter w(std::move(out));  // continues the object opened above: its first key takes no comma
  if (r.ok) {
    w.key("kx").begin_object();
    write_bucket(w, "ptSlp", r.kx_pt_slp);
    write_bucket(w, "ot", r.kx_ot);
    w.end_object();
    w.key("review").begin_object();
    write_bucket(w, "ptSlp", r.review_pt_slp);
    write_bucket(w, "ot", r.review_ot);
    w.end_object();
  } else {
    w.key("kx").null();
    w.key("review").null();
  }
  w.key("alerts").begin_array();
  for (const Alert& a : r.alerts) {
    w.begin_object().key("visit").value(a.visit).key("kind").value(to_string(a.kind));
    w.key("message").value(a.message).key("source").value(a.source).end_object();
  }
  w.end_array();
  w.key("errors").begin_array();
  for (const FieldError& f : r.errors)
    w.begin_object().key("path").value(f.path).key("message").value(f.message).end_object();
  w.end_array();
  w.end_object();  // the object opened by hand above
  return w.take();
}

std::string evaluate_episode_json(std::string_view text, const ReferenceData& data) {
  EpisodeParse parsed = parse_episode(text, data);
  if (!parsed.episode) {
    EpisodeResult failed;
    failed.errors = std::move(parsed.errors);
    return episode_result_to_json(failed);
  }
  return episode_result_to_json(evaluate_episode(*parsed.episode, data));
}

std::string evaluate_episode_json(std::string_view text) {
  return evaluate_episode_json(text, ReferenceData::builtin());
}

}  // namespace unitwise
