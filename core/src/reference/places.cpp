// Finding a payment locality by place. CMS names localities after cities or metro areas (GPCI file) and lists
// their counties in the LOCCO file ("DADE AND MONROE", "ALL OTHER COUNTIES", "ALL COUNTIES, EXCEPT ..."), so a
// place is matched against both. The page used this lookup in JavaScript first; it moved here so every surface
// answers alike (issue 30).
#include "reference/places.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace unitwise {
namespace {

using Names = std::vector<std::pair<std::string, std::string>>;  // state name → state code, first found first

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

const std::string* state_of(const Names& names, std::string_view name) {
  for (const auto& [n, code] : names) {
    if (n == name) return &code;
  }
  return nullptr;
}

// State names come from the list itself: a state with one locality names it after itself ("NEVADA"), a state
// with several has a "REST OF <state>"; the District of Columbia has neither.
Names state_names(const std::vector<Place>& places) {
  Names names{{"DISTRICT OF COLUMBIA", "DC"}};
  for (const Place& p : places) {
    const bool alone =
        std::count_if(places.begin(), places.end(), [&](const Place& q) { return q.state == p.state; }) == 1;
    const bool rest = starts_with(p.name, "REST OF ");
    if (!alone && !rest) continue;
    std::string_view name = p.name;
    if (rest) name.remove_prefix(8);
    name = name.substr(0, name.find(','));  // "HAWAII, GUAM"
    auto it = std::find_if(names.begin(), names.end(), [&](const auto& n) { return n.first == name; });
    if (it != names.end()) {
      it->second = p.state;
    } else {
      names.emplace_back(std::string(name), p.state);
    }
  }
  return names;
}

// The names a locality answers to: its whole name and each part of "SAN JOSE-SUNNYVALE (SANTA CLARA CNTY)".
std::vector<std::string_view> names_of(const Place& p) {
  const auto clean = [](std::string_view n) {
    if (ends_with(n, " CNTYS")) {
      n.remove_suffix(6);
    } else if (ends_with(n, " CNTY")) {
      n.remove_suffix(5);
    }
    return trim(n);
  };
  std::string_view whole = p.name;
  if (ends_with(whole, "*")) whole.remove_suffix(1);
  std::vector<std::string_view> out{clean(whole)};
  std::string_view rest = p.name;
  for (;;) {
    const auto cut = rest.find_first_of("-/()");
    out.push_back(clean(rest.substr(0, cut)));
    if (cut == std::string_view::npos) break;
    rest.remove_prefix(cut + 1);
  }
  return out;
}

// The items of a county list: "BROWARD, COLLIER, AND ST. LUCIE" or "CLAY, JACKSON AND PLATTE".
std::vector<std::string_view> items(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = i;
    if (text[i] == ',') {
      ++end;
      while (end < text.size() && is_space(text[end])) ++end;
      if (text.substr(end, 3) == "AND" && end + 3 < text.size() && is_space(text[end + 3])) {
        end += 3;
        while (end < text.size() && is_space(text[end])) ++end;
      }
    } else if (text.substr(i, 5) == " AND ") {
      end = i + 5;
    }
    if (end == i) {
      ++i;
      continue;
    }
    out.push_back(trim(text.substr(start, i - start)));
    start = i = end;
  }
  out.push_back(trim(text.substr(start)));
  return out;
}

