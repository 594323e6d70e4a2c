#!/usr/bin/env bash
# In-process profile update throughput, one thread (goal: >= 1,000,000 events/s on one core).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q install -DskipTests -Dspotless.check.skip=true
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main \
  'io.huaxiang.bench.profile.ProfileUpdateBenchmark' -f 1 -wi 3 -i 5 -w 5s -r 5s "$@"
