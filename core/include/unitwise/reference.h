// Dated reference data. Every table CMS publishes on a schedule (RVUs, conversion factors, GPCIs,
// localities, MUEs, NCCI PTP edits, therapy thresholds) is a release with an effective-from date; a
// visit uses, for each kind, the release in force on its date of service. Adding a year adds data, not code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "unitwise/checked.h"
#include "unitwise/model.h"

namespace unitwise {

// A calendar date as one comparable number: 2026-07-01 → 20260701.
using DateKey = int;
inline DateKey date_key(const Date& d) { return d.year * 10000 + d.month * 100 + d.day; }
inline int year_of(DateKey d) { return d / 10000; }
// "2026-07-01" (strictly YYYY-MM-DD, a real calendar date) → 20260701; nullopt otherwise.
std::optional<DateKey> parse_iso_date(std::string_view text);
// A real calendar date in years 1-9999, as a DateKey; nullopt for February 30 or month 13.
std::optional<DateKey> calendar_date(int year, int month, int day);
// YYYY-MM-DD for a date of years 0-9999 (the form calendar_date and parse_iso_date make).
std::string iso_date(DateKey d);
// The same ten characters into `out`, without a string: results name several dates each.
inline constexpr std::size_t kIsoDateChars = 10;
void write_iso_date(char (&out)[kIsoDateChars], DateKey d);

enum class TableKind { Rvu, ConversionFactor, Gpci, Locality, Mue, Ncci, Threshold, TelehealthCode, TelehealthPeriod };
inline constexpr TableKind kTableKinds[] = {
    TableKind::Rvu,  TableKind::ConversionFactor, TableKind::Gpci,           TableKind::Locality,        TableKind::Mue,
    TableKind::Ncci, TableKind::Threshold,        TableKind::TelehealthCode, TableKind::TelehealthPeriod};
const char* to_string(TableKind kind);  // "rvu", "conversion_factor", ... (the pack format's names)
std::optional<TableKind> table_kind(std::string_view name);

// Where a table came from and when it applies.
struct Release {
  TableKind kind = TableKind::Rvu;
  std::string name;       // e.g. "CMS PFS relative values, CY2026 July release"
  DateKey effective = 0;  // in force from this date until a later release of the same kind
  int year = 0;           // the calendar year a yearly table is for (fees, thresholds); 0 for quarterly edits
  std::string pack;       // the data pack it came from
  DateKey edition = 0;    // when CMS itself put this edition in force, where `effective` was set earlier by
                          // hand (RVU26C, the July release, imported as in force from January): 0 when equal
};

// CMS's release calendar (docs/data.md, "Tables that may be stale"): PPRRVU, NCCI PTP and MUE tables come
// quarterly (January, April, July, October); GPCIs, conversion factors and the therapy thresholds yearly.
// 0 for our own tables, which follow no calendar.
int release_cadence_months(TableKind kind);
// The first date on which CMS was due to publish the release after `r` (its edition counted, not an earlier
// effective date set by hand); 0 for a table with no cadence.
DateKey next_expected_release(const Release& r);

// Numbers are fixed-point at the scale CMS prints them: RVUs x100, GPCIs x1000, conversion factors x10000.
struct RvuRow {
  std::string code;
  char status = 'A';  // 'A' active, 'B' bundled, 'I' not valid for Medicare, 'R' restricted, ...
  int work = 0;
  int pe_nonfac = 0;
  bool nonfac_pe_na = false;  // CMS: "rarely or never performed" in that setting
  int pe_fac = 0;
  bool fac_pe_na = false;
  int mp = 0;
  int mult_proc = 0;      // 5: therapy MPPR halves the PE of later units (RVU file layout)
  std::uint64_t key = 0;  // code_key(code), set when the table joins a ReferenceData: lookups compare integers
};

struct ConversionFactorRow {
  bool qualifying_apm = false;  // QP and non-QP factors differ from CY2026 on
  std::int64_t value = 0;       // dollars x 10000
};

struct GpciRow {
  std::string id;  // "<mac>-<locality>", the visit's locality
  std::string mac;
  std::string locality;
  std::string state;
  std::string name;
  int work = 1000;  // with the 1.0 floor where the file applies it
  int pe = 1000;
  int mp = 1000;
};

// The counties of a payment locality (CMS LOCCO file), for finding a locality by place.
struct LocalityRow {
  std::string id;  // "<mac>-<locality>", zero-padded as in the GPCI file
  std::string state;
  std::string area;
  std::string counties;
};

struct MueRow {
  std::string code;
  int value = 0;  // units per date of service
  int mai = 0;    // adjudication indicator: 1 claim line, 2 policy (date of service), 3 clinical (date of service)
  std::string rationale;
  std::uint64_t key = 0;  // code_key(code), as RvuRow::key
};

struct NcciRow {
  std::string column1;
  std::string column2;
  DateKey effective = 0;          // 0: not known (older extracts lack it)
  DateKey deleted = 0;            // 0: still active
  char modifier_indicator = '1';  // '0' never bypassed, '1' bypassed by 59/X when distinct, '9' not applicable
  std::string rationale;
  std::uint64_t key1 = 0, key2 = 0;  // code_key of each column, as RvuRow::key
};

enum class ThresholdKind { Kx, MedicalReview };
struct ThresholdRow {
  ThresholdKind kind = ThresholdKind::Kx;
  Cents amount = 0;  // per beneficiary per calendar year, per bucket (PT+SLP, OT)
};

// A code on the Medicare telehealth list, with the evidence for it.
struct TelehealthCodeRow {
  std::string code;
  std::string evidence;
  std::uint64_t key = 0;  // code_key(code), as RvuRow::key
};

// A span of dates in which PTs, OTs and SLPs may furnish Medicare telehealth, with the law behind it.
struct TelehealthPeriodRow {
  DateKey from = 0;
  DateKey through = 0;
  std::string authority;
};

template <class Row>
struct Table {
  Release release;
  std::vector<Row> rows;
};

// A set of tables: one data pack, or everything an engine knows (built-in packs, then the user's).
struct TableSet {
  std::vector<Table<RvuRow>> rvu;
  std::vector<Table<ConversionFactorRow>> conversion_factor;
  std::vector<Table<GpciRow>> gpci;
  std::vector<Table<LocalityRow>> locality;
  std::vector<Table<MueRow>> mue;
  std::vector<Table<NcciRow>> ncci;
  std::vector<Table<ThresholdRow>> threshold;
  std::vector<Table<TelehealthCodeRow>> telehealth_code;
  std::vector<Table<TelehealthPeriodRow>> telehealth_period;
};

// One source file a pack was made from, as its manifest records it.
struct PackSource {
  std::string file;
  std::string recognised_as;  // "pprrvu-csv", "pprrvu-txt", "gpci-csv", "locco-csv", "mue-csv", "ncci-ptp-txt"
  std::size_t bytes = 0;
  std::string sha256;
};

struct Pack {
  std::string name;
  std::string created_by;
  std::vector<PackSource> sources;
  TableSet tables;
};

// A file of a pack: its name inside the pack folder and its whole text.
struct PackFile {
  std::string name;
  std::string text;
};

// A problem with a data pack or a CMS file: which file, which line (0: the file as a whole), what.
struct DataError {
  std::string file;
  std::size_t line = 0;
  std::string message;
};
std::string to_string(const DataError& e);  // "rvu.csv line 12: work must be a number"

// The pack format (docs/data.md): manifest.json plus one CSV per table, each checked against the
// manifest's sha256. write_pack and read_pack are inverses.
std::vector<PackFile> write_pack(const Pack& pack);
using PackRead = Checked<Pack, DataError>;
PackRead read_pack(const std::vector<PackFile>& files);

}  // namespace unitwise

