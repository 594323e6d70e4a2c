package io.huaxiang.model.data;

/** A numeric column; {@code NaN} marks a missing value. */
public record NumericColumn(String name, double[] values) implements Column {

  @Override
  public ColumnType type() {
    return ColumnType.NUMERIC;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public NumericColumn select(int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return new NumericColumn(name, out);
  }

  @Override
  public String text(int row) {
    double v = values[row];
    if (Double.isNaN(v)) {
      return "";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  @Override
  public Object value(int row) {
    return values[row];
  }
}
