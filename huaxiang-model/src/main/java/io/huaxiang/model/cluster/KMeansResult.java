package io.huaxiang.model.cluster;

/**
 * A fitted k-means: the centres (row-major, {@code k x dims}), each row's cluster, the inertia (sum
 * of squared distances of rows to their centre) and how many Lloyd iterations ran.
 */
public record KMeansResult(
    int k,
    int dims,
    double[] centres,
    int[] labels,
    double inertia,
    int iterations,
    boolean converged) {

  /** The nearest centre to one row (online assignment of a new user). */
  public int assign(double[] row) {
    int nearest = 0;
    double best = Double.POSITIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double d = KMeans.distance(row, 0, centres, c * dims, dims);
      if (d < best) {
        best = d;
        nearest = c;
      }
    }
    return nearest;
  }

  /** Rows per cluster. */
  public long[] sizes() {
    long[] out = new long[k];
    for (int l : labels) {
      out[l]++;
    }
    return out;
  }
}
