// unitwise command line: evaluate one visit, or a JSON Lines batch, with the core engine.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "csv_batch.h"
#include "unitwise/unitwise.h"

namespace {

constexpr std::size_t kMaxLineBytes = 4u << 20;  // same bound as the engine's visit limit

constexpr const char* kUsage =
    "usage: unitwise evaluate [FILE|-]        evaluate one visit (JSON) and print the result\n"
    "       unitwise evaluate --batch [FILE|-] one visit per line in, one result per line out\n"
    "       unitwise evaluate --csv [FILE|-]   service rows as CSV in, claim lines as CSV out (docs/batch.md)\n"
    "       unitwise catalogue                 the codes unitwise knows, as JSON\n"
    "       unitwise localities YEAR           the Medicare payment localities of YEAR, as JSON\n"
    "       unitwise version                   engine and reference-data versions, as JSON\n"
    "exit status: 0 all visits valid, 1 a visit was invalid, 2 usage or I/O error\n";

int usage_error(const char* why) {
  std::fprintf(stderr, "unitwise: %s\n%s", why, kUsage);
  return 2;
}

std::FILE* open_input(const char* path) {
  if (path == nullptr || std::strcmp(path, "-") == 0) return stdin;
  return std::fopen(path, "rb");
}

bool is_ok(const std::string& result) { return result.compare(0, 10, "{\"ok\":true") == 0; }

int evaluate_one(std::FILE* in) {
  std::string text;
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, in)) > 0) {
    // Past the limit the engine only needs to see that it is too big; stop holding more.
    if (text.size() <= kMaxLineBytes) text.append(buffer, n);
  }
  const std::string result = unitwise::evaluate_json(text);
  std::fwrite(result.data(), 1, result.size(), stdout);
  std::fputc('\n', stdout);
  return is_ok(result) ? 0 : 1;
}

// Reads lines with a bounded buffer: an over-long line is cut at the limit (the engine then
// reports it too large) and the rest of it is skipped, so memory stays constant.
int evaluate_batch(std::FILE* in) {
  static char out_buffer[1 << 16];
  std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
  int status = 0;
  std::string line;
  bool overflow = false;
  auto flush_line = [&] {
    if (line.empty() && !overflow) return;  // blank lines are not visits
    const std::string result = unitwise::evaluate_json(line);
    std::fwrite(result.data(), 1, result.size(), stdout);
    std::fputc('\n', stdout);
    if (!is_ok(result)) status = 1;
    line.clear();
    overflow = false;
  };
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, in)) > 0) {
    std::string_view chunk(buffer, n);
    while (!chunk.empty()) {
      const std::size_t nl = chunk.find('\n');
      const std::string_view part = chunk.substr(0, nl);
      if (line.size() + part.size() <= kMaxLineBytes + 1) {
        line.append(part);
      } else {
        line.append(part.substr(0, kMaxLineBytes + 1 - line.size()));
        overflow = true;
      }
      if (nl == std::string_view::npos) break;
      flush_line();
      chunk.remove_prefix(nl + 1);
    }
  }
  flush_line();
  if (line.capacity() > kMaxLineBytes) line.shrink_to_fit();
  return status;
}

void print(const std::string& s) {
  std::fwrite(s.data(), 1, s.size(), stdout);
  std::fputc('\n', stdout);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage_error("missing command");
  const std::string_view command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (command == "version" && argc == 2) {
    print(unitwise::data_versions_json());
    return 0;
  }
  if (command == "catalogue" && argc == 2) {
    print(unitwise::catalogue_json());
    return 0;
  }
  if (command == "localities" && argc == 3) {
    print(unitwise::localities_json(std::atoi(argv[2])));
    return 0;
  }
  if (command != "evaluate") return usage_error("unknown command");

  for (int i = 2; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--csv") return unitwise_cli::evaluate_csv_command(argc - 2, argv + 2);
  }
  bool batch = false;
  const char* path = nullptr;
  for (int i = 2; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--batch") batch = true;
    else if (path == nullptr && (arg == "-" || arg.substr(0, 1) != "-")) path = argv[i];
    else return usage_error("unexpected argument");
  }
  std::FILE* in = open_input(path);
  if (in == nullptr) {
    std::fprintf(stderr, "unitwise: cannot read %s: %s\n", path, std::strerror(errno));
    return 2;
  }
  const int status = batch ? evaluate_batch(in) : evaluate_one(in);
  if (in != stdin) std::fclose(in);
  std::fflush(stdout);
  return status;
}
