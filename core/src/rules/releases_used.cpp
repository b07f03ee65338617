// Which releases a visit used, and an honest word when none covers its date of service: a visit is never
// refused for its year, but a fee from another year's schedule is an estimate and must say so.
#include <string>

#include "rules/rules.h"
#include "text/concat.h"
#include "text/trace_text.h"

namespace unitwise {
namespace {

void add(std::vector<UsedRelease>& out, const Release& r, bool nearest) { out.push_back({&r, nearest}); }

}  // namespace

std::vector<UsedRelease> used_releases(const ValidVisit& valid, Notes& notes) {
  const VisitReleases& r = valid.releases();
  const int year = valid.visit().date_of_service.year;
  std::vector<UsedRelease> out;
  out.reserve(7);  // at most one release per kind below
  const bool fee_nearest = r.rvu.nearest || (r.gpci.table && r.gpci.nearest) || r.conversion_factor.nearest;
  add(out, r.rvu.table->release, r.rvu.nearest);
  if (r.gpci.table) add(out, r.gpci.table->release, r.gpci.nearest);
  add(out, *r.conversion_factor.release, r.conversion_factor.nearest);
  if (r.mue.table) add(out, r.mue.table->release, r.mue.nearest);
  if (r.ncci.table) add(out, r.ncci.table->release, r.ncci.nearest);
  if (r.kx) add(out, *r.kx->release, r.kx->nearest);
  if (r.review && r.review->release != (r.kx ? r.kx->release : nullptr)) add(out, *r.review->release, r.review->nearest);

  Trace trace(notes.explain, notes.trace);
  if (fee_nearest) {
    notes.warn(WarningId::FeeScheduleNearest,
               cat({"No Medicare fee schedule for ", year, " is loaded: the fee is an estimate at ",
                    r.rvu.table->release.year, " rates (", r.rvu.table->release.name,
                    "). Units and modifiers do not depend on it."}));
  }
  trace.add(Rule::FeeRelease, "", "CMS PFS relative value files", [&] {
    return cat({"Fee schedule: ", r.rvu.table->release.name, " (in force from ", iso_date(r.rvu.table->release.effective),
                ")", fee_nearest ? ", the nearest to this date of service." : "."});
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
    notes.warn(WarningId::EditTablesNearest, cat({"No loaded edit table covers this date of service: edits were checked "
                                                  "against ", early->name, ", in force from ", iso_date(early->effective), "."}));
  }
  trace.add(Rule::EditRelease, "", "CMS NCCI PTP and MUE tables", [&] {
    std::string text = "Edit tables: ";
    if (r.ncci.table) append(text, {r.ncci.table->release.name, " (from ", iso_date(r.ncci.table->release.effective), ")"});
    if (r.ncci.table && r.mue.table) text += "; ";
    if (r.mue.table) append(text, {r.mue.table->release.name, " (from ", iso_date(r.mue.table->release.effective), ")"});
    text += '.';
    return text;
  });
  return out;
}

}  // namespace unitwise
