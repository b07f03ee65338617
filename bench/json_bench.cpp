// The JSON entry point: visit string in, full result string out (trace and checklist included).
#include <benchmark/benchmark.h>

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

}  // namespace

BENCHMARK_MAIN();
