// CMS's PPRRVU (the PFS relative value file), as csv or fixed-width txt: RVUs and the conversion factor.
#include "import/cms_file.h"

#include <algorithm>
#include <map>

#include "unitwise/catalogue.h"
#include "unitwise/data_limits.h"
#include "base/csv_reader.h"
#include "base/fixed_point.h"

namespace unitwise::cms {
namespace {

struct RvuColumns {
  int code = -1, mod = -1, status = -1, work = -1, pe_nonfac = -1, nonfac_na = -1, pe_fac = -1, fac_na = -1, mp = -1,
      mult_proc = -1, cf = -1, pricing = -1;
};

bool rvu_row(Context& c, std::size_t line, std::string_view code, std::string_view status, std::string_view work,
             std::string_view pe_nonfac, std::string_view nonfac_na, std::string_view pe_fac, std::string_view fac_na,
             std::string_view mp, std::string_view mult_proc, RvuRow& row) {
  row.code = std::string(code);
  status = trim(status);
  if (status.size() != 1 || status[0] < 'A' || status[0] > 'Z') {
    c.fail(line, std::string(code) + ": the status code must be one capital letter");
    return false;
  }
  row.status = status[0];
  const auto w = parse_fixed(trim(work), 2), pn = parse_fixed(trim(pe_nonfac), 2), pf = parse_fixed(trim(pe_fac), 2),
             m = parse_fixed(trim(mp), 2), mpi = parse_fixed(trim(mult_proc), 0);
  if (!w || !pn || !pf || !m || !mpi) {
    c.fail(line, std::string(code) + ": an RVU or the multiple-procedure indicator is not a number");
    return false;
  }
  const auto in = [](std::int64_t v, std::int64_t high) { return v >= 0 && v <= high; };
  if (!in(*w, kMaxRvu) || !in(*pn, kMaxRvu) || !in(*pf, kMaxRvu) || !in(*m, kMaxRvu) || !in(*mpi, kMaxMultProc)) {
    c.fail(line, std::string(code) + ": an RVU is outside 0 to " + fixed_text(kMaxRvu, 2) +
                     " or the multiple-procedure indicator outside 0 to " + std::to_string(kMaxMultProc));
    return false;
  }
  row.work = static_cast<int>(*w);
  row.pe_nonfac = static_cast<int>(*pn);
  row.pe_fac = static_cast<int>(*pf);
  row.mp = static_cast<int>(*m);
  row.mult_proc = static_cast<int>(*mpi);
  row.nonfac_pe_na = trim(nonfac_na) == "NA";
  row.fac_pe_na = trim(fac_na) == "NA";
  return true;
}

// The relative value release from its year and month: CY tables are in force from their quarter's start.
Release rvu_release(Context& c, int year, int month, std::string_view released) {
  Release r;
  r.kind = TableKind::Rvu;
  const char* names[] = {"", "January", "", "", "April", "", "", "July", "", "", "October"};
  r.name = "CMS PFS relative values CY" + std::to_string(year) + ", " + (month > 0 ? names[month] : "") + " release" +
           (released.empty() ? "" : " (" + std::string(released) + ")");
  r.year = year;
  const DateKey stated = year * 10000 + (month > 0 ? month : 1) * 100 + 1;
  r.effective = c.effective_or(stated);
  r.edition = c.edition_if_moved(stated);
  r.pack = c.pack.name;
  return r;
}

void add_conversion_factor(Context& c, const Release& rvu, std::int64_t cf, bool qualifying_apm) {
  Table<ConversionFactorRow> t;
  t.release = rvu;
  t.release.kind = TableKind::ConversionFactor;
  t.rows.push_back({qualifying_apm, cf});
  c.pack.tables.conversion_factor.push_back(std::move(t));
}

}  // namespace

void import_pprrvu_csv(Context& c) {
  if (!c.whole()) return;
  CsvReader csv(c.file.bytes);
  std::map<std::string, std::size_t> base_rows;  // code → line of its row without a modifier
  std::string last_code;
  std::vector<std::string> f;
  std::vector<std::vector<std::string>> above;  // the caption rows over the header: CMS splits names across them
  std::string title, released;
  RvuColumns col;
  bool in_data = false;
  Table<RvuRow> table;
  std::optional<std::int64_t> cf;
  bool qpp = false;
  while (csv.next(f)) {
    if (!in_data) {
      for (const auto& cell : f) {
        if (contains(upper(cell), "RELATIVE VALUE FILE")) title = cell;
        if (contains(upper(cell), "RELEASED")) released = std::string(trim(cell));
      }
      if (f.size() < 3 || trim(f[0]) != "HCPCS" || trim(f[1]) != "MOD") {
        above.push_back(f);
        continue;
      }
      // A column's name is its cells in the header row and the three rows above it, joined.
      for (std::size_t i = 0; i < f.size(); ++i) {
        std::string name;
        for (std::size_t r = above.size() > 3 ? above.size() - 3 : 0; r < above.size(); ++r) {
          if (i < above[r].size() && !trim(above[r][i]).empty()) name += std::string(trim(above[r][i])) + " ";
        }
        name = upper(name + std::string(trim(f[i])));
        const int n = static_cast<int>(i);
        if (name == "HCPCS") col.code = n;
        else if (name == "MOD") col.mod = n;
        else if (name == "STATUS CODE") col.status = n;
        else if (name == "WORK RVU") col.work = n;
        else if (name == "NON-FAC PE RVU") col.pe_nonfac = n;
        else if (name == "NON-FAC NA INDICATOR") col.nonfac_na = n;
        else if (name == "FACILITY PE RVU") col.pe_fac = n;
        else if (name == "FACILITY NA INDICATOR") col.fac_na = n;
        else if (name == "MP RVU") col.mp = n;
        else if (name == "MULT PROC") col.mult_proc = n;
        else if (name == "CONV FACTOR") col.cf = n;
        else if (name == "PRIC IND") col.pricing = n;
      }
      const int needed[] = {col.code,   col.mod,    col.status, col.work,      col.pe_nonfac, col.nonfac_na,
                            col.pe_fac, col.fac_na, col.mp,     col.mult_proc, col.cf};
      if (std::any_of(std::begin(needed), std::end(needed), [](int i) { return i < 0; })) {
        c.fail(csv.line(),
               "a PPRRVU header without the status, RVU, NA, multiple-procedure or conversion-factor columns");
        return;
      }
      in_data = true;
      continue;
    }
    const int last = std::max({col.code, col.mod, col.status, col.work, col.pe_nonfac, col.nonfac_na, col.pe_fac,
                               col.fac_na, col.mp, col.mult_proc, col.cf, col.pricing});
    if (static_cast<int>(f.size()) <= last) continue;  // trailing blank or note rows
    const std::string_view code = trim(f[col.code]);
    if (!trim(f[col.mod]).empty()) continue;  // modifier rows (26, TC, 53) follow their code's row
    if (!is_code(code)) continue;
    last_code = std::string(code);
    if (const auto [at, first] = base_rows.emplace(last_code, csv.line()); !first) {
      c.fail(csv.line(), last_code + " is here twice without a modifier: lines " + std::to_string(at->second) +
                             " and " + std::to_string(csv.line()));
      continue;
    }
    if (!find_code(code)) continue;  // codes we don't know
    RvuRow row;
    if (!rvu_row(c, csv.line(), code, f[col.status], f[col.work], f[col.pe_nonfac], f[col.nonfac_na], f[col.pe_fac],
                 f[col.fac_na], f[col.mp], f[col.mult_proc], row)) {
      continue;
    }
    if (!cf) cf = parse_fixed(trim(f[col.cf]), 4);
    if (col.pricing >= 0 && trim(f[col.pricing]) == "1") qpp = true;  // PRIC IND 1: the QP file
    table.rows.push_back(std::move(row));
  }
  const auto year = number_after(title, "", 4);
  if (!in_data || !year) {
    c.fail(0, "no \"N National Physician Fee Schedule Relative Value File\" title or no HCPCS header row");
    return;
  }
  if (!cf || *cf <= 0 || *cf > kMaxConversionFactor) {
    c.fail(0, "no conversion factor (above 0, at most " + fixed_text(kMaxConversionFactor, 4) +
                  ") in the CONV FACTOR column");
    return;
  }
  const auto counts = c.code_table(base_rows.size(), last_code, table.rows.size());
  if (!counts) return;
  table.release = rvu_release(c, *year, release_month(upper(title)), released);
  c.note(qpp ? "PPRRVU csv (qualifying APM)" : "PPRRVU csv", *counts, table.release);
  add_conversion_factor(c, table.release, *cf, qpp);
  c.pack.tables.rvu.push_back(std::move(table));
}

// Fixed-width PPRRVU: positions from the RVU file's record layout (RVU25D.pdf), 1-based inclusive.
void import_pprrvu_txt(Context& c) {
  auto field = [](std::string_view line, std::size_t first, std::size_t last) {
    return first - 1 < line.size() ? line.substr(first - 1, std::min(last, line.size()) - first + 1)
                                   : std::string_view();
  };
  // The year and quarter are in the file name only (PPRRVU2025_Oct.txt), unless --effective gives them.
  const std::string name = upper(base_name(c.file.name));
  std::optional<int> year = number_after(name, "PPRRVU", 4);
  int month = year ? release_month(name.substr(name.find("PPRRVU"))) : 0;
  if (const auto zip = date_in_name(c.file.archive); !year && zip) {  // rvu27a.zip: CY2027, January
    year = year_of(*zip);
    month = *zip / 100 % 100;
  }
  if (!year && c.options.effective) year = year_of(*c.options.effective);
  if (!year) {
    c.fail(0, "a fixed-width PPRRVU file does not state its year: name it PPRRVUyyyy_Mon.txt or pass --effective");
    return;
  }
  if (!c.whole()) return;
  Table<RvuRow> table;
  std::optional<std::int64_t> cf;
  std::map<std::string, std::size_t> base_rows;
  std::string last_code;
  for_each_line(c.file.bytes, [&](std::string_view line, std::size_t line_no) {
    if (line.substr(0, 4) == "HDR " || line.size() < 140) return;
    const std::string_view code = trim(field(line, 1, 5));
    if (!trim(field(line, 6, 7)).empty() || !is_code(code)) return;
    last_code = std::string(code);
    if (const auto [at, first] = base_rows.emplace(last_code, line_no); !first) {
      c.fail(line_no, last_code + " is here twice without a modifier: lines " + std::to_string(at->second) + " and " +
                          std::to_string(line_no));
      return;
    }
    if (!find_code(code)) return;
    RvuRow row;
    if (!rvu_row(c, line_no, code, field(line, 58, 58), field(line, 60, 65), field(line, 67, 72), field(line, 73, 74),
                 field(line, 76, 81), field(line, 82, 83), field(line, 85, 89), field(line, 116, 116), row)) {
      return;
    }
    if (!cf) cf = parse_fixed(trim(field(line, 133, 140)), 4);
    table.rows.push_back(std::move(row));
  });
  if (!cf || *cf <= 0 || *cf > kMaxConversionFactor) {
    c.fail(0, "no record of a catalogue code with a conversion factor (positions 133-140)");
    return;
  }
  const auto counts = c.code_table(base_rows.size(), last_code, table.rows.size());
  if (!counts) return;
  table.release = rvu_release(c, *year, month, "");
  c.note("PPRRVU txt", *counts, table.release);
  add_conversion_factor(c, table.release, *cf, false);
  c.pack.tables.rvu.push_back(std::move(table));
}

}  // namespace unitwise::cms
