"""Generates the k-means benchmark data and times scikit-learn's KMeans on it.

Usage: sklearn_kmeans.py generate FILE ROWS DIMS CLUSTERS SEED
       sklearn_kmeans.py fit FILE DIMS K ITERATIONS SEED REPEATS
The data file is raw little-endian float64, row-major, so Java reads exactly the same numbers.
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


def fit(path, dims, k, iterations, seed, repeats):
    from sklearn.cluster import KMeans
    data = np.fromfile(path, dtype="<f8").reshape(-1, dims)
    times = []
    for _ in range(repeats):
        model = KMeans(n_clusters=k, init="k-means++", n_init=1, max_iter=iterations, tol=0.0,
                       algorithm="lloyd", random_state=seed)
        start = time.perf_counter()
        model.fit(data)
        times.append(time.perf_counter() - start)
    print(f"sklearn first_s={times[0]:.3f} best_s={min(times):.3f} "
          f"inertia={model.inertia_:.6e} iterations={model.n_iter_}")


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))
    else:
        fit(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]),
            int(sys.argv[7]))
