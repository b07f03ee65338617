// CMS's NCCI practitioner PTP file (tab-delimited txt): the procedure-to-procedure edits of a quarter.
#include "import/cms_file.h"

#include <algorithm>
#include <map>

#include "unitwise/catalogue.h"
#include "unitwise/data_limits.h"
#include "base/csv_reader.h"

namespace unitwise::cms {
namespace {

std::optional<DateKey> yyyymmdd(std::string_view s) {
  s = trim(s);
  if (s.size() != 8) return std::nullopt;
  return parse_iso_date(std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" +
                        std::string(s.substr(6, 2)));
}

}  // namespace

void import_ncci_txt(Context& c) {
  if (!c.whole()) return;
  Table<NcciRow> table;
  std::map<std::string, std::size_t> lines;
  std::size_t rows = 0;
  DateKey latest = 0;
  for_each_line(c.file.bytes, [&](std::string_view line, std::size_t line_no) {
    std::vector<std::string_view> f;
    for (std::size_t start = 0;;) {
      const std::size_t tab = line.find('\t', start);
      f.push_back(trim(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start)));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (f.size() < 7 || !is_code(f[0]) || !is_code(f[1])) return;  // copyright and wrapped header lines
    ++rows;
    if (!find_code(f[0]) || !find_code(f[1])) return;
    // A pair may come back after a deletion: one row per pair and period (the pack reader's rule too).
    const std::string pair = std::string(f[0]) + "/" + std::string(f[1]);
    if (const auto [at, first] = lines.emplace(pair + "\t" + std::string(f[3]) + "\t" + std::string(f[4]), line_no);
        !first) {
      c.fail(line_no, "the edit " + pair + " is here twice: lines " + std::to_string(at->second) + " and " +
                          std::to_string(line_no));
      return;
    }
    NcciRow row;
    row.column1 = std::string(f[0]);
    row.column2 = std::string(f[1]);
    const auto effective = yyyymmdd(f[3]);
    const auto deleted = f[4] == "*" ? std::optional<DateKey>(0) : yyyymmdd(f[4]);
    if (!effective || !deleted || f[5].size() != 1 || (f[5][0] != '0' && f[5][0] != '1' && f[5][0] != '9')) {
      c.fail(line_no, row.column1 + "/" + row.column2 +
                          ": dates must be YYYYMMDD (or * for no deletion) and the "
                          "modifier indicator 0, 1 or 9");
      return;
    }
    row.effective = *effective;
    row.deleted = *deleted;
    row.modifier_indicator = f[5][0];
    row.rationale = std::string(f[6]);
    if (!c.fits(line_no, pair + ": the rationale", row.rationale, kMaxNameChars)) return;
    latest = std::max(latest, row.effective);
    table.rows.push_back(std::move(row));
  });
  // The quarter the zip's name states (medicare-ncci-2027q1-...zip) is the release's; else the newest row's date.
  if (const auto quarter = date_in_name(c.file.archive)) latest = *quarter;
  if (latest == 0 && !c.options.effective) {
    c.fail(0, "no edit between two catalogue codes, so no effective date to take: pass --effective");
    return;
  }
  const std::string base = base_name(c.file.name);
  std::string stem = base.substr(0, base.rfind('.'));
  table.release = {TableKind::Ncci,
                   "CMS NCCI PTP practitioner edits (" + stem + ")",
                   c.effective_or(latest),
                   0,
                   c.pack.name,
                   c.edition_if_moved(latest)};
  c.note("NCCI PTP practitioner txt",
         thousands(rows) + " edits, " + thousands(table.rows.size()) + " between catalogue codes", table.release);
  c.pack.tables.ncci.push_back(std::move(table));
}

}  // namespace unitwise::cms
