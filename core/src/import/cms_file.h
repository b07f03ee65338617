// What the readers of CMS's file kinds share: the file being read and the pack and result it adds to, the shape
// checks every kind makes, and the text helpers they read CMS's files with.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "unitwise/catalogue.h"
#include "unitwise/cms_import.h"

namespace unitwise::cms {

std::string upper(std::string_view s);
bool contains(std::string_view text, std::string_view what);
// A run of N digits in `text` following `after`, e.g. the year in "FINAL CY 2026 GEOGRAPHIC".
std::optional<int> number_after(std::string_view text, std::string_view after, std::size_t digits);
// First month of a PFS quarterly release named in the title ("... July Release") or file name ("_Jul").
int release_month(std::string_view text);
bool is_code(std::string_view s);
std::string pad(std::string_view digits, std::size_t width);
std::string without_stars(std::string_view s);

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
std::string where(const CmsFile& file);
// A zip member's name without its folders: the name recorded in the pack and read for dates.
std::string base_name(const std::string& name);

// CMS's file names carry years of this century only: "rvu27a" is CY2027, "2027q1" its first quarter. The one
// place a century is written; every date itself comes from the files.
inline constexpr int kCmsNameCentury = 2000;

// The date a CMS file or zip name states: "Eff_04-01-2026" (the MUE csv and its zip), "rvu27a" (the PFS
// relative value zip of CY2027's January release: A, B, C, D are the January, April, July and October
// releases) or "2027q1" (the NCCI zips' quarter).
std::optional<DateKey> date_in_name(std::string_view name);

// The shape of a whole CMS file (docs/data.md, "Shape checks"): a cut-off download must not import.
// A PPRRVU and an MUE table list every HCPCS code CMS prices or edits, sorted, through the V codes: about 19,000
// and 15,000 codes. 5,000 is far below either and far above any file cut early.
inline constexpr std::size_t kMinCodeRows = 5000;
// Addendum E has localities in the 50 states, DC, Puerto Rico and the Virgin Islands (Guam is priced with Hawaii).
inline constexpr const char* kGpciStates[] = {
    "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN", "KS", "KY",
    "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH",
    "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VI", "VT", "WA", "WI", "WV", "WY"};
inline constexpr std::size_t kStates = sizeof kGpciStates / sizeof kGpciStates[0];

std::string thousands(std::size_t n);

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
      fail(0, "holds " + of + ", the last " + (last_code.empty() ? "none" : last_code) + ": a whole file lists over " +
                  thousands(kMinCodeRows) +
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

// The readers of each kind: each adds its tables to c.pack, its notes and errors to c.result.
void import_pprrvu_csv(Context& c);
void import_pprrvu_txt(Context& c);
void import_gpci_csv(Context& c);
void import_locco_csv(Context& c);
void import_mue_csv(Context& c);
void import_ncci_txt(Context& c);

// LOCCO and GPCI of one year list the same localities; a LOCCO that does not match its GPCI is cut or of another year.
void check_localities(const Pack& pack, ImportResult& result);

}  // namespace unitwise::cms
