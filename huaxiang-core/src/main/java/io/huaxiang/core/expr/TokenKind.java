package io.huaxiang.core.expr;

/**
 * The kinds of token the lexer produces. The declaration order is the order in which expected
 * tokens are listed in error messages: operands first, then operators, then closers.
 */
enum TokenKind {
  IDENTIFIER("identifier", "标识符"),
  NUMBER("number", "数字"),
  STRING("string", "字符串"),
  TRUE("'true'"),
  FALSE("'false'"),
  NULL("'null'"),
  LPAREN("'('"),
  NOT("'not'"),
  MINUS("'-'"),
  PLUS("'+'"),
  STAR("'*'"),
  SLASH("'/'"),
  EQ("'='"),
  NE("'!='"),
  LT("'<'"),
  LE("'<='"),
  GT("'>'"),
  GE("'>='"),
  BETWEEN("'between'"),
  IN("'in'"),
  IS("'is'"),
  AND("'and'"),
  OR("'or'"),
  COMMA("','"),
  RPAREN("')'"),
  EOF("end of input", "表达式结尾");

  final String display;
  final String displayZh;

  TokenKind(String display) {
    this(display, display);
  }

  TokenKind(String display, String displayZh) {
    this.display = display;
    this.displayZh = displayZh;
  }
}
