// validate(): every check a visit needs before the rules see it, on the struct itself, so a C++ caller
// gets the same protection as JSON input. It also resolves what the rules look up: each service's code,
// the locality's GPCIs and the releases in force on the date of service.
#include <algorithm>
#include <set>

#include "base/concat.h"
#include "reference/coverage_data.h"
#include "reference/rtm_codes.h"
#include "validate/diagnoses.h"
#include "validate/limits.h"
#include "validate/locality.h"
#include "validate/validate_visit.h"

namespace unitwise {
namespace {

bool code_characters_ok(std::string_view code) {
  return !code.empty() && code.size() <= 8 &&
         std::all_of(code.begin(), code.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); });
}

// Under a payer other than Medicare whose profile follows Medicare's coverage rules, a coverage error says which
// setting made it apply, in plain words.
std::string coverage_setting(const PayerProfile& payer, std::string_view code) {
  if (payer.id == "medicare") return {};
  return cat({". ", payer.name,
              "'s profile follows Medicare's coverage rules (its medicareCoverage setting is on); "
              "if this payer covers ",
              code, ", turn medicareCoverage off in the profile"});
}

}  // namespace

std::string service_path(std::size_t service, const char* field) { return cat({"/services/", service, field}); }

std::string shorten(std::string_view s) {
  if (s.size() <= 40) return std::string(s);
  std::size_t end = 40;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;  // continuation byte
  return std::string(s.substr(0, end)) + "…";
}

struct Validator {
  const ReferenceData& data;
  const std::set<std::string>& skip;
  std::vector<FieldError>& errors;

  void fail(const std::string& path, std::string message) {
    if (skip.count(path) == 0) errors.push_back({path, std::move(message)});
  }

  void money(Cents cents, const std::string& path) {
    if (cents < 0 || cents > kMaxCents) fail(path, "must be between 0 and 1000000 dollars");
  }

  void service(const Visit& visit, std::size_t i, const CodeInfo*& code) {
    const Service& s = visit.services[i];
    const auto path = [i](const char* field) { return service_path(i, field); };
    const CodeInfo* info = nullptr;
    const std::size_t joint = s.code.find_first_of("- ");
    if (s.code.empty()) {
      fail(path("/code"), kCodeRequired);
    } else if (joint == 5 && code_characters_ok(std::string_view(s.code).substr(0, 5))) {
      // "97110-GP", "97110 59": a code with its modifiers, which unitwise works out itself.
      fail(path("/code"), cat({"\"", shorten(s.code),
                               "\" has modifiers in it: unitwise works them out, so write the "
                               "code alone, \"",
                               std::string_view(s.code).substr(0, 5), "\""}));
    } else if (!code_characters_ok(s.code)) {
      fail(path("/code"), cat({"\"", shorten(s.code),
                               "\" is not a code: a code holds only digits and capital letters, "
                               "such as \"97110\" or \"G0283\""}));
    } else if ((info = find_code(s.code)) == nullptr) {
      const CodeInfo* near = nearest_code(s.code);
      fail(path("/code"),
           cat({"unknown code \"", s.code, "\": not in unitwise's catalogue",
                near ? cat({"; did you mean ", near->code, " (", near->descriptor, ")?"}) : std::string()}));
    }
    code = info;
    const bool minutes_ok = s.minutes >= 0 && s.minutes <= kMaxMinutes;
    if (!minutes_ok) fail(path("/minutes"), cat({"must be between 0 and ", kMaxMinutes, " minutes"}));
    if (info != nullptr && info->timed && !s.has_minutes) {
      fail(path("/minutes"), cat({"is required: ", s.code, " is a timed code (units come from its minutes)"}));
    }
    if (s.assistant_minutes < 0 || s.assistant_minutes > kMaxMinutes) {
      fail(path("/assistantMinutes"), cat({"must be between 0 and ", kMaxMinutes, " minutes"}));
    } else if (minutes_ok && s.assistant_minutes > s.minutes) {
      fail(path("/assistantMinutes"), cat({"cannot exceed minutes (", s.minutes,
                                           "): it is the part of the minutes the assistant furnished alone"}));
    } else if (info != nullptr && info->evaluation() && s.assistant_minutes > 0) {
      // BPM 100-02 ch.15 §230.1: evaluations and re-evaluations are the therapist's alone.
      fail(path("/assistantMinutes"), cat({s.code,
                                           " is an evaluation: an assistant may not furnish any of it, so "
                                           "assistantMinutes must be 0"}));
    }
    // Days of device data: only the RTM device-supply codes are billed by them (docs/rules.md §W2).
    if (s.has_days && (s.days < 0 || s.days > kMaxRtmDays)) {
      fail(path("/days"), cat({"must be between 0 and ", kMaxRtmDays,
                               " days: the days with device data in the 30-day "
                               "period"}));
    } else if (s.has_days && info != nullptr && !is_rtm_device_supply(info->code)) {
      fail(path("/days"), cat({"is only for the remote-monitoring device-supply codes (98976, 98977, 98978, 98984, "
                               "98985), not ",
                               s.code, ": leave it out"}));
    }
    // A plan of care that was itself reported as wrong can't be blamed on the code a second time.
    auto plan_known = [&] { return skip.count(s.has_discipline ? path("/discipline") : "/discipline") == 0; };
    if (info != nullptr && info->required_discipline && *info->required_discipline != s.discipline && plan_known()) {
      const char* plan = to_string(*info->required_discipline);
      fail(path(s.has_discipline ? "/discipline" : "/code"),
           cat({s.code, " is billed only under ", *info->required_discipline == Discipline::PT ? "a " : "an ", plan,
                " plan of care, not ", to_string(s.discipline),
                s.has_discipline ? "" : "; set this service's discipline"}));
    }
  }

