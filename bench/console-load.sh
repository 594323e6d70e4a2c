#!/usr/bin/env bash
# Console page load times in headless Chromium (goal: <= 1 s per page on 100,000 demo users).
# Starts a server on loopback with a demo population in a temporary data directory, registers the
# committed German scorecard (so the models page has a model and its charts), then runs
# ConsoleLoadMeasurement: the browser test's ConsoleBrowser signs in as admin (who sees every
# page), opens each page with a full load (warm-up round first) and records, from navigation
# start, when the page had its data and when its last chart was drawn. It also fails on any
# console error or any request to another host. Figures: huaxiang-server/target/console-load/.
# Needs the Debian packages chromium and chromium-driver. Builds with package (never install).
# Usage: bench/console-load.sh [users] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
users="${1:-100000}"; rounds="${2:-5}"; port=18090
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || { echo "needs chromium and chromium-driver" >&2; exit 2; }
./mvnw -q -pl huaxiang-server -am package -DskipTests -Dspotless.check.skip=true
data="$(mktemp -d)"
password=bench-demo-password
# Spring reads huaxiang.security.demo-password from this variable (relaxed binding)
export HUAXIANG_SECURITY_DEMO_PASSWORD="$password"
java -Xmx6g -jar huaxiang-server/target/huaxiang-server-*-exec.jar serve --port "$port" \
  --data-dir "$data" --demo "$users" > "$data/server.log" 2>&1 &
server=$!
trap 'rc=$?; kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"; exit $rc' EXIT
echo "loading $users demo users (this takes a while at 100,000) ..."
until grep -q 'demo data loaded\|demo data not loaded' "$data/server.log" 2>/dev/null \
    && curl -sf "http://localhost:$port/actuator/health" > /dev/null; do
  kill -0 $server 2>/dev/null || { tail -20 "$data/server.log" >&2; exit 1; }
  sleep 2
done
grep -o 'demo data loaded.*' "$data/server.log" || true
# what an analyst would have made: a scorecard (trained on the German credit sample in the repo,
# with its curves), a segment and personas, so that those pages draw what they draw in use
java -jar huaxiang-server/target/huaxiang-server-*-exec.jar model train \
  --data huaxiang-model/src/test/resources/german_credit_200.csv --target creditability \
  --positive bad --name german-bench --out "$data/german.json" > /dev/null 2>&1
cookies="$data/cookies"
csrf="$(curl -s -c "$cookies" -XPOST "http://localhost:$port/api/v1/auth/login" -H 'content-type: application/json' \
  -d "{\"username\":\"risk_analyst\",\"password\":\"$password\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')"
call() { curl -sf -b "$cookies" -H "X-CSRF-TOKEN: $csrf" -H 'content-type: application/json' "$@" > /dev/null; }
call -XPOST "http://localhost:$port/api/v1/models" --data-binary @"$data/german.json"
call -XPOST "http://localhost:$port/api/v1/segments" -d '{"name":"young_tier12","expression":"age between 20 and 35 and city_tier in (1, 2)"}'
call -XPOST "http://localhost:$port/api/v1/personas/fit?k=5"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -q -pl huaxiang-server -am test -Dspotless.check.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest=ConsoleLoadMeasurement -Dhuaxiang.console.url="http://localhost:$port" \
  -Dhuaxiang.console.password="$password" -Dhuaxiang.console.rounds="$rounds" \
  -Dhuaxiang.console.users="$users"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat huaxiang-server/target/console-load/measurement.md
