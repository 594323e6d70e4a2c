package io.huaxiang.model.data;

/** A categorical column of text labels; {@code null} marks a missing value. */
public record CategoricalColumn(String name, String[] values) implements Column {

  @Override
  public ColumnType type() {
    return ColumnType.CATEGORICAL;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public CategoricalColumn select(int[] rows) {
    String[] out = new String[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return new CategoricalColumn(name, out);
  }

  @Override
  public String text(int row) {
    return values[row] == null ? "" : values[row];
  }

  @Override
  public Object value(int row) {
    return values[row];
  }
}
