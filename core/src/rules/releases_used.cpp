// Which releases a visit used, and an honest word when none covers its date of service: a visit is never
// refused for its year, but a fee from another year's schedule is an estimate and must say so.
#include <string>

#include "base/concat.h"
#include "rules/rules.h"
#include "rules/trace_text.h"

namespace unitwise {
namespace {

// A release not chosen as the nearest, whose successor CMS was due to publish on or before the date of service.
DateKey newer_due(const Release& r, bool nearest, DateKey date_of_service) {
  const DateKey due = nearest ? 0 : next_expected_release(r);
  return due != 0 && due <= date_of_service ? due : 0;
}

void add(std::vector<UsedRelease>& out, const Release& r, bool nearest, DateKey date_of_service) {
  out.push_back({&r, nearest, newer_due(r, nearest, date_of_service)});
}

// What a user must know of a table that may have been replaced: which table, of when, and what may be missing.
void warn_stale(const UsedRelease& u, Notes& notes) {
  if (u.newer_due == 0) return;
  const Release& r = *u.release;
  const char* what = r.kind == TableKind::Ncci  ? "Edits were checked against the NCCI pair table of "
                     : r.kind == TableKind::Mue ? "Unit limits were checked against the MUE table of "
                     : r.kind == TableKind::Rvu ? "The fee uses the relative values of "
                                                : "The fee uses the table of ";
  const char* missing = r.kind == TableKind::Ncci  ? "pairs CMS added or ended since are not checked"
                        : r.kind == TableKind::Mue ? "limits CMS changed since are not applied"
                                                   : "amounts CMS changed since are not in the fee";
  notes.warn(
      WarningId::TableMayBeStale,
      cat({what, iso_date(r.edition > r.effective ? r.edition : r.effective), " (", r.name,
           "). CMS publishes a new one ", release_cadence_months(r.kind) == 3 ? "every quarter" : "every year",
           " and one was due by ", iso_date(u.newer_due), ", so ", missing, ". Load CMS's current file to be sure."}));
}

}  // namespace

std::vector<UsedRelease> used_releases(const ValidVisit& valid, Notes& notes) {
  const VisitReleases& r = valid.releases();
  const int year = valid.visit().date_of_service.year;
  const DateKey date = date_key(valid.visit().date_of_service);
  std::vector<UsedRelease> out;
  out.reserve(7);  // at most one release per kind below
  const bool fee_nearest = r.rvu.nearest || (r.gpci.table && r.gpci.nearest) || r.conversion_factor.nearest;
  add(out, r.rvu.table->release, r.rvu.nearest, date);
  if (r.gpci.table) add(out, r.gpci.table->release, r.gpci.nearest, date);
  add(out, *r.conversion_factor.release, r.conversion_factor.nearest, date);
  if (r.mue.table) add(out, r.mue.table->release, r.mue.nearest, date);
  if (r.ncci.table) add(out, r.ncci.table->release, r.ncci.nearest, date);
  if (r.kx) add(out, *r.kx->release, r.kx->nearest, date);
  if (r.review && r.review->release != (r.kx ? r.kx->release : nullptr))
    add(out, *r.review->release, r.review->nearest, date);

  Trace trace(notes.trace_on, notes.trace);
  for (const UsedRelease& u : out) warn_stale(u, notes);
  if (fee_nearest) {
    notes.warn(
        WarningId::FeeScheduleNearest,
        cat({"No Medicare fee schedule for ", year, " is loaded: the fee is an estimate at ", r.rvu.table->release.year,
             " rates (", r.rvu.table->release.name, "). Units and modifiers do not depend on it."}));
  }
  trace.add(Rule::FeeRelease, "", "CMS PFS relative value files", [&] {
    return cat({"Fee schedule: ", r.rvu.table->release.name, " (in force from ",
                iso_date(r.rvu.table->release.effective), ")",
                fee_nearest ? ", the nearest to this date of service." : "."});
  });
  const bool thresholds_nearest = (r.kx && r.kx->nearest) || (r.review && r.review->nearest);
  if (thresholds_nearest) {
    notes.warn(WarningId::ThresholdsNearest,
               cat({"No therapy threshold for ", year, " is loaded: KX and review use the ",
                    r.kx ? r.kx->release->year : r.review->release->year, " amounts."}));
  }
  for (const Release* early : {r.ncci.table && r.ncci.nearest ? &r.ncci.table->release : nullptr,
                               r.mue.table && r.mue.nearest ? &r.mue.table->release : nullptr}) {
    if (early == nullptr) continue;
    notes.warn(WarningId::EditTablesNearest,
               cat({"No loaded edit table covers this date of service: edits were checked "
                    "against ",
                    early->name, ", in force from ", iso_date(early->effective), "."}));
  }
  trace.add(Rule::EditRelease, "", "CMS NCCI PTP and MUE tables", [&] {
    std::string text = "Edit tables: ";
    if (r.ncci.table)
      append(text, {r.ncci.table->release.name, " (from ", iso_date(r.ncci.table->release.effective), ")"});
    if (r.ncci.table && r.mue.table) text += "; ";
    if (r.mue.table)
      append(text, {r.mue.table->release.name, " (from ", iso_date(r.mue.table->release.effective), ")"});
    text += '.';
    return text;
  });
  return out;
}

}  // namespace unitwise
