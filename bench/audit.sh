#!/usr/bin/env bash
# Durable audit-log appends (one per audited portrait read) and chain verification, embedded
# PostgreSQL with fsync and synchronous commit on.
# Usage: bench/audit.sh [appendsPerRun]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q install -DskipTests -Dspotless.check.skip=true -pl huaxiang-core,huaxiang-store,huaxiang-model,huaxiang-server,bench
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  io.huaxiang.bench.audit.AuditAppendBench "${1:-5000}" 2>&1 | grep -v ' INFO \| DEBUG '
