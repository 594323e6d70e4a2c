package io.huaxiang.store;

/** Escapes a value for PostgreSQL's COPY text format (backslash, tab, newline, carriage return). */
final class CopyText {
  private CopyText() {}

  static StringBuilder append(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(ch);
      }
    }
    return out;
  }
}