bool contains(const std::vector<std::string_view>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// " IN VIRGINIA" at the end of a part of a county list: where it starts (npos: none).
std::size_t other_state_at(std::string_view part) {
  for (std::size_t i = part.find(" IN "); i != std::string_view::npos; i = part.find(" IN ", i + 1)) {
    const std::string_view tail = part.substr(i + 4);
    if (!tail.empty() && std::all_of(tail.begin(), tail.end(), [](char c) { return is_upper(c) || c == ' '; })) {
      return i;
    }
  }
  return std::string_view::npos;
}

enum class Listed { Named, Excluded, Silent };

// Whether CMS's county list names the county, excludes it ("ALL COUNTIES, EXCEPT ..."), or says nothing. A list
// may name counties of another state: "...; MONTGOMERY AND PRINCE GEORGE'S IN MARYLAND".
Listed lists_county(const Place& p, std::string_view county, const std::string* state, const Names& names) {
  std::string_view rest = p.counties;
  for (;;) {
    const auto semi = rest.find(';');
    std::string_view part = rest.substr(0, semi);
    const std::size_t other = other_state_at(part);
    const std::string* part_state =
        other == std::string_view::npos ? &p.state : state_of(names, part.substr(other + 4));
    if (state == nullptr || (part_state != nullptr && *part_state == *state)) {
      part = part.substr(0, other);
      // "ALL COUNTIES, EXCEPT A AND B": split at the first ",? EXCEPT "; a third piece is ignored, as the page did.
      std::string_view named = part, except;
      if (const auto at = part.find(" EXCEPT "); at != std::string_view::npos) {
        named = part.substr(0, at > 0 && part[at - 1] == ',' ? at - 1 : at);
        except = part.substr(at + 8);
        if (const auto next = except.find(" EXCEPT "); next != std::string_view::npos) {
          except = except.substr(0, next > 0 && except[next - 1] == ',' ? next - 1 : next);
        }
      }
      if (!except.empty() && contains(items(except), county)) return Listed::Excluded;
      if (contains(items(named), county)) return Listed::Named;
    }
    if (semi == std::string_view::npos) return Listed::Silent;
    rest.remove_prefix(semi + 1);
  }
}

// The typed text, upper case, without dots, with single spaces.
std::string normalise(std::string_view typed) {
  std::string out;
  for (const char c : typed) {
    if (c == '.') continue;
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::vector<Place> places_in_force(const Table<GpciRow>* gpci, const Table<LocalityRow>* counties) {
  std::vector<Place> out{{"national", "US", std::string(kNationalPlaceName), ""}};
  for (std::size_t i = 0; gpci != nullptr && i < gpci->rows.size(); ++i) {
    const GpciRow& row = gpci->rows[i];
    Place p{row.id, row.state, row.name, ""};
    for (std::size_t k = 0; counties != nullptr && k < counties->rows.size(); ++k) {
      // A locality may span several LOCCO rows.
      if (counties->rows[k].id == row.id) p.counties += (p.counties.empty() ? "" : "; ") + counties->rows[k].counties;
    }
    out.push_back(std::move(p));
  }
  return out;
}

namespace {

// The lookup over places whose names and county lists have no dots, as the typed text has none: "ST LOUIS".
std::vector<std::size_t> find_in(std::string_view text, const std::vector<Place>& places) {
  using Found = std::vector<std::size_t>;
  const auto where = [&](auto keep) {
    Found out;
    for (std::size_t i = 0; i < places.size(); ++i) {
      if (keep(places[i])) out.push_back(i);
    }
    return out;
  };
  const std::string_view typed = trim(text);
  if (typed.empty() || equals_ignoring_case(typed, "national")) {
    return where([](const Place& p) { return p.id == "national"; });
  }
  if (Found by_id = where([&](const Place& p) { return p.id == typed; }); !by_id.empty()) return by_id;

  const Names names = state_names(places);
  std::string place = normalise(typed);
  if (starts_with(place, "FT ")) place.replace(0, 2, "FORT");  // "Ft. Lauderdale", "Ft Worth"
  const std::string* state = nullptr;
  // A trailing state code: "MIAMI, FL", "MANHATTAN NY", "TX".
  const std::size_t n = place.size();
  if (n >= 2 && is_upper(place[n - 2]) && is_upper(place[n - 1]) &&
      (n == 2 || place[n - 3] == ',' || place[n - 3] == ' ')) {
    const std::string code = place.substr(n - 2);
    const auto it = std::find_if(places.begin(), places.end(), [&](const Place& p) { return p.state == code; });
    if (it != places.end()) {
      state = &it->state;
      place.resize(n - 2);
    }
  }
  if (state == nullptr) {  // or a trailing state name: "TRAVIS COUNTY, TEXAS"
    for (const auto& [name, code] : names) {
      if (place == name || ends_with(place, " " + name) || ends_with(place, "," + name)) {
        state = &code;
        place.resize(place.size() - name.size());
        break;
      }
    }
  }
  while (!place.empty() && (place.back() == ',' || place.back() == ' ')) place.pop_back();
  bool county = false;
  for (const std::string_view word : {" COUNTY", " CNTY", " PARISH", " BOROUGH"}) {
    if (ends_with(place, word)) {
      place.resize(place.size() - word.size());
      county = true;
      break;
    }
  }
  // New York City's boroughs by their county names (LOCCO lists counties).
  static const std::pair<std::string_view, std::string_view> kBoroughs[] = {
      {"BROOKLYN", "KINGS"}, {"STATEN ISLAND", "RICHMOND"}, {"THE BRONX", "BRONX"}};
  static const std::string kNewYork = "NY";
  for (const auto& [borough, county_name] : kBoroughs) {
    if (place == borough) {
      place = std::string(county_name);
      if (state == nullptr) state = &kNewYork;
      break;
    }
  }
  const auto in_state = [&](const Place& p) { return p.id != "national" && (state == nullptr || p.state == *state); };
  if (place.empty()) return state ? where(in_state) : Found{};
  const Found by_name = where([&](const Place& p) { return in_state(p) && contains(names_of(p), place); });
  const Found by_county = where(
      [&](const Place& p) { return p.id != "national" && lists_county(p, place, state, names) == Listed::Named; });
  const Found& found = county ? (by_county.empty() ? by_name : by_county) : (by_name.empty() ? by_county : by_name);
  if (!found.empty() || state == nullptr) return found;
  // Any place in a one-locality state is in it; a county CMS does not list is in the state's "all other counties".
  const Found all_in_state = where(in_state);
  if (all_in_state.size() == 1) return all_in_state;
  if (!county) return {};
  return where([&](const Place& p) {
    return in_state(p) && starts_with(p.counties, "ALL ") && lists_county(p, place, state, names) != Listed::Excluded;
  });
}

}  // namespace

std::vector<const Place*> find_places(std::string_view text, const std::vector<Place>& places) {
  std::vector<Place> plain = places;
  for (Place& p : plain) {
    for (std::string* s : {&p.name, &p.counties}) s->erase(std::remove(s->begin(), s->end(), '.'), s->end());
  }
  std::vector<const Place*> out;
  for (const std::size_t i : find_in(text, plain)) out.push_back(&places[i]);
  return out;
}

std::string place_label(const Place& place) {
  if (place.id == "national") return "national";
  std::string_view name = place.name;
  if (ends_with(name, "*")) name.remove_suffix(1);
  return std::string(name) + ", " + place.state;
}

}  // namespace unitwise
