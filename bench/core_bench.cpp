// Rules only: pre-parsed visits in, Result structs out, no trace, no checklist, no JSON.
#include <benchmark/benchmark.h>

#include "corpus.h"
#include "unitwise/unitwise.h"
#include "json/visit_json.h"

namespace {

void BM_CoreRules(benchmark::State& state) {
  std::vector<unitwise::ValidVisit> visits;
  for (const auto& text : unitwise::bench::make_corpus(10000)) {
    auto parsed = unitwise::parse_visit(text, unitwise::ReferenceData::builtin());
    if (parsed.value) visits.push_back(std::move(*parsed.value));
  }
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(unitwise::evaluate(visits[i], unitwise::Explain{false, false}));
    if (++i == visits.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_CoreRules);

}  // namespace
