package io.huaxiang.bench.cluster;

import io.huaxiang.model.cluster.KMeans;
import io.huaxiang.model.cluster.KMeansResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

/**
 * Times Huaxiang's k-means on the raw float64 file {@code bench/kmeans/sklearn_kmeans.py} wrote,
 * with the same k, iteration limit, number of initialisations and seed as scikit-learn, or from the
 * same initial centres; prints one line like the Python side.
 *
 * <p>Usage: {@code KMeansSideBySide FILE DIMS K ITERATIONS SEED REPEATS N_INIT [INIT_FILE]}; with
 * INIT_FILE (k x dims float64 centres) only Lloyd's iterations run, from those centres.
 */
public final class KMeansSideBySide {
  private KMeansSideBySide() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int dims = Integer.parseInt(args[1]);
    int k = Integer.parseInt(args[2]);
    int iterations = Integer.parseInt(args[3]);
    long seed = Long.parseLong(args[4]);
    int repeats = Integer.parseInt(args[5]);
    int inits = Integer.parseInt(args[6]);
    double[] initial = args.length > 7 ? read(Path.of(args[7])) : null;
    double[] data = read(file);
    double first = 0;
    double best = Double.MAX_VALUE;
    KMeansResult fit = null;
    for (int r = 0; r < repeats; r++) {
      long start = System.nanoTime();
      KMeans kmeans = new KMeans(k, iterations, seed, inits, ForkJoinPool.commonPool());
      fit = initial == null ? kmeans.fit(data, dims) : kmeans.fit(data, dims, initial);
      double s = (System.nanoTime() - start) / 1e9;
      first = r == 0 ? s : first;
      best = Math.min(best, s);
    }
    System.out.printf(
        Locale.ROOT,
        "huaxiang first_s=%.3f best_s=%.3f inertia=%.6e iterations=%d%n",
        first,
        best,
        fit.inertia(),
        fit.iterations());
  }

  private static double[] read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    double[] out = new double[bytes.length / 8];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
    return out;
  }
}
