// The visit JSON edge: every field checked, every problem reported with its JSON pointer.
#include "json/visit_json.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "base/concat.h"
#include "base/csv_reader.h"
#include "base/flat_json.h"
#include "json/diagnoses_json.h"
#include "json/json_fields.h"
#include "json/payer_profile.h"
#include "validate/limits.h"
#include "validate/validate_visit.h"

namespace unitwise {
namespace {

// A field's JSON pointer, made into a string only when the field fails: most fields don't.
struct Path {
  static constexpr std::size_t kNoService = ~std::size_t{0};
  Path(const char* whole) : base(whole) {}  // NOLINT: literal paths read best as they are
  Path(std::size_t i, const char* l) : leaf(l), service(i) {}
  std::string text() const { return service == kNoService ? std::string(base) + leaf : service_path(service, leaf); }
  const char* base = "";
  const char* leaf = "";
  std::size_t service = kNoService;
};

// Checks the JSON's shape: types, keys, whole numbers, enum names. What the values mean is validate()'s job.
class Checker {
 public:
  std::vector<FieldError> errors;
  std::set<std::string> failed;  // paths already reported, which validate() must not report again

  void fail(std::string path, std::string message) {
    failed.insert(path);
    errors.push_back({std::move(path), std::move(message)});
  }

  // Only the listed keys may appear: unknown keys are rejected, never ignored (contract).
  // Unknown keys are reported in sorted order (the order of the std::map DOM this parser once read).
  // The allowed keys as views: their lengths are known at compile time (a const char* list cost a strlen per
  // key per member, 1% of a wasm call).
  bool only_keys(JsonRef object, const Path& path, std::initializer_list<std::string_view> allowed) {
    std::vector<std::string_view> unknown;
    for (JsonRef member : object) {
      const std::string_view key = member.key();
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) unknown.push_back(key);
    }
    std::sort(unknown.begin(), unknown.end());
    for (std::string_view key : unknown) {
      fail(cat({path.text(), "/", escape_pointer(std::string(key))}), cat({"unknown key \"", shorten(key), "\""}));
    }
    return unknown.empty();
  }

  // `hint` may suggest what a near miss meant ("ST" → "SLP"); it never picks it.
  template <class Enum, std::size_t N>
  bool choice(JsonRef value, const Path& path, const std::pair<const char*, Enum> (&options)[N], Enum& out,
              std::string (*hint)(std::string_view) = nullptr) {
    for (const auto& [name, e] : options) {
      if (value.is_string() && value.string() == name) {
        out = e;
        return true;
      }
    }
    std::string list;
    for (const auto& [name, e] : options) append(list, {list.empty() ? "\"" : ", \"", name, "\""});
    const std::string suggestion = value.is_string() && hint ? hint(value.string()) : "";
    if (!value.is_string()) fail(path.text(), cat({"must be a string; expected one of ", list}));
    else if (suggestion.empty())
      fail(path.text(), cat({"unknown value \"", shorten(value.string()), "\"; expected one of ", list}));
    else
      fail(path.text(), cat({"unknown value \"", shorten(value.string()), "\"; did you mean ", suggestion,
                             "? Expected one of ", list}));
    return false;
  }

  bool flag(JsonRef value, const std::string& path, bool& out) {
    if (!value.is_boolean()) {
      fail(path, "must be true or false");
      return false;
    }
    out = value.is_true();
    return true;
  }

  bool whole_number(JsonRef value, const Path& path, int low, int high, const char* what, int& out) {
    const bool integral = value.is_number_integer() || (value.is_number_float() && std::isfinite(value.number()) &&
                                                        value.number() == std::floor(value.number()));
    if (!value.is_number() || !integral) {
      fail(path.text(), value.is_number() ? cat({"must be a whole number of ", what, " (no fractions)"})
                                          : cat({"must be a number of ", what}));
      return false;
    }
    const double v = value.number();
    if (v < low || v > high) {
      fail(path.text(), cat({"must be between ", low, " and ", high, " ", what}));
      return false;
    }
    out = static_cast<int>(v);
    return true;
  }

  // Dollars with at most two decimals, turned into exact cents.
  bool dollars(JsonRef value, const std::string& path, Cents& out) {
    const char* problem = read_dollars(value.is_number(), value.number(), out);
    if (problem != nullptr) fail(path, problem);
    return problem == nullptr;
  }

