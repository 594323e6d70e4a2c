package io.huaxiang.core.expr;

import static io.huaxiang.core.expr.Eval.FALSE;
import static io.huaxiang.core.expr.Eval.TRUE;
import static io.huaxiang.core.expr.Eval.UNKNOWN;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the evaluator for each operator once its operands are type-checked. Each builder folds the
 * result to a constant when all operands are constant, and picks a specialised evaluator for the
 * shapes rules use most ({@code variable op constant}).
 */
final class Evaluators {

  /** Constant lists longer than this are searched by binary search. */
  private static final int LINEAR_SEARCH_LIMIT = 8;

  private Evaluators() {}

  // ---- constants and folding ----

  static Compiled.NumNode number(double value) {
    return new Compiled.NumNode(b -> value, true);
  }

  static Compiled.TextNode text(String value) {
    return new Compiled.TextNode(b -> value, true);
  }

  static Compiled.BoolNode truth(int value) {
    return new Compiled.BoolNode(b -> value, true);
  }

  static Compiled fold(Compiled node, boolean constant) {
    if (!constant) {
      return node;
    }
    if (node instanceof Compiled.NumNode n) {
      return number(n.eval().number(Eval.CONSTANT));
    } else if (node instanceof Compiled.TextNode t) {
      return text(t.eval().text(Eval.CONSTANT));
    } else if (node instanceof Compiled.BoolNode b) {
      return truth(b.eval().truth(Eval.CONSTANT));
    }
    return node;
  }

  static double constantNumber(Compiled.NumNode n) {
    return n.eval().number(Eval.CONSTANT);
  }

  // ---- variables ----

  static Compiled variable(Schema.Variable v) {
    int slot = v.slot();
    return switch (v.type()) {
      case NUMBER -> new Compiled.NumNode(b -> b.number(slot), false, slot);
      case TEXT -> new Compiled.TextNode(b -> b.text(slot), false);
      case BOOLEAN ->
          new Compiled.BoolNode(
              b -> b.isMissing(slot) ? UNKNOWN : b.bool(slot) ? TRUE : FALSE, false);
    };
  }

  // ---- logic (Kleene: FALSE < UNKNOWN < TRUE, and = min, or = max) ----

  static Compiled not(Compiled.BoolNode operand) {
    Eval.Bool o = operand.eval();
    return fold(new Compiled.BoolNode(b -> TRUE - o.truth(b), false), operand.constant());
  }

  static Compiled and(Compiled.BoolNode left, Compiled.BoolNode right) {
    Eval.Bool l = left.eval();
    Eval.Bool r = right.eval();
    Eval.Bool e =
        b -> {
          int x = l.truth(b);
          return x == FALSE ? FALSE : Math.min(x, r.truth(b));
        };
    return fold(new Compiled.BoolNode(e, false), left.constant() && right.constant());
  }

  static Compiled or(Compiled.BoolNode left, Compiled.BoolNode right) {
    Eval.Bool l = left.eval();
    Eval.Bool r = right.eval();
    Eval.Bool e =
        b -> {
          int x = l.truth(b);
          return x == TRUE ? TRUE : Math.max(x, r.truth(b));
        };
    return fold(new Compiled.BoolNode(e, false), left.constant() && right.constant());
  }

  // ---- arithmetic (NaN is missing; division by zero gives missing, as in SQL) ----

  static Compiled negate(Compiled.NumNode operand) {
    Eval.Num o = operand.eval();
    return fold(new Compiled.NumNode(b -> -o.number(b), false), operand.constant());
  }

  static Compiled arithmetic(Expr.ArithmeticOp op, Compiled.NumNode left, Compiled.NumNode right) {
    Eval.Num l = left.eval();
    Eval.Num r = right.eval();
    Eval.Num e =
        switch (op) {
          case ADD -> b -> l.number(b) + r.number(b);
          case SUBTRACT -> b -> l.number(b) - r.number(b);
          case MULTIPLY -> b -> l.number(b) * r.number(b);
          case DIVIDE ->
              b -> {
                double x = l.number(b);
                double y = r.number(b);
                return y == 0 ? Double.NaN : x / y;
              };
        };
    return fold(new Compiled.NumNode(e, false), left.constant() && right.constant());
  }

