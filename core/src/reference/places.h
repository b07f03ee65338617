// Medicare payment localities by place: "Miami, FL", "Travis County, TX", "Manhattan NY", "Texas" or an id such
// as "09102-04". One lookup for the page, the CLI, the package, the element and the CSV batch.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "unitwise/reference.h"

namespace unitwise {

// A payment locality as a person looks for it: its id, state, name (GPCI file) and counties (LOCCO file).
struct Place {
  std::string id;
  std::string state;
  std::string name;
  std::string counties;  // "" when no LOCCO release is in force
};

inline constexpr std::string_view kNationalPlaceName = "National (no adjustment)";

// "national" first, then every locality of the GPCI release, each with the counties LOCCO lists for it.
std::vector<Place> places_in_force(const Table<GpciRow>* gpci, const Table<LocalityRow>* counties);

// The places the text may mean, in list order: one is the answer, several a choice to offer, none nothing found.
// An empty text or "national" means national; an id means itself; otherwise a state, a county or a city,
// optionally followed by a state's code or name.
std::vector<const Place*> find_places(std::string_view text, const std::vector<Place>& places);

// "MIAMI, FL"; "national" for national.
std::string place_label(const Place& place);

}  // namespace unitwise
