#!/usr/bin/env bash
# Badge sheet rendering: time and heap for 30, 1,000 and 5,000 badges, labels and cards, in one JVM (no server).
#
#   tools/bench-printing.sh [--sizes 30,1000,5000] [--paper letter|a4] [--warmup 5] [--runs N] [--heap 64m]
#
# Builds the renderer and the benchmark, then runs them in a JVM with a small fixed heap (default 64 MiB): garbage is
# collected often, so the heap left after each collection shows what a render really keeps, and a render that kept
# its badges or its PDF in memory would run out. Prints median and p95 time per size, the PDF's size and the heap.
set -euo pipefail
cd "$(dirname "$0")/.."
heap=64m
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --heap) heap="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
mvn -B -q -DskipTests -pl benchmarks -am package
jar=$(ls benchmarks/target/k12id-benchmarks-*.jar | head -n 1)
exec java -Xms"$heap" -Xmx"$heap" -cp "$jar:benchmarks/target/lib/*" org.k12id.benchmarks.printing.SheetBenchmark "${args[@]}"
