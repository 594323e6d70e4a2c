#!/usr/bin/env bash
# Portrait read latency over HTTP at about 1,000 req/s (goal: p99 <= 5 ms).
# Starts a server on loopback with a demo population in a temporary data directory, warms up,
# measures, stops the server. Two load generators:
#   wrk (default; Debian package, installed if missing): paced with bench/http/portrait-read.lua,
#     10 connections x 1 request per 9 ms ~ 1,000 req/s; light on the 2 shared cores.
#   DRIVER=java: io.huaxiang.bench.http.PortraitReadLoad, open model at an exact rate with
#     latency from the due time (no coordinated omission), but its JVM competes for the cores.
# Usage: bench/portrait-read.sh [seconds] [users]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; users="${2:-10000}"; port=18080
./mvnw -q install -DskipTests -Dspotless.check.skip=true
if [ "${DRIVER:-wrk}" = wrk ] && ! command -v wrk > /dev/null; then
  apt-get install -y wrk > /dev/null 2>&1 || { apt-get update > /dev/null && apt-get install -y wrk > /dev/null; }
fi
data="$(mktemp -d)"
# reads need a signed-in role: a fixed demo password, one sign-in, the session cookie on every read
export HUAXIANG_DEMO_PASSWORD=bench-demo-password
# Spring reads huaxiang.security.demo-password from this variable (relaxed binding)
export HUAXIANG_SECURITY_DEMO_PASSWORD="$HUAXIANG_DEMO_PASSWORD"
java -Xmx4g -jar huaxiang-server/target/huaxiang-server-*-exec.jar serve --port "$port" \
  --data-dir "$data" --demo "$users" > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://localhost:$port/actuator/health" > /dev/null; do sleep 1; done
grep -o 'demo data loaded.*' "$data/server.log" || true
HX_COOKIE="HXSESSION=$(curl -s -c - -o /dev/null -XPOST "http://localhost:$port/api/v1/auth/login" \
  -H 'content-type: application/json' \
  -d "{\"username\":\"risk_analyst\",\"password\":\"$HUAXIANG_DEMO_PASSWORD\"}" | awk '/HXSESSION/ {print $7}')"
[ "$HX_COOKIE" != "HXSESSION=" ] || { echo "sign-in failed: no session cookie" >&2; exit 1; }
export HX_COOKIE
if [ "${DRIVER:-wrk}" = wrk ]; then
  export USERS="$users" DELAY_MS=9
  wrk -t2 -c10 -d15s -s bench/http/portrait-read.lua "http://localhost:$port" > /dev/null   # warm-up
  wrk -t2 -c10 -d"${seconds}s" -s bench/http/portrait-read.lua "http://localhost:$port" | tail -5
else
  java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.huaxiang.bench.http.PortraitReadLoad \
    "http://localhost:$port" 1000 "$seconds" "$users" 15
fi
