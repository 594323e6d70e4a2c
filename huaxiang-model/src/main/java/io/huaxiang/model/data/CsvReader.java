package io.huaxiang.model.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file with a header row into a columnar {@link Dataset}, inferring numeric and
 * categorical columns.
 *
 * <p>Fields may be quoted with {@code "} (a doubled quote inside is a literal quote, newlines may
 * occur inside quotes). A column is numeric when every non-missing cell parses as a number, unless
 * {@link CsvOptions#types()} says otherwise.
 */
public final class CsvReader {
  private final CsvOptions options;

  public CsvReader(CsvOptions options) {
    this.options = options;
  }

  /** Reads a file with default options. */
  public static Dataset read(Path file) {
    return new CsvReader(CsvOptions.defaults()).readFile(file);
  }

  /** Reads a file; the dataset takes the file name and its fingerprint. */
  public Dataset readFile(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DatasetException("CSV file not found: " + file, e);
    } catch (IOException e) {
      throw new DatasetException("cannot read CSV file " + file + ": " + e.getMessage(), e);
    }
    String name = file.getFileName().toString();
    return parse(name, bytes);
  }

  /** Parses CSV content held in memory. */
  public Dataset parse(String name, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1); // Excel writes a byte-order mark before the header
    }
    if (text.isBlank()) {
      throw new DatasetException("CSV file " + name + " is empty: expected a header row");
    }
    char sep = options.separator() != 0 ? options.separator() : detectSeparator(text);
    Parser parser = new Parser(text, sep);
    List<String> header = new ArrayList<>(parser.nextRecord());
    List<List<String>> cells = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      header.set(i, header.get(i).trim());
      cells.add(new ArrayList<>());
    }
    List<Integer> lines = new ArrayList<>();
    for (List<String> rec = parser.nextRecord(); rec != null; rec = parser.nextRecord()) {
      if (rec.size() == 1 && rec.get(0).isBlank()) {
        continue;
      }
      if (rec.size() != header.size()) {
        throw new DatasetException(
            name
                + " line "
                + parser.recordLine
                + ": "
                + rec.size()
                + " fields, but the header has "
                + header.size());
      }
      for (int i = 0; i < rec.size(); i++) {
        cells.get(i).add(rec.get(i));
      }
      lines.add(parser.recordLine);
    }
    if (lines.isEmpty()) {
      throw new DatasetException("CSV file " + name + " has a header but no data rows");
    }
    List<Column> columns = new ArrayList<>(header.size());
    for (int i = 0; i < header.size(); i++) {
      columns.add(toColumn(name, header.get(i), cells.get(i), lines));
    }
    return Dataset.of(name, columns, DataFingerprint.of(bytes, lines.size()));
  }

  private Column toColumn(String file, String column, List<String> cells, List<Integer> lines) {
    ColumnType declared = options.types().get(column);
    if (declared == ColumnType.CATEGORICAL) {
      return categorical(column, cells);
    }
    double[] values = new double[cells.size()];
    for (int r = 0; r < values.length; r++) {
      String raw = cells.get(r);
      double plain = plainDecimal(raw);
      if (!Double.isNaN(plain)) {
        values[r] = plain;
        continue;
      }
      String cell = raw.trim();
      if (options.missingTokens().contains(cell)) {
        values[r] = Double.NaN;
        continue;
      }
      try {
        values[r] = Double.parseDouble(cell);
      } catch (NumberFormatException e) {
        if (declared == ColumnType.NUMERIC) {
          throw new DatasetException(
              file
                  + " line "
                  + lines.get(r)
                  + ", column '"
                  + column
                  + "': '"
                  + cell
                  + "' is not a number, but the column is declared numeric");
        }
        return categorical(column, cells);
      }
    }
    return new NumericColumn(column, values);
  }

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18
  };

  /**
   * Parses a plain decimal such as {@code -1234.5} without {@link Double#parseDouble}'s general
   * machinery, which dominates reading a large numeric file; returns NaN for anything else (the
   * caller then takes the general path). The result is the same double: both the digits (below
   * 2^53) and the power of ten are exact, and one IEEE division rounds correctly.
   */
  static double plainDecimal(String s) {
    int n = s.length();
    int i = 0;
    boolean negative = false;
    if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    long digits = 0;
    int count = 0; // significant digits: leading zeros do not count
    boolean any = false;
    int scale = -1;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = digits * 10 + (c - '0');
        any = true;
        if (digits != 0) {
          count++;
        }
        if (scale >= 0) {
          scale++;
        }
      } else if (c == '.' && scale < 0) {
        scale = 0;
      } else {
        return Double.NaN;
      }
    }
    if (!any || count > 15 || scale >= POWERS_OF_TEN.length) {
      return Double.NaN;
    }
    double value = scale > 0 ? digits / POWERS_OF_TEN[scale] : digits;
    return negative ? -value : value;
  }

  private Column categorical(String column, List<String> cells) {
    String[] values = new String[cells.size()];
    for (int r = 0; r < values.length; r++) {
      String cell = cells.get(r);
      values[r] = options.missingTokens().contains(cell.trim()) ? null : cell.intern();
    }
    return new CategoricalColumn(column, values);
  }

  private static char detectSeparator(String text) {
    int end = text.indexOf('\n');
    String header = end < 0 ? text : text.substring(0, end);
    long semicolons = header.chars().filter(c -> c == ';').count();
    long commas = header.chars().filter(c -> c == ',').count();
    return semicolons > commas ? ';' : ',';
  }

  /** A small RFC 4180 record parser that remembers the line each record starts on. */
  private static final class Parser {
    private final String text;
    private final char sep;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder quoted = new StringBuilder();
    private int pos;
    private int line = 1;
    int recordLine;

    Parser(String text, char sep) {
      this.text = text;
      this.sep = sep;
    }

    /** Returns the next record's fields (a reused list), or null at the end. */
    List<String> nextRecord() {
      int n = text.length();
      if (pos >= n) {
        return null;
      }
      recordLine = line;
      fields.clear();
      while (true) {
        if (pos < n && text.charAt(pos) == '"') {
          pos = readQuoted(pos + 1);
        } else {
          // unquoted field: one substring, no per-character copying
          int start = pos;
          while (pos < n) {
            char c = text.charAt(pos);
            if (c == sep || c == '\n' || c == '\r') {
              break;
            }
            pos++;
          }
          fields.add(text.substring(start, pos));
        }
        if (pos >= n) {
          return fields;
        }
        char c = text.charAt(pos++);
        if (c == sep) {
          continue;
        }
        if (c == '\r' && pos < n && text.charAt(pos) == '\n') {
          pos++;
        }
        line++;
        return fields;
      }
    }

    /** Reads a quoted field starting after its opening quote; returns the position after it. */
    private int readQuoted(int from) {
      quoted.setLength(0);
      int i = from;
      int n = text.length();
      while (i < n) {
        char c = text.charAt(i++);
        if (c == '"') {
          if (i < n && text.charAt(i) == '"') {
            quoted.append('"');
            i++;
          } else {
            break;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          quoted.append(c);
        }
      }
      // text between the closing quote and the next separator is kept, as lenient readers do
      while (i < n && text.charAt(i) != sep && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
        quoted.append(text.charAt(i++));
      }
      fields.add(quoted.toString());
      return i;
    }
  }
}
