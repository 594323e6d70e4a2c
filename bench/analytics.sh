#!/usr/bin/env bash
# Analytics benchmarks on real demo portraits (see AnalyticsBench):
#   distribution query over ROWS stored portraits on embedded PostgreSQL (goal <= 2 s),
#   segment evaluation over ROWS portraits (goal <= 1 s), churn model on USERS demo users.
# Usage: bench/analytics.sh [distribution|segment|churn|all]
# Env:   ROWS=1000000 SEED_USERS=5000 CHURN_USERS=10000
set -euo pipefail
cd "$(dirname "$0")/.."
WHAT=${1:-all}
ROWS=${ROWS:-1000000} SEED_USERS=${SEED_USERS:-5000} CHURN_USERS=${CHURN_USERS:-10000}
./mvnw -q -pl bench -am package -DskipTests -Dspotless.check.skip=true
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
run() { java -Xmx8g -cp "$CP" io.huaxiang.bench.analytics.AnalyticsBench "$@" 2>&1 | grep -v ' INFO \| DEBUG \| WARN '; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ $WHAT == all || $WHAT == segment ]] && run segment "$ROWS" "$SEED_USERS"
[[ $WHAT == all || $WHAT == distribution ]] && run distribution "$ROWS" "$SEED_USERS"
[[ $WHAT == all || $WHAT == churn ]] && run churn "$CHURN_USERS"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
