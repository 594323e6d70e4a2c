#!/usr/bin/env bash
# Whole-process CLI run on Taiwan, fresh JVM each time: read CSV, bin, select, fit, scale, evaluate
# on the test split, write the model JSON and the HTML report. Prints wall and CPU (user + sys)
# seconds per run; the goal is <= 1.5 s wall on a quiet 2-core machine. Compare CPU seconds when
# the machine is shared: wall time then measures the other processes.
#
# Usage: bench/scorecard/cli-taiwan.sh [shared/data dir] [runs]   (default ../shared/data, 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=$(realpath "${1:-../shared/data}")/taiwan_default
RUNS=${2:-5}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
train() {
  ./huaxiang model train --data "$DATA/UCI_Credit_Card.csv" --target Y --split "$DATA/split.csv" \
    --exclude ID --out "$OUT/taiwan.json" --report "$OUT/taiwan.html"
}
# untimed: builds if needed, extracts the CLI class path and writes its CDS archive
train >/dev/null 2>&1
for i in $(seq "$RUNS"); do
  export -f train
  export DATA OUT
  /usr/bin/time -f "run $i: %e s wall, %U s user + %S s sys" bash -c train 2>&1 >"$OUT/stdout" |
    grep '^run'
done
grep '^test' "$OUT/stdout"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
