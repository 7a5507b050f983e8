#!/usr/bin/env bash
# Runs the JMH benchmarks (after "mvn install" at the root). Extra arguments go to JMH, e.g. a benchmark name regex.
#   bench/run-jmh.sh                 all benchmarks: 3 forks, 5 warm-up and 10 measurement iterations of 1 s
#   JMH_OPTS="-f 3 -i 10" bench/run-jmh.sh ProxyCall   other settings, one benchmark class
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -ntp package
# shellcheck disable=SC2086
exec java -cp "target/classes:$(cat target/classpath.txt)" org.openjdk.jmh.Main ${JMH_OPTS:--f 3 -wi 5 -w 1s -i 10 -r 1s} \
  -rf json -rff target/jmh-result.json "$@"
