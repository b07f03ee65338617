// STUB until issue 4 lands.
#include "unitwise/billing_edits.h"
namespace unitwise {
std::vector<Edit> ncci_edits(const Visit&, const std::vector<Line>&, Notes&) { return {}; }
std::vector<Edit> mue_edits(const Visit&, const std::vector<Line>&, Notes&) { return {}; }
std::vector<ChecklistItem> documentation_checklist(const Visit&, const std::vector<Line>&) { return {}; }
}  // namespace unitwise
