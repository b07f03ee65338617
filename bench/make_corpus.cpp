// Writes the shared benchmark corpus: make_corpus FILE [COUNT] [episodes]
// (with "episodes": COUNT plans of care, one per line, as BM_EpisodeJson measures them)
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "corpus.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: make_corpus FILE [COUNT] [episodes]\n");
    return 2;
  }
  std::ofstream out(argv[1]);
  const int count = argc > 2 ? std::atoi(argv[2]) : 10000;
  const bool episodes = argc > 3 && std::string(argv[3]) == "episodes";
  for (const auto& line : episodes ? unitwise::bench::episode_corpus(count, 11) : unitwise::bench::make_corpus(count)) {
    out << line << '\n';
  }
  return 0;
}
