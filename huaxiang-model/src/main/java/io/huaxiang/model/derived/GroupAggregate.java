package io.huaxiang.model.derived;

import java.util.List;

/**
 * One summary of a group of like columns (e.g. six monthly repayment statuses): their mean, max,
 * min, the first minus the last (a trend along the file's column order), or how many are positive
 * (e.g. months late). Any missing input makes the summary missing.
 *
 * @param name derived feature name, e.g. {@code PAY_AMT1..6_mean}
 * @param aggregate which summary
 * @param inputs the group's columns in file order
 */
public record GroupAggregate(String name, Aggregate aggregate, List<String> inputs)
    implements DerivedFeature {

  /** The summaries offered for every group. */
  public enum Aggregate {
    MEAN,
    MAX,
    MIN,
    TREND,
    COUNT_POSITIVE
  }

  public GroupAggregate {
    inputs = List.copyOf(inputs);
    if (inputs.size() < 2) {
      throw new IllegalArgumentException("a group aggregate needs at least two columns");
    }
  }

  @Override
  public double compute(double[] v) {
    for (double x : v) {
      if (Double.isNaN(x)) {
        return Double.NaN;
      }
    }
    return switch (aggregate) {
      case MEAN -> sum(v) / v.length;
      case MAX -> max(v);
      case MIN -> -max(negate(v));
      case TREND -> v[0] - v[v.length - 1];
      case COUNT_POSITIVE -> countPositive(v);
    };
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }

  private static double max(double[] v) {
    double m = v[0];
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  private static double[] negate(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = -v[i];
    }
    return out;
  }

  private static double countPositive(double[] v) {
    int n = 0;
    for (double x : v) {
      if (x > 0) {
        n++;
      }
    }
    return n;
  }
}
