// The CMS reference tables, generated at build time from core/data/*.csv (see core/data/README.md).
// Every number is fixed-point at the scale of its source file, so money stays exact.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace unitwise::ref {

template <class Row>
struct Table {
  const Row* rows;
  std::size_t count;
  const Row* begin() const { return rows; }
  const Row* end() const { return rows + count; }
  std::size_t size() const { return count; }
};

struct CodeRow {
  std::string_view code;
  std::string_view descriptor;  // our own words, not CPT text
  bool timed;                   // reported per 15 minutes (8-minute rule applies)
  std::string_view unit_basis;  // "each 15 min", "per session", "per evaluation", ...
};

struct RvuRow {
  std::string_view code;
  int year;
  int work;       // RVU x 100
  int pe_nonfac;  // RVU x 100
  int pe_fac;     // RVU x 100
  int mp;         // RVU x 100
  bool fac_pe_na; // CMS flags the facility PE "NA" (not priced in a facility)
  char status;    // 'A' active, 'B' bundled, 'I' not valid for Medicare, 'R' restricted
  int mult_proc;  // 5 = therapy MPPR applies to PE; 0 / 9 = not subject
};

struct ConversionFactorRow {
  int year;
  bool qualifying_apm;  // CY2026 has two CFs: QP and non-QP
  std::int64_t cf;      // dollars x 10000
};

struct GpciRow {
  int year;
  std::string_view mac;
  std::string_view state;
  std::string_view locality;
  std::string_view name;
  int work;  // GPCI x 1000 (work with the 1.0 floor)
  int pe;    // GPCI x 1000
  int mp;    // GPCI x 1000
};

struct NcciRow {
  std::string_view column1;
  std::string_view column2;
  char modifier_indicator;      // '0' not allowed, '1' allowed, '9' not applicable
  std::string_view deletion_date;  // "" while the edit is active
  std::string_view rationale;
};

struct MueRow {
  std::string_view code;
  int value;  // units per date of service
  int mai;    // MUE adjudication indicator (1 line, 2 policy DOS, 3 clinical DOS)
  std::string_view mai_meaning;
  std::string_view rationale;
};

Table<CodeRow> codes();
Table<RvuRow> rvus();
Table<ConversionFactorRow> conversionFactors();
Table<GpciRow> gpcis();
Table<NcciRow> ncciPairs();
Table<MueRow> mues();

// Which release each table is. One source of truth for the labels the result and the page show.
inline constexpr std::string_view kRvuRelease2026 = "CMS PFS RVU26C (July 2026)";
inline constexpr std::string_view kRvuRelease2025 = "CMS PFS RVU25D (October 2025)";
inline constexpr std::string_view kGpciRelease2026 = "CMS CY2026 Addendum E GPCIs";
inline constexpr std::string_view kGpciRelease2025 = "CMS CY2025 GPCIs (RVU25D), 10 localities";
inline constexpr std::string_view kNcciRelease = "Medicare NCCI PTP practitioner v301r0, effective 2024-07-01";
inline constexpr std::string_view kMueRelease = "Medicare NCCI MUE practitioner table, effective 2026-04-01";

}  // namespace unitwise::ref
