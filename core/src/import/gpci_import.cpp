// CMS's GPCI file (PFS Addendum E, csv): the geographic practice cost indices of each locality.
#include "import/cms_file.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "unitwise/catalogue.h"
#include "unitwise/data_limits.h"
#include "base/csv_reader.h"
#include "base/fixed_point.h"

namespace unitwise::cms {

void import_gpci_csv(Context& c) {
  if (!c.whole()) return;
  CsvReader csv(c.file.bytes);
  std::map<std::string, std::size_t> lines;
  std::vector<std::string> f;
  csv.next(f);
  const std::string title = upper(f.empty() ? "" : f[0]);
  const auto year = number_after(title, "CY", 4);
  if (!year) {
    c.fail(1, "the title does not say \"CY yyyy\"");
    return;
  }
  Table<GpciRow> table;
  bool header = false;
  while (csv.next(f)) {
    if (!header) {
      header = !f.empty() && contains(upper(f[0]), "MEDICARE ADMINISTRATIVE CONTRACTOR");
      continue;
    }
    if (f.size() < 7 || trim(f[0]).empty() || !std::isdigit(static_cast<unsigned char>(trim(f[0])[0]))) continue;
    GpciRow row;
    row.mac = pad(trim(f[0]), 5);
    row.locality = pad(trim(f[2]), 2);
    row.id = row.mac + "-" + row.locality;
    row.state = std::string(trim(f[1]));
    row.name = without_stars(f[3]);
    if (const auto [at, first] = lines.emplace(row.id, csv.line()); !first) {
      c.fail(csv.line(), "locality " + row.id + " is here twice: lines " + std::to_string(at->second) + " and " +
                             std::to_string(csv.line()));
      continue;
    }
    if (row.mac.size() > 5 || row.locality.size() > 2 || row.mac.find_first_not_of("0123456789") != std::string::npos ||
        row.locality.find_first_not_of("0123456789") != std::string::npos) {
      c.fail(csv.line(), row.id.substr(0, 20) + ": the MAC must be up to 5 digits and the locality up to 2");
      continue;
    }
    if (!c.fits(csv.line(), row.id + ": the state", row.state, kMaxGpciStateChars) ||
        !c.fits(csv.line(), row.id + ": the locality name", row.name, kMaxNameChars)) {
      continue;
    }
    const auto w = parse_fixed(trim(f[4]), 3), pe = parse_fixed(trim(f[5]), 3), mp = parse_fixed(trim(f[6]), 3);
    if (!w || !pe || !mp || *w < 0 || *pe < 0 || *mp < 0 || *w > kMaxGpci || *pe > kMaxGpci || *mp > kMaxGpci) {
      c.fail(csv.line(),
             row.id + ": a GPCI is not a number from 0 to " + fixed_text(kMaxGpci, 3) + " with at most 3 decimals");
      continue;
    }
    row.work = static_cast<int>(*w);
    row.pe = static_cast<int>(*pe);
    row.mp = static_cast<int>(*mp);
    table.rows.push_back(std::move(row));
  }
  if (table.rows.empty()) {
    c.fail(0, "no locality rows under a \"Medicare Administrative Contractor\" header");
    return;
  }
  std::string missing;
  for (const char* state : kGpciStates) {
    if (std::none_of(table.rows.begin(), table.rows.end(), [&](const GpciRow& r) { return r.state == state; })) {
      missing += (missing.empty() ? "" : " ") + std::string(state);
    }
  }
  if (!missing.empty()) {
    c.fail(0, "has no locality in " + missing + " (" + std::to_string(table.rows.size()) +
                  " localities): Addendum E "
                  "prices every one of the " +
                  std::to_string(kStates) + " states and territories, so this file is cut short");
    return;
  }
  table.release = {TableKind::Gpci,
                   "CMS CY" + std::to_string(*year) + " GPCIs (Addendum E)",
                   c.effective_or(*year * 10000 + 101),
                   *year,
                   c.pack.name,
                   c.edition_if_moved(*year * 10000 + 101)};
  c.note("GPCI csv", std::to_string(table.rows.size()) + " localities", table.release);
  c.pack.tables.gpci.push_back(std::move(table));
}

}  // namespace unitwise::cms
