// Writes the shared benchmark corpus: make_corpus FILE [COUNT]
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "corpus.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: make_corpus FILE [COUNT]\n");
    return 2;
  }
  std::ofstream out(argv[1]);
  for (const auto& line : unitwise::bench::make_corpus(argc > 2 ? std::atoi(argv[2]) : 10000)) out << line << '\n';
  return 0;
}
