// The benchmark corpus: mixed visits as JSON lines, made from a fixed seed so every run measures the
// same work (native, JSON and wasm benches read the same file).
#pragma once

#include <string>
#include <vector>

namespace unitwise::bench {

std::vector<std::string> make_corpus(int count);
std::vector<std::string> read_corpus(const std::string& path);

}  // namespace unitwise::bench
