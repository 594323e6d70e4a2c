package io.huaxiang.core.expr;

import java.util.List;
import java.util.Objects;

/**
 * A mistake in an expression, located in its source text and explained in English ({@link
 * #getMessage()}) and Chinese ({@link #messageZh()}).
 *
 * <p>Both messages read "line 1, column 9: expected one of: … but found 'and'" followed by the
 * offending source line and a line of carets under the mistake. The parts are also available one by
 * one for tools such as the console's inline validation: {@link #offset()} (0-based, for {@code
 * substring}), {@link #position()}, {@link #line()} and {@link #column()} (1-based), {@link
 * #length()}, {@link #found()}, {@link #expected()} and {@link #suggestions()}.
 */
public final class ExpressionException extends RuntimeException {

  private final ErrorKind kind;
  private final String source;
  private final int offset;
  private final int length;
  private final int line;
  private final int column;
  private final String found;
  private final List<String> expected;
  private final List<String> suggestions;
  private final String reason;
  private final String reasonZh;
  private final String snippet;

  ExpressionException(
      ErrorKind kind,
      String source,
      int offset,
      int length,
      String found,
      List<String> expected,
      List<String> suggestions,
      String reason,
      String reasonZh) {
    super(reason);
    this.kind = Objects.requireNonNull(kind);
    this.source = source;
    this.offset = Math.max(0, Math.min(offset, source.length()));
    this.length = Math.max(1, length);
    this.found = found;
    this.expected = List.copyOf(expected);
    this.suggestions = List.copyOf(suggestions);
    this.reason = reason;
    this.reasonZh = reasonZh;
    int lineStart = source.lastIndexOf('\n', this.offset - 1) + 1;
    this.line = (int) source.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
    this.column = this.offset - lineStart + 1;
    this.snippet = Snippets.caret(source, lineStart, this.offset, this.length);
  }

  /** The English message: position, reason, then the two-line snippet. */
  @Override
  public String getMessage() {
    return "line " + line + ", column " + column + ": " + reason + "\n" + snippet;
  }

  /** The Chinese message: position, reason, then the two-line snippet. */
  public String messageZh() {
    return "第 " + line + " 行第 " + column + " 列：" + reasonZh + "\n" + snippet;
  }

  /** The English reason alone, without position or snippet. */
  public String reason() {
    return reason;
  }

  /** The Chinese reason alone, without position or snippet. */
  public String reasonZh() {
    return reasonZh;
  }

  public ErrorKind kind() {
    return kind;
  }

  /** The whole expression source the mistake is in. */
  public String source() {
    return source;
  }

  /** 0-based index of the mistake in {@link #source()}. */
  public int offset() {
    return offset;
  }

  /** 1-based character position of the mistake in {@link #source()}, i.e. {@code offset() + 1}. */
  public int position() {
    return offset + 1;
  }

  /** How many characters the mistake spans (at least 1), for underlining. */
  public int length() {
    return length;
  }

  /** 1-based line of the mistake. */
  public int line() {
    return line;
  }

  /** 1-based column of the mistake within its line. */
  public int column() {
    return column;
  }

  /** What was found at the position, e.g. {@code 'and'} or {@code end of input}. */
  public String found() {
    return found;
  }

  /**
   * What would have fitted at the position, e.g. {@code [identifier, number, '(']}; for type errors
   * the expected type, e.g. {@code [number]}; empty when nothing specific fits.
   */
  public List<String> expected() {
    return expected;
  }

  /** Near-miss names the author may have meant ("did you mean …?"), best first. */
  public List<String> suggestions() {
    return suggestions;
  }

  /** The offending source line and a line of carets under the mistake. */
  public String snippet() {
    return snippet;
  }
}
