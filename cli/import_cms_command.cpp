#include "import_cms_command.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

#include "file_io.h"
#include "unitwise/cms_import.h"
#include "unitwise/data_limits.h"
#include "zip_reader.h"

namespace unitwise::cli {
namespace {

constexpr const char* kUsage =
    "usage: unitwise import-cms --out DIR [--effective YYYY-MM-DD] [--quiet] FILE...\n"
    "  FILE: CMS PPRRVU (csv or txt), GPCI csv, LOCCO csv, practitioner MUE csv or NCCI practitioner PTP txt,\n"
    "  recognised by content, or a zip CMS publishes them in (the files it does not know are skipped and listed).\n"
    "  --effective sets the date from which every table of the pack is in force.\n";

int usage(const std::string& why) {
  std::fprintf(stderr, "unitwise import-cms: %s\n%s", why.c_str(), kUsage);
  return 2;
}

}  // namespace

int import_cms_command(int argc, char** argv) {
  std::string out;
  ImportOptions options;
  options.created_by = "unitwise import-cms " UNITWISE_VERSION;
  bool quiet = false;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--out" && i + 1 < argc) {
      out = argv[++i];
    } else if (arg == "--effective" && i + 1 < argc) {
      options.effective = parse_iso_date(argv[++i]);
      if (!options.effective)
        return usage(std::string("--effective must be a date written YYYY-MM-DD, not ") + argv[i]);
    } else if (arg == "--quiet") {
      quiet = true;
    } else if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (!arg.empty() && arg[0] == '-') {
      return usage("unknown option " + std::string(arg));
    } else {
      paths.emplace_back(arg);
    }
  }
  if (out.empty()) return usage("--out DIR is required");
  if (paths.empty()) return usage("no CMS file given");

  std::vector<CmsFile> files;
  std::size_t budget = kMaxImportBytes;  // what all files and zip members together may still take
  for (const std::string& path : paths) {
    std::string error;
    auto bytes = read_file(path, std::min(kMaxSourceBytes, budget), error);
    if (!bytes) {
      std::fprintf(stderr, "unitwise import-cms: cannot read %s: %s\n", path.c_str(), error.c_str());
      return 2;
    }
    budget -= bytes->size();
    const std::string name = std::filesystem::path(path).filename().string();
    if (!is_zip(*bytes)) {
      files.push_back({name, std::move(*bytes), ""});
      continue;
    }
    ZipRead zip = read_zip(name, *bytes, budget);
    if (!zip.error.empty()) {
      std::fprintf(stderr, "unitwise import-cms: %s: %s\n", path.c_str(), zip.error.c_str());
      return 1;
    }
    for (CmsFile& member : zip.members) files.push_back(std::move(member));
  }
  const ImportResult result = import_cms(files, options);
  for (const DataError& e : result.errors) std::fprintf(stderr, "unitwise import-cms: %s\n", to_string(e).c_str());
  if (!result.value) return 1;

  std::error_code ec;
  std::filesystem::create_directories(out, ec);
  if (ec) {
    std::fprintf(stderr, "unitwise import-cms: cannot create %s: %s\n", out.c_str(), ec.message().c_str());
    return 2;
  }
  for (const PackFile& f : write_pack(*result.value)) {
    std::string error;
    const std::string path = (std::filesystem::path(out) / f.name).string();
    if (!write_file(path, f.text, error)) {
      std::fprintf(stderr, "unitwise import-cms: cannot write %s: %s\n", path.c_str(), error.c_str());
      return 2;
    }
  }
  if (!quiet) {
    for (const std::string& skipped : result.skipped) std::fprintf(stderr, "skipped %s\n", skipped.c_str());
    for (const std::string& note : result.notes) std::fprintf(stderr, "%s\n", note.c_str());
    std::fprintf(stderr, "wrote the data pack \"%s\" to %s\n", result.value->name.c_str(), out.c_str());
  }
  return 0;
}

}  // namespace unitwise::cli
