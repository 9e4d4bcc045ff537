#!/usr/bin/env bash
# Runs every libFuzzer target of BUILD_DIR for SECONDS each, starting from the
# committed corpus, and merges new coverage-increasing inputs back into it.
set -euo pipefail
build=${1:-build-fuzz}
seconds=${2:-60}
cd "$(dirname "$0")/.."
for bin in "$build"/fuzz/fuzz_*; do
  name=$(basename "$bin"); name=${name#fuzz_}
  corpus=fuzz/corpus/$name
  work=$(mktemp -d)
  echo "== $name: ${seconds}s" >&2
  "$bin" -max_total_time="$seconds" -max_len=200000 -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 "$work" "$corpus" 2>&1 | grep -E "stat::|ERROR|SUMMARY|Done" || true
  "$bin" -merge=1 "$corpus" "$work" >/dev/null 2>&1 || true
  rm -rf "$work"
done
