// Telehealth: under Medicare, a visit at place of service 02 or 10 puts modifier 95 on each code of the
// Medicare telehealth list, while the law lets PTs, OTs and SLPs furnish telehealth (docs/rules.md §W1).
// The list and the periods are dated data (core/data/packs/medicare-telehealth).
#include <algorithm>
#include <string>

#include "rules/denials.h"
#include "rules/rules.h"
#include "rules/trace_text.h"

namespace unitwise {
namespace {

// NGS (CY2024 rule): 95 on outpatient therapy furnished via telehealth; POS 02 or 10 by where the patient is.
constexpr const char* kTelehealthSource = "NGS article 10638446 (modifier 95, POS 02/10); MLN901705 (POS 10)";

const TelehealthPeriodRow* period_covering(const Table<TelehealthPeriodRow>* table, DateKey date) {
  if (table == nullptr) return nullptr;
  for (const TelehealthPeriodRow& p : table->rows) {
    if (p.from <= date && date <= p.through) return &p;
  }
  return nullptr;
}

}  // namespace

void apply_telehealth(const ValidVisit& valid, std::vector<Line>& lines, Notes& notes) {
  const std::string& pos = valid.visit().place_of_service;
  if (pos != "02" && pos != "10") return;
  const VisitReleases& r = valid.releases();
  Trace trace(notes.trace_on, notes.trace);
  const TelehealthPeriodRow* period = period_covering(r.telehealth_period.table, valid.date());
  if (period == nullptr) {
    std::string last;
    for (std::size_t i = 0; r.telehealth_period.table && i < r.telehealth_period.table->rows.size(); ++i) {
      last = iso_date(r.telehealth_period.table->rows[i].through);
    }
    // Outside the authority every line is denied (docs/rules.md §D).
    for (Line& line : lines) {
      if (line.billed()) line.denied = Denial::TelehealthNotAuthorized;
    }
    notes.warn(WarningId::TelehealthNotAuthorized,
               cat({"Medicare lets PTs, OTs and SLPs bill telehealth only while the law allows it",
                    last.empty() ? std::string(".") : cat({" (through ", last, " as loaded)."}),
                    " This date of service is outside that: no 95 added, and the lines are denied and priced at $0. ",
                    denial_rule(Denial::TelehealthNotAuthorized).what_to_do}));
    return;
  }
  std::vector<std::string> on_list;
  for (Line& line : lines) {
    if (!line.billed()) continue;
    const bool listed = r.telehealth_code.table && find_telehealth_code(*r.telehealth_code.table, line.code);
    if (!listed) {
      // Not on the list: Medicare does not cover it as telehealth, so its lines are denied (docs/rules.md §D).
      deny_code(lines, line.code, Denial::NotCovered);
      notes.warn(
          WarningId::TelehealthNotOnList,
          cat({line.code, " is not on the Medicare telehealth list: at place of service ", pos,
               " it is denied and priced at $0, and no 95 was added. ", denial_rule(Denial::NotCovered).what_to_do}),
          line.code);
      continue;
    }
    if (std::find(line.modifiers.begin(), line.modifiers.end(), "95") == line.modifiers.end())
      line.modifiers.push_back("95");
    if (std::find(on_list.begin(), on_list.end(), line.code) == on_list.end()) on_list.push_back(line.code);
  }
  trace.add(Rule::Telehealth, "", kTelehealthSource, [&] {
    std::string codes;
    for (const auto& c : on_list) append(codes, {codes.empty() ? "" : ", ", c});
    return cat({"Place of service ", pos,
                pos == "10" ? " (telehealth in the patient's home)" : " (telehealth, patient not at home)", ": 95 on ",
                codes.empty() ? "no line" : codes, ", the codes on the Medicare telehealth list (",
                r.telehealth_code.table->release.name, "). Authority: ", period->authority});
  });
}

}  // namespace unitwise
