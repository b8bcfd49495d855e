// Micro-benchmarks of the text functions every person write and search calls.
#include <benchmark/benchmark.h>

#include "core/text.hpp"

static void BM_Fold(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(tdkt::text::fold("Nguyễn Thị Thu Hương"));
}
BENCHMARK(BM_Fold);

static void BM_NameSortKey(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(tdkt::text::name_sort_key("Hương", "Thị Thu", "Nguyễn"));
}
BENCHMARK(BM_NameSortKey);

BENCHMARK_MAIN();
