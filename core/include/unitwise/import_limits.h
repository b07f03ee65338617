// How much import-cms reads: the caps on CMS's files and zips. The CLI checks them before and while reading,
// so an endless file (/dev/zero) or a zip bomb is refused without filling memory (docs/data.md, "Limits").
#pragma once

#include <cstddef>

namespace unitwise {

// One CMS file, loose or inflated from a zip. The largest CMS file import-cms reads is an NCCI practitioner PTP
// part (tens of MB); a PPRRVU csv is 2.6 MB, an MUE csv 0.9 MB.
inline constexpr std::size_t kMaxSourceBytes = 64u << 20;
// Everything one import reads, loose files and every zip member together: four PTP parts fit.
inline constexpr std::size_t kMaxImportBytes = 256u << 20;
// Members of one zip: CMS's zips hold about twenty.
inline constexpr std::size_t kMaxZipEntries = 1000;

}  // namespace unitwise
