// STUB until issue 4 lands: prices nothing.
#include "unitwise/billing_edits.h"
namespace unitwise {
Fee price_visit(const Visit& visit, std::vector<Line>&, Notes&) {
  Fee fee;
  fee.year = visit.date_of_service.year;
  fee.locality = visit.locality;
  return fee;
}
}  // namespace unitwise
