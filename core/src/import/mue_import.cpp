// CMS's practitioner MUE file (csv): each code's medically unlikely edit and its adjudication indicator.
#include "import/cms_file.h"

#include <algorithm>
#include <map>

#include "unitwise/catalogue.h"
#include "unitwise/data_limits.h"
#include "base/csv_reader.h"
#include "base/fixed_point.h"

namespace unitwise::cms {

void import_mue_csv(Context& c) {
  if (!c.whole()) return;
  CsvReader csv(c.file.bytes);
  std::map<std::string, std::size_t> lines;
  std::string last_code;
  std::vector<std::string> f;
  bool header = false;
  Table<MueRow> table;
  while (csv.next(f)) {
    if (!header) {
      if (f.size() >= 4 && upper(f[0]).rfind("HCPCS", 0) == 0 && contains(upper(f[1]), "MUE VALUES")) {
        if (!contains(upper(f[1]), "PRACTITIONER")) {
          c.fail(csv.line(), "an MUE table, but not the practitioner services one (\"" + f[1] + "\")");
          return;
        }
        header = true;
      }
      continue;
    }
    if (f.size() < 4 || !is_code(trim(f[0]))) continue;
    last_code = std::string(trim(f[0]));
    if (const auto [at, first] = lines.emplace(last_code, csv.line()); !first) {
      c.fail(csv.line(),
             last_code + " is here twice: lines " + std::to_string(at->second) + " and " + std::to_string(csv.line()));
      continue;
    }
    if (!find_code(last_code)) continue;
    MueRow row;
    row.code = std::string(trim(f[0]));
    const auto value = parse_fixed(trim(f[1]), 0);
    const std::string_view mai = trim(f[2]);
    if (!value || *value < 0 || *value > kMaxMueValue || mai.empty() || mai[0] < '1' || mai[0] > '3') {
      c.fail(csv.line(), row.code + ": the MUE value or adjudication indicator is not readable");
      continue;
    }
    row.value = static_cast<int>(*value);
    row.mai = mai[0] - '0';
    row.rationale = std::string(trim(f[3]));
    if (!c.fits(csv.line(), row.code + ": the rationale", row.rationale, kMaxNameChars)) continue;
    table.rows.push_back(std::move(row));
  }
  if (!header) {
    c.fail(0, "no \"HCPCS/CPT Code, Practitioner Services MUE Values\" header");
    return;
  }
  const auto counts = c.code_table(lines.size(), last_code, table.rows.size());
  if (!counts) return;
  auto found = date_in_name(base_name(c.file.name));
  if (!found && !c.file.archive.empty()) found = date_in_name(c.file.archive);
  if (!found && !c.options.effective) {
    c.fail(0,
           "the MUE csv states its effective date only in its name (..._Eff_MM-DD-YYYY.csv) or its zip's: pass "
           "--effective");
    return;
  }
  const DateKey effective = c.effective_or(found ? *found : 0);
  table.release = {TableKind::Mue, "CMS NCCI MUE practitioner table effective " + iso_date(found ? *found : effective),
                   effective,      0,
                   c.pack.name,    c.edition_if_moved(found ? *found : 0)};
  c.note("MUE practitioner csv", *counts, table.release);
  c.pack.tables.mue.push_back(std::move(table));
}

}  // namespace unitwise::cms
