// import-cms: CMS files in, one data pack out. Each file is recognised by what it holds, never by its
// position or name; names only supply an effective date that the content does not state.
#include "unitwise/cms_import.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "unitwise/catalogue.h"
#include "unitwise/data_limits.h"
#include "base/csv_reader.h"
#include "base/fixed_point.h"
#include "base/sha256.h"

namespace unitwise {
namespace {

std::string upper(std::string_view s) {
  std::string out;
  for (char c : s) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool contains(std::string_view text, std::string_view what) { return text.find(what) != std::string_view::npos; }

// A run of N digits in `text` following `after`, e.g. the year in "FINAL CY 2026 GEOGRAPHIC".
std::optional<int> number_after(std::string_view text, std::string_view after, std::size_t digits) {
  const std::size_t at = text.find(after);
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t i = at + after.size();
  while (i < text.size() && text[i] == ' ') ++i;
  if (i + digits > text.size()) return std::nullopt;
  int n = 0;
  for (std::size_t k = 0; k < digits; ++k) {
    if (!std::isdigit(static_cast<unsigned char>(text[i + k]))) return std::nullopt;
    n = n * 10 + (text[i + k] - '0');
  }
  return n;
}

// First month of a PFS quarterly release named in the title ("... July Release") or file name ("_Jul").
int release_month(std::string_view text) {
  const std::pair<const char*, int> months[] = {{"JAN", 1}, {"APR", 4}, {"JUL", 7}, {"OCT", 10}};
  for (const auto& [name, month] : months) {
    if (contains(text, name)) return month;
  }
  return 0;
}

bool is_code(std::string_view s) {
  return s.size() == 5 && std::all_of(s.begin(), s.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'A' && c <= 'Z');
         });
}

std::string pad(std::string_view digits, std::size_t width) {
  std::string out(digits);
  while (out.size() < width) out.insert(out.begin(), '0');
  return out;
}

std::string without_stars(std::string_view s) {
  s = trim(s);
  while (!s.empty() && s.back() == '*') s.remove_suffix(1);
  return std::string(trim(s));
}

// Calls each(line, line_number) for every line of `text`, without its line end (LF or CRLF).
template <class Each>
void for_each_line(std::string_view text, Each each) {
  for (std::size_t number = 1; !text.empty(); ++number) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    each(line, number);
  }
}

// Where a file came from, for messages: "rvu25d.zip: PPRRVU2025_Oct.csv" for a zip member.
std::string where(const CmsFile& file) { return file.archive.empty() ? file.name : file.archive + ": " + file.name; }