  static std::string shorten(std::string_view s) { return unitwise::shorten(s); }
};

// What people write for a plan of care, and what they mean (a suggestion in the error, never applied).
std::string discipline_hint(std::string_view value) {
  std::string v;
  for (char c : value) v += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  const std::pair<const char*, const char*> known[] = {{"PT", "\"PT\""},
                                                       {"OT", "\"OT\""},
                                                       {"SLP", "\"SLP\""},
                                                       {"ST", "\"SLP\" (speech-language pathology)"},
                                                       {"SP", "\"SLP\" (speech-language pathology)"},
                                                       {"SPEECH", "\"SLP\" (speech-language pathology)"},
                                                       {"SPEECH THERAPY", "\"SLP\" (speech-language pathology)"},
                                                       {"PHYSICAL THERAPY", "\"PT\""},
                                                       {"OCCUPATIONAL THERAPY", "\"OT\""},
                                                       {"GP", "\"PT\" (GP follows from it)"},
                                                       {"GO", "\"OT\" (GO follows from it)"},
                                                       {"GN", "\"SLP\" (GN follows from it)"}};
  for (const auto& [said, meant] : known) {
    if (v == said) return meant;
  }
  return "";
}

constexpr std::pair<const char*, Discipline> kDisciplines[] = {
    {"PT", Discipline::PT}, {"OT", Discipline::OT}, {"SLP", Discipline::SLP}};
constexpr std::pair<const char*, RuleSet> kRuleSets[] = {{"cms", RuleSet::Cms}, {"per_code", RuleSet::PerCode}};
constexpr std::pair<const char*, Setting> kSettings[] = {{"nonfacility", Setting::NonFacility},
                                                         {"facility", Setting::Facility}};
constexpr std::pair<const char*, Pooling> kPoolings[] = {{"per_discipline", Pooling::PerDiscipline},
                                                         {"all", Pooling::AllDisciplines}};
constexpr std::pair<const char*, DeMinimisBase> kBases[] = {{"fifteen", DeMinimisBase::FifteenMinutes},
                                                            {"unit", DeMinimisBase::UnitMinutes}};

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool parse_date(std::string_view s, Date& d) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  auto digits = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  d.year = digits(0, 4);
  d.month = digits(5, 2);
  d.day = digits(8, 2);
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  return d.day <= kDays[d.month - 1] + (d.month == 2 && leap(d.year) ? 1 : 0);
}

void parse_service(Checker& c, JsonRef s, std::size_t i, const Visit& visit, Service& out) {
  const auto path = [i](const char* field) { return service_path(i, field); };
  if (!s.is_object()) {
    c.fail(path(""), "must be an object like {\"code\": \"97110\", \"minutes\": 23}");
    return;
  }
  if (s.contains("modifiers")) {
    c.fail(path("/modifiers"),
           "unitwise works out the modifiers (GP/GO/GN, CQ/CO, KX, 59/X) itself; leave them out. "
           "For a distinct service that the record supports, give \"distinctService\": \"XS\" "
           "(or XE, XP, XU, 59)");
  }
  c.only_keys(s, Path(i, ""),
              {"code", "minutes", "assistantMinutes", "discipline", "modifiers", "abn", "excluded", "distinctService",
               "days", "diagnosisPointers"});
  struct Mark {
    const char* key;
    const char* field;
    Liability liability;
  };
  for (const Mark& m : {Mark{"abn", "/abn", Liability::Abn}, Mark{"excluded", "/excluded", Liability::Excluded}}) {
    bool given = false;
    if (s.contains(m.key) && c.flag(s[m.key], path(m.field), given) && given) {
      out.liability = out.liability == Liability::Payer ? m.liability : Liability::Excluded;
    }
  }
  if (s["abn"].is_true() && s["excluded"].is_true()) {
    c.fail(path("/excluded"), "a service is either under an ABN (GA) or excluded by law (GY), not both");
  }
  if (s.contains("distinctService")) {
    if (s["distinctService"].is_string()) out.distinct_service = std::string(s["distinctService"].string());
    else c.fail(path("/distinctService"), "must be one of \"XE\", \"XS\", \"XP\", \"XU\" or \"59\"");
  }
  if (!s.contains("code")) {
    c.fail(path("/code"), kCodeRequired);
  } else if (!s["code"].is_string()) {
    c.fail(path("/code"), "must be a string such as \"97110\"");
  } else {
    // Spaces around a code are no part of it, and HCPCS letters are capitals ("g0283" is G0283).
    out.code = std::string(trim(s["code"].string()));
    const bool letters_and_digits = std::all_of(out.code.begin(), out.code.end(), [](char ch) {
      return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
    });
    // Only a code that is letters and digits is put in capitals: a bad one is quoted as typed.
    for (char& ch : out.code) ch = letters_and_digits && ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 32) : ch;
  }
  out.discipline = visit.discipline;
  if (s.contains("discipline")) {
    out.has_discipline =
        c.choice(s["discipline"], Path(i, "/discipline"), kDisciplines, out.discipline, discipline_hint);
  }
  if (s.contains("minutes")) {
    out.has_minutes = c.whole_number(s["minutes"], Path(i, "/minutes"), 0, kMaxMinutes, "minutes", out.minutes);
    if (!out.has_minutes) c.failed.insert(path("/assistantMinutes"));
  }
  if (s.contains("assistantMinutes")) {
    c.whole_number(s["assistantMinutes"], Path(i, "/assistantMinutes"), 0, kMaxMinutes, "minutes",
                   out.assistant_minutes);
  }
  if (s.contains("days")) {
    out.has_days = c.whole_number(s["days"], Path(i, "/days"), 0, kMaxRtmDays, "days", out.days);
    if (!out.has_days) c.failed.insert(path("/days"));
  }
  if (s.contains("diagnosisPointers")) parse_diagnosis_pointers(c, s["diagnosisPointers"], i, out);
}

