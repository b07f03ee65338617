// The plain structs unitwise works on: a validated visit in, a result out.
// JSON lives only at the edge (visit_json.h, result_json.h); the rules see these types.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unitwise {

struct CodeInfo;  // unitwise/catalogue.h

enum class Discipline { PT, OT, SLP };         // plan of care: GP, GO, GN
enum class RuleSet { Cms, PerCode };           // "cms" total time, "per_code" AMA midpoint
enum class Setting { NonFacility, Facility };  // which PE RVU prices the service
enum class Pooling { PerDiscipline, AllDisciplines };
enum class DeMinimisBase { FifteenMinutes, UnitMinutes };  // denominator of the CQ/CO 10% test

// How much a warning or an edit matters: info (a default or a fact to know), warning (the claim may be
// questioned or needs documentation), error (Medicare is expected to deny or not pay it).
enum class Severity { Info, Warning, Error };
// What part of the result a trace entry explains; the page groups the explanation by it.
enum class Topic { Units, Modifiers, Fee, Edits, Checklist };
enum class EditKind { Ncci, Mue };

// The rule behind a trace entry. Names and topics: base/names.cpp.
enum class Rule {
  DuplicateCode,
  Untimed,
  Cms8Minute,
  CmsBelow8,
  CmsFullBlocks,
  CmsLeftover,
  CmsZeroUnits,
  CmsTie,
  Pooling,
  PerCode,
  DisciplineModifier,
  AssistantUntimed,
  AssistantUnits,
  FeeRelease,
  Locality,
  FeeUnitPrice,
  FeeMppr,
  FeeAssistant,
  FeeShare,
  Kx,
  EditRelease,
  Ncci,
  Mue,
  Telehealth,
  UnitCap,
  PayerFee,
  CodeDates,
  Rtm
};

// Every warning the engine gives. Names and severities: base/names.cpp.
enum class WarningId {
  Tie,
  DuplicateCode,
  SlpAssistant,
  AssistantPrecedence,
  AssistantDeMinimisBase,
  AddOnWithoutPrimary,
  Code97129Once,
  FacilityPeNa,
  StatusBBundled,
  StatusINotMedicare,
  StatusRRestricted,
  NoRvus,
  KxApplied,
  KxApproaching,
  TargetedReview,
  FeeScheduleNearest,
  ThresholdsNearest,
  EditTablesNearest,
  DistinctServiceUnused,
  PatientLiable,
  TelehealthNotOnList,
  TelehealthNotAuthorized,
  UnitCap,
  PayerNote,
  PayerFeeUnknown,
  CodeNotValidOnDate,
  UnderTimeFloor,
  RtmFurtherUnits,
  RtmOtherCode,
  PerCodeUnderMedicare,
  TableMayBeStale
};

using Cents = std::int64_t;  // whole cents: the only money type that crosses module lines

// Why a claim line is denied, when the engine expects the payer to deny it (docs/rules.md §D; the table of which
// rule denies what, with its source, is core/src/rules/denials.cpp). A denied line is $0, out of MPPR, the
// totals, KX and the claim; the patient owes nothing for it.
enum class Denial {
  None,
  Mue,
  PtpIndicator0,
  AddOnWithoutPrimary,
  NotValidOnDate,
  NotCovered,
  TelehealthNotAuthorized,
  UnderTimeFloor
};

// Who pays a line: the payer, or the patient after an ABN (GA) or for a service Medicare excludes by law (GY).
enum class Liability { Payer, Abn, Excluded };

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
};

// The diagnoses a claim line points to: 1-based positions in Visit::diagnoses, at most four (NUCC 1500 Claim Form
// Reference Instruction Manual, item 24E), kept inline so a line needs no heap.
struct DiagnosisPointers {
  std::array<std::uint8_t, 4> items{};
  std::uint8_t count = 0;
  bool empty() const { return count == 0; }
  const std::uint8_t* begin() const { return items.data(); }
  const std::uint8_t* end() const { return items.data() + count; }
  friend bool operator==(const DiagnosisPointers& a, const DiagnosisPointers& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }
};

struct Service {
  std::string code;
  int minutes = 0;                         // whole minutes furnished (therapist + assistant)
  bool has_minutes = false;                // untimed codes may omit minutes
  int assistant_minutes = 0;               // the part a PTA/OTA furnished without the therapist
  Discipline discipline = Discipline::PT;  // visit discipline unless the service overrides it
  bool has_discipline = false;             // the service names its own discipline
  Liability liability = Liability::Payer;  // an ABN (GA) or a statutory exclusion (GY) shifts it to the patient
  std::string distinct_service;            // "XE", "XS", "XP", "XU" or "59" when the record shows a distinct service
  int days = 0;                            // RTM device supply: days of device data in the 30-day period
  bool has_days = false;
  std::vector<int> diagnosis_pointers;  // as given (checked by validate()); empty: [1] when the visit has diagnoses
};

