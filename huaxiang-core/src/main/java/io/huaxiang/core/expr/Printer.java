package io.huaxiang.core.expr;

import java.util.stream.Collectors;

/** Prints an {@link Expr} as canonical source, with only the parentheses precedence requires. */
final class Printer {

  // Binding strength, weakest first; a child weaker than its slot allows gets parentheses.
  private static final int OR = 1;
  private static final int AND = 2;
  private static final int NOT = 3;
  private static final int PREDICATE = 4;
  private static final int ADDITIVE = 5;
  private static final int MULTIPLICATIVE = 6;
  private static final int UNARY = 7;
  private static final int PRIMARY = 8;

  private Printer() {}

  static String print(Expr e) {
    return print(e, OR);
  }

  private static String print(Expr e, int slot) {
    String text = raw(e);
    return precedence(e) < slot ? "(" + text + ")" : text;
  }

  private static int precedence(Expr e) {
    if (e instanceof Expr.Logical l) {
      return l.op() == Expr.LogicalOp.OR ? OR : AND;
    } else if (e instanceof Expr.Not) {
      return NOT;
    } else if (e instanceof Expr.Comparison
        || e instanceof Expr.Between
        || e instanceof Expr.In
        || e instanceof Expr.IsNull) {
      return PREDICATE;
    } else if (e instanceof Expr.Arithmetic a) {
      return a.op() == Expr.ArithmeticOp.ADD || a.op() == Expr.ArithmeticOp.SUBTRACT
          ? ADDITIVE
          : MULTIPLICATIVE;
    } else if (e instanceof Expr.Negate) {
      return UNARY;
    }
    return PRIMARY;
  }

  private static String raw(Expr e) {
    if (e instanceof Expr.NumberLiteral n) {
      return number(n.value());
    } else if (e instanceof Expr.TextLiteral t) {
      return quote(t.value());
    } else if (e instanceof Expr.BooleanLiteral b) {
      return String.valueOf(b.value());
    } else if (e instanceof Expr.NullLiteral) {
      return "null";
    } else if (e instanceof Expr.Variable v) {
      return v.name();
    } else if (e instanceof Expr.Not n) {
      return "not " + print(n.operand(), NOT);
    } else if (e instanceof Expr.Negate n) {
      // "-5" would parse back as the literal -5, so a negated literal keeps its parentheses.
      return n.operand() instanceof Expr.NumberLiteral
          ? "-(" + raw(n.operand()) + ")"
          : "-" + print(n.operand(), UNARY);
    } else if (e instanceof Expr.Logical l) {
      int p = precedence(l);
      // Left-associative: a right child of the same strength needs parentheses.
      return print(l.left(), p) + " " + l.op().symbol() + " " + print(l.right(), p + 1);
    } else if (e instanceof Expr.Comparison c) {
      // Comparisons do not chain, so a comparison inside one always gets parentheses.
      return print(c.left(), ADDITIVE) + " " + c.op().symbol() + " " + print(c.right(), ADDITIVE);
    } else if (e instanceof Expr.Arithmetic a) {
      int p = precedence(a);
      return print(a.left(), p) + " " + a.op().symbol() + " " + print(a.right(), p + 1);
    } else if (e instanceof Expr.Between b) {
      return print(b.value(), ADDITIVE)
          + (b.negated() ? " not between " : " between ")
          + print(b.low(), ADDITIVE)
          + " and "
          + print(b.high(), ADDITIVE);
    } else if (e instanceof Expr.In i) {
      return print(i.value(), ADDITIVE)
          + (i.negated() ? " not in (" : " in (")
          + i.items().stream().map(Printer::print).collect(Collectors.joining(", "))
          + ")";
    } else if (e instanceof Expr.IsNull i) {
      return print(i.value(), ADDITIVE) + (i.negated() ? " is not null" : " is null");
    }
    Expr.Call c = (Expr.Call) e;
    return c.function()
        + "("
        + c.arguments().stream().map(Printer::print).collect(Collectors.joining(", "))
        + ")";
  }

  /** Whole numbers without a fraction ("3", not "3.0"); others as Java prints doubles. */
  static String number(double v) {
    boolean negativeZero = v == 0 && Double.doubleToRawLongBits(v) != 0;
    if (v == Math.rint(v) && Math.abs(v) < 1e15 && !negativeZero) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('\'');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\'' -> out.append("\\'");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('\'').toString();
  }
}
