// CMS-shaped files written for the tests: the layouts of CMS's own files with made-up rows, so the import
// tests run without ../shared (whose files carry AMA descriptors and never enter the repository).
#pragma once

#include <string>

namespace unitwise::test {

// The NCCI practitioner PTP text layout: a copyright line and a header wrapped over five lines, tab-delimited.
inline const std::string kPtpHeader =
    "CPT only copyright 2026 American Medical Association.  All rights reserved.\t\t\t\t\t\t\n"
    "Column1/Column2 Edits\t\t\t\t\t\t\n"
    "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\n"
    "\t\tprior to 1996\tDate\tDate\t0=not allowed\t\n"
    "\t\t\t\t*=no data\t1=allowed\t\n"
    "\t\t\t\t\t9=not applicable\t\n";

}  // namespace unitwise::test