// How a payer counts, marks and pays therapy (docs/payers.md). Every field defaults to Medicare's way.
struct PayerProfile {
  std::string id = "medicare";  // a built-in profile's id, or "inline"
  std::string name = "Medicare Part B";
  RuleSet unit_rule = RuleSet::Cms;
  int daily_unit_cap[3] = {0, 0, 0};  // timed units a day per plan of care (PT, OT, SLP); 0 = no cap
  std::vector<std::pair<std::string, int>> code_unit_caps;  // units a day of one code
  bool discipline_modifiers = true;                         // GP/GO/GN
  bool assistant_modifiers = true;                          // CQ/CO, the assistant's units on lines of their own
  bool kx = true;
  bool mppr = true;
  bool medicare_coverage = true;  // Medicare status codes, telehealth list, ABN modifiers
  enum class FeeBasis { Medicare, PercentOfMedicare, PerCode, Unknown } fee_basis = FeeBasis::Medicare;
  int percent_of_medicare = 100;
  std::vector<std::pair<std::string, Cents>> fee_per_code;  // dollars a unit, no geographic adjustment
  int coinsurance_percent = 20;                             // 42 U.S.C. 1395m(k)(1)(B) for Medicare
  bool sequestration = true;
  std::string note;  // what the profile is based on and how current it is
  std::string source;
};

struct VisitOptions {
  Pooling pooling = Pooling::PerDiscipline;                       // docs/rules.md §1.2: per plan of care (2nd source)
  std::vector<std::string> tie_preference;                        // codes that win equal remainders, then input order
  DeMinimisBase de_minimis_base = DeMinimisBase::FifteenMinutes;  // docs/assistant-rules.md step 5 (AOTA wording)
  bool qualifying_apm = false;                                    // CY2026 QP conversion factor
  bool trace = true;  // false: no trace (the why of each unit), for callers who need only the facts
};

struct Visit {
  RuleSet rule_set = RuleSet::Cms;  // the payer's unit rule; "ruleSet" in JSON is a shorthand for it
  PayerProfile payer;
  Date date_of_service;
  Discipline discipline = Discipline::PT;
  std::string locality = "national";    // "national" or "<mac>-<locality>"
  std::string place_of_service = "11";  // CMS POS code: 11 office, 02 and 10 telehealth
  Setting setting = Setting::NonFacility;
  Cents ytd_pt_slp = 0;  // therapy allowed so far this year, PT+SLP KX bucket
  Cents ytd_ot = 0;      // OT KX bucket
  Cents deductible_remaining = 0;
  std::vector<Service> services;
  VisitOptions options;
  std::vector<std::string> diagnoses;  // ICD-10-CM codes as typed, at most 12; pointer n is diagnoses[n - 1]
};

