// Medically unlikely edits: more units of a code on one day than CMS's MUE allows.
#include <algorithm>
#include <string>

#include "code_index.h"
#include "unitwise/billing_edits.h"

namespace unitwise {

std::vector<Edit> mue_edits(const Visit&, const std::vector<Line>& lines, Notes&) {
  // Units per code across its lines (CQ split, disciplines), in line order.
  std::vector<std::pair<std::string_view, int>> units;
  for (const Line& l : lines) {
    auto it = std::find_if(units.begin(), units.end(), [&](const auto& u) { return u.first == l.code; });
    if (it == units.end()) units.emplace_back(l.code, l.units);
    else it->second += l.units;
  }
  std::vector<Edit> edits;
  for (const auto& [code, billed] : units) {
    static const SortedIndex<ref::MueRow> index(ref::mues(), [](const ref::MueRow& r) { return code_key(r.code); });
    if (const ref::MueRow* found = index.find(code_key(code)); found != nullptr && found->code == code) {
      const ref::MueRow& mue = *found;
      if (billed <= mue.value) continue;
      Edit e;
      e.kind = "mue";
      e.column1 = std::string(code);
      e.units = billed;
      e.limit = mue.value;
      e.mai = mue.mai;
      // MAI 2: a policy limit, absolute; MAI 3: clinical, units above it can be appealed with records.
      e.severity = mue.mai == 3 ? "warning" : "error";
      e.message = e.column1 + ": " + std::to_string(e.units) + " units on one day, above the MUE of " +
                  std::to_string(mue.value) + ". " +
                  (mue.mai == 3 ? "The units above the limit are denied but can be appealed with documentation."
                                : "Units above the limit are not payable (policy limit).");
      e.rationale = std::string(mue.mai_meaning) + "; " + std::string(mue.rationale);
      e.source = ref::kMueRelease;
      edits.push_back(std::move(e));
    }
  }
  return edits;
}

}  // namespace unitwise