// A zip member's name without its folders: the name recorded in the pack and read for dates.
std::string base_name(const std::string& name) {
  const std::size_t slash = name.find_last_of("/\\");
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

bool is_zip(std::string_view bytes) { return bytes.substr(0, 4) == std::string_view("PK\3\4", 4); }

constexpr const char* kKnownFiles =
    "a PPRRVU csv or txt, a GPCI csv, a LOCCO csv, a practitioner MUE csv or an NCCI practitioner PTP txt";
const std::string kNotCms = std::string("not a CMS file unitwise reads: expected ") + kKnownFiles;

// CMS's file names carry years of this century only: "rvu27a" is CY2027, "2027q1" its first quarter. The one
// place a century is written; every date itself comes from the files.
constexpr int kCmsNameCentury = 2000;

// The date a CMS file or zip name states: "Eff_04-01-2026" (the MUE csv and its zip), "rvu27a" (the PFS
// relative value zip of CY2027's January release: A, B, C, D are the January, April, July and October
// releases) or "2027q1" (the NCCI zips' quarter).

std::optional<DateKey> date_in_name(std::string_view name) {
  const std::string n = upper(name);
  for (const char* eff : {"EFF_", "EFF-"}) {
    const std::size_t at = n.find(eff);
    if (at == std::string::npos || at + 14 > n.size()) continue;
    const std::string d = n.substr(at + 4, 10);  // MM-DD-YYYY
    if (auto date = parse_iso_date(d.substr(6, 4) + "-" + d.substr(0, 2) + "-" + d.substr(3, 2))) return date;
  }
  auto digits = [&](std::size_t at, std::size_t count) {
    int v = 0;
    for (std::size_t k = at; k < at + count; ++k) {
      if (k >= n.size() || !std::isdigit(static_cast<unsigned char>(n[k]))) return -1;
      v = v * 10 + (n[k] - '0');
    }
    return v;
  };
  for (std::size_t at = n.find("RVU"); at != std::string::npos; at = n.find("RVU", at + 1)) {
    const int yy = digits(at + 3, 2);
    if (yy >= 0 && at + 5 < n.size() && n[at + 5] >= 'A' && n[at + 5] <= 'D' &&
        (at + 6 == n.size() || !std::isalpha(static_cast<unsigned char>(n[at + 6])))) {
      return (kCmsNameCentury + yy) * 10000 + (1 + 3 * (n[at + 5] - 'A')) * 100 + 1;
    }
  }
  for (std::size_t at = n.find('Q'); at != std::string::npos; at = n.find('Q', at + 1)) {
    const int year = at >= 4 ? digits(at - 4, 4) : -1;
    const int quarter = digits(at + 1, 1);
    if (year >= kCmsNameCentury && quarter >= 1 && quarter <= 4) return year * 10000 + (1 + 3 * (quarter - 1)) * 100 + 1;
  }
  return std::nullopt;
}

// The shape of a whole CMS file (docs/data.md, "Shape checks"): a cut-off download must not import.
// A PPRRVU and an MUE table list every HCPCS code CMS prices or edits, sorted, through the V codes: about 19,000
// and 15,000 codes. 5,000 is far below either and far above any file cut early.
constexpr std::size_t kMinCodeRows = 5000;
// Addendum E has localities in the 50 states, DC, Puerto Rico and the Virgin Islands (Guam is priced with Hawaii).
constexpr const char* kGpciStates[] = {"AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID",
                                       "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC",
                                       "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "PR", "RI", "SC",
                                       "SD", "TN", "TX", "UT", "VA", "VI", "VT", "WA", "WI", "WV", "WY"};
constexpr std::size_t kStates = sizeof kGpciStates / sizeof kGpciStates[0];

std::string thousands(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

struct Context {
  const CmsFile& file;
  const ImportOptions& options;
  Pack& pack;
  ImportResult& result;

  void fail(std::size_t line, std::string message) { result.errors.push_back({where(file), line, std::move(message)}); }
  void note(const std::string& kind, const std::string& counts, const Release& r) {
    result.notes.push_back(where(file) + ": " + kind + ", " + counts + ", \"" + r.name + "\" effective " +
                           iso_date(r.effective));
  }
  // A text within the pack's limit, or an error naming the line: the engine would refuse the pack otherwise.
  bool fits(std::size_t line, const std::string& what, std::string_view text, std::size_t max) {
    if (text.size() <= max) return true;
    fail(line, what + " is longer than " + std::to_string(max) + " characters");
    return false;
  }
  // Every file CMS writes ends its last line; one that does not was cut off (a download stopped mid-number).
  bool whole() {
    if (!file.bytes.empty() && file.bytes.back() == '\n') return true;
    const std::size_t lines = static_cast<std::size_t>(std::count(file.bytes.begin(), file.bytes.end(), '\n')) + 1;
    fail(lines, "ends in the middle of a line: the file is cut short (download it again)");
    return false;
  }
  // A code table: enough rows, through the V codes, and the catalogue's codes in it. Returns the counts for the note.
  std::optional<std::string> code_table(std::size_t rows, const std::string& last_code, std::size_t kept) {
    const std::string of = thousands(rows) + " codes, " + std::to_string(kept) + " of our " +
                           std::to_string(catalogue().size()) + " catalogue codes";
    if (rows < kMinCodeRows || last_code.empty() || last_code[0] != 'V' || kept * 2 < catalogue().size()) {
      fail(0, "holds " + of + ", the last " + (last_code.empty() ? "none" : last_code) +
                  ": a whole file lists over " + thousands(kMinCodeRows) +
                  " codes through the V codes and at least half of ours, so this one is cut short or not CMS's");
      return std::nullopt;
    }
    return of;
  }
  DateKey effective_or(DateKey found) const { return options.effective ? *options.effective : found; }
  // The date the file itself gave, kept when --effective moved the table's date (staleness counts from it).
  DateKey edition_if_moved(DateKey found) const {
    return options.effective && found != 0 && *options.effective != found ? found : 0;
  }
};

// ---- PPRRVU ----------------------------------------------------------------------------------------

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
  r.name = "CMS PFS relative values CY" + std::to_string(year) + ", " + (month > 0 ? names[month] : "") +
           " release" + (released.empty() ? "" : " (" + std::string(released) + ")");
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
      const int needed[] = {col.code, col.mod, col.status, col.work, col.pe_nonfac, col.nonfac_na,
                            col.pe_fac, col.fac_na, col.mp, col.mult_proc, col.cf};
      if (std::any_of(std::begin(needed), std::end(needed), [](int i) { return i < 0; })) {
        c.fail(csv.line(), "a PPRRVU header without the status, RVU, NA, multiple-procedure or conversion-factor columns");
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
      c.fail(csv.line(), last_code + " is here twice without a modifier: lines " + std::to_string(at->second) + " and " +
                             std::to_string(csv.line()));
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
    c.fail(0, "no conversion factor (above 0, at most " + fixed_text(kMaxConversionFactor, 4) + ") in the CONV FACTOR column");
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
    return first - 1 < line.size() ? line.substr(first - 1, std::min(last, line.size()) - first + 1) : std::string_view();
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

// ---- GPCI (Addendum E) ----------------------------------------------------------------------------

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
      c.fail(csv.line(), row.id + ": a GPCI is not a number from 0 to " + fixed_text(kMaxGpci, 3) + " with at most 3 decimals");
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
    c.fail(0, "has no locality in " + missing + " (" + std::to_string(table.rows.size()) + " localities): Addendum E "
              "prices every one of the " + std::to_string(kStates) + " states and territories, so this file is cut short");
    return;
  }
  table.release = {TableKind::Gpci, "CMS CY" + std::to_string(*year) + " GPCIs (Addendum E)",
                   c.effective_or(*year * 10000 + 101), *year, c.pack.name, c.edition_if_moved(*year * 10000 + 101)};
  c.note("GPCI csv", std::to_string(table.rows.size()) + " localities", table.release);
  c.pack.tables.gpci.push_back(std::move(table));
}

// ---- LOCCO: the counties of each locality -----------------------------------------------------------

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
      const auto same = std::find_if(table.rows.begin(), table.rows.end(), [&](const LocalityRow& r) { return r.id == row.id; });
      if (same->area != row.area || same->counties != row.counties || same->state != row.state) {
        c.fail(csv.line(), "locality " + row.id + " is here twice with different areas or counties: lines " +
                               std::to_string(at->second) + " and " + std::to_string(csv.line()));
      }
      continue;
    }
    table.rows.push_back(std::move(row));
  }
  if (states.size() < kStates) {
    c.fail(0, "names " + std::to_string(states.size()) + " states and territories (" + std::to_string(table.rows.size()) +
                  " localities): a whole LOCCO file names all " + std::to_string(kStates) + ", so this one is cut short");
    return;
  }
  table.release = {TableKind::Locality, "CMS " + std::to_string(*year) + " locality counties (LOCCO)",
                   c.effective_or(*year * 10000 + 101), *year, c.pack.name, c.edition_if_moved(*year * 10000 + 101)};
  c.note("LOCCO csv", std::to_string(table.rows.size()) + " localities", table.release);
  c.pack.tables.locality.push_back(std::move(table));
}

