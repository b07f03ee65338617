// A payer's daily unit caps (docs/payers.md): per plan of care for timed units, and per code. Units above a cap
// are taken from the last lines first (the clinician's order puts the main services first), leave the fee, and
// each cut is said: which line, how many units, which cap.
#include <string>

#include "rules/discipline_modifiers.h"
#include "rules/rules.h"
#include "rules/trace_text.h"

namespace unitwise {
namespace {

constexpr const char* kCapSource = "the payer profile's daily unit caps (docs/payers.md)";

// Takes up to `excess` units from the lines that `counts` selects, last line first.
template <class Counts>
void cut(std::vector<Line>& lines, int excess, Counts counts, const std::string& why, Notes& notes) {
  for (std::size_t i = lines.size(); i-- > 0 && excess > 0;) {
    Line& line = lines[i];
    if (!counts(line) || line.units == 0) continue;
    const int taken = std::min(excess, line.units);
    line.units -= taken;
    excess -= taken;
    notes.warn(WarningId::UnitCap,
               cat({line.code, " lost ", count(taken, "unit"), ": ", why, ". Those units are not billed or paid."}));
    Trace(notes.trace_on, notes.trace).add(Rule::UnitCap, line.code, kCapSource, [&] {
      return cat({line.code, ": ", count(taken, "unit"), " cut by the cap (", why, "), ", count(line.units, "unit"),
                  " left on this line."});
    });
  }
}

}  // namespace

void apply_unit_caps(const ValidVisit& valid, std::vector<Line>& lines, Notes& notes) {
  const PayerProfile& payer = valid.visit().payer;
  for (const auto& [code, cap] : payer.code_unit_caps) {
    int units = 0;
    for (const Line& l : lines) units += l.code == code ? l.units : 0;
    if (units > cap) {
      cut(
          lines, units - cap, [&, c = code](const Line& l) { return l.code == c; },
          cat({payer.name, " allows ", count(cap, "unit"), " of ", code, " a day"}), notes);
    }
  }
  for (Discipline d : {Discipline::PT, Discipline::OT, Discipline::SLP}) {
    const int cap = payer.daily_unit_cap[static_cast<int>(d)];
    if (cap == 0) continue;
    auto timed_of_plan = [&](const Line& l) { return l.discipline == d && l.info->timed; };
    int units = 0;
    for (const Line& l : lines) units += timed_of_plan(l) ? l.units : 0;
    if (units > cap) {
      cut(lines, units - cap, timed_of_plan,
          cat({payer.name, " allows ", count(cap, "timed unit"), " a day under the ", plan_name(d), " plan of care"}),
          notes);
    }
  }
}

}  // namespace unitwise
