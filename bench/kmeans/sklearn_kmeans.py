"""Generates the k-means benchmark data and times scikit-learn's KMeans on it.

Usage: sklearn_kmeans.py generate FILE ROWS DIMS CLUSTERS SEED
       sklearn_kmeans.py seeds FILE DIMS K SEED OUT
       sklearn_kmeans.py fit FILE DIMS K ITERATIONS SEED REPEATS N_INIT [INIT_FILE]
Files are raw little-endian float64, row-major, so Java reads exactly the same numbers.
`seeds` writes scikit-learn's own greedy k-means++ centres (sklearn.cluster.kmeans_plusplus),
so both sides can run Lloyd's iterations from the very same start. `fit` with INIT_FILE starts
from those centres (n_init must then be 1); without it, from its own k-means++ seedings.
"""
import sys
import time

import numpy as np


def generate(path, rows, dims, clusters, seed):
    rng = np.random.default_rng(seed)
    # a mixture of Gaussians with unequal spreads and sizes, like standardised portrait features
    centres = rng.normal(0.0, 3.0, size=(clusters, dims))
    spreads = rng.uniform(0.5, 1.5, size=clusters)
    weights = rng.dirichlet(np.full(clusters, 3.0))
    which = rng.choice(clusters, size=rows, p=weights)
    data = centres[which] + rng.normal(size=(rows, dims)) * spreads[which, None]
    data.astype("<f8").tofile(path)


def seeds(path, dims, k, seed, out):
    from sklearn.cluster import kmeans_plusplus
    data = np.fromfile(path, dtype="<f8").reshape(-1, dims)
    centres, _ = kmeans_plusplus(data, n_clusters=k, random_state=seed)
    centres.astype("<f8").tofile(out)


def fit(path, dims, k, iterations, seed, repeats, n_init, init_file=None):
    from sklearn.cluster import KMeans
    data = np.fromfile(path, dtype="<f8").reshape(-1, dims)
    init = "k-means++"
    if init_file:
        init = np.fromfile(init_file, dtype="<f8").reshape(k, dims)
    times = []
    for _ in range(repeats):
        model = KMeans(n_clusters=k, init=init, n_init=n_init, max_iter=iterations, tol=0.0,
                       algorithm="lloyd", random_state=seed)
        start = time.perf_counter()
        model.fit(data)
        times.append(time.perf_counter() - start)
    print(f"sklearn first_s={times[0]:.3f} best_s={min(times):.3f} "
          f"inertia={model.inertia_:.6e} iterations={model.n_iter_}")


if __name__ == "__main__":
    a = sys.argv
    if a[1] == "generate":
        generate(a[2], int(a[3]), int(a[4]), int(a[5]), int(a[6]))
    elif a[1] == "seeds":
        seeds(a[2], int(a[3]), int(a[4]), int(a[5]), a[6])
    else:
        fit(a[2], int(a[3]), int(a[4]), int(a[5]), int(a[6]), int(a[7]), int(a[8]),
            a[9] if len(a) > 9 else None)