// ---- MUE (practitioner services) ------------------------------------------------------------------

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
      c.fail(csv.line(), last_code + " is here twice: lines " + std::to_string(at->second) + " and " + std::to_string(csv.line()));
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
    c.fail(0, "the MUE csv states its effective date only in its name (..._Eff_MM-DD-YYYY.csv) or its zip's: pass --effective");
    return;
  }
  const DateKey effective = c.effective_or(found ? *found : 0);
  table.release = {TableKind::Mue, "CMS NCCI MUE practitioner table effective " + iso_date(found ? *found : effective),
                   effective, 0, c.pack.name, c.edition_if_moved(found ? *found : 0)};
  c.note("MUE practitioner csv", *counts, table.release);
  c.pack.tables.mue.push_back(std::move(table));
}

// ---- NCCI PTP (practitioner), tab-delimited ---------------------------------------------------------

std::optional<DateKey> yyyymmdd(std::string_view s) {
  s = trim(s);
  if (s.size() != 8) return std::nullopt;
  return parse_iso_date(std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" + std::string(s.substr(6, 2)));
}

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
    if (const auto [at, first] = lines.emplace(pair + "\t" + std::string(f[3]) + "\t" + std::string(f[4]), line_no); !first) {
      c.fail(line_no, "the edit " + pair + " is here twice: lines " + std::to_string(at->second) + " and " + std::to_string(line_no));
      return;
    }
    NcciRow row;
    row.column1 = std::string(f[0]);
    row.column2 = std::string(f[1]);
    const auto effective = yyyymmdd(f[3]);
    const auto deleted = f[4] == "*" ? std::optional<DateKey>(0) : yyyymmdd(f[4]);
    if (!effective || !deleted || f[5].size() != 1 || (f[5][0] != '0' && f[5][0] != '1' && f[5][0] != '9')) {
      c.fail(line_no, row.column1 + "/" + row.column2 + ": dates must be YYYYMMDD (or * for no deletion) and the "
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
  table.release = {TableKind::Ncci, "CMS NCCI PTP practitioner edits (" + stem + ")", c.effective_or(latest), 0,
                   c.pack.name, c.edition_if_moved(latest)};
  c.note("NCCI PTP practitioner txt", thousands(rows) + " edits, " + thousands(table.rows.size()) +
                                          " between catalogue codes", table.release);
  c.pack.tables.ncci.push_back(std::move(table));
}

// ---- Recognition --------------------------------------------------------------------------------------

enum class FileKind { Unknown, PprrvuCsv, PprrvuTxt, GpciCsv, LoccoCsv, MueCsv, NcciTxt };

FileKind recognise(const std::string& bytes) {
  const std::string head = upper(std::string_view(bytes).substr(0, 4096));
  if (contains(head, "\nHCPCS,MOD,DESCRIPTION") && contains(head, "RELATIVE VALUE FILE")) return FileKind::PprrvuCsv;
  if (head.rfind("HDR ", 0) == 0) return FileKind::PprrvuTxt;
  if (contains(head, "GEOGRAPHIC PRACTICE COST INDICES") && contains(head, "MEDICARE ADMINISTRATIVE CONTRACTOR")) {
    return FileKind::GpciCsv;
  }
  // The csv's title line has its empty cells; the fixed-width LOCCO txt (not read) has the same title without.
  if (head.rfind("COUNTIES INCLUDED IN", 0) == 0 && head.substr(0, head.find('\n')).find(',') != std::string::npos) {
    return FileKind::LoccoCsv;
  }
  if (contains(head, "MUE VALUES") && contains(head, "MUE ADJUDICATION INDICATOR")) return FileKind::MueCsv;
  if (contains(head, "COLUMN 1\tCOLUMN 2")) return FileKind::NcciTxt;
  return FileKind::Unknown;
}

const char* kind_name(FileKind k) {
  switch (k) {
    case FileKind::PprrvuCsv: return "pprrvu-csv";
    case FileKind::PprrvuTxt: return "pprrvu-txt";
    case FileKind::GpciCsv: return "gpci-csv";
    case FileKind::LoccoCsv: return "locco-csv";
    case FileKind::MueCsv: return "mue-csv";
    case FileKind::NcciTxt: return "ncci-ptp-txt";
    case FileKind::Unknown: break;
  }
  return "unknown";
}

bool same(const RvuRow& a, const RvuRow& b) {
  return a.code == b.code && a.status == b.status && a.work == b.work && a.pe_nonfac == b.pe_nonfac &&
         a.nonfac_pe_na == b.nonfac_pe_na && a.pe_fac == b.pe_fac && a.fac_pe_na == b.fac_pe_na && a.mp == b.mp &&
         a.mult_proc == b.mult_proc;
}

// One table per kind and date, as the pack reader requires. Files of one release are joined: the NCCI PTP parts
// f1-f4 (one table, dated by the newest edit of all parts), and the non-QP and QP PPRRVU files of a year (the
// same RVUs, kept once; their two conversion factors in one table). Anything else is two releases of one date.
void join_releases(Pack& pack, ImportResult& result) {
  auto& ncci = pack.tables.ncci;
  if (ncci.size() > 1 && !result.errors.empty()) return;
  if (ncci.size() > 1) {
    std::map<std::string, std::size_t> seen;
    DateKey latest = 0;
    for (const auto& t : ncci) latest = std::max(latest, t.release.effective);
    Table<NcciRow> joined;
    joined.release = ncci[0].release;
    joined.release.effective = latest;
    std::string parts;
    for (const auto& t : ncci) {
      const std::size_t open = t.release.name.find('('), close = t.release.name.rfind(')');
      parts += (parts.empty() ? "" : ", ") + t.release.name.substr(open + 1, close - open - 1);
      for (const NcciRow& r : t.rows) {
        if (!seen.emplace(r.column1 + "/" + r.column2 + "/" + std::to_string(r.effective) + "/" + std::to_string(r.deleted), 0).second) {
          result.errors.push_back({t.release.name, 0, "the edit " + r.column1 + "/" + r.column2 + " is also in another part"});
          return;
        }
        joined.rows.push_back(r);
      }
    }
    joined.release.name = "CMS NCCI PTP practitioner edits (" + parts + ")";
    if (joined.release.name.size() > kMaxNameChars) joined.release.name = joined.release.name.substr(0, kMaxNameChars - 3) + "...";
    ncci = {std::move(joined)};
  }
  auto& rvu = pack.tables.rvu;
  for (std::size_t i = 1; i < rvu.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (rvu[j].release.effective != rvu[i].release.effective) continue;
      const bool equal = rvu[i].rows.size() == rvu[j].rows.size() &&
                         std::equal(rvu[i].rows.begin(), rvu[i].rows.end(), rvu[j].rows.begin(),
                                    [](const RvuRow& a, const RvuRow& b) { return same(a, b); });
      if (!equal) {
        result.errors.push_back({rvu[i].release.name, 0, "has other relative values than \"" + rvu[j].release.name +
                                                             "\", in force from the same date: import them separately"});
        return;
      }
      rvu.erase(rvu.begin() + static_cast<std::ptrdiff_t>(i--));
      break;
    }
  }
  auto& cf = pack.tables.conversion_factor;
  for (std::size_t i = 1; i < cf.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (cf[j].release.effective != cf[i].release.effective) continue;
      for (const ConversionFactorRow& r : cf[i].rows) {
        const auto other = std::find_if(cf[j].rows.begin(), cf[j].rows.end(),
                                        [&](const ConversionFactorRow& o) { return o.qualifying_apm == r.qualifying_apm; });
        if (other == cf[j].rows.end()) cf[j].rows.push_back(r);
        else if (other->value != r.value) {
          result.errors.push_back({cf[i].release.name, 0, "has another conversion factor than \"" + cf[j].release.name +
                                                              "\", in force from the same date"});
          return;
        }
      }
      cf.erase(cf.begin() + static_cast<std::ptrdiff_t>(i--));
      break;
    }
  }
  auto one_per_date = [&](const auto& tables, const char* kind) {
    for (std::size_t i = 1; i < tables.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (tables[j].release.effective == tables[i].release.effective) {
          result.errors.push_back({tables[i].release.name, 0, std::string("is a second ") + kind + " release in force from " +
                                                                  iso_date(tables[i].release.effective) + " beside \"" +
                                                                  tables[j].release.name + "\": import them separately"});
        }
      }
    }
  };
  one_per_date(pack.tables.gpci, "GPCI");
  one_per_date(pack.tables.locality, "LOCCO");
  one_per_date(pack.tables.mue, "MUE");
}

