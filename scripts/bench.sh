#!/usr/bin/env bash
# Runs the benchmarks of BUILD_DIR (default build) and prints their figures.
set -euo pipefail
build=${1:-build}
for b in deadline_bench ingest_bench store_bench search_bench report_bench; do
  echo "== $b"
  "$build/bench/$b" --benchmark_min_time=0.5 --benchmark_counters_tabular=true
done
