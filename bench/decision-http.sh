#!/usr/bin/env bash
# Loan decisions over HTTP under wrk (goal: >= 2,000 decisions/s with p99 <= 10 ms on the 2-core
# machine, every decision durably stored). Starts a server on loopback with a demo population in
# a temporary data directory, creates a `decide` API key, raises today's consumption budget so
# approvals keep reserving funding, warms up, measures with bench/http/decision.lua (key material
# from a counter: >= 1,000,000 distinct users, devices, IPs, ID numbers and phones), then counts
# the stored decisions of the run in PostgreSQL and compares with the 2xx answers wrk saw.
# wrk (Debian) has no -R: the default is closed-loop at fixed connections (throughput at that
# concurrency, latency as each connection sees it); DELAY_MS paces each connection instead
# (offered rate ~ connections x 1000 / DELAY_MS, latency still per request, not from a schedule).
# Usage: bench/decision-http.sh [seconds=60] [connections=16] [demo-users=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; connections="${2:-16}"; users="${3:-10000}"; port=18081; threads=2
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install wrk (Debian package)" >&2; exit 2; }
[ -n "${NO_BUILD:-}" ] || ./mvnw -q -pl huaxiang-server -am package -DskipTests -Dspotless.check.skip=true
jar="$(ls huaxiang-server/target/huaxiang-server-*-exec.jar)"
data="$(mktemp -d)"
export HUAXIANG_DEMO_PASSWORD=bench-demo-password
export HUAXIANG_SECURITY_DEMO_PASSWORD="$HUAXIANG_DEMO_PASSWORD"
java -Xmx2g ${JFR:+-XX:StartFlightRecording=filename=$JFR,settings=profile} -jar "$jar" serve \
  --port "$port" --data-dir "$data" --demo "$users" > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://localhost:$port/actuator/health" > /dev/null; do sleep 1; done
HX_API_KEY="$(java -jar "$jar" apikey create "bench-decide-$$" --scope decide --data-dir "$data" 2> /dev/null | tail -1)"
export HX_API_KEY
# a signed-in admin (session cookie + CSRF token) raises today's budget
curl -s -c "$data/cookies" -o "$data/login.json" -XPOST "http://localhost:$port/api/v1/auth/login" \
  -H 'content-type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$HUAXIANG_DEMO_PASSWORD\"}"
csrf="$(grep -o '"csrf_token" *: *"[^"]*"' "$data/login.json" | sed 's/.*"\([^"]*\)"$/\1/')"
today="$(TZ=Asia/Shanghai date +%F)"
curl -sf -XPUT "http://localhost:$port/api/v1/budgets/consumption/$today" -b "$data/cookies" -H "X-CSRF-TOKEN: $csrf" \
  -H 'content-type: application/json' -d '{"amount": 100000000000, "count": 1000000000}' > /dev/null
export DEMO_USERS="$users" WRK_THREADS="$threads"
RUN="warm-$$" wrk -t"$threads" -c"$connections" -d10s -s bench/http/decision.lua "http://localhost:$port" > /dev/null
RUN="run-$$" wrk -t"$threads" -c"$connections" -d"${seconds}s" -s bench/http/decision.lua \
  "http://localhost:$port" | tee "$data/wrk.txt" | tail -7
stored="$(java -jar "$jar" decision count --request-prefix "b-run-$$-" --data-dir "$data" 2> /dev/null | tail -1)"
answered="$(awk '/^requests/ {print $2 - $(NF-3)}' "$data/wrk.txt" | tr -d ',;')"
echo "stored decisions of the run: $stored (2xx answers: $answered; requests in flight when wrk stopped may add a few)"
if [ "$stored" -ge "$answered" ]; then echo "every answered decision is stored: yes"; else echo "every answered decision is stored: NO"; exit 1; fi
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
