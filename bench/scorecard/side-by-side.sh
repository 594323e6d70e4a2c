#!/usr/bin/env bash
# Builds Huaxiang, trains the automatic scorecard on the five shared datasets and runs the Python
# baselines (LR, WoE-LR, XGBoost) on the same splits, then prints one Markdown table.
#
# Usage: bench/scorecard/side-by-side.sh [shared/data dir]   (default: ../shared/data from the repo)
# Env:   REPEATS=3  whole-process timing of ours is the best of REPEATS in one JVM
#        REPORTS=dir  also write an HTML report and model JSON per dataset
#        LARGE=1  also time binning + LR on 1,000,000 synthetic rows x 30 features
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=$(realpath "${1:-../shared/data}")
REPEATS=${REPEATS:-3}
PY=/usr/bin/python3 # Debian's interpreter, where python3-sklearn etc. are installed

if ! "$PY" -c "import sklearn, xgboost, pandas" 2>/dev/null; then
  echo "installing Debian's python3-sklearn python3-xgboost python3-pandas" >&2
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q python3-sklearn python3-xgboost python3-pandas >/dev/null
fi

./mvnw -q -pl bench -am package -DskipTests
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
OURS=$(mktemp)
THEIRS=$(mktemp)
trap 'rm -f "$OURS" "$THEIRS"' EXIT

java ${REPORTS:+-Dreports="$REPORTS"} -cp "$CP" io.huaxiang.bench.model.ScorecardSideBySide \
  "$DATA" "$REPEATS" >"$OURS"
"$PY" bench/scorecard/baselines.py "$DATA" 2>/dev/null >"$THEIRS"

"$PY" - "$OURS" "$THEIRS" <<'PYEOF'
import sys
def rows(path):
    out = []
    for line in open(path):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and not cells[0].startswith(("dataset", "---")):
            out.append(cells)
    return out
ours, theirs = rows(sys.argv[1]), rows(sys.argv[2])
print("| dataset | model | test AUC | test KS | AUC of integer points | fit s |")
print("|---|---|---|---|---|---|")
for o in ours:
    ds = o[0]
    print(f"| {ds} | **Huaxiang scorecard** ({o[1]} features) | **{o[2]}** | {o[4]} | {o[3]} | {o[7]} (whole process) |")
    for t in theirs:
        if t[0] == ds:
            print(f"| {ds} | {t[1]} | {t[2]} | {t[3]} | | {t[4]} |")
PYEOF

if [ "${LARGE:-0}" = 1 ]; then
  java -Xmx8g -cp "$CP" io.huaxiang.bench.model.LargeScaleBench 1000000 30
fi
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
