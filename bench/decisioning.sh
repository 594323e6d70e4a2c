#!/usr/bin/env bash
# Loan decisions in process (JMH): latency percentiles with the sample strategy at 20 rules, and
# throughput at 10, 20 and 200 rules (goals: p99 <= 1 ms at 20 rules; >= 50,000 decisions/s per
# core at 200 rules). Builds with package (never install). Usage: bench/decisioning.sh [quick]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl bench -am package -DskipTests -Dspotless.check.skip=true
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
if [ "${1:-}" = quick ]; then runs=(-wi 2 -w 2 -i 3 -r 3); else runs=(-wi 3 -w 3 -i 5 -r 5); fi
java -cp "$cp" org.openjdk.jmh.Main DecisionBenchmark -f 1 "${runs[@]}" -t 1 -p rules=20 -bm sample -tu us
java -cp "$cp" org.openjdk.jmh.Main DecisionBenchmark -f 1 "${runs[@]}" -t 1 -p rules=10,20,200 -bm thrpt -tu s
# CPU time per decision (thread CPU clock): valid even when other work shares the cores
java -cp "$cp" io.huaxiang.bench.decision.DecisionCpuCost 10 20 200
