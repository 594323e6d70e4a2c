#!/usr/bin/env bash
# Durable bulk ingest into embedded PostgreSQL (goal: >= 50,000 events/s end to end).
# Usage: bench/ingest.sh [users]   (10,000 demo users is about 1.7 million events)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q install -DskipTests -Dspotless.check.skip=true
java -Xmx6g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  io.huaxiang.bench.ingest.BulkIngestBench "${1:-10000}" 2>&1 | grep -v ' INFO \| DEBUG '
