#!/usr/bin/env bash
# Runs the JMH benchmarks (after "mvn install" at the root). Extra arguments go to JMH, e.g. a benchmark name regex.
#   bench/run-jmh.sh                 all benchmarks: 2 forks x 5 measurement iterations each
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -ntp package
exec java -cp "target/classes:$(cat target/classpath.txt)" org.openjdk.jmh.Main -f 2 -wi 3 -w 2s -i 5 -r 2s \
  -rf json -rff target/jmh-result.json "$@"
