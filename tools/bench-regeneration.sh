#!/usr/bin/env bash
# Default password regeneration on a generated district, on a server of its own (stock Keycloak 26.7.0 with the pack,
# embedded H2 file database, 1 GiB heap, JMX on 127.0.0.1:9190 for the benchmark), on http://localhost:8180.
#
#   tools/bench-regeneration.sh [--students 20000] [--reset-students 20000] [--reset-only] [--plain-jvm] [--clean]
#
# The first run generates PSU 900 with --students students and loads it (about 4 minutes for 20,000); the data is kept
# in target/bench-regeneration/ for later runs (--clean starts over; needed after the demo realm changes, since the
# kept database holds the realm as it was first imported). Then, as lea-admin.900:
#   1. regenerate only, 5,000 students (grades PreK-3 to K), then every student of the PSU, twice each: throughput;
#      then once more each with the live heap sampled (a full GC every half second over JMX): peak memory;
#   2. the time of one hash with the realm's algorithm (Keycloak's default, Argon2id), one at a time, inside the
#      server's JVM (a probe installed on this server only) while it is otherwise idle: the hashing limit is
#      cores / that time;
#   3. regenerate and reset, at least --reset-students students (grades 12, 11, ... or, by default, the whole PSU):
#      throughput against that limit.
# --reset-only runs the reset part alone (a reset warm-up, the hash timings and the reset request).
#
# The server runs with the JVM option the README recommends for Argon2 (ARGON2_INLINE below; "Faster Argon2 hashing"):
# without it, the same hash takes about 27 or about 72 ms depending on how the JIT happened to compile Bouncy Castle's
# Argon2 at that JVM start. --plain-jvm leaves it out.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK="$ROOT/target/bench-regeneration"
PORT=8180
STUDENTS=20000
RESET=20000
RESET_ONLY=false
source tools/bench-server.sh
JIT_OPTS="$ARGON2_INLINE"
while [ $# -gt 0 ]; do
  case "$1" in
    --students) STUDENTS="$2"; shift 2 ;;
    --reset-students) RESET="$2"; shift 2 ;;
    --reset-only) RESET_ONLY=true; shift ;;
    --plain-jvm) JIT_OPTS=""; shift ;;
    --clean) rm -rf "$WORK"; shift ;;
    *) echo "usage: tools/bench-regeneration.sh [--students N] [--reset-students N] [--reset-only] [--plain-jvm] [--clean]" >&2; exit 2 ;;
  esac
done

bench_prepare "$STUDENTS"

jar=$(ls benchmarks/target/k12id-benchmarks-*.jar | head -n 1)
java -cp "$jar:benchmarks/target/lib/*" org.k12id.benchmarks.regeneration.RegenerationBenchmark \
  --server "http://localhost:$PORT" --jmx-port "$JMX_PORT" --psu 900 --reset-students "$RESET" \
  --cores "$(nproc)" --reset-only "$RESET_ONLY"
