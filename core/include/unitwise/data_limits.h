// The limits on reference data, in one place: import-cms checks what it writes against the same numbers the
// pack reader refuses beyond, so it never writes a pack the engine then refuses (docs/data.md, "Limits").
#pragma once

#include <cstddef>
#include <cstdint>

namespace unitwise {

// ---- Reading CMS's files (import-cms). Checked before and while reading, so an endless file (/dev/zero) or a zip
// bomb is refused without filling memory.
// One CMS file, loose or inflated from a zip. The largest CMS file import-cms reads is an NCCI practitioner PTP
// part (tens of MB); a PPRRVU csv is 2.6 MB, a PPRRVU txt 3.3 MB, an MUE csv 0.9 MB.
inline constexpr std::size_t kMaxSourceBytes = 64u << 20;
// Everything one import reads, loose files and every zip member together: four PTP parts fit.
inline constexpr std::size_t kMaxImportBytes = 256u << 20;
// Members of one zip: CMS's zips hold about twenty.
inline constexpr std::size_t kMaxZipEntries = 1000;

// ---- A data pack (written by import-cms, read by the engine).
inline constexpr std::size_t kMaxPackBytes = 64u << 20;  // manifest and the tables it lists, together
inline constexpr std::size_t kMaxTableRows = 200000;     // far above any CMS table filtered to therapy codes
inline constexpr std::size_t kMaxPackTables = 1000;
inline constexpr std::size_t kMaxNameChars = 200;              // release and pack names, GPCI names, areas, rationales
inline constexpr std::size_t kMaxGpciStateChars = 2;           // the GPCI file's state: AL, AK, ...
inline constexpr std::size_t kMaxLocalityStateChars = 40;      // LOCCO's state: "DISTRICT OF COLUMBIA", "HAWAII/GUAM"
inline constexpr std::size_t kMaxCountiesChars = 4000;         // LOCCO's county list of one locality
inline constexpr std::size_t kMaxEvidenceChars = 400;          // telehealth evidence and authority
inline constexpr std::int64_t kMaxRvu = 999999;                // x100: 9,999.99 RVUs
inline constexpr std::int64_t kMaxGpci = 9999;                 // x1000: 9.999
inline constexpr std::int64_t kMaxConversionFactor = 9999999;  // x10000: $999.9999
inline constexpr std::int64_t kMaxMueValue = 100000;
inline constexpr std::int64_t kMaxMultProc = 9;

}  // namespace unitwise