// The modifiers of one claim line: a few literals with static storage (GP, CQ, GA, KX, 95, 59...), kept
// inline so a line needs no heap. Six is the most one line can get; the capacity leaves room.
class Modifiers {
 public:
  Modifiers() = default;
  Modifiers(std::initializer_list<std::string_view> list) {
    for (std::string_view m : list) push_back(m);
  }
  void push_back(std::string_view m) {
    if (size_ < items_.size()) items_[size_++] = m;
  }
  void emplace_back(std::string_view m) { push_back(m); }
  const std::string_view* begin() const { return items_.data(); }
  const std::string_view* end() const { return items_.data() + size_; }
  std::string_view back() const { return items_[size_ - 1]; }
  std::string_view operator[](std::size_t i) const { return items_[i]; }
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  friend bool operator==(const Modifiers& a, const Modifiers& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  std::array<std::string_view, 8> items_{};
  std::size_t size_ = 0;
};

// One claim line: one code, one discipline, one modifier set.
struct Line {
  std::string code;
  const CodeInfo* info = nullptr;  // the code's catalogue entry, set by the rules (a code is looked up once per visit)
  Discipline discipline = Discipline::PT;
  int units = 0;
  bool assistant = false;  // carries CQ/CO
  Modifiers modifiers;
  int minutes = 0;    // minutes of the service behind this line (whole service when not split)
  Cents allowed = 0;  // Medicare allowed amount of this line, after MPPR and CQ/CO
  Liability liability = Liability::Payer;
  Denial denied = Denial::None;  // the payer is expected to deny the whole line: $0, and the patient owes nothing
  DiagnosisPointers diagnosis_pointers;  // its service's, when the visit gives diagnoses
  bool is_denied() const { return denied != Denial::None; }
  bool billed() const { return units > 0 && denied == Denial::None; }  // on the claim, and paid if priced
};

struct Edit {
  EditKind kind = EditKind::Ncci;
  Severity severity = Severity::Warning;  // error: will deny; warning: needs a modifier and documentation
  std::string column1;                    // ncci: column-one code; mue: the code
  std::string column2;                    // ncci only
  bool modifier_allowed = false;
  std::string modifier_indicator;                     // ncci: "0", "1", "9"
  std::vector<std::string_view> suggested_modifiers;  // ncci: 59, XE, XS, XP, XU when allowed
  int units = 0;                                      // mue: units billed
  int limit = 0;                                      // mue: MUE value
  int mai = 0;                                        // mue: adjudication indicator
  int denied_units = 0;     // mue: units on the lines the edit denies (0: the payer may not apply it)
  std::string_view appeal;  // mue: what to do about the denial
  std::string message;
  std::string rationale;
  std::string_view source;            // the release's name (in the ReferenceData the visit was validated against)
  std::string_view bypassed_by;       // ncci: the distinct-service modifier the record supports, if given
  std::string_view record_must_show;  // ncci: what that modifier requires the record to show
};

struct Warning {
  WarningId id = WarningId::Tie;
  std::string message;
  std::string code;  // the code whose lines it concerns ("" for the visit); not written to the result
  Warning() = default;
  Warning(WarningId i, std::string m, std::string c = {}) : id(i), message(std::move(m)), code(std::move(c)) {}
};

struct FieldError {
  std::string path;  // JSON pointer into the visit
  std::string message;
};

// Texts are static (core/data/checklist.csv): "{timed_minutes}" and "{all_minutes}" in one stand for the
// numbers below, which checklist_text() fills in. No item copies its text.
struct ChecklistItem {
  std::string_view id;
  std::string_view text;
  std::vector<std::string> codes;  // empty: the whole visit
  std::string_view source;
  int timed_minutes = 0;  // the visit's timed-code minutes
  int all_minutes = 0;    // and all its minutes
  bool fills = false;     // the text names one of the numbers (most do not)
};

// The item's text with the visit's numbers in it.
std::string checklist_text(const ChecklistItem& item);

// Citations are static text: string_views into literals, not copies.
struct TraceEntry {
  Rule rule = Rule::Cms8Minute;
  std::string text;
  std::string_view source;
  std::string code;  // the code it concerns, or empty for the visit
};

// Equal remainders competing for fewer leftover units (MCPM 100-04 ch.5 §20.2 Ex 2).
struct Tie {
  Discipline discipline = Discipline::PT;
  std::vector<std::string> codes;                      // the tied codes
  int units = 0;                                       // leftover units they compete for
  std::vector<std::string> chosen;                     // codes that got one
  std::vector<std::vector<std::string>> alternatives;  // other compliant choices
};

// The fee of claim line i is Fee::lines[i]; code, units and modifiers are the claim line's.
struct FeeLine {
  Cents full = 0;       // before MPPR and CQ/CO
  Cents mppr = 0;       // reduction (>= 0)
  Cents assistant = 0;  // CQ/CO reduction (>= 0)
  Cents allowed = 0;
};

struct Fee {
  std::string payer;     // the payer profile's name
  int year = 0;          // the calendar year of the fee schedule used (may differ from the visit's)
  std::string locality;  // as given
  std::string locality_name;
  std::string setting;                 // "nonfacility" / "facility"
  std::int64_t conversion_factor = 0;  // dollars x 10000
  Cents full = 0;                      // sum of lines before reductions
  Cents mppr = 0;
  Cents assistant = 0;
  Cents allowed = 0;
  Cents deductible = 0;  // applied to this visit
  Cents coinsurance = 0;
  Cents sequestration = 0;
  Cents medicare_pays = 0;
  Cents patient_owes = 0;
  std::vector<FeeLine> lines;             // one per claim line, in line order
  std::vector<std::string_view> sources;  // the releases used, then the rules' citations
};

struct Release;

// A release a result used, for the result's "releases" list. Results point into the ReferenceData the
// visit was validated against (as a ValidVisit does): keep the data alive while the result is used.
struct UsedRelease {
  const Release* release = nullptr;
  bool nearest = false;  // no release covers the date of service: the nearest one was used
  int newer_due = 0;     // a DateKey: CMS was due to publish a newer release on this date, on or before the date of
                         // service, so the table may be stale (reference.h, next_expected_release); 0: current
};

struct Result {
  bool ok = false;
  RuleSet rule_set = RuleSet::Cms;
  int total_timed_minutes = 0;
  int total_timed_units = 0;
  std::vector<Line> lines;
  std::vector<Edit> edits;
  std::vector<Warning> warnings;
  std::vector<FieldError> errors;
  std::vector<ChecklistItem> checklist;
  std::optional<Fee> fee;
  std::vector<TraceEntry> trace;
  std::vector<Tie> ties;
  std::vector<UsedRelease> releases;
};

// What evaluate() builds besides the rules' facts; the core benchmark turns the text off.
struct Explain {
  bool trace = true;
  bool checklist = true;
};

const char* to_string(Discipline d);
const char* to_string(RuleSet r);
const char* to_string(Setting s);
const char* to_string(Severity s);
const char* to_string(Topic t);
const char* to_string(EditKind k);
const char* to_string(Rule r);
const char* to_string(WarningId w);
const char* to_string(Liability l);
const char* to_string(Denial d);  // rules/denials.cpp
Topic topic_of(Rule r);
Severity severity_of(WarningId w);

}  // namespace unitwise
