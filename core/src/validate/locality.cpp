// A place resolves to a locality only when it means exactly one: several are an error listing them, so a
// biller never gets another locality's fee by a guess (issue 30).
#include "validate/locality.h"

#include "base/concat.h"
#include "reference/places.h"
#include "validate/validate_visit.h"

namespace unitwise {
namespace {

// National: no geographic adjustment, every GPCI 1.000 (CMS PFS definition).
GpciRow national() { return GpciRow{"national", "", "", "US", "NATIONAL", 1000, 1000, 1000}; }

constexpr std::size_t kCandidatesShown = 8;  // enough to pick from; a state's whole list is rarely longer

}  // namespace

std::variant<GpciRow, std::string> resolve_locality(std::string_view text, const Table<GpciRow>* gpci,
                                                    const Table<LocalityRow>* counties) {
  if (text == "national") return national();
  if (gpci != nullptr) {
    if (const GpciRow* row = find_gpci(*gpci, text)) return *row;
  }
  const std::vector<Place> places = places_in_force(gpci, counties);
  const std::vector<const Place*> found = find_places(text, places);
  if (found.size() == 1) {
    if (found[0]->id == "national") return national();
    return *find_gpci(*gpci, found[0]->id);
  }
  const std::string_view release = gpci != nullptr ? std::string_view(gpci->release.name) : "the loaded data";
  if (found.empty()) {
    return cat({"no Medicare payment locality or place \"", shorten(text), "\" in ", release,
                "; write \"national\", a locality code such as \"13202-01\", or a place such as \"Miami, FL\" or "
                "\"Travis County, TX\""});
  }
  std::string message =
      cat({"\"", shorten(text), "\" could be any of ", found.size(), " Medicare payment localities: "});
  for (std::size_t i = 0; i < found.size() && i < kCandidatesShown; ++i) {
    append(message, {i == 0 ? "" : "; ", place_label(*found[i]), " (", found[i]->id, ")"});
  }
  if (found.size() > kCandidatesShown) append(message, {"; and ", found.size() - kCandidatesShown, " more"});
  message += "; write the one you mean, or its code";
  return message;
}

}  // namespace unitwise
