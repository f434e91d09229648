#!/usr/bin/env bash
# A state-sized realm on PostgreSQL (issue 19): the staff, login, printing and regeneration figures of a realm of
# 200,000 students in 40 PSUs against a realm of 20,000 students in 4 PSUs, on the same server, in the same run.
#
#   tools/bench-state.sh [--load-only] [--serve] [--parallel 2] [--clean] [-- more StateBenchmark options]
#
# 1. Builds the pack, the district tool and the benchmarks (mvn -o package; the pack is built only if missing).
# 2. PostgreSQL from Debian's packages (/usr/lib/postgresql/<newest>/bin), started by this script: initdb once (as the
#    package's postgres account when run as root), data directory KEPT in target/bench-state/pgdata, pg_ctl on
#    127.0.0.1:5480, database and role keycloak (password made at initdb, kept in target/bench-state/pg-password),
#    pg_stat_statements loaded (the benchmark writes the run's costliest statements to pg-statements.txt).
#    Stopped when the script ends, however it ends.
# 3. Keycloak 26.7.0 with the pack (and the benchmark's hash-timing probe, on this server only) in production mode:
#    `kc.sh build --db=postgres`, then `kc.sh start --optimized --http-enabled=true --http-host=127.0.0.1` on port
#    8480 (management 9480), the default ispn cache with its cluster ports on 127.0.0.1 (JGroups 7950), themes and
#    templates cached, the README's Argon2 JVM option, a 2 GiB heap, JMX on 127.0.0.1:9490 (for the probe). Log in
#    target/bench-state/logs/.
# 4. Two realms from the demo realm's configuration, renamed, created once through the admin REST API: k12-state and
#    k12-small. Generated once (tools/district.sh, seeded) into target/bench-state/state: 40 PSUs 501 to 540 of 5,000
#    students each, with their schools, classes, teachers and administrators; k12-small gets the first 4 of them
#    (PSUs 501 to 504, the same people), k12-state all 40, in files of 50 people. Loaded through Keycloak's partial
#    import, resumable: stop the script at any point and run it again, and it goes on where it was (the journal
#    loaded.txt in each PSU folder of target/bench-state/loaded-<realm>/; a file in flight is posted again and its
#    people already there are skipped). Each load prints people per second and its time (logs/load-<realm>.txt).
#    --parallel N: partial imports at a time (default 2).
# 5. Runs the benchmark (org.k12id.benchmarks.state.StateBenchmark) on both realms and prints a Markdown table, kept
#    in target/bench-state/results/<time>/report.md. --load-only stops after step 4; --serve keeps the server running
#    until Ctrl-C instead. --clean forgets the database and the generated files first. StateBenchmark's options
#    (after --): --phases logins,views,print,regeneration, --clients 30, --seconds 20 (each login phase), --runs 50
#    (views), --print-runs 20, --views-psu 502, --reset-grades (default: the whole PSU 504), --cores.
#
# Here (2 shared cores): the first load took about 25 minutes (190 people a second), a full benchmark run 15 minutes.
#
# For the long first load on a shared machine: `nice -n 19 tools/bench-state.sh --load-only` (everything it starts
# inherits the niceness); run it again to continue it after a stop.
# The whole script is one block, read before it runs: editing this file while a long load runs cannot change it.
{
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
KC_VERSION=26.7.0
WORK="$ROOT/target/bench-state"
KC_HOME="$WORK/keycloak-$KC_VERSION"
PGDATA_DIR="$WORK/pgdata"
PG_PORT=5480
PORT=8480
MGMT_PORT=9480
CLUSTER_PORT=7950
JMX_PORT=9490
SERVER_URL="http://127.0.0.1:$PORT"
ARGON2_INLINE="-XX:CompileCommand=quiet -XX:CompileCommand=inline,org.bouncycastle.crypto.generators.Argon2BytesGenerator*::*"
# realm:PSUs (from 501, 5,000 students each, seed 19, student numbers from 3000000001)
REALMS="k12-small:4 k12-state:40"
LOAD_ONLY=false
SERVE=false
PARALLEL=2
EXTRA=()
usage() {
  echo "usage: tools/bench-state.sh [--load-only] [--serve] [--parallel N] [--clean] [-- StateBenchmark options]" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --load-only) LOAD_ONLY=true; shift ;;
    --serve) SERVE=true; shift ;;
    --parallel) PARALLEL="$2"; shift 2 ;;
    --clean) CLEAN=true; shift ;;
    --) shift; EXTRA=("$@"); break ;;
    *) usage ;;
  esac
