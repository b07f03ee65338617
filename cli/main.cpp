// unitwise command line: evaluate visits, import CMS files into data packs, list the data.
#include <algorithm>
#include <cerrno>
#include <optional>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "csv/evaluate_csv.h"
#include "episode_command.h"
#include "evaluate_command.h"
#include "file_io.h"
#include "import_cms_command.h"
#include "unitwise/unitwise.h"

namespace {

constexpr const char* kUsage =
    "usage: unitwise evaluate [--data DIR]... [FILE|-]          evaluate one visit (JSON) and print the result\n"
    "       unitwise evaluate [--data DIR]... --batch [FILE|-]  one visit per line in, one result per line out\n"
    "       unitwise evaluate [--data DIR]... --fhir [FILE|-]   one visit in, its FHIR R4 Claim out (docs/fhir.md)\n"
    "       unitwise evaluate [--data DIR]... --csv [FILE|-] [--max-open-visits N] [--date-order mdy|dmy]\n"
    "                         [--clinician-days FILE [--shift-hours H]]\n"
    "                                       service rows as CSV in, claim lines as CSV out (docs/batch.md)\n"
    "       unitwise episode [--data DIR]... [FILE|-]   one plan of care's visits in date order (docs/episodes.md)\n"
    "       unitwise import-cms --out DIR [--effective YYYY-MM-DD] FILE...\n"
    "                                       turn CMS files (PPRRVU, GPCI, LOCCO, MUE, NCCI PTP) into a data pack\n"
    "       unitwise catalogue                 the codes unitwise knows, as JSON\n"
    "       unitwise localities [--data DIR]... YYYY-MM-DD|YYYY [PLACE]\n"
    "                                          the Medicare payment localities in force on a date (a year: its\n"
    "                                          1 July), with their counties, as JSON; with a PLACE (\"Miami, FL\"),\n"
    "                                          only the localities it may mean\n"
    "       unitwise version [--data DIR]...   engine version and the data releases it holds, as JSON\n"
    "--data DIR adds a data pack (made by import-cms): from its effective dates on, its tables win.\n"
    "exit status: 0 all visits valid, 1 a visit (or a CMS file) was invalid, 2 usage, data pack or I/O error\n";

int usage_error(const std::string& why) {
  std::fprintf(stderr, "unitwise: %s\n%s", why.c_str(), kUsage);
  return 2;
}

// Output that did not reach its destination (a full disk, a closed pipe) is an I/O error, never success.
int finish(int status) {
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::fprintf(stderr, "unitwise: cannot write the output: %s\n", std::strerror(errno));
    return 2;
  }
  return status;
}

int print(const std::string& s) {
  std::fwrite(s.data(), 1, s.size(), stdout);
  std::fputc('\n', stdout);
  return finish(0);
}

struct Options {
  std::vector<std::string> data;
  std::vector<std::string> positional;
  bool batch = false;
  bool fhir = false;  // evaluate --fhir: the FHIR R4 Claim instead of the result (issue 30)
};

// --data DIR (repeatable), --batch, then positional arguments; anything else is a usage error.
bool parse_options(int argc, char** argv, bool allow_batch, Options& o, std::string& error) {
  for (int i = 2; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--data") {
      if (i + 1 >= argc) {
        error = "--data needs a folder";
        return false;
      }
      o.data.emplace_back(argv[++i]);
    } else if (arg == "--batch" && allow_batch) {
      o.batch = true;
    } else if (arg == "--fhir" && allow_batch) {
      o.fhir = true;
    } else if (arg == "-" || arg.substr(0, 1) != "-") {
      o.positional.emplace_back(arg);
    } else {
      error = "unexpected argument " + std::string(arg);
      return false;
    }
  }
  return true;
}

