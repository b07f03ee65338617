// The benchmark corpus: mixed visits as JSON lines, made from a fixed seed so every run measures the
// same work (native, JSON and wasm benches read the same file).
#pragma once

#include <string>
#include <vector>

namespace unitwise::bench {

std::vector<std::string> make_corpus(int count);
// Plan-of-care episodes as JSON (docs/episodes.md): each one patient's 10 to 14 visits (1 to 5 days apart), with
// the visit corpus's services, in the latest fee-schedule year of the built-in data.
std::vector<std::string> episode_corpus(int count, unsigned seed);
std::vector<std::string> read_corpus(const std::string& path);

}  // namespace unitwise::bench
