package io.huaxiang.model.data;

/** How a column is binned: numeric columns by value ranges, categorical ones by label groups. */
public enum ColumnType {
  NUMERIC,
  CATEGORICAL
}
