package io.huaxiang.model.derived;

import io.huaxiang.model.data.Column;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.data.NumericColumn;
import java.util.List;
import java.util.Map;

/**
 * A numeric feature computed from raw input columns before binning, e.g. the mean of six monthly
 * bills or payments over bills. The model file stores the recipe, so scoring derives the value from
 * the same raw inputs the applicant sends.
 */
public sealed interface DerivedFeature permits GroupAggregate, SumRatio {

  /** Name of the derived feature (never one of the input columns). */
  String name();

  /** Raw input columns, in order. */
  List<String> inputs();

  /** Computes the value from input values in {@link #inputs()} order; NaN means missing. */
  double compute(double[] inputs);

  /** Returns the value for one applicant; a missing or non-numeric input gives NaN (missing). */
  default double valueOf(Map<String, ?> applicant) {
    List<String> in = inputs();
    double[] values = new double[in.size()];
    for (int j = 0; j < values.length; j++) {
      values[j] = number(applicant.get(in.get(j)));
    }
    return compute(values);
  }

  /** Returns the derived column of a dataset that holds every input column. */
  default NumericColumn derive(Dataset data) {
    List<String> in = inputs();
    double[][] columns = new double[in.size()][];
    for (int j = 0; j < columns.length; j++) {
      Column c = data.column(in.get(j));
      if (!(c instanceof NumericColumn n)) {
        throw new IllegalArgumentException(
            "derived feature '" + name() + "' needs numeric column '" + in.get(j) + "'");
      }
      columns[j] = n.values();
    }
    double[] out = new double[data.rowCount()];
    double[] row = new double[columns.length];
    for (int i = 0; i < out.length; i++) {
      for (int j = 0; j < row.length; j++) {
        row[j] = columns[j][i];
      }
      out[i] = compute(row);
    }
    return new NumericColumn(name(), out);
  }

  private static double number(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value == null) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(value.toString().trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