  // ---- comparisons (any missing operand gives UNKNOWN) ----

  static Compiled compareNumbers(Expr.CompareOp op, Compiled.NumNode left, Compiled.NumNode right) {
    boolean constant = left.constant() && right.constant();
    if (left.slot() >= 0 && right.constant()) {
      return compareSlot(op, left.slot(), constantNumber(right));
    }
    if (right.slot() >= 0 && left.constant()) {
      return compareSlot(op.flipped(), right.slot(), constantNumber(left));
    }
    Eval.Num l = left.eval();
    Eval.Num r = right.eval();
    Eval.Bool e =
        switch (op) {
          case EQ ->
              b -> {
                double x = l.number(b);
                double y = r.number(b);
                return x == y ? TRUE : x != x || y != y ? UNKNOWN : FALSE;
              };
          case NE ->
              b -> {
                double x = l.number(b);
                double y = r.number(b);
                return x == y ? FALSE : x != x || y != y ? UNKNOWN : TRUE;
              };
          case LT ->
              b -> {
                double x = l.number(b);
                double y = r.number(b);
                return x < y ? TRUE : x != x || y != y ? UNKNOWN : FALSE;
              };
          case LE ->
              b -> {
                double x = l.number(b);
                double y = r.number(b);
                return x <= y ? TRUE : x != x || y != y ? UNKNOWN : FALSE;
              };
          case GT ->
              b -> {
                double x = l.number(b);
                double y = r.number(b);
                return x > y ? TRUE : x != x || y != y ? UNKNOWN : FALSE;
              };
          case GE ->
              b -> {
                double x = l.number(b);
                double y = r.number(b);
                return x >= y ? TRUE : x != x || y != y ? UNKNOWN : FALSE;
              };
        };
    return fold(new Compiled.BoolNode(e, false), constant);
  }

  /** {@code variable op constant}, the commonest rule shape: one read, one comparison. */
  private static Compiled compareSlot(Expr.CompareOp op, int slot, double c) {
    if (c != c) {
      return truth(UNKNOWN);
    }
    Eval.Bool e =
        switch (op) {
          case EQ ->
              b -> {
                double x = b.number(slot);
                return x == c ? TRUE : x != x ? UNKNOWN : FALSE;
              };
          case NE ->
              b -> {
                double x = b.number(slot);
                return x == c ? FALSE : x != x ? UNKNOWN : TRUE;
              };
          case LT ->
              b -> {
                double x = b.number(slot);
                return x < c ? TRUE : x != x ? UNKNOWN : FALSE;
              };
          case LE ->
              b -> {
                double x = b.number(slot);
                return x <= c ? TRUE : x != x ? UNKNOWN : FALSE;
              };
          case GT ->
              b -> {
                double x = b.number(slot);
                return x > c ? TRUE : x != x ? UNKNOWN : FALSE;
              };
          case GE ->
              b -> {
                double x = b.number(slot);
                return x >= c ? TRUE : x != x ? UNKNOWN : FALSE;
              };
        };
    return new Compiled.BoolNode(e, false);
  }

  static Compiled compareTexts(Expr.CompareOp op, Compiled.TextNode left, Compiled.TextNode right) {
    Eval.Text l = left.eval();
    Eval.Text r = right.eval();
    Eval.Bool e =
        b -> {
          String x = l.text(b);
          String y = r.text(b);
          if (x == null || y == null) {
            return UNKNOWN;
          }
          return Eval.truth(holds(op, x.compareTo(y)));
        };
    return fold(new Compiled.BoolNode(e, false), left.constant() && right.constant());
  }

  /** {@code =} and {@code !=} over true/false values; the compiler rejects ordering. */
  static Compiled compareTruths(
      Expr.CompareOp op, Compiled.BoolNode left, Compiled.BoolNode right) {
    Eval.Bool l = left.eval();
    Eval.Bool r = right.eval();
    boolean equal = op == Expr.CompareOp.EQ;
    Eval.Bool e =
        b -> {
          int x = l.truth(b);
          int y = r.truth(b);
          if (x == UNKNOWN || y == UNKNOWN) {
            return UNKNOWN;
          }
          return Eval.truth((x == y) == equal);
        };
    return fold(new Compiled.BoolNode(e, false), left.constant() && right.constant());
  }

