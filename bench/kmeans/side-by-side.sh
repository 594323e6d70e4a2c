#!/usr/bin/env bash
# k-means on ROWS x DIMS (default 1,000,000 x 12) rows: Huaxiang (huaxiang-model KMeans) and
# scikit-learn's KMeans (Debian python3-sklearn) on the same file, with the same k, the same
# iteration limit, tol = 0 (both stop only when no row moves, or at the limit), and two fair
# starts:
#   1. "same start": both run Lloyd's iterations from the very same centres (scikit-learn's own
#      greedy k-means++ seeding, sklearn.cluster.kmeans_plusplus): this compares the iterations
#      alone, and the inertias must agree (goal: within 1%; in practice to float rounding);
#   2. "own seeding": each seeds itself with greedy k-means++ (2 + ln k candidates per centre) and
#      keeps the best of N_INIT runs (scikit-learn's n_init). The random streams differ (numpy's and
#      the JDK's), so the two may end in different local optima: goal |ratio - 1| <= 1% or ours
#      lower.
# Prints each side's first and best-of-REPEATS fit time, inertia and iterations, then the ratios
# (huaxiang / sklearn).
#
# Usage: bench/kmeans/side-by-side.sh    Env: ROWS DIMS K ITER SEED REPEATS N_INIT CLUSTERS
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-1000000} DIMS=${DIMS:-12} K=${K:-8} ITER=${ITER:-30} SEED=${SEED:-42}
REPEATS=${REPEATS:-3} N_INIT=${N_INIT:-3} CLUSTERS=${CLUSTERS:-8}
PY=/usr/bin/python3 # Debian's interpreter, where python3-sklearn is installed
if ! "$PY" -c "import sklearn" 2>/dev/null; then
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get install -y -q python3-sklearn >/dev/null
fi
./mvnw -q -pl bench -am package -DskipTests
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
DATA=$(mktemp --suffix=.f64)
INIT=$(mktemp --suffix=.f64)
trap 'rm -f "$DATA" "$INIT"' EXIT
"$PY" bench/kmeans/sklearn_kmeans.py generate "$DATA" "$ROWS" "$DIMS" "$CLUSTERS" "$SEED"
"$PY" bench/kmeans/sklearn_kmeans.py seeds "$DATA" "$DIMS" "$K" "$SEED" "$INIT"
echo "rows=$ROWS dims=$DIMS k=$K max_iter=$ITER tol=0 seed=$SEED repeats=$REPEATS n_init=$N_INIT"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

compare() { # $1 title, then the arguments after REPEATS for both sides
  local title=$1
  shift
  local ours theirs
  ours=$(java -cp "$CP" io.huaxiang.bench.cluster.KMeansSideBySide "$DATA" "$DIMS" "$K" "$ITER" "$SEED" "$REPEATS" "$@")
  theirs=$("$PY" bench/kmeans/sklearn_kmeans.py fit "$DATA" "$DIMS" "$K" "$ITER" "$SEED" "$REPEATS" "$@")
  echo "== $title"
  echo "$ours"
  echo "$theirs"
  "$PY" - "$ours" "$theirs" <<'PYEOF'
import sys
def parse(line):
    return {k: float(v) for k, v in (p.split("=") for p in line.split()[1:])}
o, t = parse(sys.argv[1]), parse(sys.argv[2])
ratio = o['inertia'] / t['inertia']
print(f"time ratio (huaxiang / sklearn, best): {o['best_s'] / t['best_s']:.3f}")
print(f"time ratio (huaxiang / sklearn, first): {o['first_s'] / t['first_s']:.3f}")
verdict = "within 1%" if abs(ratio - 1) <= 0.01 else ("ours lower" if ratio < 1 else "NOT within 1%")
print(f"inertia ratio (huaxiang / sklearn): {ratio:.6f} ({verdict})")
PYEOF
}
compare "same start: scikit-learn's k-means++ centres, Lloyd only" 1 "$INIT"
compare "own greedy k-means++ seeding, best of n_init=$N_INIT" "$N_INIT"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
