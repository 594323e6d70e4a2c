#!/usr/bin/env bash
# Demo-data generation and Taiwan import throughput (JMH); figures go to bench/results/demo.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -pl bench -am package -DskipTests
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main \
  'io.huaxiang.bench.demo.DemoGenerationBenchmark' -f 1 -wi 5 -i 5 -w 3s -r 3s "$@"
