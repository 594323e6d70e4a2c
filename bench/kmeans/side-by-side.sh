#!/usr/bin/env bash
# k-means on ROWS x DIMS (default 1,000,000 x 12) rows: Huaxiang (huaxiang-model KMeans) and
# scikit-learn's KMeans (Debian python3-sklearn) on the same file, with the same k, iteration
# limit (tol=0: both stop only when no row moves or at the limit), k-means++ seeding, seed.
# Prints each side's first and best-of-REPEATS fit time, inertia and iterations, then the ratios.
#
# Usage: bench/kmeans/side-by-side.sh    Env: ROWS DIMS K ITER SEED REPEATS CLUSTERS
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-1000000} DIMS=${DIMS:-12} K=${K:-8} ITER=${ITER:-30} SEED=${SEED:-42}
REPEATS=${REPEATS:-3} CLUSTERS=${CLUSTERS:-8}
PY=/usr/bin/python3 # Debian's interpreter, where python3-sklearn is installed
if ! "$PY" -c "import sklearn" 2>/dev/null; then
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get install -y -q python3-sklearn >/dev/null
fi
./mvnw -q -pl bench -am package -DskipTests
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
DATA=$(mktemp --suffix=.f64)
trap 'rm -f "$DATA"' EXIT
"$PY" bench/kmeans/sklearn_kmeans.py generate "$DATA" "$ROWS" "$DIMS" "$CLUSTERS" "$SEED"
OURS=$(java -cp "$CP" io.huaxiang.bench.cluster.KMeansSideBySide "$DATA" "$DIMS" "$K" "$ITER" "$SEED" "$REPEATS")
THEIRS=$("$PY" bench/kmeans/sklearn_kmeans.py fit "$DATA" "$DIMS" "$K" "$ITER" "$SEED" "$REPEATS")
echo "rows=$ROWS dims=$DIMS k=$K max_iter=$ITER seed=$SEED repeats=$REPEATS"
echo "$OURS"
echo "$THEIRS"
"$PY" - "$OURS" "$THEIRS" <<'PYEOF'
import sys
def parse(line):
    return {k: float(v) for k, v in (p.split("=") for p in line.split()[1:])}
o, t = parse(sys.argv[1]), parse(sys.argv[2])
print(f"time ratio (huaxiang / sklearn, best): {o['best_s'] / t['best_s']:.3f}")
print(f"time ratio (huaxiang / sklearn, first): {o['first_s'] / t['first_s']:.3f}")
print(f"inertia ratio (huaxiang / sklearn): {o['inertia'] / t['inertia']:.5f}")
PYEOF
