// One plan of care through the JSON entry point `unitwise episode` uses (evaluate_episode_json): episode text in,
// result text out, every visit's full result and the alerts included.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "corpus.h"
#include "unitwise/episode.h"

namespace {

struct Episodes {
  std::vector<std::string> texts;
  std::vector<std::int64_t> visits;  // each episode's visit count, for the visits/s counter
};

// Made and checked once per process (goals_bench repeats each benchmark): an episode the engine refuses would
// be timed on its error path, a few microseconds, and inflate the rate without anyone noticing.
const Episodes& checked_episodes() {
  static const Episodes episodes = [] {
    Episodes out;
    out.texts = unitwise::bench::episode_corpus(1000, 7);
    for (std::size_t i = 0; i < out.texts.size(); ++i) {
      const auto result = nlohmann::json::parse(unitwise::evaluate_episode_json(out.texts[i]));
      if (!result["ok"].get<bool>()) {
        std::fprintf(stderr, "episode corpus: episode %zu is invalid: %s\n%s\n", i, result["errors"].dump().c_str(),
                     out.texts[i].c_str());
        std::abort();
      }
      out.visits.push_back(static_cast<std::int64_t>(result["visits"].size()));
    }
    return out;
  }();
  return episodes;
}

void BM_EpisodeJson(benchmark::State& state) {
  const auto& corpus = checked_episodes();
  std::size_t i = 0;
  std::int64_t visits = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(unitwise::evaluate_episode_json(corpus.texts[i]));
    visits += corpus.visits[i];
    if (++i == corpus.texts.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["visits_per_second"] = benchmark::Counter(static_cast<double>(visits), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EpisodeJson);

}  // namespace
