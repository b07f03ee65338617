// Any bytes as a zip given to `unitwise import-cms`: the CLI's zip reader (libzip) and then the importer on its
// members must never crash, hang, leak or read past the caps (ASan/UBSan/libFuzzer watch). Checked besides: a
// zip is refused with a reason or read within the budget, and what it yields stays within the per-file cap.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "unitwise/cms_import.h"
#include "unitwise/data_limits.h"
#include "zip_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  if (!unitwise::cli::is_zip(bytes)) return 0;
  std::size_t budget = unitwise::kMaxImportBytes;
  const unitwise::cli::ZipRead zip = unitwise::cli::read_zip("fuzz.zip", bytes, budget);
  if (!zip.error.empty()) {
    if (!zip.members.empty()) std::abort();  // refused as a whole: nothing half read
    return 0;
  }
  std::size_t taken = 0;
  for (const unitwise::CmsFile& member : zip.members) {
    if (member.bytes.size() > unitwise::kMaxSourceBytes || member.archive != "fuzz.zip") std::abort();
    taken += member.bytes.size();
  }
  if (taken + budget != unitwise::kMaxImportBytes) std::abort();  // the budget counts exactly what was read
  unitwise::import_cms(zip.members, {});
  return 0;
}
