// The importer of CMS's own files: it recognises each file by its content, keeps the rows of the codes
// in unitwise's catalogue, and returns a data pack (unitwise/reference.h) to write with write_pack().
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "unitwise/reference.h"

namespace unitwise {

struct CmsFile {
  std::string name;   // the file's base name (a zip member's name in the zip): some CMS files say their date only there
  std::string bytes;  // the whole file
  std::string archive;  // the zip's name when the file came out of one; empty when given directly
};

struct ImportOptions {
  std::optional<DateKey> effective;  // overrides the effective date read from each file
  std::string created_by;            // e.g. "unitwise import-cms 0.2.0"
};

// The pack (value) or the errors, and what the importer says about each file either way.
struct ImportResult : Checked<Pack, DataError> {
  std::vector<std::string> notes;  // one line per file: what it was recognised as, its rows and release
  // The zip members left out, one "zip: entry (why)" each: CMS's zips also hold PDFs, spreadsheets and files of
  // other programs. A file given directly (archive empty) that is not a CMS file is an error instead.
  std::vector<std::string> skipped;
};

// Recognised: PPRRVU (csv and fixed-width txt), GPCI csv (Addendum E), LOCCO csv, practitioner MUE csv,
// NCCI practitioner PTP txt (tab-delimited). Members of a zip (CmsFile::archive) that are none of these are
// skipped and listed; a zip none of whose members is one of these is an error naming its members.
ImportResult import_cms(const std::vector<CmsFile>& files, const ImportOptions& options);

// The same as JSON, for JavaScript: {"ok":true,"name":…,"files":{"manifest.json":…,…},"errors":[],"notes":[…],
// "skipped":[…]} or {"ok":false,"errors":[{"file":…,"line":…,"message":…}],"notes":[…],"skipped":[…]}.
std::string import_cms_json(const std::vector<CmsFile>& files, const ImportOptions& options);

}  // namespace unitwise
