package io.huaxiang.core.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The expression semantics written the plainest way: walks the tree with boxed values, where {@code
 * null} is a missing value (unknown, for true/false). The compiled evaluator must agree with it.
 */
final class ReferenceInterpreter {

  private final Map<String, ?> values;
  private final Set<String> tags;

  ReferenceInterpreter(Map<String, ?> values, Set<String> tags) {
    this.values = values;
    this.tags = tags;
  }

  Object eval(Expr e) {
    if (e instanceof Expr.NumberLiteral n) {
      return n.value();
    } else if (e instanceof Expr.TextLiteral t) {
      return t.value();
    } else if (e instanceof Expr.BooleanLiteral b) {
      return b.value();
    } else if (e instanceof Expr.NullLiteral) {
      return null;
    } else if (e instanceof Expr.Variable v) {
      Object value = values.get(v.name());
      return value instanceof Number n ? real(n.doubleValue()) : value;
    } else if (e instanceof Expr.Not n) {
      Boolean b = (Boolean) eval(n.operand());
      return b == null ? null : !b;
    } else if (e instanceof Expr.Negate n) {
      Double d = (Double) eval(n.operand());
      return d == null ? null : -d;
    } else if (e instanceof Expr.Logical l) {
      Boolean a = (Boolean) eval(l.left());
      Boolean b = (Boolean) eval(l.right());
      return l.op() == Expr.LogicalOp.AND ? and(a, b) : or(a, b);
    } else if (e instanceof Expr.Arithmetic a) {
      return arithmetic(a.op(), (Double) eval(a.left()), (Double) eval(a.right()));
    } else if (e instanceof Expr.Comparison c) {
      return compare(c.op(), eval(c.left()), eval(c.right()));
    } else if (e instanceof Expr.Between b) {
      Object v = eval(b.value());
      Boolean inside =
          and(
              compare(Expr.CompareOp.GE, v, eval(b.low())),
              compare(Expr.CompareOp.LE, v, eval(b.high())));
      return b.negated() ? not(inside) : inside;
    } else if (e instanceof Expr.In in) {
      Object v = eval(in.value());
      Boolean any = false;
      for (Expr item : in.items()) {
        any = or(any, compare(Expr.CompareOp.EQ, v, eval(item)));
      }
      return in.negated() ? not(any) : any;
    } else if (e instanceof Expr.IsNull i) {
      return (eval(i.value()) == null) != i.negated();
    }
    return call((Expr.Call) e);
  }

  private Object call(Expr.Call c) {
    List<Object> args = new ArrayList<>();
    for (Expr a : c.arguments()) {
      args.add(eval(a));
    }
    Object first = args.get(0);
    switch (c.function().toLowerCase(Locale.ROOT)) {
      case "has_tag":
        return first == null ? null : tags.contains((String) first);
      case "abs":
        return first == null ? null : Math.abs((Double) first);
      case "ln":
        return first == null || (Double) first <= 0 ? null : Math.log((Double) first);
      case "coalesce":
        return args.stream().filter(Objects::nonNull).findFirst().orElse(null);
      case "min":
      case "max":
        {
          Double acc = null;
          for (Object a : args) {
            if (a != null) {
              double d = (Double) a;
              acc =
                  acc == null
                      ? d
                      : c.function().equalsIgnoreCase("min") ? Math.min(acc, d) : Math.max(acc, d);
            }
          }
          return acc;
        }
      case "round":
        {
          Double digits = args.size() > 1 ? (Double) args.get(1) : Double.valueOf(0);
          if (first == null || digits == null) {
            return null;
          }
          double x = (Double) first;
          if (Double.isInfinite(x)) {
            return x;
          }
          int scale = (int) Math.max(-15, Math.min(15, Math.rint(digits)));
          return BigDecimal.valueOf(x).setScale(scale, RoundingMode.HALF_UP).doubleValue();
        }
      default:
        throw new IllegalArgumentException("no reference for " + c.function());
    }
  }

  private static Double real(double d) {
    return Double.isNaN(d) ? null : d;
  }

  private static Object arithmetic(Expr.ArithmeticOp op, Double a, Double b) {
    if (a == null || b == null) {
      return null;
    }
    return switch (op) {
      case ADD -> real(a + b);
      case SUBTRACT -> real(a - b);
      case MULTIPLY -> real(a * b);
      case DIVIDE -> b == 0 ? null : real(a / b);
    };
  }

  @SuppressWarnings("unchecked")
  private static Boolean compare(Expr.CompareOp op, Object a, Object b) {
    if (a == null || b == null) {
      return null;
    }
    if (a instanceof Boolean x) {
      return op == Expr.CompareOp.EQ ? x.equals(b) : !x.equals(b);
    }
    int c;
    if (a instanceof Double x) {
      double y = (Double) b;
      // Primitive comparison, as in SQL: -0 equals 0.
      c = x < y ? -1 : x > y ? 1 : 0;
    } else {
      c = ((Comparable<Object>) a).compareTo(b);
    }
    return switch (op) {
      case EQ -> c == 0;
      case NE -> c != 0;
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
    };
  }

  private static Boolean and(Boolean a, Boolean b) {
    if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
      return false;
    }
    return a == null || b == null ? null : true;
  }

  private static Boolean or(Boolean a, Boolean b) {
    if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
      return true;
    }
    return a == null || b == null ? null : false;
  }

  private static Boolean not(Boolean a) {
    return a == null ? null : !a;
  }
}
