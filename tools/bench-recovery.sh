#!/usr/bin/env bash
# "Forgot my password" answer checks against password sign-ins, and "I'm not a robot" in a real browser (issue 18), on a
# server of its own (tools/bench-server.sh: stock Keycloak 26.7.0 with the pack, embedded H2 file database, 1 GiB heap,
# themes cached), on http://localhost:8380.
#
#   tools/bench-recovery.sh [--students 4000] [--people 300] [--concurrency 30] [--seconds 60] [--captcha-only] [--plain-jvm] [--clean]
#
# The first run generates PSU 900 with --students students and loads it; the data is kept in target/bench-recovery/
# (--clean starts over; needed after the demo realm changes, since the kept database holds the realm as it was first
# imported). Then RecoveryBenchmark:
#   1. --people students of grades 6 to 12 have their questions cleared by their LEA administrator and set them again
#      (signing in once: "Set Up Challenge Questions");
#   2. sets the reset flow's "I'm not a robot" to its least difficulty (the benchmark answers it as a browser would, on
#      these same cores; the server's work is the same at any difficulty);
#   3. warm-up, then password sign-ins and answer checks, --concurrency at once, --seconds each, alternated twice: the
#      rates, their ratio (target: answer checks at least a third of the password rate; a check hashes 3 answers, a
#      sign-in 1 password) and the answer check's p95;
#   4. puts the difficulty back;
#   5. times "I'm not a robot" at the step's default difficulty in headless Chromium (Debian's chromium and
#      chromedriver), 20 times, then 20 times with Chromium's CPU slowed 6 times (DevTools' CPU throttling, a stand-in
#      for a 2019 Chromebook): from the click on the box to the answer in the form.
# --captcha-only runs step 5 alone.
# Like the other benchmarks with a server of their own, the server runs with the README's Argon2 JVM option.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK="$ROOT/target/bench-recovery"
PORT=8380
STUDENTS=4000
MORE=()
source tools/bench-server.sh
JIT_OPTS="$ARGON2_INLINE"
while [ $# -gt 0 ]; do
  case "$1" in
    --students) STUDENTS="$2"; shift 2 ;;
    --people|--concurrency|--seconds) MORE+=("$1" "$2"); shift 2 ;;
    --captcha-only) MORE+=("--captcha-only" "true"); shift ;;
    --plain-jvm) JIT_OPTS=""; shift ;;
    --clean) rm -rf "$WORK"; shift ;;
    *) echo "usage: tools/bench-recovery.sh [--students N] [--people N] [--concurrency N] [--seconds N] [--captcha-only] [--plain-jvm] [--clean]" >&2; exit 2 ;;
  esac
done

bench_prepare "$STUDENTS"

jar=$(ls benchmarks/target/k12id-benchmarks-*.jar | head -n 1)
java -cp "$jar:benchmarks/target/lib/*" org.k12id.benchmarks.recovery.RecoveryBenchmark \
  --server "http://localhost:$PORT" ${MORE[@]+"${MORE[@]}"}
