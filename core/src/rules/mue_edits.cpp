// Medically unlikely edits: more units of a code than the MUE release in force allows, and the lines they deny.
#include <algorithm>
#include <string>

#include "base/concat.h"
#include "base/small_vector.h"
#include "rules/denials.h"
#include "rules/rules.h"
#include "rules/trace_text.h"

namespace unitwise {
namespace {

// CMS MUE FAQ and MLN MM8853: the MAI says whether the edit counts one claim line (1) or the whole date of
// service (2: policy, absolute; 3: clinical data). Either way the whole line is denied, not only the excess.
constexpr const char* kMueSource = "CMS NCCI MUE FAQ; MLN MM8853 (MUE adjudication indicators, provider liability)";

std::string mai_meaning(int mai) {
  switch (mai) {
    case 1: return "Claim line edit";
    case 2: return "Date of Service Edit: Policy";
    case 3: return "Date of Service Edit: Clinical";
  }
  return "";
}

// What a biller can do about the denial, by adjudication indicator (CMS MUE FAQ; MAC appeal guidance).
std::string_view appeal_text(int mai) {
  if (mai == 2) {
    return "A policy limit: CMS treats units above it as impossible, and an appeal will not pay them. If the units "
           "were entered wrongly, send a corrected claim or ask the MAC to reopen it.";
  }
  return "Check the minutes and units first; a typing error is fixed by a corrected claim or a reopening. If the "
         "units are right, appeal to the MAC (redetermination) with the treatment notes showing each unit was "
         "furnished, coded correctly and medically necessary.";
}

}  // namespace

std::vector<Edit> mue_edits(const ValidVisit& valid, std::vector<Line>& lines, Notes& notes) {
  const Table<MueRow>* table = valid.releases().mue.table;
  if (table == nullptr) return {};
  // Only Medicare's own claims processing is known to apply the MUE this way; other payers may not.
  const bool denies = payer_denies(valid.visit().payer, Denial::Mue);
  Trace trace(notes.trace_on, notes.trace);
  // Units per code across its lines (CQ split, disciplines), in line order.
  struct CodeUnits {
    std::string_view code;
    int units;
  };
  SmallVector<CodeUnits> units;
  for (const Line& l : lines) {
    if (l.is_denied()) continue;  // denied already for another reason: not on the claim
    auto it = std::find_if(units.begin(), units.end(), [&](const CodeUnits& u) { return u.code == l.code; });
    if (it == units.end()) units.push_back({l.code, l.units});
    else it->units += l.units;
  }
  std::vector<Edit> edits;
  for (const auto& [code, billed] : units) {  // code, units billed that day
    const MueRow* mue = valid.mue(code);
    if (mue == nullptr || billed <= mue->value) continue;
    // A bundled code (status B, MUE 0) is never paid separately: a $0 line with a note, not an MUE alarm.
    const RvuRow* rvu = valid.rvu(code);
    if (rvu != nullptr && rvu->status == 'B') continue;
    const bool per_line = mue->mai == 1;
    int denied_units = 0;
    for (Line& l : lines) {
      if (l.code != code || l.is_denied() || (per_line && l.units <= mue->value)) continue;
      if (denies) {
        l.denied = Denial::Mue;
        denied_units += l.units;
      }
    }
    if (per_line && denied_units == 0 && denies) continue;  // no single line is over the limit
    Edit e;
    e.kind = EditKind::Mue;
    e.column1 = std::string(code);
    e.units = billed;
    e.limit = mue->value;
    e.mai = mue->mai;
    e.denied_units = denied_units;
    e.severity = denies ? Severity::Error : Severity::Warning;
    e.message = cat({e.column1, ": ", count(billed, "unit"), per_line ? " on one claim line" : " on one day",
                     ", above the MUE of ", mue->value, ". "});
    if (!denies) {
      append(e.message, {"Medicare would deny the code's ", per_line ? "line" : "units of the day",
                         "; this payer may apply the same limit."});
    } else if (per_line) {
      e.message += "Medicare denies the whole line, not only the units above the limit.";
    } else {
      append(e.message, {"Medicare denies every unit of ", e.column1,
                         " on this date, not only the units above the "
                         "limit, so none of it is counted as allowed."});
    }
    e.rationale = cat({mai_meaning(mue->mai), "; ", mue->rationale});
    e.source = table->release.name;
    e.appeal = appeal_text(mue->mai);
    if (denies) {
      trace.add(Rule::Mue, e.column1, kMueSource, [&] {
        return cat({e.column1, ": ", count(denied_units, "unit"), " denied by the MUE (", mai_meaning(mue->mai),
                    "), priced at $0. The denial is the provider's: the patient may not be billed for these units, "
                    "even under an ABN."});
      });
    }
    edits.push_back(std::move(e));
  }
  return edits;
}

}  // namespace unitwise
