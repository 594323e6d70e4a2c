package io.huaxiang.model.data;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The 0/1 outcome a model learns: 1 where the target column holds the declared positive value (the
 * "event", e.g. {@code bad}), 0 otherwise.
 */
public record BinaryTarget(String column, String positiveValue, int[] labels) {

  /**
   * Reads the target from a dataset column, checking it is binary and that the positive value
   * occurs.
   */
  public static BinaryTarget of(Dataset data, String column, String positiveValue) {
    if (!data.hasColumn(column)) {
      throw new DatasetException(
          "target column '"
              + column
              + "' is missing from "
              + data.name()
              + "; columns are: "
              + String.join(", ", data.columnNames()));
    }
    Column col = data.column(column);
    Set<String> distinct = new LinkedHashSet<>();
    for (int i = 0; i < col.size(); i++) {
      String v = col.text(i);
      if (v.isEmpty()) {
        throw new DatasetException(
            "target column '" + column + "' has no value in data row " + i + " (0-based)");
      }
      distinct.add(v);
      if (distinct.size() > 2) {
        throw new DatasetException(
            "target column '"
                + column
                + "' is not binary: it has more than two values (seen "
                + distinct
                + ")");
      }
    }
    String positive = normalise(col, positiveValue);
    if (!distinct.contains(positive)) {
      throw new DatasetException(
          "positive value '"
              + positiveValue
              + "' does not occur in target column '"
              + column
              + "'; its values are "
              + distinct);
    }
    if (distinct.size() < 2) {
      throw new DatasetException(
          "target column '"
              + column
              + "' has a single class ("
              + distinct
              + "): a model needs both events and non-events");
    }
    int[] labels = new int[col.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = col.text(i).equals(positive) ? 1 : 0;
    }
    return new BinaryTarget(column, positiveValue, labels);
  }

  private static String normalise(Column col, String positiveValue) {
    if (col instanceof NumericColumn) {
      try {
        return new NumericColumn("", new double[] {Double.parseDouble(positiveValue.trim())})
            .text(0);
      } catch (NumberFormatException e) {
        return positiveValue;
      }
    }
    return positiveValue;
  }

  public int size() {
    return labels.length;
  }

  public int positives() {
    return Arrays.stream(labels).sum();
  }

  public int negatives() {
    return labels.length - positives();
  }

  /** Returns the target restricted to the given rows; fails if only one class remains. */
  public BinaryTarget select(int[] rows) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = labels[rows[i]];
    }
    BinaryTarget t = new BinaryTarget(column, positiveValue, out);
    t.requireBothClasses();
    return t;
  }

  /** Fails with a clear message unless both classes occur. */
  public void requireBothClasses() {
    int pos = positives();
    if (pos == 0 || pos == labels.length) {
      throw new DatasetException(
          "target '"
              + column
              + "' has a single class in these "
              + labels.length
              + " rows ("
              + (pos == 0 ? "no" : "only")
              + " '"
              + positiveValue
              + "'): a model needs both events and non-events");
    }
  }
}
