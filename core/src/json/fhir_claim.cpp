// A FHIR R4 Claim from a result and its visit (fhir_claim.h). Every element's place and cardinality follow the
// Claim resource page, HL7 FHIR R4 (4.0.1) hl7.org/fhir/R4/claim.html; the choices unitwise makes where FHIR leaves
// one are in docs/fhir.md. Pure: no clock, no I/O; the same three texts always give the same claim.
#include "unitwise/fhir_claim.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "base/flat_json.h"
#include "json/json_fields.h"
#include "base/json_writer.h"
#include "json/visit_json.h"
#include "base/concat.h"
#include "unitwise/unitwise.h"
#include "validate/diagnoses.h"
#include "validate/validate_visit.h"

namespace unitwise {
namespace {

// Code systems. CPT: HL7 terminology (terminology.hl7.org/CodeSystem-v3-cpt-4... "http://www.ama-assn.org/go/cpt");
// HCPCS Level II: its OID (terminology.hl7.org NamingSystem HCPCS, 2.16.840.1.113883.6.285); ICD-10-CM: HL7 FHIR R4
// terminologies-systems.html; place of service: CMS's POS code set page, as the CARIN and Da Vinci guides name it.
constexpr std::string_view kCpt = "http://www.ama-assn.org/go/cpt";
constexpr std::string_view kHcpcs = "urn:oid:2.16.840.1.113883.6.285";
constexpr std::string_view kIcd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
constexpr std::string_view kPlaceOfService =
    "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";
constexpr std::string_view kClaimType = "http://terminology.hl7.org/CodeSystem/claim-type";
constexpr std::string_view kPriority = "http://terminology.hl7.org/CodeSystem/processpriority";
constexpr std::size_t kMaxReferenceChars = 4096;  // far above any real reference; bounds what is copied

bool digit(char c) { return c >= '0' && c <= '9'; }
bool capital(char c) { return c >= 'A' && c <= 'Z'; }

// CPT: five digits (Category I), or four digits and a letter (F: Category II, T: Category III, U: PLA).
// HCPCS Level II: a letter and four digits (CMS HCPCS Level II coding procedures). Anything else is neither.
std::string_view code_system(std::string_view code) {
  if (code.size() != 5) return {};
  if (std::all_of(code.begin(), code.begin() + 4, digit) && (digit(code[4]) || capital(code[4]))) return kCpt;
  if (capital(code[0]) && std::all_of(code.begin() + 1, code.end(), digit)) return kHcpcs;
  return {};
}

// Modifiers: two digits are CPT's (59, 95: CPT Appendix A); two letters or a letter and a digit are HCPCS Level
// II's (GP, GO, GN, CQ, CO, KX, GA, GY, XE, XS, XP, XU: CMS HCPCS modifier list).
std::string_view modifier_system(std::string_view m) {
  if (m.size() == 2 && digit(m[0]) && digit(m[1])) return kCpt;
  return kHcpcs;
}

// The error collector, named and shaped as the other JSON readers' (visit_json.cpp, episode_json.cpp).
struct Checker {
  std::vector<FieldError> errors;
  void fail(std::string path, std::string message) { errors.push_back({std::move(path), std::move(message)}); }
};

std::string errors_json(const std::vector<FieldError>& errors) {
  JsonWriter w;
  w.begin_object().key("ok").value(false).key("errors").begin_array();
  for (const FieldError& e : errors)
    w.begin_object().key("path").value(e.path).key("message").value(e.message).end_object();
  w.end_array().end_object();
  return w.take();
}

// A FHIR Reference the caller gave: a string is a literal reference ("Patient/123" or an absolute URL); an object
// may carry reference, type, display and identifier {system, value}. No "#local" reference: the claim has no
// contained resources to point to (FHIR R4 ref-1).
struct Reference {
  std::string reference, type, display, identifier_system, identifier_value;
};

bool short_string(JsonRef v) { return v.is_string() && v.string().size() <= kMaxReferenceChars; }

std::optional<Reference> read_reference(JsonRef v, const std::string& path, Checker& p) {
  Reference r;
  const char* form =
      "must be a FHIR reference: a string such as \"Patient/123\", or an object with reference, "
      "display or identifier";
  if (v.is_string()) {
    if (!short_string(v) || v.string().empty()) {
      p.fail(path, form);
      return std::nullopt;
    }
    r.reference = std::string(v.string());
  } else if (v.is_object()) {
    bool ok = true;
    for (JsonRef member : v) {
      const std::string_view key = member.key();
      std::string* into = key == "reference" ? &r.reference
                          : key == "type"    ? &r.type
                          : key == "display" ? &r.display
                                             : nullptr;
      if (into != nullptr && short_string(member) && !member.string().empty()) {
        *into = std::string(member.string());
      } else if (key == "identifier" && member.is_object()) {
        for (JsonRef part : member) {
          std::string* at = part.key() == "system"  ? &r.identifier_system
                            : part.key() == "value" ? &r.identifier_value
                                                    : nullptr;
          if (at != nullptr && short_string(part) && !part.string().empty()) *at = std::string(part.string());
          else ok = false;
        }
      } else {
        ok = false;
      }
    }
    if (!ok || (r.reference.empty() && r.display.empty() && r.identifier_value.empty())) {
      p.fail(path, form);
      return std::nullopt;
    }
  } else {
    p.fail(path, form);
    return std::nullopt;
  }
  if (!r.reference.empty() && r.reference[0] == '#') {
    p.fail(path,
           "a local \"#\" reference needs a contained resource, and the claim holds none: give \"Patient/123\", "
           "an absolute URL or an identifier");
    return std::nullopt;
  }
  return r;
}

void write_reference(JsonWriter& w, const Reference& r) {
  w.begin_object();
  if (!r.reference.empty()) w.key("reference").value(r.reference);
  if (!r.type.empty()) w.key("type").value(r.type);
  if (!r.identifier_value.empty() || !r.identifier_system.empty()) {
    w.key("identifier").begin_object();
    if (!r.identifier_system.empty()) w.key("system").value(r.identifier_system);
    if (!r.identifier_value.empty()) w.key("value").value(r.identifier_value);
    w.end_object();
  }
  if (!r.display.empty()) w.key("display").value(r.display);
  w.end_object();
}

// FHIR R4 dateTime (datatypes.html#dateTime): a date, or a date and a time with its zone.
bool fhir_date_time(std::string_view s) {
  if (s.size() < 10 || !parse_iso_date(s.substr(0, 10))) return false;
  if (s.size() == 10) return true;
  if (s.size() < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':') return false;
  for (std::size_t i : {11u, 12u, 14u, 15u, 17u, 18u}) {
    if (!digit(s[i])) return false;
  }
  std::string_view rest = s.substr(19);
  if (!rest.empty() && rest[0] == '.') {
    std::size_t n = 1;
    while (n < rest.size() && digit(rest[n])) ++n;
    if (n == 1) return false;
    rest.remove_prefix(n);
  }
  if (rest == "Z") return true;
  return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && digit(rest[1]) && digit(rest[2]) && rest[3] == ':' &&
         digit(rest[4]) && digit(rest[5]);
}

struct Options {
  Reference patient{"", "", "patient (not given)", "", ""};
  Reference provider{"", "", "billing provider (not given)", "", ""};
  Reference coverage{"", "", "coverage (not given)", "", ""};
  std::string created;  // empty: the date of service
};

void read_options(std::string_view text, Options& o, Checker& p) {
  if (text.empty()) return;
  const FlatJson parsed = FlatJson::parse(text);
  if (const auto error = parse_error(parsed, "options")) {
    p.fail(cat({"/options", error->path}), error->message);
    return;
  }
  const JsonRef root = parsed.root();
  if (root.is_null()) return;
  if (!root.is_object()) {
    p.fail("/options", "must be an object: {patient, provider, insurance, created}, each optional");
    return;
  }
  for (JsonRef member : root) {
    const std::string_view key = member.key();
    const std::string path = cat({"/options/", escape_pointer(std::string(key))});
    Reference* into = key == "patient"     ? &o.patient
                      : key == "provider"  ? &o.provider
                      : key == "insurance" ? &o.coverage
                                           : nullptr;
    if (into != nullptr) {
      if (auto r = read_reference(member, path, p)) *into = std::move(*r);
    } else if (key == "created") {
      if (member.is_string() && fhir_date_time(member.string())) o.created = std::string(member.string());
      else
        p.fail(path, "must be a date (YYYY-MM-DD) or a FHIR dateTime with its time zone (YYYY-MM-DDThh:mm:ss+zz:zz)");
    } else {
      p.fail(path, cat({"unknown key \"", shorten(key), "\"; expected patient, provider, insurance or created"}));
    }
  }
}

// One billed line of the result, as the claim needs it.
struct Item {
  std::string code;
  std::string_view system;
  std::vector<std::string> modifiers;
  int units = 0;
  Cents allowed = 0;
  std::vector<int> pointers;
};

// The lines the payer is to be billed for: a denied line or a line of 0 units is not a claim item (contract.md §3:
// a denied line is out of the claim).
void read_lines(JsonRef lines, std::size_t diagnoses, std::vector<Item>& items, Checker& p) {
  if (!lines.is_array()) {
    p.fail("/result/lines", "must be the result's array of lines");
    return;
  }
  std::size_t i = 0;
  for (JsonRef line : lines) {
    const std::string at = cat({"/result/lines/", i++});
    if (!line.is_object()) {
      p.fail(at, "must be a line of the result");
      continue;
    }
    const JsonRef units = line["units"];
    if (!units.is_number_integer() || units.number() < 0 || units.number() > 100000) {
      p.fail(at + "/units", "must be the line's whole number of units");
      continue;
    }
    if (line.contains("denied") || units.number() == 0) continue;
    Item item;
    item.units = static_cast<int>(units.number());
    const JsonRef code = line["code"];
    item.system = code.is_string() ? code_system(code.string()) : std::string_view();
    if (item.system.empty()) {
      p.fail(at + "/code",
             "must be a CPT code (5 digits, or 4 digits and a letter) or a HCPCS code (a letter and 4 digits)");
      continue;
    }
    item.code = std::string(code.string());
    const JsonRef modifiers = line["modifiers"];
    bool modifiers_ok = modifiers.is_array() && modifiers.size() <= 8;
    for (JsonRef m : modifiers) {
      if (!modifiers_ok) break;
      modifiers_ok = m.is_string() && m.string().size() == 2;
      if (modifiers_ok) item.modifiers.emplace_back(m.string());
    }
    if (!modifiers_ok) {
      p.fail(at + "/modifiers", "must be the line's modifiers, two characters each");
      continue;
    }
    const JsonRef allowed = line["allowed"];
    if (const char* problem =
            read_dollars(allowed.is_number(), allowed.is_number() ? allowed.number() : 0, item.allowed)) {
      p.fail(at + "/allowed", problem);
      continue;
    }
    const JsonRef pointers = line["diagnosisPointers"];
    if (line.contains("diagnosisPointers") != (diagnoses > 0)) {
      p.fail(at + "/diagnosisPointers", diagnoses > 0
                                            ? "is missing, but the visit gives diagnoses: this result is not "
                                              "the visit's; evaluate the visit again"
                                            : "is given, but the visit has no diagnoses: this result is not the "
                                              "visit's; evaluate the visit again");
      continue;
    }
    bool pointers_ok = !line.contains("diagnosisPointers") ||
                       (pointers.is_array() && !pointers.empty() && pointers.size() <= kMaxDiagnosisPointers);
    for (JsonRef n : pointers) {
      if (!pointers_ok || !line.contains("diagnosisPointers")) break;
      pointers_ok = n.is_number_integer() && n.number() >= 1 && n.number() <= static_cast<double>(diagnoses);
      if (pointers_ok) item.pointers.push_back(static_cast<int>(n.number()));
    }
    if (!pointers_ok) {
      p.fail(at + "/diagnosisPointers", cat({"must be 1 to 4 numbers of the visit's ", diagnoses, " diagnoses"}));
      continue;
    }
    items.push_back(std::move(item));
  }
}

void write_coding(JsonWriter& w, std::string_view system, std::string_view code) {
  // No display: a CPT descriptor is the AMA's text, which unitwise never ships; a system and a code identify it.
  w.begin_object().key("coding").begin_array();
  w.begin_object().key("system").value(system).key("code").value(code).end_object();
  w.end_array().end_object();
}

void write_money(JsonWriter& w, Cents cents) {
  // Money (datatypes.html#Money): value and ISO 4217 currency; amounts are exact cents from the result.
  w.begin_object().key("value").fixed(cents, 2).key("currency").value("USD").end_object();
}

std::string write_claim(const Visit& visit, const std::vector<Item>& items, const Options& o) {
  char date[kIsoDateChars];
  write_iso_date(date, date_key(visit.date_of_service));
  const std::string_view date_of_service(date, sizeof date);
  JsonWriter w;
  w.begin_object();
  w.key("resourceType").value("Claim");
  // active: the claim is in force (R4 fm-status); draft would mean not yet ready, which a priced claim is.
  w.key("status").value("active");
  // professional: services of a practitioner, billed on the CMS-1500/837P, as a therapy practice bills them;
  // institutional is for hospitals and facilities billing on the UB-04/837I (claim-type code system).
  w.key("type").begin_object().key("coding").begin_array();
  w.begin_object()
      .key("system")
      .value(kClaimType)
      .key("code")
      .value("professional")
      .key("display")
      .value("Professional");
  w.end_object().end_array().end_object();
  // claim: the visit took place and its services were furnished; predetermination and preauthorization are for
  // treatment proposed (R4 claim-use: "The treatment is complete and this represents a Claim for the services").
  w.key("use").value("claim");
  w.key("patient");
  write_reference(w, o.patient);
  // created is required; the core keeps no clock, so it is the date of service unless the caller gives one.
  w.key("created").value(o.created.empty() ? date_of_service : std::string_view(o.created));
  w.key("provider");
  write_reference(w, o.provider);
  w.key("priority").begin_object().key("coding").begin_array();
  w.begin_object().key("system").value(kPriority).key("code").value("normal").key("display").value("Normal");
  w.end_object().end_array().end_object();
  if (!visit.diagnoses.empty()) {
    // Claim.diagnosis.sequence is what item.diagnosisSequence points to: the visit's order, 1 for the first.
    w.key("diagnosis").begin_array();
    for (std::size_t k = 0; k < visit.diagnoses.size(); ++k) {
      w.begin_object().key("sequence").value(static_cast<int>(k + 1)).key("diagnosisCodeableConcept");
      write_coding(w, kIcd10Cm, visit.diagnoses[k]);  // as the user typed it (contract.md §2)
      w.end_object();
    }
    w.end_array();
  }
  // insurance is 1..*: the one coverage this claim goes to, focal.
  w.key("insurance").begin_array().begin_object().key("sequence").value(1).key("focal").value(true).key("coverage");
  write_reference(w, o.coverage);
  w.end_object().end_array();
  Cents total = 0;
  if (!items.empty()) {  // FHIR JSON has no empty arrays (json.html): no billed line, no item key
    w.key("item").begin_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Item& item = items[i];
      w.begin_object();
      w.key("sequence").value(static_cast<int>(i + 1));
      if (!item.pointers.empty()) {
        w.key("diagnosisSequence").begin_array();
        for (int p : item.pointers) w.value(p);
        w.end_array();
      }
      w.key("productOrService");
      write_coding(w, item.system, item.code);
      if (!item.modifiers.empty()) {
        w.key("modifier").begin_array();
        for (const std::string& m : item.modifiers) write_coding(w, modifier_system(m), m);
        w.end_array();
      }
      w.key("servicedDate").value(date_of_service);
      w.key("locationCodeableConcept");
      write_coding(w, kPlaceOfService, visit.place_of_service);
      w.key("quantity").begin_object().key("value").value(item.units).end_object();
      // unitPrice and net are the line's allowed amount (docs/fhir.md: a line's units are not of one price under
      // MPPR, and a price per unit would round a second time).
      w.key("unitPrice");
      write_money(w, item.allowed);
      w.key("net");
      write_money(w, item.allowed);
      w.end_object();
      total += item.allowed;
    }
    w.end_array();
  }
  w.key("total");
  write_money(w, total);
  w.end_object();
  return w.take();
}

}  // namespace

