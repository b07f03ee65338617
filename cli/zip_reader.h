// Reading the zips CMS publishes (the quarterly RVU zip, the MUE and NCCI PTP zips) with libzip, in memory,
// within import-cms's caps (unitwise/data_limits.h). Nothing is ever written from a zip: its members only
// become CmsFiles for the importer, which picks the ones it knows.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "unitwise/cms_import.h"

namespace unitwise::cli {

// A zip by its first bytes (a local file header "PK\3\4", or "PK\5\6" for a zip of nothing), not by its name.
bool is_zip(std::string_view bytes);

struct ZipRead {
  std::vector<CmsFile> members;  // each file of the zip, with CmsFile::archive set to the zip's name
  std::string error;             // why the zip was refused as a whole; empty when it was read
};

// The files of the zip `bytes`, named `zip_name` in messages. `budget` is what the import may still read in
// all (kMaxImportBytes less what was read before); it is reduced by what the members take. Folders are left
// out. Refused as a whole, naming the entry: a damaged or truncated zip, an encrypted member, a member whose
// name is absolute or climbs out with "..", one that declares or inflates past kMaxSourceBytes, more than
// kMaxZipEntries members, or members past the budget.
ZipRead read_zip(const std::string& zip_name, const std::string& bytes, std::size_t& budget);

}  // namespace unitwise::cli