void parse_options(Checker& c, JsonRef o, VisitOptions& options) {
  if (!o.is_object()) {
    c.fail("/options", "must be an object");
    return;
  }
  c.only_keys(o, "/options", {"pooling", "tiePreference", "deMinimisBase", "qualifyingApm", "trace"});
  if (o.contains("pooling")) c.choice(o["pooling"], "/options/pooling", kPoolings, options.pooling);
  if (o.contains("deMinimisBase"))
    c.choice(o["deMinimisBase"], "/options/deMinimisBase", kBases, options.de_minimis_base);
  if (o.contains("qualifyingApm")) c.flag(o["qualifyingApm"], "/options/qualifyingApm", options.qualifying_apm);
  if (o.contains("trace")) c.flag(o["trace"], "/options/trace", options.trace);
  if (o.contains("tiePreference")) {
    const JsonRef list = o["tiePreference"];
    if (!list.is_array() || list.size() > kMaxServices) {
      c.fail("/options/tiePreference", "must be an array of at most 100 codes");
      return;
    }
    std::size_t i = 0;
    for (JsonRef code : list) {
      if (!code.is_string()) c.fail(cat({"/options/tiePreference/", i}), "must be a code of the catalogue");
      options.tie_preference.emplace_back(code.string());
      ++i;
    }
  }
}