  private static boolean holds(Expr.CompareOp op, int comparison) {
    return switch (op) {
      case EQ -> comparison == 0;
      case NE -> comparison != 0;
      case LT -> comparison < 0;
      case LE -> comparison <= 0;
      case GT -> comparison > 0;
      case GE -> comparison >= 0;
    };
  }

  // ---- between: value >= low and value <= high, in three-valued logic ----

  static Compiled betweenNumbers(
      Compiled.NumNode value, Compiled.NumNode low, Compiled.NumNode high, boolean negated) {
    boolean constant = value.constant() && low.constant() && high.constant();
    if (value.slot() >= 0 && low.constant() && high.constant()) {
      double lo = constantNumber(low);
      double hi = constantNumber(high);
      if (lo == lo && hi == hi) {
        int slot = value.slot();
        int inside = negated ? FALSE : TRUE;
        int outside = TRUE - inside;
        return new Compiled.BoolNode(
            b -> {
              double x = b.number(slot);
              return x >= lo && x <= hi ? inside : x != x ? UNKNOWN : outside;
            },
            false);
      }
    }
    Eval.Num v = value.eval();
    Eval.Num l = low.eval();
    Eval.Num h = high.eval();
    Eval.Bool e =
        b -> {
          double x = v.number(b);
          double lo = l.number(b);
          double hi = h.number(b);
          int aboveLow = x != x || lo != lo ? UNKNOWN : Eval.truth(x >= lo);
          int belowHigh = x != x || hi != hi ? UNKNOWN : Eval.truth(x <= hi);
          int result = Math.min(aboveLow, belowHigh);
          return negated ? TRUE - result : result;
        };
    return fold(new Compiled.BoolNode(e, false), constant);
  }

  static Compiled betweenTexts(
      Compiled.TextNode value, Compiled.TextNode low, Compiled.TextNode high, boolean negated) {
    Eval.Text v = value.eval();
    Eval.Text l = low.eval();
    Eval.Text h = high.eval();
    Eval.Bool e =
        b -> {
          String x = v.text(b);
          String lo = l.text(b);
          String hi = h.text(b);
          int aboveLow = x == null || lo == null ? UNKNOWN : Eval.truth(x.compareTo(lo) >= 0);
          int belowHigh = x == null || hi == null ? UNKNOWN : Eval.truth(x.compareTo(hi) <= 0);
          int result = Math.min(aboveLow, belowHigh);
          return negated ? TRUE - result : result;
        };
    return fold(
        new Compiled.BoolNode(e, false), value.constant() && low.constant() && high.constant());
  }

  // ---- in: value = item1 or value = item2 …, in three-valued logic ----

  static Compiled inNumbers(Compiled.NumNode value, List<Compiled.NumNode> items, boolean negated) {
    boolean allConstant = items.stream().allMatch(Compiled::constant);
    Eval.Num v = value.eval();
    Eval.Bool e;
    if (allConstant) {
      boolean missingItem = false;
      double[] values = new double[items.size()];
      for (int i = 0; i < values.length; i++) {
        // + 0.0 turns -0.0 into 0.0, so that binary search agrees with ==.
        values[i] = constantNumber(items.get(i)) + 0.0;
        missingItem |= values[i] != values[i];
      }
      double[] sorted = Arrays.stream(values).filter(x -> x == x).sorted().distinct().toArray();
      int noMatch = missingItem ? UNKNOWN : FALSE;
      e =
          sorted.length <= LINEAR_SEARCH_LIMIT
              ? b -> {
                double x = v.number(b);
                if (x != x) {
                  return UNKNOWN;
                }
                for (double item : sorted) {
                  if (x == item) {
                    return TRUE;
                  }
                }
                return noMatch;
              }
              : b -> {
                double x = v.number(b);
                if (x != x) {
                  return UNKNOWN;
                }
                return Arrays.binarySearch(sorted, x + 0.0) >= 0 ? TRUE : noMatch;
              };
    } else {
      Eval.Num[] evals = items.stream().map(Compiled.NumNode::eval).toArray(Eval.Num[]::new);
      e =
          b -> {
            double x = v.number(b);
            if (x != x) {
              return UNKNOWN;
            }
            int result = FALSE;
            for (Eval.Num item : evals) {
              double y = item.number(b);
              if (x == y) {
                return TRUE;
              }
              if (y != y) {
                result = UNKNOWN;
              }
            }
            return result;
          };
    }
    return negatedIn(e, negated, value.constant() && allConstant);
  }

