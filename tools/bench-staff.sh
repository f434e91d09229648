#!/usr/bin/env bash
# Staff views at district scale (issue 21): the badge and default-password staff API on generated PSUs of 1,000,
# 10,000 and 50,000 students in one realm, on a server of its own with Keycloak's default heap (512 MB).
#
#   tools/bench-staff.sh [--no-setup] [--runs 20] [--seconds 60] [--clients 10] [--psus 901,910,900]
#                        [--view-budget 30] [--pack JAR] [--setup-only] [--serve] [--clean] [-- more benchmark options]
#
# More options for StaffViewsBenchmark after "--": --badge-rate 20 (badge logins a second in all), --staff 20,
# --think-ms 1000 (between one person's pages), --warmups 3, --timeout 30 (seconds, every request).
#
# 1. Builds the benchmark (mvn -pl benchmarks); the pack is taken as built in pack/target (built only if missing).
# 2. Setup (skipped with --no-setup, alias --reuse): unpacks stock Keycloak 26.7.0 into target/bench-staff/, and with
#    the server started generates and loads PSU 901 (1,000 students), 910 (10,000) and 900 (50,000) with
#    tools/district.sh. A PSU already loaded is skipped: the H2 data in target/bench-staff/data is kept between runs
#    (loading all 61,000 students takes about 15 to 20 minutes). --clean forgets the data first.
# 3. Starts `kc.sh start-dev` on http://localhost:18080 (management port 19080) with the demo realm imported, the H2
#    file database in target/bench-staff/data, themes and templates cached, Keycloak's default heap (kc.sh's
#    -Xms64m -Xmx512m; nothing here sets the heap) and the Argon2 JVM option of the README (as ./demo.sh does), and
#    the pack JAR copied afresh from pack/target (or --pack JAR). With --no-setup this restarts the kept server with
#    the current pack, without generating or loading anything.
# 4. Runs StaffViewsBenchmark: for each PSU, as lea-admin.<psu>, lea-auditor.<psu> and one generated teacher, times
#    every staff view (--runs times after 3 warm-ups; a view slower than --view-budget seconds in all gets fewer
#    runs, at least 3); then badge logins (--clients clients, 20 a second in all) alone and beside 20 staff paging
#    through the largest PSU, the last of --psus (--seconds each);
#    the server's heap after every GC is read over JMX (attach API, no server option needed). Each PSU runs in its own
#    JVM: if the server dies (OutOfMemoryError), that is recorded, the server is restarted and the rest goes on.
#    The report (tables) is printed at the end and kept in target/bench-staff/results/<time>/report.md.
# 5. Stops the server it started (the data folder stays).
# --setup-only stops after step 2 (and the server); --serve starts the server as in step 3 and keeps it running until
# the script is stopped (Ctrl-C), for looking at it by hand (profiling, the portal) on http://localhost:18080.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
KC_VERSION=26.7.0
WORK="$ROOT/target/bench-staff"
KC_HOME="$WORK/keycloak-$KC_VERSION"
DATA="$WORK/data"
PORT=18080
MGMT_PORT=19080
SERVER_URL="http://localhost:$PORT"
SETUP=true
SETUP_ONLY=false
SERVE=false
PACK=""
RUNS=20
SECONDS_=60
CLIENTS=10
EXTRA=()
BUDGET=30
PSUS="901,910,900"
ARGON2_INLINE="-XX:CompileCommand=quiet -XX:CompileCommand=inline,org.bouncycastle.crypto.generators.Argon2BytesGenerator*::*"
# psu:students:first student number:seed
DISTRICTS="901:1000:6000000001:1 910:10000:7000000001:1 900:50000:5000000001:42"
usage() {
  echo "usage: tools/bench-staff.sh [--no-setup|--reuse] [--runs N] [--seconds N] [--clients N] [--psus 901,910,900]" >&2
  echo "                            [--view-budget SECONDS] [--pack JAR] [--setup-only] [--serve] [--clean] [-- benchmark options]" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --no-setup|--reuse) SETUP=false; shift ;;
    --setup-only) SETUP_ONLY=true; shift ;;
    --serve) SERVE=true; shift ;;
    --runs) RUNS="$2"; shift 2 ;;
    --seconds) SECONDS_="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --view-budget) BUDGET="$2"; shift 2 ;;
    --psus) PSUS="$2"; shift 2 ;;
    --pack) PACK="$2"; shift 2 ;;
    --clean) rm -rf "$DATA" "$WORK"/d[0-9]*; shift ;;
    --) shift; EXTRA=("$@"); break ;;
    *) usage ;;
  esac
