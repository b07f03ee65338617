// NCCI procedure-to-procedure edits among the codes billed on the date of service (docs/rules.md §8),
// from the PTP release in force on that date.
#include <algorithm>
#include <string>

#include "base/concat.h"
#include "base/small_vector.h"
#include "reference/coverage_data.h"
#include "reference/ncci_notes.h"
#include "rules/denials.h"
#include "rules/rules.h"
#include "rules/trace_text.h"

namespace unitwise {
namespace {

// A record is in force on the date when it took effect on or before it (0: not known) and was not deleted on
// or before it. Active records (no deletion date) govern over deleted ones of the same pair.
const NcciRow* edit_in_force(NcciRows pair_rows, DateKey date) {
  const NcciRow* found = nullptr;
  for (const NcciRow& row : pair_rows) {
    if (row.effective > date) continue;
    if (row.deleted != 0 && row.deleted <= date) continue;
    if (found == nullptr || row.deleted == 0) found = &row;
  }
  // Indicator 9: the edit was deleted as if it never existed ("not applicable").
  return found != nullptr && found->modifier_indicator != '9' ? found : nullptr;
}

SmallVector<std::string_view> billed_codes(const std::vector<Line>& lines) {
  SmallVector<std::string_view> codes;
  for (const Line& l : lines) {
    if (l.billed() && std::find(codes.begin(), codes.end(), l.code) == codes.end()) codes.push_back(l.code);
  }
  return codes;
}

Edit make_edit(const NcciRow& row, const Release& release, bool denies) {
  Edit e;
  e.kind = EditKind::Ncci;
  e.column1 = row.column1;
  e.column2 = row.column2;
  e.modifier_indicator = std::string(1, row.modifier_indicator);
  e.modifier_allowed = row.modifier_indicator == '1';
  e.rationale = row.rationale;
  e.source = release.name;
  if (e.modifier_allowed) {
    e.severity = Severity::Warning;
    e.suggested_modifiers = {"59", "XE", "XS", "XP", "XU"};  // X{EPSU} preferred over 59 when one fits (NCCI ch. I §E)
    e.message = cat({e.column2, " is bundled into ", e.column1,
                     " on the same day. It is paid only when it was a "
                     "distinct service (separate session, structure or practitioner, or non-overlapping time) and the "
                     "record shows it: then put XE, XS, XP or XU (or 59 if none fits) on ",
                     e.column2, ". Never add a modifier just to get past the edit."});
  } else if (denies) {
    // Indicator 0: the column-two lines are denied (docs/rules.md §D), $0 and off the claim.
    e.severity = Severity::Error;
    e.message = cat({e.column2, " cannot be billed with ", e.column1,
                     " on the same day, with or without a modifier "
                     "(indicator 0): only ",
                     e.column1, " is payable, so ", e.column2, " is denied and priced at $0. ",
                     denial_rule(Denial::PtpIndicator0).what_to_do});
  } else {
    e.severity = Severity::Warning;
    e.message = cat({"Medicare never pays ", e.column2, " with ", e.column1,
                     " on the same day, with or without a "
                     "modifier (NCCI indicator 0); this payer may apply the same edit, so ",
                     e.column2, " is at risk."});
  }
  if (const std::string* note = ncci_note(row.column1, row.column2)) append(e.message, {" Note: ", *note});
  return e;
}

}  // namespace

// A distinct service the record supports (the service's distinctService) bypasses an indicator-1 edit: the
// column-2 lines carry the modifier and the edit stays in the result, marked, with what the record must show.
void apply_distinct_services(const ValidVisit& valid, std::vector<Edit>& edits, std::vector<Line>& lines,
                             Notes& notes) {
  for (const Service& s : valid.visit().services) {
    if (s.distinct_service.empty()) continue;
    const DistinctServiceModifier* m = distinct_service_modifier(s.distinct_service);
    bool used = false;
    for (Edit& e : edits) {
      if (e.column2 != s.code || !e.modifier_allowed || !e.bypassed_by.empty()) continue;
      e.bypassed_by = m->modifier;
      e.record_must_show = m->record_must_show;
      e.message = cat({e.column2, " carries ", m->modifier, " (", m->meaning, ") to be paid beside ", e.column1,
                       ": the record must show ", m->record_must_show, ". Without that, the edit applies and ",
                       e.column2, " is denied."});
      used = true;
    }
    if (!used) {
      notes.warn(WarningId::DistinctServiceUnused, cat({s.code, ": ", m->modifier,
                                                        " was not added, because no NCCI "
                                                        "edit pairs ",
                                                        s.code, " with another code billed today."}));
      continue;
    }
    for (Line& l : lines) {
      if (l.code == s.code && std::find(l.modifiers.begin(), l.modifiers.end(), m->modifier) == l.modifiers.end()) {
        l.modifiers.push_back(m->modifier);
      }
    }
  }
}

std::vector<Edit> ncci_edits(const ValidVisit& valid, std::vector<Line>& lines, Notes& notes) {
  const Table<NcciRow>* table = valid.releases().ncci.table;
  if (table == nullptr) return {};
  const SmallVector<std::string_view> codes = billed_codes(lines);
  const bool denies = payer_denies(valid.visit().payer, Denial::PtpIndicator0);
  std::vector<Edit> edits;
  for (std::string_view a : codes) {
    const NcciRows column1 = valid.ncci_column1(a);
    if (column1.first == column1.last) continue;  // a is column one of no edit
    for (std::string_view b : codes) {
      if (a == b) continue;
      if (const NcciRow* row = edit_in_force(find_ncci(column1, b), valid.date())) {
        edits.push_back(make_edit(*row, table->release, denies));
      }
    }
  }
  apply_distinct_services(valid, edits, lines, notes);
  for (const Edit& e : edits) {
    if (e.severity == Severity::Error) deny_code(lines, e.column2, Denial::PtpIndicator0);
  }
  if (codes.size() > 1) {
    Trace(notes.trace_on, notes.trace).add(Rule::Ncci, "", table->release.name, [&] {
      return cat({"Checked ", count(static_cast<int>(codes.size() * (codes.size() - 1) / 2), "code pair"),
                  " against the NCCI PTP table \"", table->release.name, "\" (effective ",
                  iso_date(table->release.effective), "): ", count(static_cast<int>(edits.size()), "edit"),
                  ". Edits added after that release are not known to it."});
    });
  }
  return edits;
}

}  // namespace unitwise
