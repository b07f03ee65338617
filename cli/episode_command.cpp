#include "episode_command.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "unitwise/episode.h"

namespace unitwise::cli {

int episode_command(const std::vector<std::string>& positional, const ReferenceData& data) {
  if (positional.size() > 1) {
    std::fprintf(stderr, "unitwise: episode reads one file (or - for standard input)\n");
    return 2;
  }
  const char* path = positional.empty() ? "-" : positional[0].c_str();
  std::FILE* in = std::strcmp(path, "-") == 0 ? stdin : std::fopen(path, "rb");
  if (in == nullptr) {
    std::fprintf(stderr, "unitwise: cannot read %s: %s\n", path, std::strerror(errno));
    return 2;
  }
  std::string text;
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, in)) > 0) {
    // Past the limit the engine only needs to see that it is too big; stop holding more.
    if (text.size() <= kMaxEpisodeBytes) text.append(buffer, n);
  }
  const bool read_failed = std::ferror(in) != 0;
  if (in != stdin) std::fclose(in);
  if (read_failed) {
    std::fprintf(stderr, "unitwise: cannot read %s: read error\n", path);
    return 2;
  }
  const std::string result = evaluate_episode_json(text, data);
  std::fwrite(result.data(), 1, result.size(), stdout);
  std::fputc('\n', stdout);
  return result.compare(0, 10, "{\"ok\":true") == 0 ? 0 : 1;
}

}  // namespace unitwise::cli