  // Each known code's rows in the releases in force, for the rules (a code of two services is looked up twice:
  // rarer than the search is dear).
  static void resolve_rows(const Visit& v, const VisitReleases& r, std::vector<ValidVisit::Resolved>& services) {
    for (std::size_t i = 0; i < v.services.size(); ++i) {
      ValidVisit::Resolved& s = services[i];
      if (s.code == nullptr) continue;
      const std::string& code = v.services[i].code;
      if (r.rvu.table) s.rvu = find_rvu(*r.rvu.table, code);
      if (r.mue.table) s.mue = find_mue(*r.mue.table, code);
      if (r.ncci.table) s.ncci_column1 = find_ncci_column1(*r.ncci.table, code);
    }
  }

  // Checks that need the releases: Medicare coverage of each code, and distinct services against the edits.
  void coverage(const Visit& v, const std::vector<ValidVisit::Resolved>& services, const VisitReleases& r,
                DateKey date) {
    for (std::size_t i = 0; i < v.services.size(); ++i) {
      const Service& s = v.services[i];
      const auto path = [i](const char* field) { return service_path(i, field); };
      const RvuRow* rvu = services[i].rvu;
      if (rvu != nullptr && rvu->status == 'I' && v.payer.medicare_coverage) {
        // CMS status I: "not valid for Medicare purposes; Medicare uses another code" (RVU file, Attachment A).
        const Replacement* instead = medicare_replacement(s.code);
        fail(path("/code"),
             cat({instead ? cat({s.code, " is not valid for Medicare (status I in ", r.rvu.table->release.name,
                                 "): ", instead->why, ", so bill ", instead->use_instead, " instead"})
                          : cat({s.code, " is not valid for Medicare (status I in ", r.rvu.table->release.name,
                                 "): Medicare uses another code for it"}),
                  coverage_setting(v.payer, s.code)}));
      }
      if (rvu != nullptr && rvu->status == 'B' && s.liability != Liability::Payer && v.payer.medicare_coverage) {
        // Palmetto GBA: a status B service is never paid separately and the patient cannot be billed for it.
        fail(path(s.liability == Liability::Abn ? "/abn" : "/excluded"),
             cat({s.code,
                  " is bundled (status B): Medicare never pays it separately and the patient may not be billed "
                  "for it, so an ABN or GY does not apply",
                  coverage_setting(v.payer, s.code)}));
      }
      if (!s.distinct_service.empty()) {
        if (distinct_service_modifier(s.distinct_service) == nullptr) {
          fail(path("/distinctService"), cat({"must be one of \"XE\", \"XS\", \"XP\", \"XU\" or \"59\", not \"",
                                              shorten(s.distinct_service), "\""}));
          continue;
        }
        // An edit with modifier indicator 0 is never bypassed (CMS MLN1783722): claiming a distinct service is an error.
        for (std::size_t k = 0; r.ncci.table && k < v.services.size(); ++k) {
          for (const NcciRow& row : find_ncci(*r.ncci.table, v.services[k].code, s.code)) {
            const bool in_force = row.effective <= date && (row.deleted == 0 || row.deleted > date);
            if (in_force && row.modifier_indicator == '0') {
              fail(path("/distinctService"), cat({s.code, " can never be billed with ", row.column1,
                                                  " on the same day, distinct or not (NCCI modifier indicator 0)"}));
            }
          }
        }
      }
    }
    // One line per code: its services must agree on who pays and on a distinct service.
    for (std::size_t i = 0; i < v.services.size(); ++i) {
      for (std::size_t k = 0; k < i; ++k) {
        const Service& a = v.services[k];
        const Service& b = v.services[i];
        if (a.code != b.code || a.discipline != b.discipline) continue;
        if (a.liability != b.liability) {
          fail(service_path(i, "/abn"), cat({b.code,
                                             " is listed twice with different ABN or exclusion marks; its "
                                             "minutes make one line, so mark both alike"}));
        }
        if (a.distinct_service != b.distinct_service) {
          fail(service_path(i, "/distinctService"),
               cat({b.code, " is listed twice with different distinct-service modifiers; give it once"}));
        }
      }
    }
  }

