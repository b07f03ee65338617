// The outside names of the engine's enums, with each rule's topic and each warning's severity:
// one table per enum, so an id can't be renamed in one place and not another.
#include "unitwise/model.h"

namespace unitwise {
namespace {

struct RuleName {
  Rule rule;
  const char* name;
  Topic topic;
};

constexpr RuleName kRules[] = {
    {Rule::DuplicateCode, "duplicate-code", Topic::Units},
    {Rule::Untimed, "untimed", Topic::Units},
    {Rule::Cms8Minute, "cms-8-minute", Topic::Units},
    {Rule::CmsBelow8, "cms-below-8", Topic::Units},
    {Rule::CmsFullBlocks, "cms-full-blocks", Topic::Units},
    {Rule::CmsLeftover, "cms-leftover", Topic::Units},
    {Rule::CmsZeroUnits, "cms-zero-units", Topic::Units},
    {Rule::CmsTie, "cms-tie", Topic::Units},
    {Rule::Pooling, "pooling", Topic::Units},
    {Rule::PerCode, "per-code", Topic::Units},
    {Rule::DisciplineModifier, "discipline-modifier", Topic::Modifiers},
    {Rule::AssistantUntimed, "assistant-untimed", Topic::Modifiers},
    {Rule::AssistantUnits, "assistant-units", Topic::Modifiers},
    {Rule::FeeRelease, "fee-release", Topic::Fee},
    {Rule::Locality, "locality", Topic::Fee},
    {Rule::FeeUnitPrice, "fee-unit-price", Topic::Fee},
    {Rule::FeeMppr, "fee-mppr", Topic::Fee},
    {Rule::FeeAssistant, "fee-assistant", Topic::Fee},
    {Rule::FeeShare, "fee-share", Topic::Fee},
    {Rule::Kx, "kx", Topic::Modifiers},
    {Rule::EditRelease, "edit-release", Topic::Edits},
    {Rule::Ncci, "ncci", Topic::Edits},
    {Rule::Mue, "mue", Topic::Edits},
    {Rule::Telehealth, "telehealth", Topic::Modifiers},
    {Rule::UnitCap, "unit-cap", Topic::Units},
    {Rule::PayerFee, "payer-fee", Topic::Fee},
    {Rule::CodeDates, "code-dates", Topic::Edits},
    {Rule::Rtm, "rtm", Topic::Units},
};

struct WarningName {
  WarningId id;
  const char* name;
  Severity severity;
};

constexpr WarningName kWarnings[] = {
    {WarningId::Tie, "tie", Severity::Info},
    {WarningId::DuplicateCode, "duplicate-code", Severity::Warning},
    {WarningId::SlpAssistant, "slp-assistant", Severity::Warning},
    {WarningId::AssistantPrecedence, "assistant-precedence", Severity::Warning},
    {WarningId::AssistantDeMinimisBase, "assistant-de-minimis-base", Severity::Warning},
    {WarningId::AddOnWithoutPrimary, "add-on-without-primary", Severity::Error},
    {WarningId::Code97129Once, "97129-once", Severity::Warning},
    {WarningId::FacilityPeNa, "facility-pe-na", Severity::Info},
    {WarningId::StatusBBundled, "status-b-bundled", Severity::Info},
    {WarningId::StatusINotMedicare, "status-i-not-medicare", Severity::Error},
    {WarningId::StatusRRestricted, "status-r-restricted", Severity::Warning},
    {WarningId::NoRvus, "no-rvus", Severity::Warning},
    {WarningId::KxApplied, "kx-applied", Severity::Warning},
    {WarningId::KxApproaching, "kx-approaching", Severity::Info},
    {WarningId::TargetedReview, "targeted-review", Severity::Warning},
    {WarningId::FeeScheduleNearest, "fee-schedule-nearest", Severity::Warning},
    {WarningId::ThresholdsNearest, "thresholds-nearest", Severity::Warning},
    {WarningId::EditTablesNearest, "edit-tables-nearest", Severity::Info},
    {WarningId::DistinctServiceUnused, "distinct-service-unused", Severity::Warning},
    {WarningId::PatientLiable, "patient-liable", Severity::Info},
    {WarningId::TelehealthNotOnList, "telehealth-not-on-list", Severity::Error},
    {WarningId::TelehealthNotAuthorized, "telehealth-not-authorized", Severity::Error},
    {WarningId::UnitCap, "unit-cap", Severity::Warning},
    {WarningId::PayerNote, "payer-note", Severity::Info},
    {WarningId::PayerFeeUnknown, "payer-fee-unknown", Severity::Warning},
    {WarningId::CodeNotValidOnDate, "code-not-valid-on-date", Severity::Error},
    {WarningId::UnderTimeFloor, "under-time-floor", Severity::Error},
    {WarningId::RtmFurtherUnits, "rtm-further-units", Severity::Info},
    {WarningId::RtmOtherCode, "rtm-other-code", Severity::Warning},
    {WarningId::PerCodeUnderMedicare, "per-code-under-medicare", Severity::Warning},
    {WarningId::TableMayBeStale, "table-may-be-stale", Severity::Warning},
};

// The tables are indexed by enum value: each row must sit at its enum's position.
constexpr bool rules_in_order() {
  for (int i = 0; i < static_cast<int>(sizeof kRules / sizeof kRules[0]); ++i) {
    if (static_cast<int>(kRules[i].rule) != i) return false;
  }
  return static_cast<int>(sizeof kRules / sizeof kRules[0]) == static_cast<int>(Rule::Rtm) + 1;
}
constexpr bool warnings_in_order() {
  for (int i = 0; i < static_cast<int>(sizeof kWarnings / sizeof kWarnings[0]); ++i) {
    if (static_cast<int>(kWarnings[i].id) != i) return false;
  }
  return static_cast<int>(sizeof kWarnings / sizeof kWarnings[0]) == static_cast<int>(WarningId::TableMayBeStale) + 1;
}
static_assert(rules_in_order(), "kRules must list every Rule in enum order");
static_assert(warnings_in_order(), "kWarnings must list every WarningId in enum order");

}  // namespace

const char* to_string(Discipline d) {
  switch (d) {
    case Discipline::PT: return "PT";
    case Discipline::OT: return "OT";
    case Discipline::SLP: return "SLP";
  }
  return "PT";
}

const char* to_string(RuleSet r) { return r == RuleSet::Cms ? "cms" : "per_code"; }
const char* to_string(Setting s) { return s == Setting::Facility ? "facility" : "nonfacility"; }
const char* to_string(EditKind k) { return k == EditKind::Mue ? "mue" : "ncci"; }

const char* to_string(Liability l) {
  switch (l) {
    case Liability::Payer: return "payer";
    case Liability::Abn: return "abn";
    case Liability::Excluded: return "excluded";
  }
  return "payer";
}

const char* to_string(Severity s) {
  switch (s) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "warning";
}

const char* to_string(Topic t) {
  switch (t) {
    case Topic::Units: return "units";
    case Topic::Modifiers: return "modifiers";
    case Topic::Fee: return "fee";
    case Topic::Edits: return "edits";
    case Topic::Checklist: return "checklist";
  }
  return "units";
}

const char* to_string(Rule r) { return kRules[static_cast<int>(r)].name; }
Topic topic_of(Rule r) { return kRules[static_cast<int>(r)].topic; }
const char* to_string(WarningId w) { return kWarnings[static_cast<int>(w)].name; }
Severity severity_of(WarningId w) { return kWarnings[static_cast<int>(w)].severity; }

}  // namespace unitwise
