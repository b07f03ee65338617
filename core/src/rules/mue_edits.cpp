// Medically unlikely edits: more units of a code on one day than the MUE release in force allows.
#include <algorithm>
#include <string>

#include "rules/rules.h"
#include "text/trace_text.h"

namespace unitwise {
namespace {

std::string mai_meaning(int mai) {
  switch (mai) {
    case 1: return "Claim line edit";
    case 2: return "Date of Service Edit: Policy";
    case 3: return "Date of Service Edit: Clinical";
  }
  return "";
}

}  // namespace

std::vector<Edit> mue_edits(const ValidVisit& valid, const std::vector<Line>& lines, Notes&) {
  const Table<MueRow>* table = valid.releases().mue.table;
  if (table == nullptr) return {};
  // Units per code across its lines (CQ split, disciplines), in line order.
  std::vector<std::pair<std::string_view, int>> units;
  for (const Line& l : lines) {
    auto it = std::find_if(units.begin(), units.end(), [&](const auto& u) { return u.first == l.code; });
    if (it == units.end()) units.emplace_back(l.code, l.units);
    else it->second += l.units;
  }
  std::vector<Edit> edits;
  for (const auto& [code, billed] : units) {
    const MueRow* mue = find_mue(*table, code);
    if (mue == nullptr || billed <= mue->value) continue;
    // A bundled code (status B, MUE 0) is never paid separately: a $0 line with a note, not an MUE alarm.
    const RvuRow* rvu = valid.releases().rvu.table ? find_rvu(*valid.releases().rvu.table, code) : nullptr;
    if (rvu != nullptr && rvu->status == 'B') continue;
    Edit e;
    e.kind = EditKind::Mue;
    e.column1 = std::string(code);
    e.units = billed;
    e.limit = mue->value;
    e.mai = mue->mai;
    // MAI 2: a policy limit, absolute; MAI 3: clinical, units above it can be appealed with records.
    e.severity = mue->mai == 3 ? Severity::Warning : Severity::Error;
    e.message = e.column1 + ": " + std::to_string(e.units) + " units on one day, above the MUE of " +
                std::to_string(mue->value) + ". " +
                (mue->mai == 3 ? "The units above the limit are denied but can be appealed with documentation."
                               : "Units above the limit are not payable (policy limit).");
    e.rationale = mai_meaning(mue->mai) + "; " + mue->rationale;
    e.source = table->release.name;
    edits.push_back(std::move(e));
  }
  return edits;
}

}  // namespace unitwise
