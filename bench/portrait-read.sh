#!/usr/bin/env bash
# Portrait read latency over HTTP at a fixed request rate (goal: p99 <= 5 ms at 1,000 req/s).
# Starts a server on loopback with a demo population in a temporary data directory, loads it,
# warms up, measures, stops the server. Usage: bench/portrait-read.sh [rate] [seconds] [users]
set -euo pipefail
cd "$(dirname "$0")/.."
rate="${1:-1000}"; seconds="${2:-60}"; users="${3:-10000}"; port=18080
./mvnw -q install -DskipTests -Dspotless.check.skip=true
data="$(mktemp -d)"
java -Xmx4g -jar huaxiang-server/target/huaxiang-server-*-exec.jar serve --port "$port" \
  --data-dir "$data" --demo "$users" > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://localhost:$port/actuator/health" > /dev/null; do sleep 1; done
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.huaxiang.bench.http.PortraitReadLoad \
  "http://localhost:$port" "$rate" "$seconds" "$users" 15
