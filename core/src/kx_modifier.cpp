// STUB until issue 4 lands.
#include "unitwise/billing_edits.h"
namespace unitwise {
void apply_kx(const Visit&, std::vector<Line>&, Notes&) {}
}  // namespace unitwise
