# Sourced by the benchmarks that run a server of their own (tools/bench-regeneration.sh, tools/bench-claims.sh): stock
# Keycloak 26.7.0 with the pack and the benchmark's hash-timing probe, the demo realm imported, an embedded H2 file
# database, a 1 GiB heap, themes and templates cached as in production (start-dev reads and compiles every page's
# template afresh otherwise), and JMX on 127.0.0.1 for the benchmark.
#
# Before sourcing, set WORK (the benchmark's folder under target/), PORT, and JIT_OPTS (JVM options added; the README's
# Argon2 option by default), then call bench_prepare (or bench_server_start after `mvn package`).
KC_VERSION=26.7.0
KC_HOME="$WORK/keycloak-$KC_VERSION"
JMX_PORT=$((PORT + 1010))
ARGON2_INLINE="-XX:CompileCommand=quiet -XX:CompileCommand=inline,org.bouncycastle.crypto.generators.Argon2BytesGenerator*::*"

# Unpacks the distribution once, installs the pack and the probe afresh, starts the server and waits until the demo
# realm answers. Sets SERVER (its process) and a trap that stops it when the script ends.
bench_server_start() {
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
    --http-port=$PORT --http-management-port=$((PORT + 1000)) \
    --spi-theme--cache-themes=true --spi-theme--cache-templates=true >"$WORK/logs/server.log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
  for _ in $(seq 1 180); do
    curl -s -o /dev/null -f "http://localhost:$PORT/realms/k12-demo" && break
    kill -0 $SERVER 2>/dev/null || { echo "Keycloak did not start: see $WORK/logs/server.log" >&2; exit 1; }
    sleep 1
  done
}

# Builds the pack, the district tool and the benchmarks; starts the server; loads PSU 900 with $1 students (once).
bench_prepare() {
  echo "Building the pack, the district tool and the benchmark..."
  mvn -B -q -DskipTests package
  bench_server_start
  bench_district_load "$1" 900
}

# Generates PSU $2 with $1 students into $WORK/district and loads it, once: kept in the H2 data for later runs.
bench_district_load() {
  if [ ! -f "$WORK/data/district-$1.loaded" ]; then
    rm -rf "$WORK/district"
    tools/district.sh generate --students "$1" --psu "$2" --out "$WORK/district"
    tools/district.sh load --dir "$WORK/district" --server "http://localhost:$PORT" --parallel 2
    touch "$WORK/data/district-$1.loaded"
  fi
}
