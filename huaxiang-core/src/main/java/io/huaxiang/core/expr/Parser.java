package io.huaxiang.core.expr;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the grammar in {@code docs/expressions.md}.
 *
 * <p>Every time the parser looks for a token kind and does not find it, it notes the kind as
 * expected at the current token; moving on clears the notes. A syntax error therefore lists exactly
 * the tokens that would have been accepted where it stopped.
 */
final class Parser {

  /** Parentheses, {@code not} and {@code -} nested deeper than this are rejected. */
  static final int MAX_NESTING = 100;

  /** Trees deeper than this (counting chains such as a + b + c …) are rejected. */
  static final int MAX_DEPTH = 1000;

  private static final List<TokenKind> COMPARISONS =
      List.of(TokenKind.EQ, TokenKind.NE, TokenKind.LT, TokenKind.LE, TokenKind.GT, TokenKind.GE);
  private static final Set<TokenKind> ARITHMETIC =
      EnumSet.of(TokenKind.PLUS, TokenKind.MINUS, TokenKind.STAR, TokenKind.SLASH);

  private final String source;
  private final List<Token> tokens;
  private final SourceMap positions = new SourceMap();
  private final EnumSet<TokenKind> expected = EnumSet.noneOf(TokenKind.class);
  private int index;
  private int nesting;
  private int depth;

  private Parser(String source) {
    this.source = source;
    this.tokens = Lexer.tokenize(source);
  }

  static ParseResult parse(String source) {
    if (source == null) {
      throw new ExpressionException(
          ErrorKind.SYNTAX,
          "",
          0,
          1,
          "nothing",
          List.of(),
          List.of(),
          "the expression is missing (null)",
          "表达式为空（null）");
    }
    Parser parser = new Parser(source);
    Expr root = parser.expression();
    parser.expect(TokenKind.EOF);
    return new ParseResult(source, root, parser.positions);
  }

  // expression = or
  private Expr expression() {
    return or();
  }

  // or = and { ("or" | "||") and }
  private Expr or() {
    int saved = depth;
    Expr left = and();
    while (at(TokenKind.OR)) {
      Token op = advance();
      deeper();
      Expr right = and();
      left = span(new Expr.Logical(Expr.LogicalOp.OR, left, right), left, right, op);
    }
    depth = saved;
    return left;
  }

  // and = not { ("and" | "&&") not }
  private Expr and() {
    int saved = depth;
    Expr left = not();
    while (at(TokenKind.AND)) {
      Token op = advance();
      deeper();
      Expr right = not();
      left = span(new Expr.Logical(Expr.LogicalOp.AND, left, right), left, right, op);
    }
    depth = saved;
    return left;
  }

  // not = ("not" | "!") not | predicate
  private Expr not() {
    if (!at(TokenKind.NOT)) {
      return predicate();
    }
    nest();
    Token op = advance();
    Expr operand = not();
    unnest();
    return positions.record(new Expr.Not(operand), op.start(), positions.end(operand), op);
  }

  // predicate = additive [ compare additive | ["not"] "between" additive "and" additive
  //                      | ["not"] "in" "(" expression { "," expression } ")" | "is" ["not"] "null"
  // ]
  private Expr predicate() {
    Expr left = additive();
    for (TokenKind kind : COMPARISONS) {
      if (at(kind)) {
        Token op = advance();
        Expr right = additive();
        return span(new Expr.Comparison(compareOp(kind), left, right), left, right, op);
      }
    }
    Token negation = null;
    if (at(TokenKind.NOT)) {
      negation = advance();
      if (!at(TokenKind.BETWEEN) && !at(TokenKind.IN)) {
        throw syntaxError();
      }
    }
    if (at(TokenKind.BETWEEN)) {
      return between(left, negation);
    }
    if (at(TokenKind.IN)) {
      return in(left, negation);
    }
    if (at(TokenKind.IS)) {
      Token op = advance();
      boolean negated = accept(TokenKind.NOT);
      Token end = expect(TokenKind.NULL);
      return positions.record(new Expr.IsNull(left, negated), positions.start(left), end.end(), op);
    }
    return left;
  }

