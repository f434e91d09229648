#!/usr/bin/env bash
# Badge printing through the API on a running demo server (./demo.sh in another terminal).
#
#   tools/bench-printing-api.sh [--students 1000] [--runs 5] [--server http://localhost:8080]
#
# Creates print-0001.. students (grade 2, PSU 920) once by partial import, then as lea-admin.920 prints 30 and all of
# them (labels and cards, Letter), reprinting and renewing, and prints the median and slowest request times.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl benchmarks -am package
jar=$(ls benchmarks/target/k12id-benchmarks-*.jar | head -n 1)
exec java -cp "$jar:benchmarks/target/lib/*" org.k12id.benchmarks.printing.PrintApiBenchmark "$@"
