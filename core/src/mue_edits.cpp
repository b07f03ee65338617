// Medically unlikely edits: more units of a code on one day than CMS's MUE allows.
#include <map>
#include <string>

#include "unitwise/billing_edits.h"

namespace unitwise {

std::vector<Edit> mue_edits(const Visit&, const std::vector<Line>& lines, Notes&) {
  std::map<std::string, int> units;  // per code across its lines (CQ split, disciplines)
  std::vector<std::string> order;
  for (const Line& l : lines) {
    if (units.count(l.code) == 0) order.push_back(l.code);
    units[l.code] += l.units;
  }
  std::vector<Edit> edits;
  for (const std::string& code : order) {
    for (const auto& mue : ref::mues()) {
      if (mue.code != code || units[code] <= mue.value) continue;
      Edit e;
      e.kind = "mue";
      e.column1 = code;
      e.units = units[code];
      e.limit = mue.value;
      e.mai = mue.mai;
      // MAI 2: a policy limit, absolute; MAI 3: clinical, units above it can be appealed with records.
      e.severity = mue.mai == 3 ? "warning" : "error";
      e.message = code + ": " + std::to_string(e.units) + " units on one day, above the MUE of " +
                  std::to_string(mue.value) + ". " +
                  (mue.mai == 3 ? "The units above the limit are denied but can be appealed with documentation."
                                : "Units above the limit are not payable (policy limit).");
      e.rationale = std::string(mue.mai_meaning) + "; " + std::string(mue.rationale);
      e.source = std::string(ref::kMueRelease);
      edits.push_back(std::move(e));
    }
  }
  return edits;
}

}  // namespace unitwise
