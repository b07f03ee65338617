// evaluate(): units per code, claim lines with modifiers, then denials, fee, KX, edits and checklist, in the order
// their effects on each other need.
#include <string>
#include <utility>

#include "rules/claim_lines.h"
#include "base/concat.h"
#include "rules/trace_text.h"
#include "rules/rtm.h"
#include "rules/rules.h"
#include "rules/unit_allocation.h"
#include "validate/diagnoses.h"

namespace unitwise {

Result evaluate(const ValidVisit& valid, const Explain& explain) {
  const Visit& visit = valid.visit();
  Result r;
  r.ok = true;
  r.rule_set = visit.rule_set;
  r.lines.reserve(visit.services.size() + 2);                  // a split code adds a line
  const bool trace_on = explain.trace && visit.options.trace;  // the visit may ask for the facts alone
  if (trace_on) r.trace.reserve(32);  // 15 trace lines on average in the bench corpus, 27 at most
  Trace trace(trace_on, r.trace);

  Entries entries = merge_services(valid, r, trace);
  allocate_units(entries, visit, r, trace);
  build_lines(entries, visit, r, trace);

  Notes notes;
  notes.trace_on = trace_on;
  if (!visit.payer.note.empty()) notes.warn(WarningId::PayerNote, cat({visit.payer.name, ": ", visit.payer.note}));
  if (visit.rule_set == RuleSet::PerCode && visit.payer.id == "medicare") {
    // MCPM 100-04 ch.5 §20.2: Medicare counts timed units from the total timed minutes, never code by code.
    notes.warn(WarningId::PerCodeUnderMedicare,
               "Medicare counts timed units from the day's total timed minutes (MCPM 100-04 ch.5 §20.2), but per-code "
               "rounding was asked for: it can bill fewer units than Medicare allows (three codes of 7 minutes bill "
               "none instead of 1) or more. Use the \"cms\" rule set for Medicare.");
  }
  deny_outside_dates(valid, r.lines, notes);
  apply_rtm(valid, r.lines, notes);
  apply_unit_caps(valid, r.lines, notes);
  if (visit.payer.medicare_coverage) apply_telehealth(valid, r.lines, notes);
  r.releases = used_releases(valid, notes);
  // The edits deny lines before pricing (a denied line is $0). NCCI adds a documented 59/X before KX, which
  // follows the payment ones; its notes keep their place after the fee's in the result.
  Notes ncci_notes;
  ncci_notes.trace_on = trace_on;
  r.edits = ncci_edits(valid, r.lines, ncci_notes);
  std::vector<Edit> mue = mue_edits(valid, r.lines, notes);
  check_code_pairs(entries, r);  // after the other denials: an add-on whose primary was denied is denied too
  r.fee = price_visit(valid, r.lines, notes);
  for (Warning& w : ncci_notes.warnings) notes.warnings.push_back(std::move(w));
  for (TraceEntry& t : ncci_notes.trace) notes.trace.push_back(std::move(t));
  apply_kx(valid, r.lines, notes);
  for (Edit& edit : mue) r.edits.push_back(std::move(edit));
  if (explain.checklist) r.checklist = documentation_checklist(valid, r.lines);
  for (Warning& w : notes.warnings) r.warnings.push_back(std::move(w));
  if (trace_on) {
    for (TraceEntry& t : notes.trace) r.trace.push_back(std::move(t));
  }
  attach_diagnosis_pointers(visit, r.lines);  // last: whatever split or denied a line, it keeps its service's pointers
  return r;
}

}  // namespace unitwise
