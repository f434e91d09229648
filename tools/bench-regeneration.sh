#!/usr/bin/env bash
# Default password regeneration on a generated district, on a server of its own (stock Keycloak 26.7.0 with the pack,
# embedded H2 file database, 1 GiB heap, JMX on 127.0.0.1:9190 for the benchmark), on http://localhost:8180.
#
#   tools/bench-regeneration.sh [--students 20000] [--reset-students 20000] [--reset-only] [--plain-jvm] [--clean]
#
# The first run generates PSU 900 with --students students and loads it (about 4 minutes for 20,000); the data is kept
# in target/bench-regeneration/ for later runs (--clean starts over). Then, as lea-admin.900:
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
KC_VERSION=26.7.0
WORK="$ROOT/target/bench-regeneration"
KC_HOME="$WORK/keycloak-$KC_VERSION"
PORT=8180
STUDENTS=20000
RESET=20000
RESET_ONLY=false
ARGON2_INLINE="-XX:CompileCommand=quiet -XX:CompileCommand=inline,org.bouncycastle.crypto.generators.Argon2BytesGenerator*::*"
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

echo "Building the pack, the district tool and the benchmark..."
mvn -B -q -DskipTests package
if [ ! -f "$KC_HOME/bin/kc.sh" ]; then
  mkdir -p "$WORK"
  mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$WORK"
  (cd "$WORK" && jar xf "keycloak-quarkus-dist-$KC_VERSION.zip" && rm "keycloak-quarkus-dist-$KC_VERSION.zip")
fi
chmod +x "$KC_HOME/bin/kc.sh"
rm -f "$KC_HOME"/providers/k12id-*.jar
cp pack/target/k12id-pack-*.jar "$KC_HOME/providers/"
# the benchmark's probe (times one hash inside the server's JVM): on this server only, never in the pack
jar cf "$KC_HOME/providers/k12id-bench-probe.jar" -C benchmarks/target/classes org/k12id/benchmarks/regeneration/probe \
  -C benchmarks/src/probe META-INF
JMX_PORT=$((PORT + 1010))
mkdir -p "$KC_HOME/data/import" "$WORK/data" "$WORK/logs"
cp realm-config/src/main/resources/realm/k12-demo-realm.json "$KC_HOME/data/import/"

if curl -s -o /dev/null "http://localhost:$PORT/realms/master"; then
  echo "Port $PORT is in use: stop whatever runs there first." >&2
  exit 1
fi
echo "Starting Keycloak on port $PORT (log: $WORK/logs/server.log; JVM options added: ${JIT_OPTS:-none})..."
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
JAVA_OPTS_KC_HEAP="-Xms1g -Xmx1g" JAVA_OPTS_APPEND="-Dcom.sun.management.jmxremote.port=$JMX_PORT -Dcom.sun.management.jmxremote.rmi.port=$JMX_PORT \
  -Dcom.sun.management.jmxremote.host=127.0.0.1 -Djava.rmi.server.hostname=127.0.0.1 \
  -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false $JIT_OPTS" \
  "$KC_HOME/bin/kc.sh" start-dev --import-realm --cache=local \
  --db=dev-file --db-url="jdbc:h2:file:$WORK/data/h2/keycloakdb;NON_KEYWORDS=VALUE" \
  --http-port=$PORT --http-management-port=$((PORT + 1000)) >"$WORK/logs/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -s -o /dev/null -f "http://localhost:$PORT/realms/k12-demo" && break
  kill -0 $SERVER 2>/dev/null || { echo "Keycloak did not start: see $WORK/logs/server.log" >&2; exit 1; }
  sleep 1
done

if [ ! -f "$WORK/data/district-$STUDENTS.loaded" ]; then
  rm -rf "$WORK/district"
  tools/district.sh generate --students "$STUDENTS" --psu 900 --out "$WORK/district"
  tools/district.sh load --dir "$WORK/district" --server "http://localhost:$PORT" --parallel 2
  touch "$WORK/data/district-$STUDENTS.loaded"
fi

jar=$(ls benchmarks/target/k12id-benchmarks-*.jar | head -n 1)
java -cp "$jar:benchmarks/target/lib/*" org.k12id.benchmarks.regeneration.RegenerationBenchmark \
  --server "http://localhost:$PORT" --jmx-port "$JMX_PORT" --psu 900 --reset-students "$RESET" \
  --cores "$(nproc)" --reset-only "$RESET_ONLY"