  std::optional<ValidVisit> run(Visit visit) {
    ValidVisit out(std::move(visit), data);
    const Visit& v = out.visit_;
    const Date& d = v.date_of_service;
    const auto date = calendar_date(d.year, d.month, d.day);
    const bool date_ok = date.has_value();
    if (!date_ok) fail("/dateOfService", "must be a real calendar date written YYYY-MM-DD");

    const TableSet& t = data.tables();
    VisitReleases& r = out.releases_;
    if (date_ok) {
      r.rvu = in_force(t.rvu, *date);
      r.gpci = in_force(t.gpci, *date);
      r.mue = in_force(t.mue, *date);
      r.ncci = in_force(t.ncci, *date);
      r.kx = threshold(t, *date, ThresholdKind::Kx);
      r.review = threshold(t, *date, ThresholdKind::MedicalReview);
      r.telehealth_code = in_force(t.telehealth_code, *date);
      r.telehealth_period = in_force(t.telehealth_period, *date);
      const auto cf = conversion_factor(t, *date, v.options.qualifying_apm);
      if (r.rvu.table == nullptr || !cf) {
        fail("/dateOfService", "no Medicare fee schedule is loaded at all: add a data pack");
      } else {
        r.conversion_factor = *cf;
      }
      auto locality = resolve_locality(v.locality, r.gpci.table, in_force(t.locality, *date).table);
      if (auto* row = std::get_if<GpciRow>(&locality)) {
        out.locality_ = std::move(*row);
      } else {
        fail("/locality", std::get<std::string>(locality));
      }
    }
    const std::string& pos = v.place_of_service;
    if (pos.size() != 2 || pos[0] < '0' || pos[0] > '9' || pos[1] < '0' || pos[1] > '9') {
      fail("/placeOfService",
           cat({"must be a two-digit CMS place-of-service code such as \"11\" (office), \"02\" or \"10\" "
                "(telehealth), not \"",
                shorten(pos), "\""}));
    }
    money(v.ytd_pt_slp, "/ytdAllowed/PT_SLP");
    money(v.ytd_ot, "/ytdAllowed/OT");
    money(v.deductible_remaining, "/deductibleRemaining");
    for (std::size_t i = 0; i < v.options.tie_preference.size(); ++i) {
      if (!find_code(v.options.tie_preference[i])) {
        fail(cat({"/options/tiePreference/", i}), "must be a code of the catalogue");
      }
    }
    if (v.services.empty() || v.services.size() > kMaxServices) {
      fail("/services", cat({"must hold between 1 and ", kMaxServices, " services, not ", v.services.size()}));
    } else {
      out.services_.resize(v.services.size());
      for (std::size_t i = 0; i < v.services.size(); ++i) service(v, i, out.services_[i].code);
      resolve_rows(v, r, out.services_);
      if (date_ok && r.rvu.table != nullptr) coverage(v, out.services_, r, *date);
    }
    for (DiagnosisProblem& p : check_diagnoses(v, skip)) fail(p.path, std::move(p.message));
    if (!errors.empty()) return std::nullopt;
    return out;
  }
};

// Lines and edits name their code; a visit has a handful of services, so a scan beats any index.
const ValidVisit::Resolved* ValidVisit::resolved(std::string_view code) const {
  for (std::size_t i = 0; i < services_.size(); ++i) {
    if (visit_.services[i].code == code) return &services_[i];
  }
  return nullptr;
}

const RvuRow* ValidVisit::rvu(std::string_view code) const {
  if (const Resolved* r = resolved(code)) return r->rvu;
  return releases_.rvu.table ? find_rvu(*releases_.rvu.table, code) : nullptr;
}

const MueRow* ValidVisit::mue(std::string_view code) const {
  if (const Resolved* r = resolved(code)) return r->mue;
  return releases_.mue.table ? find_mue(*releases_.mue.table, code) : nullptr;
}

NcciRows ValidVisit::ncci_column1(std::string_view code) const {
  if (const Resolved* r = resolved(code)) return r->ncci_column1;
  return releases_.ncci.table ? find_ncci_column1(*releases_.ncci.table, code) : NcciRows{};
}

Validation validate_checked(Visit visit, const ReferenceData& data, std::vector<FieldError> errors,
                            const std::set<std::string>& skip) {
  Validation out;
  Validator v{data, skip, errors};
  std::optional<ValidVisit> valid = v.run(std::move(visit));
  out.errors = std::move(errors);
  if (out.errors.empty()) out.value = std::move(valid);
  return out;
}

Validation validate(Visit visit, const ReferenceData& data) {
  static const std::set<std::string> none;
  return validate_checked(std::move(visit), data, {}, none);
}

}  // namespace unitwise
