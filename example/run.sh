#!/usr/bin/env bash
# Runs the example shop with an embedded H2 file database, from a fresh clone:
#   example/run.sh                                   on WildFly 39 (the default)
#   example/run.sh --postgres 'jdbc:postgresql://127.0.0.1:5432/shop?user=shop&password=secret'   WildFly on PostgreSQL
#   example/run.sh --payara                          on Payara Micro 7 (needs Java 21+: PAYARA_JAVA_HOME, or java 21+)
# Needs Java 17+ and Maven. Builds the library, downloads the server from Maven Central (first run only), deploys the
# shop and prints its URL. Ctrl+C stops the server; run the command again to start it with the same data.
set -euo pipefail
cd "$(dirname "$0")/.."

server=wildfly
build=()
case "${1:-}" in
  --postgres)
    [[ "${2:-}" == jdbc:postgresql:* ]] || {
      echo "usage: example/run.sh --postgres 'jdbc:postgresql://host:5432/db?user=...&password=...'" >&2; exit 2; }
    build=(-Pshop-postgres "-Dshop.jdbc.url=$2") ;;
  --payara)
    server=payara
    java_home="${PAYARA_JAVA_HOME:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"
    version=$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if (( ${version%%.*} < 21 )); then
      echo "Payara 7 needs Java 21 or newer; $java_home is Java $version. Set PAYARA_JAVA_HOME to a JDK 21+." >&2
      exit 2
    fi
    build=(-Ppayara "-Dpayara.java.home=$java_home") ;;
  "") ;;
  *) echo "usage: example/run.sh [--postgres JDBC_URL | --payara]" >&2; exit 2 ;;
esac

echo "Building the library and the shop (the first run downloads the server from Maven Central)..."
mvn -B -q -ntp install -DskipTests -DskipITs
mvn -B -q -ntp -f example/pom.xml package -DskipTests "${build[@]}"

if [[ $server == payara ]]; then
  # The runtime directory keeps the server's H2 database (and so the carts) between runs. Payara starts its run-level
  # services on one thread: with several (its default) a start now and then hung here.
  "$java_home/bin/java" -Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS -jar example/target/payara-micro.jar --deploy example/target/shop.war \
    --rootDir example/target/payara-shop --nocluster --port 8080 > example/target/server.out 2>&1 &
  log=example/target/server.out
else
  home=example/target/wildfly-39.0.1.Final
  "$home/bin/standalone.sh" -Djboss.bind.address=127.0.0.1 > example/target/server.out 2>&1 &
  log=$home/standalone/log/server.log
fi
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' INT TERM EXIT

url=http://localhost:8080/shop/
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "${url}login.html" 2>/dev/null; then
    echo
    echo "  The shop is running on $server: open $url"
    echo "  Demo users: alice and bob, and the administrator admin (Admin page), password shop-demo-2026."
    echo "  Server log: $log"
    echo "  Ctrl+C stops it; run example/run.sh again and your cart is still there."
    echo
    wait $pid
    exit 0
  fi
  if ! kill -0 $pid 2>/dev/null; then
    echo "The server stopped while starting; see example/target/server.out" >&2
    exit 1
  fi
  sleep 1
done
echo "The shop did not answer within 2 minutes; see $log" >&2
exit 1
