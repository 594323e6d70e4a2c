package io.huaxiang.model.data;

import java.util.Map;
import java.util.Set;

/**
 * How to read a CSV file.
 *
 * @param separator the field separator, or {@code 0} to detect ',' or ';' from the header line
 * @param types column types that override inference (e.g. an integer-coded category)
 * @param missingTokens cell texts read as missing values
 */
public record CsvOptions(char separator, Map<String, ColumnType> types, Set<String> missingTokens) {

  /** Cell texts that mean "no value" in the exports seen in lending (R, pandas, Excel). */
  public static final Set<String> DEFAULT_MISSING =
      Set.of("", "NA", "N/A", "NaN", "nan", "null", "NULL", "?");

  public CsvOptions {
    types = Map.copyOf(types);
    missingTokens = Set.copyOf(missingTokens);
  }

  /** Detects the separator, infers column types, reads common missing-value markers. */
  public static CsvOptions defaults() {
    return new CsvOptions((char) 0, Map.of(), DEFAULT_MISSING);
  }

  public CsvOptions withSeparator(char sep) {
    return new CsvOptions(sep, types, missingTokens);
  }

  public CsvOptions withTypes(Map<String, ColumnType> overrides) {
    return new CsvOptions(separator, overrides, missingTokens);
  }
}