  private Expr between(Expr value, Token negation) {
    Token op = advance();
    Expr low = additive();
    expect(TokenKind.AND);
    Expr high = additive();
    return positions.record(
        new Expr.Between(value, low, high, negation != null),
        positions.start(value),
        positions.end(high),
        negation != null ? negation : op);
  }

  private Expr in(Expr value, Token negation) {
    Token op = advance();
    expect(TokenKind.LPAREN);
    nest();
    List<Expr> items = new ArrayList<>();
    do {
      items.add(expression());
    } while (accept(TokenKind.COMMA));
    Token close = expect(TokenKind.RPAREN);
    unnest();
    return positions.record(
        new Expr.In(value, items, negation != null),
        positions.start(value),
        close.end(),
        negation != null ? negation : op);
  }

  // additive = multiplicative { ("+" | "-") multiplicative }
  private Expr additive() {
    int saved = depth;
    Expr left = multiplicative();
    while (at(TokenKind.PLUS) || at(TokenKind.MINUS)) {
      Token op = advance();
      deeper();
      Expr right = multiplicative();
      Expr.ArithmeticOp kind =
          op.kind() == TokenKind.PLUS ? Expr.ArithmeticOp.ADD : Expr.ArithmeticOp.SUBTRACT;
      left = span(new Expr.Arithmetic(kind, left, right), left, right, op);
    }
    depth = saved;
    return left;
  }

  // multiplicative = unary { ("*" | "/") unary }
  private Expr multiplicative() {
    int saved = depth;
    Expr left = unary();
    while (at(TokenKind.STAR) || at(TokenKind.SLASH)) {
      Token op = advance();
      deeper();
      Expr right = unary();
      Expr.ArithmeticOp kind =
          op.kind() == TokenKind.STAR ? Expr.ArithmeticOp.MULTIPLY : Expr.ArithmeticOp.DIVIDE;
      left = span(new Expr.Arithmetic(kind, left, right), left, right, op);
    }
    depth = saved;
    return left;
  }

  // unary = "-" number | "-" unary | primary
  private Expr unary() {
    if (!at(TokenKind.MINUS)) {
      return primary();
    }
    Token op = advance();
    if (current().kind() == TokenKind.NUMBER) {
      // A minus directly before a number is part of the literal: "-5" is the number -5.
      Token number = advance();
      return positions.record(
          new Expr.NumberLiteral(-(double) number.value()), op.start(), number.end());
    }
    nest();
    Expr operand = unary();
    unnest();
    return positions.record(new Expr.Negate(operand), op.start(), positions.end(operand), op);
  }

  // primary = number | string | "true" | "false" | "null" | identifier [ arguments ]
  //         | "(" expression ")"
  private Expr primary() {
    Token t = current();
    if (at(TokenKind.IDENTIFIER)) {
      advance();
      // Peek without noting '(' as expected: after a name it would only ever start a call.
      if (current().kind() == TokenKind.LPAREN) {
        return call(t);
      }
      return positions.record(new Expr.Variable(t.text()), t.start(), t.end());
    }
    if (at(TokenKind.NUMBER)) {
      advance();
      return positions.record(new Expr.NumberLiteral((double) t.value()), t.start(), t.end());
    }
    if (at(TokenKind.STRING)) {
      advance();
      return positions.record(new Expr.TextLiteral((String) t.value()), t.start(), t.end());
    }
    if (at(TokenKind.TRUE) || at(TokenKind.FALSE)) {
      advance();
      return positions.record(
          new Expr.BooleanLiteral(t.kind() == TokenKind.TRUE), t.start(), t.end());
    }
    if (at(TokenKind.NULL)) {
      advance();
      return positions.record(new Expr.NullLiteral(), t.start(), t.end());
    }
    if (at(TokenKind.LPAREN)) {
      nest();
      advance();
      Expr inner = expression();
      expect(TokenKind.RPAREN);
      unnest();
      return inner;
    }
    throw syntaxError();
  }

