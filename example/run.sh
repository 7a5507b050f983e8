#!/usr/bin/env bash
# Runs the example shop on WildFly 39 with an embedded H2 file database, from a fresh clone:
#   example/run.sh                                   H2 file database (the default)
#   example/run.sh --postgres 'jdbc:postgresql://127.0.0.1:5432/shop?user=shop&password=secret'
# Needs Java 17+ and Maven. Builds the library, downloads WildFly from Maven Central (first run only), deploys the
# shop and prints its URL. Ctrl+C stops the server; run the command again to start it with the same data.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=()
if [[ "${1:-}" == "--postgres" ]]; then
  [[ "${2:-}" == jdbc:postgresql:* ]] || {
    echo "usage: example/run.sh --postgres 'jdbc:postgresql://host:5432/db?user=...&password=...'" >&2; exit 2; }
  profile=(-Pshop-postgres "-Dshop.jdbc.url=$2")
fi

echo "Building the library and the shop (the first run downloads WildFly, about 260 MB)..."
mvn -B -q -ntp install -DskipTests -DskipITs
mvn -B -q -ntp -f example/pom.xml package -DskipTests "${profile[@]}"

server=example/target/wildfly-39.0.1.Final
"$server/bin/standalone.sh" -Djboss.bind.address=127.0.0.1 > example/target/server.out 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' INT TERM EXIT

url=http://localhost:8080/shop/
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "${url}login.html" 2>/dev/null; then
    echo
    echo "  The shop is running: open $url"
    echo "  Demo users: alice and bob, password shop-demo-2026. Server log: $server/standalone/log/server.log"
    echo "  Ctrl+C stops it; run example/run.sh again and your cart is still there."
    echo
    wait $pid
    exit 0
  fi
  if ! kill -0 $pid 2>/dev/null; then
    echo "WildFly stopped while starting; see example/target/server.out" >&2
    exit 1
  fi
  sleep 1
done
echo "The shop did not answer within 2 minutes; see $server/standalone/log/server.log" >&2
exit 1
