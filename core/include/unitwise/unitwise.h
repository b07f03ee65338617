// unitwise: US outpatient therapy (PT/OT/SLP) units, modifiers, edits and fees for one visit.
// Layers: parse (JSON) → validate (a ValidVisit: codes, locality and releases resolved once) → rules →
// result → JSON. Pure functions over immutable data: the same answer for the same visit and data.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "unitwise/catalogue.h"
#include "unitwise/checked.h"
#include "unitwise/model.h"
#include "unitwise/reference.h"

namespace unitwise {

// The releases a visit uses, chosen once for its date of service.
struct VisitReleases {
  InForce<RvuRow> rvu;
  InForce<GpciRow> gpci;
  ConversionFactorInForce conversion_factor;
  InForce<MueRow> mue;
  InForce<NcciRow> ncci;
  std::optional<ThresholdInForce> kx;
  std::optional<ThresholdInForce> review;
  InForce<TelehealthCodeRow> telehealth_code;
  InForce<TelehealthPeriodRow> telehealth_period;
};

// A visit whose every field has been checked, with its codes, locality and releases resolved.
// Only validate() makes one: the rules never see an unchecked visit.
class ValidVisit {
 public:
  const Visit& visit() const { return visit_; }
  const ReferenceData& data() const { return *data_; }
  DateKey date() const { return date_key(visit_.date_of_service); }
  const CodeInfo& code(std::size_t service) const { return *services_[service].code; }
  const VisitReleases& releases() const { return releases_; }
  // A code's rows in the releases in force (nullptr: the table has none). validate() finds them for the visit's
  // services, which the rules ask about per line and per edit; any other code is looked up.
  const RvuRow* rvu(std::string_view code) const;
  const MueRow* mue(std::string_view code) const;
  NcciRows ncci_column1(std::string_view code) const;
  // The locality's GPCIs; all 1.000 for "national".
  const GpciRow& locality() const { return locality_; }

 private:
  friend struct Validator;
  ValidVisit(Visit visit, const ReferenceData& data) : visit_(std::move(visit)), data_(&data) {}
  struct Resolved {
    const CodeInfo* code = nullptr;
    const RvuRow* rvu = nullptr;
    const MueRow* mue = nullptr;
    NcciRows ncci_column1;  // the NCCI rows with this code in column one
  };
  const Resolved* resolved(std::string_view code) const;
  Visit visit_;
  const ReferenceData* data_;
  std::vector<Resolved> services_;  // one per service, in order
  VisitReleases releases_;
  GpciRow locality_;
};

// A checked visit, or one error per bad field with its JSON pointer.
using Validation = Checked<ValidVisit, FieldError>;

// Checks every field of a visit built in C++ (the JSON parser calls it too). `data` must outlive the result.
Validation validate(Visit visit, const ReferenceData& data = ReferenceData::builtin());

// The rules; the result is always ok.
Result evaluate(const ValidVisit& visit, const Explain& explain = {});

// The JSON entry point of the contract: visit JSON in, result JSON out. Never throws:
// bad input gives {"ok":false,"errors":[{"path":...,"message":...}],...}.
std::string evaluate_json(std::string_view visit_json);
std::string evaluate_json(std::string_view visit_json, const ReferenceData& data);
// The error result for a visit text of `bytes` bytes, over the 4 MiB limit, for a reader that stopped holding
// the text at the limit: it names the real size, as evaluate_json would.
std::string oversized_visit_json(std::size_t bytes);

// Engine version and the releases it holds, as JSON.
std::string version();
std::string data_versions_json(const ReferenceData& data = ReferenceData::builtin());

// The code catalogue as a JSON array.
std::string catalogue_json();

// The Medicare payment localities in force on a date ("YYYY-MM-DD"), with their counties, as a JSON array.
std::string localities_json(std::string_view date, const ReferenceData& data = ReferenceData::builtin());
// The localities a place may mean on a date, as localities_json's entries: "Miami, FL", "Travis County, TX",
// "Manhattan NY", "Texas" or an id. One is the answer, several a choice, [] nothing found (or a bad date).
std::string find_localities_json(std::string_view text, std::string_view date,
                                 const ReferenceData& data = ReferenceData::builtin());

}  // namespace unitwise
