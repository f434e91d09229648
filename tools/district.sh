#!/usr/bin/env bash
# Generate a large district (seeded, deterministic) and load it into a running server.
#
#   tools/district.sh generate --students 50000 [--seed 42] [--psu 900] [--out target/district]
#   tools/district.sh load [--dir target/district] [--server http://localhost:8080] [--realm k12-demo] \
#                          [--admin admin] [--admin-password admin] [--parallel 2]
#
# Every generated person's password is Tarheel2026 unless --password is given at generation.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls realm-config/target/k12id-realm-config-*.jar 2>/dev/null | grep -v -- '-sources' | head -n 1 || true)
if [ -z "$jar" ] || [ ! -d realm-config/target/lib ]; then
  mvn -B -q -DskipTests -pl realm-config -am package
  jar=$(ls realm-config/target/k12id-realm-config-*.jar | grep -v -- '-sources' | head -n 1)
fi
exec java -cp "$jar:realm-config/target/lib/*" org.k12id.realmconfig.district.DistrictTool "$@"
