package io.huaxiang.core.expr;

import java.util.List;
import java.util.Objects;

/**
 * The syntax tree of an expression, as {@link Expressions#parse} returns it, for tools such as
 * pretty-printers and the console's inline validation.
 *
 * <p>Every node's {@code toString()} prints canonical source: lower-case keywords, {@code =} and
 * {@code !=}, single-quoted strings, and only the parentheses that precedence requires. Parsing
 * that text gives back an equal tree.
 */
public sealed interface Expr {

  /** A number literal; {@code -5} in source is parsed as the literal -5, not as negation. */
  record NumberLiteral(double value) implements Expr {
    public NumberLiteral {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("number literal must be finite: " + value);
      }
    }

    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /** A string literal, holding the decoded text (escapes resolved). */
  record TextLiteral(String value) implements Expr {
    public TextLiteral {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /** {@code true} or {@code false}. */
  record BooleanLiteral(boolean value) implements Expr {
    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /** {@code null}: a missing value of whatever type its place needs. */
  record NullLiteral() implements Expr {
    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /** A variable such as {@code age} or {@code application.amount}. */
  record Variable(String name) implements Expr {
    public Variable {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /** {@code not operand} (also written {@code !operand}). */
  record Not(Expr operand) implements Expr {
    public Not {
      Objects.requireNonNull(operand, "operand");
    }

    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /** {@code -operand}. */
  record Negate(Expr operand) implements Expr {
    public Negate {
      Objects.requireNonNull(operand, "operand");
    }

    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /** {@code left and right}, {@code left or right}. */
  record Logical(LogicalOp op, Expr left, Expr right) implements Expr {
    public Logical {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /** {@code left op right} for {@code = != < <= > >=}. */
  record Comparison(CompareOp op, Expr left, Expr right) implements Expr {
    public Comparison {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /** {@code left op right} for {@code + - * /}. */
  record Arithmetic(ArithmeticOp op, Expr left, Expr right) implements Expr {
    public Arithmetic {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /** {@code value [not] between low and high}, bounds inclusive. */
  record Between(Expr value, Expr low, Expr high, boolean negated) implements Expr {
    public Between {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(low, "low");
      Objects.requireNonNull(high, "high");
    }

    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /** {@code value [not] in (item, …)}. */
  record In(Expr value, List<Expr> items, boolean negated) implements Expr {
    public In {
      Objects.requireNonNull(value, "value");
      items = List.copyOf(items);
      if (items.isEmpty()) {
        throw new IllegalArgumentException("'in' needs at least one item");
      }
    }

    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /** {@code value is [not] null}: tests whether a value is missing. */
  record IsNull(Expr value, boolean negated) implements Expr {
    public IsNull {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /** A function call such as {@code has_tag('night_owl')}; the name is kept as written. */
  record Call(String function, List<Expr> arguments) implements Expr {
    public Call {
      Objects.requireNonNull(function, "function");
      arguments = List.copyOf(arguments);
    }

    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /** {@code and}, {@code or}. */
  enum LogicalOp {
    AND("and"),
    OR("or");

    private final String symbol;

    LogicalOp(String symbol) {
      this.symbol = symbol;
    }

    /** The canonical source spelling. */
    public String symbol() {
      return symbol;
    }
  }

  /** The comparison operators; {@code ==} parses as EQ and {@code <>} as NE. */
  enum CompareOp {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    CompareOp(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    /**
     * The operator that gives the same answer with the operands swapped ({@code <} → {@code >}).
     */
    public CompareOp flipped() {
      return switch (this) {
        case EQ, NE -> this;
        case LT -> GT;
        case LE -> GE;
        case GT -> LT;
        case GE -> LE;
      };
    }
  }

  /** {@code + - * /}. */
  enum ArithmeticOp {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/");

    private final String symbol;

    ArithmeticOp(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }
}
