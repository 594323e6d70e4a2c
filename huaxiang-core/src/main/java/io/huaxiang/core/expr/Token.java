package io.huaxiang.core.expr;

/**
 * One token: its kind, its exact source text and where it sits ({@code start} inclusive, {@code
 * end} exclusive). {@code value} is the decoded content of a string literal or the number's value.
 */
record Token(TokenKind kind, String text, int start, int end, Object value) {

  /** How the token is shown in "but found …": the source text in quotes, or "end of input". */
  String describe() {
    return switch (kind) {
      case EOF -> kind.display;
      case STRING -> text;
      default -> "'" + text + "'";
    };
  }

  String describeZh() {
    return kind == TokenKind.EOF ? kind.displayZh : describe();
  }
}
