#!/usr/bin/env bash
# Run the demo district: build the pack, unpack stock Keycloak 26.7.0 (from Maven Central) under target/demo,
# install the pack into its providers/, import the demo realm and start Keycloak in dev mode on http://localhost:8080.
#
#   ./demo.sh            start (data kept in ./demo-data between runs)
#   ./demo.sh --clean    forget all data first (the demo realm is imported afresh)
#   ./demo.sh [--clean] -- <kc.sh options>   pass options on to kc.sh start-dev (e.g. for benchmarks:
#                        -- --spi-theme--cache-themes=true --spi-theme--cache-templates=true)
#
# Needs only JDK 17+ and Maven. Demo only: the admin console credentials are admin / admin.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
KC_VERSION=26.7.0
KC_HOME="$ROOT/target/demo/keycloak-$KC_VERSION"
DATA="$ROOT/demo-data"

if [ "${1:-}" = "--clean" ]; then
  echo "Starting clean: removing $DATA"
  rm -rf "$DATA"
  shift
fi
if [ "${1:-}" = "--" ]; then
  shift
elif [ $# -gt 0 ]; then
  echo "usage: ./demo.sh [--clean] [-- kc.sh options]" >&2
  exit 2
fi

echo "Building the pack..."
mvn -B -q -DskipTests package

if [ ! -f "$KC_HOME/bin/kc.sh" ]; then
  echo "Unpacking org.keycloak:keycloak-quarkus-dist:$KC_VERSION into target/demo..."
  mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$ROOT/target/demo" \
    -Dmdep.overWriteReleases=true
fi
chmod +x "$KC_HOME/bin/kc.sh"

rm -f "$KC_HOME"/providers/k12id-pack-*.jar
cp pack/target/k12id-pack-*.jar "$KC_HOME/providers/"
mkdir -p "$KC_HOME/data/import" "$DATA"
cp realm-config/src/main/resources/realm/k12-demo-realm.json "$KC_HOME/data/import/"

cat <<MSG

  Keycloak $KC_VERSION with the K12 identity pack, demo district "k12-demo"
  Admin console:   http://localhost:8080/admin/        (admin / admin, demo only)
  District login:  http://localhost:8080/realms/k12-demo/account/
  Demo accounts (password Tarheel2026 for all):
    t.garcia        teacher, Pine Elementary (920304), PreK class
    9000000013      student, grade 3, Pine Elementary
    lea-admin.920   LEA administrator of PSU 920
    lea-auditor.32A LEA data auditor of PSU 32A
    g.okafor        guardian of two students in PSU 920
  Data: $DATA   (./demo.sh --clean starts over)

MSG

export KC_BOOTSTRAP_ADMIN_USERNAME=admin
export KC_BOOTSTRAP_ADMIN_PASSWORD=admin
# Argon2 (the password hash) compiled fast at every start: README, "Install into your own Keycloak", step 6
export JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:-} -XX:CompileCommand=quiet -XX:CompileCommand=inline,org.bouncycastle.crypto.generators.Argon2BytesGenerator*::*"
exec "$KC_HOME/bin/kc.sh" start-dev --import-realm \
  --db=dev-file --db-url="jdbc:h2:file:$DATA/h2/keycloakdb;NON_KEYWORDS=VALUE" \
  --http-port=8080 "$@"