// LOCCO and GPCI of one year list the same localities; a LOCCO that does not match its GPCI is cut or of another year.
void check_localities(const Pack& pack, ImportResult& result) {
  for (const auto& locco : pack.tables.locality) {
    for (const auto& gpci : pack.tables.gpci) {
      if (gpci.release.year != locco.release.year) continue;
      std::set<std::string> a, b;
      for (const auto& r : locco.rows) a.insert(r.id);
      for (const auto& r : gpci.rows) b.insert(r.id);
      if (a != b) {
        result.errors.push_back({locco.release.name, 0, "lists " + std::to_string(a.size()) + " localities and \"" +
                                                            gpci.release.name + "\" " + std::to_string(b.size()) +
                                                            ", not the same ones: one of the files is cut short or of another year"});
      }
    }
  }
}

}  // namespace

ImportResult import_cms(const std::vector<CmsFile>& files, const ImportOptions& options) {
  ImportResult result;
  Pack pack;
  pack.created_by = options.created_by;
  std::map<std::string, std::pair<bool, std::vector<std::string>>> archives;  // zip → (a member was read, members)
  // CMS's RVU zip holds the PPRRVU as csv, fixed-width txt and xlsx: the same numbers (FixedWidthAndCsvPprrvuAgree),
  // so the csv is read and the txt skipped, rather than two tables of one release.
  std::map<std::string, std::string> csv_of_zip;
  for (const CmsFile& file : files) {
    if (!file.archive.empty() && recognise(file.bytes) == FileKind::PprrvuCsv) csv_of_zip.emplace(file.archive, file.name);
  }
  for (const CmsFile& file : files) {
    const FileKind kind = recognise(file.bytes);
    if (kind == FileKind::PprrvuTxt && csv_of_zip.count(file.archive) != 0) {
      archives[file.archive].second.push_back(file.name);
      result.skipped.push_back(where(file) + " (the fixed-width copy of " + csv_of_zip[file.archive] + ", which is read)");
      continue;
    }
    if (!file.archive.empty()) {
      auto& [any_read, members] = archives[file.archive];
      members.push_back(file.name);
      any_read = any_read || kind != FileKind::Unknown;
      if (kind == FileKind::Unknown) {
        result.skipped.push_back(where(file) + (is_zip(file.bytes) ? " (a zip inside the zip: not opened)"
                                                                  : " (not a CMS file unitwise reads)"));
        continue;
      }
    }
    if (kind == FileKind::Unknown) {
      result.errors.push_back({file.name, 0, file.bytes.empty() ? "is empty"
                                             : is_zip(file.bytes) ? "is a zip archive: give the files inside it"
                                                                  : kNotCms});
      continue;
    }
    pack.sources.push_back({base_name(file.name), kind_name(kind), file.bytes.size(), sha256_hex(file.bytes)});
    Context c{file, options, pack, result};
    switch (kind) {
      case FileKind::PprrvuCsv: import_pprrvu_csv(c); break;
      case FileKind::PprrvuTxt: import_pprrvu_txt(c); break;
      case FileKind::GpciCsv: import_gpci_csv(c); break;
      case FileKind::LoccoCsv: import_locco_csv(c); break;
      case FileKind::MueCsv: import_mue_csv(c); break;
      case FileKind::NcciTxt: import_ncci_txt(c); break;
      case FileKind::Unknown: break;
    }
  }
  for (const auto& [archive, read] : archives) {
    if (read.first) continue;
    std::string names;
    for (std::size_t i = 0; i < read.second.size() && i < 20; ++i) names += (i ? ", " : "") + read.second[i];
    if (read.second.size() > 20) names += ", and " + std::to_string(read.second.size() - 20) + " more";
    result.errors.push_back({archive, 0, "holds no CMS file unitwise reads (it holds " + names + "): expected " + kKnownFiles});
  }
  join_releases(pack, result);
  check_localities(pack, result);
  // The pack is named after what it holds, e.g. "CMS PFS relative values CY2026, July release + CMS CY2026 GPCIs".
  std::string name;
  auto add_name = [&](const auto& tables) {
    for (const auto& t : tables) name += (name.empty() ? "" : " + ") + t.release.name;
  };
  add_name(pack.tables.rvu);
  add_name(pack.tables.gpci);
  add_name(pack.tables.locality);
  add_name(pack.tables.mue);
  add_name(pack.tables.ncci);
  pack.name = name.size() > 200 ? name.substr(0, 197) + "..." : name;
  if (files.empty()) result.errors.push_back({"", 0, "no CMS file given"});
  if (result.errors.empty()) {
    // Every release carries the pack's final name.
    auto rename = [&](auto& tables) {
      for (auto& t : tables) t.release.pack = pack.name;
    };
    rename(pack.tables.rvu);
    rename(pack.tables.conversion_factor);
    rename(pack.tables.gpci);
    rename(pack.tables.locality);
    rename(pack.tables.mue);
    rename(pack.tables.ncci);
    // What the engine would refuse is not written: every limit the reader checks, checked by the reader itself.
    const PackRead read = read_pack(write_pack(pack));
    for (const DataError& e : read.errors) {
      result.errors.push_back({e.file, e.line, "the pack would be refused by the engine: " + e.message});
    }
    if (read.errors.empty()) result.value = std::move(pack);
  }
  return result;
}

}  // namespace unitwise
