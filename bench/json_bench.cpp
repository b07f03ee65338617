// The JSON entry point (visit string in, full result string out, trace and checklist included), and the naive
// path it is measured against: nlohmann's DOM parse of the visit plus a DOM dump of the same result.
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>

#include "corpus.h"
#include "unitwise/unitwise.h"

namespace {

void BM_EvaluateJson(benchmark::State& state) {
  const auto corpus = unitwise::bench::make_corpus(10000);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(unitwise::evaluate_json(corpus[i]));
    if (++i == corpus.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_EvaluateJson);

// The baseline of issue 16: no rules at all, only the JSON work a DOM library does for the same bytes.
void BM_NaiveDom(benchmark::State& state) {
  const auto corpus = unitwise::bench::make_corpus(10000);
  std::vector<nlohmann::json> results;
  for (const auto& visit : corpus) results.push_back(nlohmann::json::parse(unitwise::evaluate_json(visit)));
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(nlohmann::json::parse(corpus[i]));
    benchmark::DoNotOptimize(results[i].dump());
    if (++i == corpus.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_NaiveDom);

}  // namespace
