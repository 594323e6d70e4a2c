package io.huaxiang.model.data;

/** One named column of a {@link Dataset}, stored as a primitive or string array. */
public sealed interface Column permits NumericColumn, CategoricalColumn {
  String name();

  ColumnType type();

  int size();

  /** Returns a column holding only the given rows, in the given order. */
  Column select(int[] rows);

  /** Returns the value at a row as text (empty for missing), for messages and reports. */
  String text(int row);

  /** Returns the value at a row as scoring input: a {@code Double} (NaN if missing) or a String. */
  Object value(int row);
}
