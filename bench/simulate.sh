#!/usr/bin/env bash
# What-if simulation over past applications (goal: 1,000,000 in <= 60 s on the 2-core machine).
# Fills (or reuses) a data directory's embedded PostgreSQL with N past applications decided by the
# sample strategy (io.huaxiang.bench.decision.PastApplications, COPY in chunks; users, devices and
# IPs drawn from 1,000,000 values each), then times `huaxiang decision simulate` of a stricter
# candidate over all of them: wall time of the whole command (JVM start, migrations check, reading
# through a database cursor, deciding on every core, report) and the JVM's CPU time.
# Builds with package (never install).
# Usage: bench/simulate.sh [applications=1000000] [data-dir=bench/target/simulate-data]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}"; data="${2:-bench/target/simulate-data}"
./mvnw -q -pl bench -am package -DskipTests -Dspotless.check.skip=true
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
java -Xmx2g -cp "$cp" io.huaxiang.bench.decision.PastApplications "$data" "$n" 2>&1 | grep -v -e ' INFO ' -e ' WARN '
candidate="$(mktemp --suffix=.yaml)"
trap 'rm -f "$candidate"' EXIT
# the sample strategy as version 99 with a stricter cut-off for returning borrowers
sed 's/^version: 1$/version: 99/; s/decline_below: 500/decline_below: 525/' \
  huaxiang-core/src/main/resources/io/huaxiang/core/decision/strategy-consumption.yaml > "$candidate"
start=$(date +%s.%N)
/usr/bin/time -f "JVM CPU: %U s user + %S s sys, peak RSS %M kB" \
  java -Xmx2g -jar huaxiang-server/target/huaxiang-server-*-exec.jar decision simulate \
  --data-dir "$data" --strategy "$candidate" 2>&1 | grep -v -e ' INFO ' -e ' WARN '
end=$(date +%s.%N)
printf 'simulate over %s applications: %.1f s wall (goal <= 60 s at 1,000,000), machine: %s cores, load %s\n' \
  "$n" "$(echo "$end - $start" | bc)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
