// What the data pack's writer and reader share (docs/data.md): the format's name and version, each table kind's
// CSV header, and the reading of one table file.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "unitwise/reference.h"

namespace unitwise::pack {

inline constexpr const char* kFormat = "unitwise-data-pack";
inline constexpr int kFormatVersion = 1;
inline constexpr std::size_t kMaxErrors = 20;  // enough to fix a file; bounds the report

// The header of each table kind's CSV, in order. One source of truth for writer and reader.
const char* header(TableKind kind);

inline std::string date_or_blank(DateKey d) { return d == 0 ? "" : iso_date(d); }

// Reads one table file of `release.kind` into `set`, or reports its errors; the number of rows read.
std::size_t read_table_of_kind(const PackFile& file, Release release, TableSet& set, std::vector<DataError>& errors);

}  // namespace unitwise::pack
