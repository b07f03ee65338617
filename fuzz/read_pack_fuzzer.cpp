// Any bytes as a data pack or a CMS file: read_pack and import_cms must never crash, hang or leak, and a
// pack that reads must write back to the same text (ASan/UBSan/libFuzzer watch the rest).
// The first byte picks the target: 0 the manifest (beside a fixed table), 1 to the number of table kinds a table
// of that kind (with a manifest whose sha256 matches, so the CSV reader is what gets fuzzed), above that a CMS file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/sha256.h"
#include "unitwise/cms_import.h"
#include "unitwise/reference.h"

namespace {

std::string manifest_for(const char* kind, const std::string& table) {
  return std::string(R"({"format":"unitwise-data-pack","formatVersion":1,"name":"fuzz","tables":[{"kind":")") + kind +
         R"(","file":"t.csv","name":"fuzz","effective":"2026-01-01","year":2026,"sha256":")" +
         unitwise::sha256_hex(table) + R"("}]})";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
  const unsigned pick = data[0];
  constexpr unsigned kKinds = sizeof unitwise::kTableKinds / sizeof unitwise::kTableKinds[0];
  if (pick > kKinds) {
    unitwise::import_cms({{"fuzz.csv", body, ""}}, {});
    return 0;
  }
  std::vector<unitwise::PackFile> files;
  if (pick == 0) {
    const std::string table = "kind,amount\nkx,2480.00\n";
    files = {{"manifest.json", body}, {"t.csv", table}};
  } else {
    const unitwise::TableKind kind = unitwise::kTableKinds[pick - 1];
    files = {{"manifest.json", manifest_for(unitwise::to_string(kind), body)}, {"t.csv", body}};
  }
  const unitwise::PackRead read = unitwise::read_pack(files);
  if (read.ok() == !read.errors.empty()) std::abort();
  if (read.value) {
    const auto written = unitwise::write_pack(*read.value);
    const unitwise::PackRead again = unitwise::read_pack(written);
    if (!again.value || unitwise::write_pack(*again.value)[1].text != written[1].text) std::abort();
  }
  return 0;
}
