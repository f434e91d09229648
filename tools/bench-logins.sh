#!/usr/bin/env bash
# Badge logins against password logins on a running demo server (./demo.sh in another terminal).
#
#   tools/bench-logins.sh [--clients 30] [--seconds 20] [--students 60] [--server http://localhost:8080]
#
# Creates bench-0001.. students (grade 2, PSU 920) once, issues their badges as lea-admin.920, then runs password and
# badge phases alternately (P, B, P, B) and prints throughput, p50 and p95 for both and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl benchmarks -am package
jar=$(ls benchmarks/target/k12id-benchmarks-*.jar | head -n 1)
exec java -cp "$jar:benchmarks/target/lib/*" org.k12id.benchmarks.logins.LoginBenchmark "$@"
