// One main for every benchmark program: goals_bench links the rules and JSON benchmarks together, so the
// ratios the goals are set in come from one process with their repetitions interleaved (scripts/bench).
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
