// CMS's LOCCO file (csv): the counties of each locality, checked against the GPCI file of its year.
#include "import/cms_file.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "unitwise/catalogue.h"
#include "unitwise/data_limits.h"
#include "base/csv_reader.h"

namespace unitwise::cms {

void import_locco_csv(Context& c) {
  if (!c.whole()) return;
  CsvReader csv(c.file.bytes);
  std::map<std::string, std::size_t> lines;
  std::set<std::string> states;
  std::vector<std::string> f;
  csv.next(f);
  const auto year = number_after(upper(f.empty() ? "" : f[0]), "COUNTIES INCLUDED IN", 4);
  if (!year) {
    c.fail(1, "the title does not say \"COUNTIES INCLUDED IN yyyy LOCALITIES\"");
    return;
  }
  Table<LocalityRow> table;
  std::string state;
  while (csv.next(f)) {
    if (f.size() < 5 || trim(f[0]).empty() || !std::isdigit(static_cast<unsigned char>(trim(f[0])[0]))) continue;
    if (!trim(f[2]).empty()) state = std::string(trim(f[2]));  // a state is named on its first locality only
    LocalityRow row;
    row.id = pad(trim(f[0]), 5) + "-" + pad(trim(f[1]), 2);
    row.state = state;
    row.area = without_stars(f[3]);
    row.counties = std::string(trim(f[4]));
    states.insert(state);
    if (!c.fits(csv.line(), row.id + ": the state", row.state, kMaxLocalityStateChars) ||
        !c.fits(csv.line(), row.id + ": the area", row.area, kMaxNameChars) ||
        !c.fits(csv.line(), row.id + ": the counties", row.counties, kMaxCountiesChars)) {
      continue;
    }
    // A locality served by two contractors is listed twice, the same but for a footnote star: kept once. Two
    // different rows for one locality would leave the engine to pick one.
    if (const auto [at, first] = lines.emplace(row.id, csv.line()); !first) {
      const auto same =
          std::find_if(table.rows.begin(), table.rows.end(), [&](const LocalityRow& r) { return r.id == row.id; });
      if (same->area != row.area || same->counties != row.counties || same->state != row.state) {
        c.fail(csv.line(), "locality " + row.id + " is here twice with different areas or counties: lines " +
                               std::to_string(at->second) + " and " + std::to_string(csv.line()));
      }
      continue;
    }
    table.rows.push_back(std::move(row));
  }
  if (states.size() < kStates) {
    c.fail(0, "names " + std::to_string(states.size()) + " states and territories (" +
                  std::to_string(table.rows.size()) + " localities): a whole LOCCO file names all " +
                  std::to_string(kStates) + ", so this one is cut short");
    return;
  }
  table.release = {TableKind::Locality,
                   "CMS " + std::to_string(*year) + " locality counties (LOCCO)",
                   c.effective_or(*year * 10000 + 101),
                   *year,
                   c.pack.name,
                   c.edition_if_moved(*year * 10000 + 101)};
  c.note("LOCCO csv", std::to_string(table.rows.size()) + " localities", table.release);
  c.pack.tables.locality.push_back(std::move(table));
}

void check_localities(const Pack& pack, ImportResult& result) {
  for (const auto& locco : pack.tables.locality) {
    for (const auto& gpci : pack.tables.gpci) {
      if (gpci.release.year != locco.release.year) continue;
      std::set<std::string> a, b;
      for (const auto& r : locco.rows) a.insert(r.id);
      for (const auto& r : gpci.rows) b.insert(r.id);
      if (a != b) {
        result.errors.push_back({locco.release.name, 0,
                                 "lists " + std::to_string(a.size()) + " localities and \"" + gpci.release.name +
                                     "\" " + std::to_string(b.size()) +
                                     ", not the same ones: one of the files is cut short or of another year"});
      }
    }
  }
}

}  // namespace unitwise::cms