std::string fhir_claim_json(std::string_view result_json, std::string_view visit_json, std::string_view options_json,
                            const ReferenceData& data) {
  Checker p;
  const FlatJson result = FlatJson::parse(result_json);
  if (const auto error = parse_error(result, "result")) {
    p.fail(cat({"/result", error->path}), error->message);
    return errors_json(p.errors);
  }
  const JsonRef root = result.root();
  if (!root.is_object() || !root["ok"].is_boolean()) {
    p.fail("/result", "must be a result of evaluate (an object with ok, lines, ...)");
    return errors_json(p.errors);
  }
  if (!root["ok"].is_true()) {
    // The visit was not valid: its result's errors are the answer (the CLI prints them as evaluate does).
    const JsonRef errors = root["errors"];
    for (JsonRef e : errors) {
      if (!errors.is_array()) break;
      if (e.is_object() && e["path"].is_string() && e["message"].is_string()) {
        p.fail(std::string(e["path"].string()), std::string(e["message"].string()));
      }
    }
    if (p.errors.empty()) p.fail("/result", "is not ok and names no error: evaluate the visit again");
    return errors_json(p.errors);
  }
  Options options;
  read_options(options_json, options, p);
  Validation valid = parse_visit(visit_json, data);
  if (!valid.value) {
    for (const FieldError& e : valid.errors) p.fail(cat({"/visit", e.path}), e.message);
    return errors_json(p.errors);
  }
  const Visit& visit = valid.value->visit();
  char date[kIsoDateChars];
  write_iso_date(date, date_key(visit.date_of_service));
  if (!root["dateOfService"].is_string() || root["dateOfService"].string() != std::string_view(date, sizeof date)) {
    p.fail("/result/dateOfService",
           "is not the visit's date of service: this result is not the visit's; evaluate the "
           "visit again");
  }
  std::vector<Item> items;
  read_lines(root["lines"], visit.diagnoses.size(), items, p);
  if (!p.errors.empty()) return errors_json(p.errors);
  return write_claim(visit, items, options);
}

}  // namespace unitwise
