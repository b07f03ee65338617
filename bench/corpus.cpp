#include "corpus.h"

#include <fstream>
#include <random>

namespace unitwise::bench {

std::vector<std::string> make_corpus(int count) {
  const char* timed[] = {"97110", "97112", "97116", "97140", "97530", "97535", "97035"};
  const char* untimed[] = {"97161", "97150", "G0283", "92526"};
  const char* localities[] = {"national", "13202-01", "01112-05", "04412-99"};
  std::mt19937 rng(7);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    std::string v = std::string("{\"ruleSet\":\"") + (pick(0, 4) ? "cms" : "per_code") +
                    "\",\"dateOfService\":\"2026-0" + std::to_string(pick(1, 9)) + "-1" + std::to_string(pick(0, 9)) +
                    "\",\"discipline\":\"PT\",\"locality\":\"" + localities[pick(0, 3)] +
                    "\",\"ytdAllowed\":{\"PT_SLP\":" + std::to_string(pick(0, 2600)) + ",\"OT\":0},\"services\":[";
    const int n = pick(2, 4);
    for (int k = 0; k < n; ++k) {
      if (k) v += ",";
      if (pick(0, 5) == 0) {
        v += std::string("{\"code\":\"") + untimed[pick(0, 3)] + "\"}";
      } else {
        const int minutes = pick(5, 45);
        v += std::string("{\"code\":\"") + timed[(k + pick(0, 6)) % 7] + "\",\"minutes\":" + std::to_string(minutes);
        if (pick(0, 3) == 0) v += ",\"assistantMinutes\":" + std::to_string(pick(0, minutes));
        v += "}";
      }
    }
    out.push_back(v + "]}");
  }
  return out;
}

std::vector<std::string> read_corpus(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace unitwise::bench