namespace unitwise {

// The release of one kind in force on a date: the latest effective on or before it (on equal dates the
// one loaded last). `nearest`: none covers the date (before the first release, or a yearly table of
// another year), so the closest was taken and the result says so.
template <class Row>
struct InForce {
  const Table<Row>* table = nullptr;
  bool nearest = false;
};

template <class Row>
InForce<Row> in_force(const std::vector<Table<Row>>& tables, DateKey date) {
  InForce<Row> out;
  for (const auto& t : tables) {  // ordered by effective date, then load order
    if (t.release.effective <= date) out.table = &t;
  }
  if (out.table == nullptr) {
    if (!tables.empty()) out = {&tables.front(), true};
    return out;
  }
  out.nearest = out.table->release.year != 0 && out.table->release.year != year_of(date);
  return out;
}

class ReferenceData;
using LoadedData = Checked<ReferenceData, DataError>;

// What an engine knows: the built-in packs, then the packs a user adds. Immutable once made.
class ReferenceData {
 public:
  static const ReferenceData& builtin();

  // `base` with `packs` layered on top, in order; no data and the errors when a pack is bad.
  static LoadedData with_packs(const ReferenceData& base, const std::vector<std::vector<PackFile>>& packs);

  const TableSet& tables() const { return tables_; }
  const std::vector<std::string>& packs() const { return packs_; }  // pack names, in load order

 private:
  void add(Pack pack);
  TableSet tables_;
  std::vector<std::string> packs_;
};

// Row look-ups; rows are sorted when a pack is added.
const RvuRow* find_rvu(const Table<RvuRow>& table, std::string_view code);
const MueRow* find_mue(const Table<MueRow>& table, std::string_view code);
const GpciRow* find_gpci(const Table<GpciRow>& table, std::string_view id);
const TelehealthCodeRow* find_telehealth_code(const Table<TelehealthCodeRow>& table, std::string_view code);
// Every record of the pair (column 1, column 2), in table order.
// The rows of one code pair (a table may hold the pair's older versions), in table order: a view into the table.
struct NcciRows {
  const NcciRow* first = nullptr;
  const NcciRow* last = nullptr;
  const NcciRow* begin() const { return first; }
  const NcciRow* end() const { return last; }
};
NcciRows find_ncci(const Table<NcciRow>& table, std::string_view column1, std::string_view column2);
// The rows whose column one is this code (all its pairs), and among those the rows of one column-two code:
// one search per code of a visit instead of one per pair.
NcciRows find_ncci_column1(const Table<NcciRow>& table, std::string_view column1);
NcciRows find_ncci(NcciRows column1_rows, std::string_view column2);

// The conversion factor for a date: the non-QP factor in force; for a qualifying APM participant the QP
// factor of the same year when one is published (before CY2026 there was one factor for everyone).
struct ConversionFactorInForce {
  std::int64_t value = 0;  // dollars x 10000
  const Release* release = nullptr;
  bool nearest = false;
};
std::optional<ConversionFactorInForce> conversion_factor(const TableSet& tables, DateKey date, bool qualifying_apm);

// A yearly therapy threshold (KX, medical review) in force on a date.
struct ThresholdInForce {
  Cents amount = 0;
  const Release* release = nullptr;
  bool nearest = false;
};
std::optional<ThresholdInForce> threshold(const TableSet& tables, DateKey date, ThresholdKind kind);

}  // namespace unitwise
