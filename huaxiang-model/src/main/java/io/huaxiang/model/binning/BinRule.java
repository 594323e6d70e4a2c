package io.huaxiang.model.binning;

import java.util.List;

/** Which raw values fall into a bin. */
public sealed interface BinRule {

  /** A human-readable label, e.g. {@code [1000, 5000)} or {@code {A, B}}. */
  String label();

  /** Numeric values {@code lower <= x < upper}; the bounds may be infinite. */
  record Range(double lower, double upper) implements BinRule {
    @Override
    public String label() {
      if (lower == Double.NEGATIVE_INFINITY && upper == Double.POSITIVE_INFINITY) {
        return "all";
      }
      if (lower == Double.NEGATIVE_INFINITY) {
        return "< " + fmt(upper);
      }
      if (upper == Double.POSITIVE_INFINITY) {
        return ">= " + fmt(lower);
      }
      return "[" + fmt(lower) + ", " + fmt(upper) + ")";
    }
  }

  /** A group of category labels. */
  record Categories(List<String> values) implements BinRule {
    public Categories {
      values = List.copyOf(values);
    }

    @Override
    public String label() {
      return values.size() == 1 ? values.get(0) : "{" + String.join(", ", values) + "}";
    }
  }

  /** Missing values (empty cell, NA, NaN). */
  record Missing() implements BinRule {
    @Override
    public String label() {
      return "missing";
    }
  }

  /** A declared special numeric value such as {@code -999} ("no record"). */
  record Special(double value) implements BinRule {
    @Override
    public String label() {
      return "special " + fmt(value);
    }
  }

  private static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format("%.6g", v).replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
