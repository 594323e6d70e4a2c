package io.huaxiang.bench.model;

import io.huaxiang.model.data.CategoricalColumn;
import io.huaxiang.model.data.Column;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic application data for speed benchmarks: numeric features with monotone, U-shaped
 * and null effects, a few categorical ones, 2 % missing values, and a 0/1 target column "bad".
 */
public final class SyntheticCredit {
  private final long seed;

  public SyntheticCredit(long seed) {
    this.seed = seed;
  }

  /** Generates {@code rows} rows with {@code features} feature columns plus the target. */
  public Dataset generate(int rows, int features) {
    SplittableRandom random = new SplittableRandom(seed);
    int categorical = Math.min(5, features / 6);
    int numeric = features - categorical;
    double[][] x = new double[numeric][rows];
    String[][] c = new String[categorical][rows];
    double[] eta = new double[rows];
    String[] grades = {"A", "B", "C", "D", "E", "F", "G"};
    for (int i = 0; i < rows; i++) {
      double z = -1.6;
      for (int j = 0; j < numeric; j++) {
        double v = random.nextGaussian();
        double effect =
            switch (j % 3) {
              case 0 -> 0.35 * v; // monotone
              case 1 -> 0.25 * (v * v - 1); // U-shaped
              default -> 0.0; // noise
            };
        z += effect / Math.sqrt(1 + j / 10.0);
        x[j][i] = random.nextDouble() < 0.02 ? Double.NaN : Math.round(v * 1000) / 10.0;
      }
      for (int j = 0; j < categorical; j++) {
        int g = random.nextInt(grades.length);
        z += 0.15 * (g - 3) / (1 + j);
        c[j][i] = grades[g];
      }
      eta[i] = z;
    }
    double[] bad = new double[rows];
    for (int i = 0; i < rows; i++) {
      bad[i] = random.nextDouble() < 1 / (1 + Math.exp(-eta[i])) ? 1 : 0;
    }
    List<Column> columns = new ArrayList<>();
    for (int j = 0; j < numeric; j++) {
      columns.add(new NumericColumn("x" + j, x[j]));
    }
    for (int j = 0; j < categorical; j++) {
      columns.add(new CategoricalColumn("grade" + j, c[j]));
    }
    columns.add(new NumericColumn("bad", bad));
    return Dataset.of("synthetic-" + seed, columns);
  }
}
