#!/usr/bin/env bash
# "Claim My Account" in the first days of a school year (issue 17), on a server of its own (tools/bench-server.sh:
# stock Keycloak 26.7.0 with the pack, embedded H2 file database, 1 GiB heap, JMX on 127.0.0.1:9290), on
# http://localhost:8280.
#
#   tools/bench-claims.sh [--students 4000] [--pool 1500] [--concurrency 30] [--rounds 3] [--plain-jvm] [--clean]
#
# The first run generates PSU 900 with --students students (with tools/district.sh; about 1 minute for 4,000) and
# loads it; the data is kept in target/bench-claims/ for later runs (--clean starts over; needed after the demo realm
# changes, since the kept database holds the realm as it was first imported). Then ClaimBenchmark:
#   1. sets the claim step's "I'm not a robot" difficulty to its least (the benchmark answers it as a browser would,
#      on these same cores; the server's work is the same at any difficulty) and puts it back at the end;
#   2. takes --pool people, the district's grade 6 to 12 students and its teachers in their proportion, and has their
#      LEA administrator reset their claims (the pack's API);
#   3. warm-up: --concurrency people at once claim, one claim after another, until everyone has claimed;
#   4. times one hash with the realm's algorithm inside the server's JVM (the regeneration benchmark's probe);
#   5. --rounds times: resets the claims, then everyone claims again, --concurrency at once: claims per second,
#      the verification step's times (details and "I'm not a robot" posted, until the terms page), the server's and
#      the benchmark's CPU per claim;
#   6. times the hash again: the hashing limit is cores / the faster timing; prints the tables.
# Like tools/bench-regeneration.sh, the server runs with the README's Argon2 JVM option; --plain-jvm leaves it out.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK="$ROOT/target/bench-claims"
PORT=8280
STUDENTS=4000
MORE=()
source tools/bench-server.sh
JIT_OPTS="$ARGON2_INLINE"
while [ $# -gt 0 ]; do
  case "$1" in
    --students) STUDENTS="$2"; shift 2 ;;
    --pool|--concurrency|--rounds) MORE+=("$1" "$2"); shift 2 ;;
    --plain-jvm) JIT_OPTS=""; shift ;;
    --clean) rm -rf "$WORK"; shift ;;
    *) echo "usage: tools/bench-claims.sh [--students N] [--pool N] [--concurrency N] [--rounds N] [--plain-jvm] [--clean]" >&2; exit 2 ;;
  esac
done

bench_prepare "$STUDENTS"

jar=$(ls benchmarks/target/k12id-benchmarks-*.jar | head -n 1)
java -cp "$jar:benchmarks/target/lib/*" org.k12id.benchmarks.claims.ClaimBenchmark \
  --server "http://localhost:$PORT" --jmx-port "$JMX_PORT" --psu 900 --district "$WORK/district" \
  --cores "$(nproc)" ${MORE[@]+"${MORE[@]}"}