// The built-in data with the --data packs on top; nullopt (after saying why) when a pack is bad.
std::optional<unitwise::ReferenceData> load_data(const std::vector<std::string>& dirs) {
  std::vector<std::vector<unitwise::PackFile>> packs;
  for (const std::string& dir : dirs) {
    std::string error;
    auto files = unitwise::cli::read_pack_folder(dir, error);
    if (!files) {
      std::fprintf(stderr, "unitwise: cannot read the data pack %s: %s\n", dir.c_str(), error.c_str());
      return std::nullopt;
    }
    packs.push_back(std::move(*files));
  }
  auto loaded = unitwise::ReferenceData::with_packs(unitwise::ReferenceData::builtin(), packs);
  for (const auto& e : loaded.errors) std::fprintf(stderr, "unitwise: data pack: %s\n", unitwise::to_string(e).c_str());
  return std::move(loaded.value);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage_error("missing command");
  const std::string_view command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    std::fputs(kUsage, stdout);
    return finish(0);
  }
  if (command == "import-cms") return finish(unitwise::cli::import_cms_command(argc - 1, argv + 1));
  if (command == "catalogue" && argc == 2) return print(unitwise::catalogue_json());
  if (command != "evaluate" && command != "localities" && command != "version" && command != "episode")
    return usage_error("unknown command");

  // --csv has options of its own (docs/batch.md); --data is shared, so it is taken out here.
  if (command == "evaluate" &&
      std::any_of(argv + 2, argv + argc, [](const char* a) { return std::strcmp(a, "--csv") == 0; })) {
    std::vector<std::string> dirs;
    std::vector<char*> rest;
    for (int i = 2; i < argc; ++i) {
      if (std::strcmp(argv[i], "--data") != 0) rest.push_back(argv[i]);
      else if (i + 1 < argc) dirs.emplace_back(argv[++i]);
      else return usage_error("--data needs a folder");
    }
    const auto data = load_data(dirs);
    if (!data) return 2;
    return finish(unitwise_cli::evaluate_csv_command(static_cast<int>(rest.size()), rest.data(), *data));
  }

  Options o;
  std::string error;
  if (!parse_options(argc, argv, command == "evaluate", o, error)) return usage_error(error);
  const auto data = load_data(o.data);
  if (!data) return 2;
  if (command == "version") {
    if (!o.positional.empty()) return usage_error("version takes no argument");
    return print(unitwise::data_versions_json(*data));
  }
  if (command == "episode") return finish(unitwise::cli::episode_command(o.positional, *data));
  if (command == "localities") {
    if (o.positional.empty() || o.positional.size() > 2) {
      return usage_error("localities needs one date written YYYY-MM-DD (or a year), then optionally a place");
    }
    // A bare year (the 0.1 form) means the tables in force on its 1 July, as the package's localities(year).
    std::string date = o.positional[0];
    if (date.size() == 4 && std::all_of(date.begin(), date.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      date += "-07-01";
    }
    if (!unitwise::parse_iso_date(date)) return usage_error("localities needs one date written YYYY-MM-DD (or a year)");
    // A place ("Miami, FL", "Travis County, TX") lists only the localities it may mean, as findLocality does.
    if (o.positional.size() == 2) return print(unitwise::find_localities_json(o.positional[1], date, *data));
    return print(unitwise::localities_json(date, *data));
  }
  if (o.positional.size() > 1) return usage_error("evaluate reads one file (or - for standard input)");
  if (o.fhir && o.batch) return usage_error("--fhir takes one visit, not --batch");
  const char* path = o.positional.empty() ? "-" : o.positional[0].c_str();
  std::FILE* in = std::strcmp(path, "-") == 0 ? stdin : std::fopen(path, "rb");
  if (in == nullptr) {
    std::fprintf(stderr, "unitwise: cannot read %s: %s\n", path, std::strerror(errno));
    return 2;
  }
  const int status =
      o.batch ? unitwise::cli::evaluate_batch(in, *data) : unitwise::cli::evaluate_one(in, *data, o.fhir);
  const bool read_failed = std::ferror(in) != 0;
  if (in != stdin) std::fclose(in);
  if (read_failed) {
    std::fprintf(stderr, "unitwise: cannot read %s: read error\n", path);
    return 2;
  }
  return finish(status);
}