  // arguments = "(" [ expression { "," expression } ] ")"
  private Expr call(Token name) {
    advance();
    nest();
    List<Expr> arguments = new ArrayList<>();
    if (!at(TokenKind.RPAREN)) {
      do {
        arguments.add(expression());
      } while (accept(TokenKind.COMMA));
    }
    Token close = expect(TokenKind.RPAREN);
    unnest();
    return positions.record(new Expr.Call(name.text(), arguments), name.start(), close.end(), name);
  }

  private static Expr.CompareOp compareOp(TokenKind kind) {
    return switch (kind) {
      case EQ -> Expr.CompareOp.EQ;
      case NE -> Expr.CompareOp.NE;
      case LT -> Expr.CompareOp.LT;
      case LE -> Expr.CompareOp.LE;
      case GT -> Expr.CompareOp.GT;
      case GE -> Expr.CompareOp.GE;
      default -> throw new IllegalArgumentException(kind.name());
    };
  }

  private <E extends Expr> E span(E node, Expr left, Expr right, Token op) {
    return positions.record(node, positions.start(left), positions.end(right), op);
  }

  private Token current() {
    return tokens.get(index);
  }

  private boolean at(TokenKind kind) {
    if (current().kind() == kind) {
      return true;
    }
    expected.add(kind);
    return false;
  }

  private boolean accept(TokenKind kind) {
    if (at(kind)) {
      advance();
      return true;
    }
    return false;
  }

  private Token expect(TokenKind kind) {
    if (!at(kind)) {
      throw syntaxError();
    }
    return advance();
  }

  private Token advance() {
    Token t = current();
    if (t.kind() != TokenKind.EOF) {
      index++;
    }
    expected.clear();
    return t;
  }

  private void nest() {
    if (++nesting > MAX_NESTING) {
      throw tooComplex(
          "nested more than " + MAX_NESTING + " levels deep", "嵌套超过 " + MAX_NESTING + " 层");
    }
    deeper();
  }

  private void unnest() {
    nesting--;
    depth--;
  }

  private void deeper() {
    if (++depth > MAX_DEPTH) {
      throw tooComplex("more than " + MAX_DEPTH + " operators deep", "运算符层次超过 " + MAX_DEPTH + " 层");
    }
  }

  private ExpressionException tooComplex(String en, String zh) {
    Token t = current();
    return new ExpressionException(
        ErrorKind.TOO_COMPLEX,
        source,
        t.start(),
        t.end() - t.start(),
        t.describe(),
        List.of(),
        List.of(),
        "expression is too complex: " + en + "; split it into several rules",
        "表达式过于复杂：" + zh + "；请拆分为多条规则");
  }

  private ExpressionException syntaxError() {
    Token t = current();
    List<String> en = new ArrayList<>();
    List<String> zh = new ArrayList<>();
    describeExpected(expected, en, zh);
    String found = t.describe();
    String reason =
        (en.size() == 1 ? "expected " : "expected one of: ")
            + String.join(", ", en)
            + " but found "
            + found;
    String reasonZh =
        (zh.size() == 1 ? "此处应为 " : "此处应为以下之一：") + String.join("、", zh) + "，但遇到 " + t.describeZh();
    return new ExpressionException(
        ErrorKind.SYNTAX,
        source,
        t.start(),
        t.end() - t.start(),
        found,
        en,
        List.of(),
        reason,
        reasonZh);
  }

  /** Lists expected kinds in declaration order, folding complete operator families into one. */
  private static void describeExpected(Set<TokenKind> kinds, List<String> en, List<String> zh) {
    boolean allComparisons = kinds.containsAll(COMPARISONS);
    boolean allArithmetic = kinds.containsAll(ARITHMETIC);
    for (TokenKind kind : kinds) {
      if (allArithmetic && ARITHMETIC.contains(kind)) {
        if (kind == TokenKind.MINUS) {
          en.add("arithmetic operator (+ - * /)");
          zh.add("算术运算符（+ - * /）");
        }
      } else if (allComparisons && COMPARISONS.contains(kind)) {
        if (kind == TokenKind.EQ) {
          en.add("comparison (= != < <= > >=)");
          zh.add("比较运算符（= != < <= > >=）");
        }
      } else {
        en.add(kind.display);
        zh.add(kind.displayZh);
      }
    }
  }
}
