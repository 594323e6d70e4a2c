package io.huaxiang.core.expr;

/** Draws the source line of a mistake with carets under it. */
final class Snippets {

  private Snippets() {}

  /**
   * Returns "{@code <line>\n ^^^}": the line starting at {@code lineStart} and carets from {@code
   * offset} for {@code length} characters (cut at the end of the line). Wide characters (Chinese)
   * count as two columns so the caret lines up in a terminal.
   */
  static String caret(String source, int lineStart, int offset, int length) {
    int lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd < 0) {
      lineEnd = source.length();
    }
    String line = source.substring(lineStart, lineEnd).replace('\r', ' ');
    StringBuilder marks = new StringBuilder("  ");
    for (int i = lineStart; i < offset; i++) {
      char c = source.charAt(i);
      marks.append(c == '\t' ? "\t" : isWide(c) ? "  " : " ");
    }
    int end = Math.max(offset + 1, Math.min(offset + length, lineEnd));
    for (int i = offset; i < end; i++) {
      marks.append(i < lineEnd && isWide(source.charAt(i)) ? "^^" : "^");
    }
    return "  " + line + "\n" + marks;
  }

  private static boolean isWide(char c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL
        || (c >= '\uFF01' && c <= '\uFF60')
        || (c >= '\u3000' && c <= '\u303F');
  }
}
