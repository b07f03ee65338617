// When CMS publishes each kind of table, so a result can say that the table it used may have been
// replaced by a newer one the user has not loaded.
#include "unitwise/reference.h"

namespace unitwise {

int release_cadence_months(TableKind kind) {
  switch (kind) {
    // CMS PFS relative value files: A January, B April, C July, D October (RVU file README).
    case TableKind::Rvu: return 3;
    // NCCI PTP and MUE tables: quarterly versions effective January, April, July and October (CMS NCCI pages).
    case TableKind::Ncci:
    case TableKind::Mue: return 3;
    // GPCIs (PFS final rule Addendum E), conversion factors and localities: once a calendar year.
    case TableKind::Gpci:
    case TableKind::ConversionFactor:
    case TableKind::Locality: return 12;
    // Thresholds are yearly, but the medical review amount is fixed by law through 2027 (BBA 2018 §50202),
    // and a threshold of another year already says "nearest": no calendar is applied to them.
    case TableKind::Threshold:
    case TableKind::TelehealthCode:
    case TableKind::TelehealthPeriod: return 0;
  }
  return 0;
}

DateKey next_expected_release(const Release& r) {
  const int months = release_cadence_months(r.kind);
  if (months == 0) return 0;
  const DateKey from = r.edition > r.effective ? r.edition : r.effective;
  const int year = year_of(from);
  const int month = from / 100 % 100;
  // The first month of the next period: quarters start in months 1, 4, 7 and 10; years in January.
  const int next = (month - 1) / months * months + months + 1;
  return next > 12 ? (year + 1) * 10000 + (next - 12) * 100 + 1 : year * 10000 + next * 100 + 1;
}

}  // namespace unitwise