  static Compiled inTexts(Compiled.TextNode value, List<Compiled.TextNode> items, boolean negated) {
    boolean allConstant = items.stream().allMatch(Compiled::constant);
    Eval.Text v = value.eval();
    Eval.Bool e;
    if (allConstant) {
      Set<String> values = new HashSet<>();
      boolean missingItem = false;
      for (Compiled.TextNode item : items) {
        String s = item.eval().text(Eval.CONSTANT);
        missingItem |= s == null;
        if (s != null) {
          values.add(s);
        }
      }
      int noMatch = missingItem ? UNKNOWN : FALSE;
      Set<String> frozen = Set.copyOf(values);
      e =
          b -> {
            String x = v.text(b);
            return x == null ? UNKNOWN : frozen.contains(x) ? TRUE : noMatch;
          };
    } else {
      Eval.Text[] evals = items.stream().map(Compiled.TextNode::eval).toArray(Eval.Text[]::new);
      e =
          b -> {
            String x = v.text(b);
            if (x == null) {
              return UNKNOWN;
            }
            int result = FALSE;
            for (Eval.Text item : evals) {
              String y = item.text(b);
              if (y == null) {
                result = UNKNOWN;
              } else if (x.equals(y)) {
                return TRUE;
              }
            }
            return result;
          };
    }
    return negatedIn(e, negated, value.constant() && allConstant);
  }

  static Compiled inTruths(
      Compiled.BoolNode value, List<Compiled.BoolNode> items, boolean negated) {
    Eval.Bool v = value.eval();
    Eval.Bool[] evals = items.stream().map(Compiled.BoolNode::eval).toArray(Eval.Bool[]::new);
    Eval.Bool e =
        b -> {
          int x = v.truth(b);
          if (x == UNKNOWN) {
            return UNKNOWN;
          }
          int result = FALSE;
          for (Eval.Bool item : evals) {
            int y = item.truth(b);
            if (y == UNKNOWN) {
              result = UNKNOWN;
            } else if (x == y) {
              return TRUE;
            }
          }
          return result;
        };
    boolean constant = value.constant() && items.stream().allMatch(Compiled::constant);
    return negatedIn(e, negated, constant);
  }

  private static Compiled negatedIn(Eval.Bool in, boolean negated, boolean constant) {
    Eval.Bool e = negated ? b -> TRUE - in.truth(b) : in;
    return fold(new Compiled.BoolNode(e, false), constant);
  }

  // ---- is [not] null ----

  static Compiled isNull(Compiled value, boolean negated) {
    int missing = negated ? FALSE : TRUE;
    int present = TRUE - missing;
    Compiled node;
    if (value instanceof Compiled.NumNode n) {
      Eval.Num v = n.eval();
      node =
          new Compiled.BoolNode(
              b -> {
                double x = v.number(b);
                return x != x ? missing : present;
              },
              false);
    } else if (value instanceof Compiled.TextNode t) {
      Eval.Text v = t.eval();
      node = new Compiled.BoolNode(b -> v.text(b) == null ? missing : present, false);
    } else if (value instanceof Compiled.BoolNode bool) {
      Eval.Bool v = bool.eval();
      node = new Compiled.BoolNode(b -> v.truth(b) == UNKNOWN ? missing : present, false);
    } else {
      return truth(missing);
    }
    return fold(node, value.constant());
  }
}
