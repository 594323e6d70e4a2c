package io.huaxiang.model.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A columnar table of equally long numeric and categorical columns, e.g. one read from a CSV. */
public final class Dataset {
  private final String name;
  private final Map<String, Column> columns;
  private final int rowCount;
  private final DataFingerprint fingerprint;

  private Dataset(String name, List<Column> columns, DataFingerprint fingerprint) {
    this.name = name;
    this.columns = new LinkedHashMap<>();
    int rows = columns.isEmpty() ? 0 : columns.get(0).size();
    for (Column c : columns) {
      if (c.size() != rows) {
        throw new DatasetException(
            "column '" + c.name() + "' has " + c.size() + " rows, expected " + rows);
      }
      if (this.columns.put(c.name(), c) != null) {
        throw new DatasetException("column '" + c.name() + "' appears twice in " + name);
      }
    }
    this.rowCount = rows;
    this.fingerprint = fingerprint;
  }

  /** Creates a dataset from columns of equal length. */
  public static Dataset of(String name, List<? extends Column> columns) {
    return new Dataset(name, List.copyOf(columns), null);
  }

  static Dataset of(String name, List<Column> columns, DataFingerprint fingerprint) {
    return new Dataset(name, columns, fingerprint);
  }

  public String name() {
    return name;
  }

  public int rowCount() {
    return rowCount;
  }

  /** Returns the fingerprint of the file this dataset was read from, if it came from one. */
  public Optional<DataFingerprint> fingerprint() {
    return Optional.ofNullable(fingerprint);
  }

  public List<String> columnNames() {
    return List.copyOf(columns.keySet());
  }

  public List<Column> columns() {
    return List.copyOf(columns.values());
  }

  public boolean hasColumn(String column) {
    return columns.containsKey(column);
  }

  /** Returns a column by name, failing with the list of known columns if it is absent. */
  public Column column(String column) {
    Column c = columns.get(column);
    if (c == null) {
      throw new DatasetException(
          "no column '"
              + column
              + "' in "
              + name
              + "; columns are: "
              + String.join(", ", columns.keySet()));
    }
    return c;
  }

  /** Returns the given rows of every column; the fingerprint stays that of the source file. */
  public Dataset select(int[] rows) {
    List<Column> out = new ArrayList<>(columns.size());
    for (Column c : columns.values()) {
      out.add(c.select(rows));
    }
    return new Dataset(name, out, fingerprint);
  }

  /** Returns this dataset without the named columns (names that are absent are ignored). */
  public Dataset without(Collection<String> names) {
    Set<String> drop = Set.copyOf(names);
    List<Column> out = new ArrayList<>();
    for (Column c : columns.values()) {
      if (!drop.contains(c.name())) {
        out.add(c);
      }
    }
    return new Dataset(name, out, fingerprint);
  }

  /** Returns row {@code row} as a scoring input map (column name to Double or String). */
  public Map<String, Object> row(int row) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Column c : columns.values()) {
      out.put(c.name(), c.value(row));
    }
    return out;
  }

  @Override
  public String toString() {
    return name + " (" + rowCount + " rows x " + columns.size() + " columns)";
  }
}