void parse_root(Checker& c, JsonRef root, Visit& visit) {
  if (!root.is_object()) {
    c.fail("", "a visit must be a JSON object");
    return;
  }
  c.only_keys(root, "",
              {"ruleSet", "payer", "dateOfService", "discipline", "locality", "setting", "placeOfService", "ytdAllowed",
               "deductibleRemaining", "services", "options", "diagnoses"});
  if (root.contains("placeOfService")) {
    if (root["placeOfService"].is_string()) visit.place_of_service = std::string(root["placeOfService"].string());
    else c.fail("/placeOfService", "must be a string of two digits such as \"11\" or \"10\"");
  }
  // The payer first: its unit rule is the visit's, and "ruleSet" is a shorthand for it.
  if (root.contains("payer")) {
    const JsonRef payer = root["payer"];
    if (payer.is_string()) {
      const PayerProfile* known = builtin_payer(payer.string());
      if (known != nullptr) visit.payer = *known;
      else
        c.fail("/payer", cat({"unknown payer \"", shorten(payer.string()), "\"; built in: ", builtin_payer_ids(),
                              ", or give a profile object (docs/payers.md)"}));
    } else {
      visit.payer.id = "inline";
      visit.payer.name = "Inline profile";
      parse_payer_profile(payer.to_nlohmann(), "/payer", visit.payer,
                          [&](const std::string& at, const std::string& message) { c.fail(at, message); });
    }
  }
  visit.rule_set = visit.payer.unit_rule;
  if (root.contains("ruleSet") && c.choice(root["ruleSet"], "/ruleSet", kRuleSets, visit.rule_set)) {
    if (root.contains("payer") && root["payer"].is_object() && root["payer"].contains("unitRule") &&
        visit.rule_set != visit.payer.unit_rule) {
      c.fail("/ruleSet", "the payer profile sets unitRule already; give the unit rule once");
    }
    visit.payer.unit_rule = visit.rule_set;
  }

  if (!root.contains("dateOfService")) {
    c.fail("/dateOfService", "is required (YYYY-MM-DD): fees, KX thresholds and edits depend on it");
  } else if (!root["dateOfService"].is_string() || !parse_date(root["dateOfService"].string(), visit.date_of_service)) {
    c.fail("/dateOfService", "must be a real calendar date written YYYY-MM-DD");
  }
  if (c.failed.count("/dateOfService")) c.failed.insert("/locality");  // no date, no locality table to look in

  if (!root.contains("discipline")) c.fail("/discipline", "is required: \"PT\", \"OT\" or \"SLP\" (the plan of care)");
  else c.choice(root["discipline"], "/discipline", kDisciplines, visit.discipline, discipline_hint);

  if (root.contains("locality")) {
    if (!root["locality"].is_string()) {
      c.fail("/locality", "must be a string: \"national\" or \"<mac>-<locality>\" such as \"13202-01\"");
    } else {
      visit.locality = std::string(root["locality"].string());
    }
  }
  if (root.contains("setting")) c.choice(root["setting"], "/setting", kSettings, visit.setting);
  if (root.contains("ytdAllowed")) {
    const JsonRef ytd = root["ytdAllowed"];
    if (!ytd.is_object()) {
      c.fail("/ytdAllowed", "must be an object like {\"PT_SLP\": 0, \"OT\": 0}");
    } else {
      c.only_keys(ytd, "/ytdAllowed", {"PT_SLP", "OT"});
      if (ytd.contains("PT_SLP")) c.dollars(ytd["PT_SLP"], "/ytdAllowed/PT_SLP", visit.ytd_pt_slp);
      if (ytd.contains("OT")) c.dollars(ytd["OT"], "/ytdAllowed/OT", visit.ytd_ot);
    }
  }
  if (root.contains("deductibleRemaining")) {
    c.dollars(root["deductibleRemaining"], "/deductibleRemaining", visit.deductible_remaining);
  }
  // Options before services: the services don't depend on them, but errors read top to bottom.
  if (root.contains("options")) parse_options(c, root["options"], visit.options);
  if (root.contains("diagnoses")) parse_diagnoses(c, root["diagnoses"], visit);

  if (!root.contains("services")) {
    c.fail("/services", "is required: an array of {\"code\", \"minutes\"}");
    return;
  }
  const JsonRef services = root["services"];
  if (!services.is_array()) {
    c.fail("/services", "must be an array of {\"code\", \"minutes\"}");
    return;
  }
  if (services.empty() || services.size() > kMaxServices) {
    c.fail("/services", cat({"must hold between 1 and ", kMaxServices, " services, not ", services.size()}));
    return;
  }
  visit.services.resize(services.size());
  std::size_t i = 0;
  for (JsonRef service : services) {
    parse_service(c, service, i, visit, visit.services[i]);
    ++i;
  }
}

}  // namespace

std::string oversized_visit_message(std::size_t bytes) {
  return cat({"the visit is ", bytes, " bytes; the limit is 4 MiB"});
}

Validation parse_visit(std::string_view text, const ReferenceData& data) {
  Validation out;
  Checker c;
  if (text.size() > kMaxVisitBytes) {
    c.fail("", oversized_visit_message(text.size()));
    out.errors = std::move(c.errors);
    return out;
  }
  if (trim(text).empty()) {
    c.fail("", "is empty: expected one visit, a JSON object such as {\"dateOfService\": ..., \"services\": [...]}");
    out.errors = std::move(c.errors);
    return out;
  }
  const FlatJson parsed = FlatJson::parse(text);
  if (const auto error = parse_error(parsed, "visit")) {
    c.fail(error->path, error->message);
  } else {
    Visit visit;
    parse_root(c, parsed.root(), visit);
    if (!c.failed.count("") && !c.failed.count("/services")) {
      return validate_checked(std::move(visit), data, std::move(c.errors), c.failed);
    }
  }
  out.errors = std::move(c.errors);
  return out;
}

}  // namespace unitwise