done

size_of() {
  for d in $DISTRICTS; do
    IFS=: read -r psu students _ _ <<<"$d"
    [ "$psu" = "$1" ] && { echo "$students"; return; }
  done
  echo "unknown PSU $1 (known: $DISTRICTS)" >&2
  exit 2
}
SIZES=""
for psu in ${PSUS//,/ }; do SIZES="$SIZES${SIZES:+,}$psu=$(size_of "$psu")"; done

echo "Building the benchmark..."
mvn -B -q -o -DskipTests -pl benchmarks package 2>/dev/null || mvn -B -q -DskipTests -pl benchmarks package
if [ -z "$PACK" ]; then
  if ! ls pack/target/k12id-pack-*.jar >/dev/null 2>&1; then
    echo "No pack in pack/target: building it..."
    mvn -B -q -DskipTests -pl pack -am package
  fi
  PACK=$(ls pack/target/k12id-pack-*.jar | grep -v '/original-' | head -n 1)
fi
[ -f "$PACK" ] || { echo "No pack JAR at $PACK" >&2; exit 1; }

if [ ! -f "$KC_HOME/bin/kc.sh" ]; then
  if [ "$SETUP" = false ]; then
    echo "No server in $KC_HOME: run once without --no-setup" >&2
    exit 1
  fi
  echo "Unpacking org.keycloak:keycloak-quarkus-dist:$KC_VERSION into $WORK..."
  mkdir -p "$WORK"
  mvn -B -q -o org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$WORK" 2>/dev/null \
  || mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$WORK"
fi
chmod +x "$KC_HOME/bin/kc.sh"
mkdir -p "$KC_HOME/data/import" "$DATA" "$WORK/logs"
cp realm-config/src/main/resources/realm/k12-demo-realm.json "$KC_HOME/data/import/"

SERVER=""
SERVER_LOG=""
install_pack() {
  rm -f "$KC_HOME"/providers/k12id-*.jar
  # the JAR may be being rebuilt at this moment: copy until the copy is a whole, readable JAR
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    cp "$PACK" "$KC_HOME/providers/k12id-pack.jar" && unzip -tq "$KC_HOME/providers/k12id-pack.jar" >/dev/null 2>&1 && break
    sleep 3
  done
  echo "Pack: $PACK (sha256 $(sha256sum "$KC_HOME/providers/k12id-pack.jar" | cut -c1-16))"
}
start_server() {
  if curl -s -o /dev/null "$SERVER_URL/realms/master"; then
    echo "Port $PORT is in use: stop whatever runs there first." >&2
    exit 1
  fi
  install_pack
  local log="$WORK/logs/server-$(date +%Y%m%d-%H%M%S).log"
  SERVER_LOG="$log"
  echo "Starting Keycloak on port $PORT (default heap; log: $log)..."
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:-} $ARGON2_INLINE" \
    "$KC_HOME/bin/kc.sh" start-dev --import-realm \
    --db=dev-file --db-url="jdbc:h2:file:$DATA/h2/keycloakdb;NON_KEYWORDS=VALUE" \
    --http-port=$PORT --http-management-port=$MGMT_PORT \
    --spi-theme--cache-themes=true --spi-theme--cache-templates=true >"$log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 300); do
    curl -s -o /dev/null -f "$SERVER_URL/realms/k12-demo" && { echo "Keycloak is up (pid $SERVER)."; return 0; }
    kill -0 "$SERVER" 2>/dev/null || { echo "Keycloak did not start: see $log" >&2; exit 1; }
    sleep 1
  done
  echo "Keycloak did not answer within 300 s: see $log" >&2
  exit 1
}
stop_server() {
  if [ -n "$SERVER" ] && kill -0 "$SERVER" 2>/dev/null; then
    echo "Stopping Keycloak (pid $SERVER)..."
    kill "$SERVER" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER" 2>/dev/null || break; sleep 1; done
    kill -0 "$SERVER" 2>/dev/null && kill -9 "$SERVER" 2>/dev/null || true
  fi
  wait "$SERVER" 2>/dev/null || true
  SERVER=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM

start_server

if [ "$SETUP" = true ]; then
  for d in $DISTRICTS; do
    IFS=: read -r psu students first seed <<<"$d"
    marker="$DATA/psu-$psu-$students.loaded"
    if [ -f "$marker" ]; then
      echo "PSU $psu ($students students) already loaded."
      continue
    fi
    tools/district.sh generate --students "$students" --psu "$psu" --psu-name "Generated PSU $psu" --seed "$seed" \
      --first-student-number "$first" --out "$WORK/d$psu"
    t0=$(date +%s)
    tools/district.sh load --dir "$WORK/d$psu" --server "$SERVER_URL" --parallel 2
    echo "PSU $psu ($students students) loaded in $(( $(date +%s) - t0 )) s" | tee -a "$WORK/logs/load-times.txt"
    touch "$marker"
  done
fi
for psu in ${PSUS//,/ }; do
  [ -f "$DATA/psu-$psu-$(size_of "$psu").loaded" ] || { echo "PSU $psu is not loaded: run without --no-setup" >&2; exit 1; }
done
if [ "$SETUP_ONLY" = true ]; then
  exit 0
fi
if [ "$SERVE" = true ]; then
  echo "Serving on $SERVER_URL (pid $SERVER) until stopped (Ctrl-C)."
  wait "$SERVER" || true
  exit 0
fi

OUT="$WORK/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
jar=$(ls benchmarks/target/k12id-benchmarks-*.jar | head -n 1)
RESTART=true
bench() {
  java -cp "$jar:benchmarks/target/lib/*" org.k12id.benchmarks.staff.StaffViewsBenchmark \
    --server "$SERVER_URL" --realm k12-demo --pid "$SERVER" --out "$OUT" --sizes "$SIZES" "$@" ${EXTRA[@]+"${EXTRA[@]}"} || true
  if ! kill -0 "$SERVER" 2>/dev/null; then
    echo "died during: $*; $(grep -m1 -h 'OutOfMemoryError' "$SERVER_LOG" 2>/dev/null || echo 'no OutOfMemoryError in its log') ($SERVER_LOG)" \
      | tee -a "$OUT/server-deaths.txt"
  elif ! curl -s -o /dev/null -f --max-time 60 "$SERVER_URL/realms/k12-demo"; then
    echo "stopped answering during: $*; stopped and restarted ($SERVER_LOG)" | tee -a "$OUT/server-deaths.txt"
    stop_server
  else
    return 0
  fi
  wait "$SERVER" 2>/dev/null || true
  SERVER=""
  [ "$RESTART" = true ] && start_server
  return 0
}
{
  echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -n 1)"
  echo "server: Keycloak $KC_VERSION start-dev, embedded H2 (file), themes cached, default heap; pack $PACK ($(sha256sum "$PACK" | cut -c1-16))"
} >"$OUT/machine.txt"
for psu in ${PSUS//,/ }; do
  bench --phase views --psus "$psu" --runs "$RUNS" --view-budget "$BUDGET"
done
largest=${PSUS##*,}
RESTART=false
bench --phase concurrency --psus "$largest" --badge-psu "${PSUS%%,*}" --seconds "$SECONDS_" --clients "$CLIENTS"
java -cp "$jar:benchmarks/target/lib/*" org.k12id.benchmarks.staff.StaffViewsBenchmark --phase report --out "$OUT" \
  --sizes "$SIZES" | tee "$OUT/report.md"
echo "Results: $OUT"