done

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$PG_BIN" ] || { echo "PostgreSQL is not installed (Debian's postgresql package)" >&2; exit 1; }
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
SERVER=""
pg_stop() {
  if [ -f "$PGDATA_DIR/postmaster.pid" ]; then
    echo "Stopping PostgreSQL..."
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t 60 stop >/dev/null || true
  fi
}
stop_all() {
  if [ -n "$SERVER" ] && kill -0 "$SERVER" 2>/dev/null; then
    echo "Stopping Keycloak (pid $SERVER)..."
    kill "$SERVER" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER" 2>/dev/null || break; sleep 1; done
    kill -0 "$SERVER" 2>/dev/null && kill -9 "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
  fi
  SERVER=""
  pg_stop
}
trap stop_all EXIT
trap 'exit 130' INT TERM

if [ "${CLEAN:-false}" = true ]; then
  rm -rf "$PGDATA_DIR" "$WORK/pg-password" "$WORK/state" "$WORK"/loaded-*
fi
mkdir -p "$WORK/logs"

echo "Building the district tool and the benchmark..."
mvn -B -q -o -DskipTests -pl realm-config,benchmarks -am package
ls pack/target/k12id-pack-*.jar >/dev/null 2>&1 || mvn -B -q -o -DskipTests -pl pack -am package
PACK=$(ls pack/target/k12id-pack-*.jar | grep -v '/original-' | head -n 1)

# --- PostgreSQL -------------------------------------------------------------------------------------------------
if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
  echo "initdb in $PGDATA_DIR..."
  rm -rf "$PGDATA_DIR"
  mkdir -p "$PGDATA_DIR"
  head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$WORK/pg-password"
  chmod 600 "$WORK/pg-password"
  pwfile=$(mktemp)
  cp "$WORK/pg-password" "$pwfile"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGDATA_DIR" "$pwfile"; fi
  as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR" -U keycloak --pwfile="$pwfile" --auth=scram-sha-256 -E UTF8 --locale=C >/dev/null
  rm -f "$pwfile"
  FRESH_DB=true
fi
if ss -ltn "sport = :$PG_PORT" | grep -q LISTEN; then
  echo "Port $PG_PORT is in use: stop whatever runs there first." >&2
  exit 1
fi
echo "Starting PostgreSQL on 127.0.0.1:$PG_PORT ($PG_BIN)..."
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/postgres.log" -w -t 120 \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PGDATA_DIR -c max_connections=200 -c shared_buffers=256MB -c shared_preload_libraries=pg_stat_statements" \
  start >/dev/null
PG_PASSWORD=$(cat "$WORK/pg-password")
if [ "${FRESH_DB:-false}" = true ]; then
  PGPASSWORD="$PG_PASSWORD" "$PG_BIN/psql" -X -q -h 127.0.0.1 -p $PG_PORT -U keycloak -d postgres \
    -c "CREATE DATABASE keycloak OWNER keycloak"
fi

# --- Keycloak ---------------------------------------------------------------------------------------------------
if [ ! -f "$KC_HOME/bin/kc.sh" ]; then
  echo "Unpacking org.keycloak:keycloak-quarkus-dist:$KC_VERSION into $WORK..."
  mvn -B -q -o org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$WORK"
fi
chmod +x "$KC_HOME/bin/kc.sh"
rm -f "$KC_HOME"/providers/k12id-*.jar
cp "$PACK" "$KC_HOME/providers/k12id-pack.jar"
# the benchmark's probe (times one hash inside the server's JVM): on this server only, never in the pack
jar cf "$KC_HOME/providers/k12id-bench-probe.jar" -C benchmarks/target/classes org/k12id/benchmarks/regeneration/probe \
  -C benchmarks/src/probe META-INF
echo "kc.sh build --db=postgres..."
"$KC_HOME/bin/kc.sh" build --db=postgres >"$WORK/logs/build.log" 2>&1 \
  || { echo "kc.sh build failed: see $WORK/logs/build.log" >&2; exit 1; }
if curl -s -o /dev/null "$SERVER_URL/realms/master"; then
  echo "Port $PORT is in use: stop whatever runs there first." >&2
  exit 1
fi
SERVER_LOG="$WORK/logs/server-$(date +%Y%m%d-%H%M%S).log"
echo "Starting Keycloak on $SERVER_URL (log: $SERVER_LOG)..."
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
KC_DB_PASSWORD="$PG_PASSWORD" \
JAVA_OPTS_KC_HEAP="-Xms2g -Xmx2g" JAVA_OPTS_APPEND="$ARGON2_INLINE -Dcom.sun.management.jmxremote.port=$JMX_PORT \
  -Dcom.sun.management.jmxremote.rmi.port=$JMX_PORT -Dcom.sun.management.jmxremote.host=127.0.0.1 \
  -Djava.rmi.server.hostname=127.0.0.1 -Dcom.sun.management.jmxremote.authenticate=false \
  -Dcom.sun.management.jmxremote.ssl=false" \
  "$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true --http-host=127.0.0.1 --http-port=$PORT \
  --http-management-port=$MGMT_PORT --hostname-strict=false \
  --db-url="jdbc:postgresql://127.0.0.1:$PG_PORT/keycloak" --db-username=keycloak \
  --cache=ispn --cache-embedded-network-bind-address=127.0.0.1 --cache-embedded-network-bind-port=$CLUSTER_PORT \
  --spi-theme--cache-themes=true --spi-theme--cache-templates=true >"$SERVER_LOG" 2>&1 &
SERVER=$!
for i in $(seq 1 400); do
  curl -s -o /dev/null -f "$SERVER_URL/realms/master" && break
  kill -0 "$SERVER" 2>/dev/null || { echo "Keycloak did not start: see $SERVER_LOG" >&2; exit 1; }
  [ "$i" = 400 ] && { echo "Keycloak did not answer within 400 s: see $SERVER_LOG" >&2; exit 1; }
  sleep 1
done
echo "Keycloak is up (pid $SERVER)."

admin_token() {
  curl -s -f -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
    "$SERVER_URL/realms/master/protocol/openid-connect/token" | jq -r .access_token
}

# --- the realms and their people --------------------------------------------------------------------------------
# batches of 50 people per partial import: each is one transaction, whose cost grows with the square of its size
GENERATION="generate --students 5000 --psus 40 --psu 501 --seed 19 --first-student-number 3000000001 --batch 50"
if [ "$(cat "$WORK/state/generation.txt" 2>/dev/null)" != "$GENERATION" ]; then
  rm -rf "$WORK/state"
  # shellcheck disable=SC2086
  tools/district.sh $GENERATION --out "$WORK/state"
  echo "$GENERATION" >"$WORK/state/generation.txt"
fi
for r in $REALMS; do
  IFS=: read -r realm psus <<<"$r"
  status=$(curl -s -o /dev/null -w '%{http_code}' "$SERVER_URL/realms/$realm")
  if [ "$status" = 404 ]; then
    echo "Creating realm $realm from the demo realm's configuration..."
    jq --arg r "$realm" '.realm = $r | del(.id)' realm-config/src/main/resources/realm/k12-demo-realm.json \
      | sed "s#/realms/k12-demo/#/realms/$realm/#g" >"$WORK/realm-$realm.json"
    code=$(curl -s -o "$WORK/logs/create-$realm.txt" -w '%{http_code}' -X POST \
      -H "Authorization: Bearer $(admin_token)" -H 'Content-Type: application/json' \
      --data-binary "@$WORK/realm-$realm.json" "$SERVER_URL/admin/realms")
    [ "$code" = 201 ] || { echo "creating $realm: HTTP $code $(cat "$WORK/logs/create-$realm.txt")" >&2; exit 1; }
  fi
  # one folder per realm of links to the generated PSUs, each with its own journal of the files loaded; journals
  # of files generated otherwise are dropped (the people they added are skipped when posted again)
  dir="$WORK/loaded-$realm"
  if [ "$(cat "$dir/generation.txt" 2>/dev/null)" != "$GENERATION" ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    echo "$GENERATION" >"$dir/generation.txt"
  fi
  for i in $(seq 0 $((psus - 1))); do
    psu="psu-$((501 + i))"
    mkdir -p "$dir/$psu"
    for f in "$WORK/state/$psu"/*.json; do ln -sf "$f" "$dir/$psu/"; done
  done
  if [ -f "$dir/complete" ]; then
    echo "Realm $realm: all $psus PSUs loaded."
    continue
  fi
  echo "Loading realm $realm ($psus PSUs, $((psus * 5000)) students)..." | tee -a "$WORK/logs/load-$realm.txt"
  tools/district.sh load --dir "$dir" --server "$SERVER_URL" --realm "$realm" --parallel "$PARALLEL" \
    | tee -a "$WORK/logs/load-$realm.txt"
  touch "$dir/complete"
done

if [ "$LOAD_ONLY" = true ]; then
  exit 0
fi
if [ "$SERVE" = true ]; then
  echo "Serving on $SERVER_URL (pid $SERVER) until stopped (Ctrl-C)."
  wait "$SERVER" || true
  exit 0
fi

# --- the benchmark ----------------------------------------------------------------------------------------------
OUT="$WORK/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
{
  echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -n 1)"
  echo "server: Keycloak $KC_VERSION start --optimized, PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), 2 GiB heap; pack $PACK ($(sha256sum "$PACK" | cut -c1-16))"
} >"$OUT/machine.txt"
psql_kc() {
  PGPASSWORD="$PG_PASSWORD" "$PG_BIN/psql" -X -q -h 127.0.0.1 -p $PG_PORT -U keycloak -d keycloak "$@"
}
# the database's own account of the run: every statement's calls and times (pg_stat_statements), from zero
psql_kc -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" -c "SELECT pg_stat_statements_reset()" >/dev/null
jar=$(ls benchmarks/target/k12id-benchmarks-*.jar | head -n 1)
java -cp "$jar:benchmarks/target/lib/*" org.k12id.benchmarks.state.StateBenchmark \
  --server "$SERVER_URL" --small k12-small --state k12-state --out "$OUT" ${EXTRA[@]+"${EXTRA[@]}"} | tee "$OUT/report.md"
psql_kc -c "SELECT calls, round(total_exec_time) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms,
  rows / greatest(calls, 1) AS rows_per_call, left(regexp_replace(query, '\s+', ' ', 'g'), 300) AS query
  FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25" >"$OUT/pg-statements.txt"
echo "Results: $OUT (the database's 25 costliest statements of the run: $OUT/pg-statements.txt)"
exit 0
}
