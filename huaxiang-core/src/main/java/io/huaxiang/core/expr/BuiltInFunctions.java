package io.huaxiang.core.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** The functions every registry starts with, and the evaluator shapes they are built from. */
final class BuiltInFunctions {

  /** {@code round}'s digits are limited to this range so a typo cannot allocate a huge decimal. */
  static final int MAX_ROUND_DIGITS = 15;

  private static final List<ValueType> NUMBER = List.of(ValueType.NUMBER);
  private static final List<ValueType> TWO_NUMBERS = List.of(ValueType.NUMBER, ValueType.NUMBER);

  private BuiltInFunctions() {}

  static List<FunctionSpec> all() {
    return List.of(
        new FunctionSpec(
            "has_tag",
            List.of(ValueType.TEXT),
            1,
            1,
            ValueType.BOOLEAN,
            false,
            "whether the user carries the tag, e.g. has_tag('night_owl')",
            "用户是否带有该标签，例如 has_tag('night_owl')",
            args -> hasTag((Compiled.TextNode) args.get(0))),
        new FunctionSpec(
            "abs",
            NUMBER,
            1,
            1,
            ValueType.NUMBER,
            true,
            "absolute value",
            "绝对值",
            args -> numeric1(args.get(0), Math::abs)),
        new FunctionSpec(
            "min",
            NUMBER,
            1,
            Integer.MAX_VALUE,
            ValueType.NUMBER,
            true,
            "smallest of the arguments, ignoring missing ones",
            "各参数中的最小值（忽略缺失值）",
            args -> reduce(args, Math::min)),
        new FunctionSpec(
            "max",
            NUMBER,
            1,
            Integer.MAX_VALUE,
            ValueType.NUMBER,
            true,
            "largest of the arguments, ignoring missing ones",
            "各参数中的最大值（忽略缺失值）",
            args -> reduce(args, Math::max)),
        new FunctionSpec(
            "coalesce",
            List.of(),
            1,
            Integer.MAX_VALUE,
            null,
            true,
            "the first argument that is not missing, e.g. coalesce(max_dpd_90d, 0)",
            "第一个非缺失的参数，例如 coalesce(max_dpd_90d, 0)",
            BuiltInFunctions::coalesce),
        new FunctionSpec(
            "round",
            TWO_NUMBERS,
            1,
            2,
            ValueType.NUMBER,
            true,
            "rounds half away from zero to the given decimal digits (default 0)",
            "四舍五入到指定小数位（默认 0 位）",
            args ->
                args.size() == 1
                    ? numeric1(args.get(0), x -> round(x, 0))
                    : numeric2(args.get(0), args.get(1), BuiltInFunctions::round)),
        new FunctionSpec(
            "ln",
            NUMBER,
            1,
            1,
            ValueType.NUMBER,
            true,
            "natural logarithm; missing for zero or negative numbers",
            "自然对数；零或负数时为缺失",
            args -> numeric1(args.get(0), BuiltInFunctions::ln)));
  }

  static double ln(double x) {
    return x > 0 ? Math.log(x) : Double.NaN;
  }

  /**
   * Rounds half away from zero in decimal, so that round(2.675, 2) is 2.68 as on paper, not 2.67 as
   * binary arithmetic would give.
   */
  static double round(double x, double digits) {
    if (!Double.isFinite(x)) {
      return x;
    }
    int scale = (int) Math.max(-MAX_ROUND_DIGITS, Math.min(MAX_ROUND_DIGITS, Math.rint(digits)));
    return BigDecimal.valueOf(x).setScale(scale, RoundingMode.HALF_UP).doubleValue();
  }

  static Compiled numeric1(Compiled arg, DoubleUnaryOperator fn) {
    Eval.Num a = ((Compiled.NumNode) arg).eval();
    return new Compiled.NumNode(
        b -> {
          double x = a.number(b);
          return x != x ? Double.NaN : fn.applyAsDouble(x);
        },
        false);
  }

  static Compiled numeric2(Compiled left, Compiled right, DoubleBinaryOperator fn) {
    Eval.Num l = ((Compiled.NumNode) left).eval();
    Eval.Num r = ((Compiled.NumNode) right).eval();
    return new Compiled.NumNode(
        b -> {
          double x = l.number(b);
          if (x != x) {
            return Double.NaN;
          }
          double y = r.number(b);
          return y != y ? Double.NaN : fn.applyAsDouble(x, y);
        },
        false);
  }

  /** Folds {@code fn} over the arguments left to right, skipping missing ones. */
  private static Compiled reduce(List<Compiled> args, DoubleBinaryOperator fn) {
    Eval.Num acc = ((Compiled.NumNode) args.get(0)).eval();
    for (int i = 1; i < args.size(); i++) {
      Eval.Num l = acc;
      Eval.Num r = ((Compiled.NumNode) args.get(i)).eval();
      acc =
          b -> {
            double x = l.number(b);
            double y = r.number(b);
            return x != x ? y : y != y ? x : fn.applyAsDouble(x, y);
          };
    }
    return new Compiled.NumNode(acc, false);
  }

  private static Compiled hasTag(Compiled.TextNode arg) {
    Eval.Text tag = arg.eval();
    if (arg.constant()) {
      String constant = tag.text(Eval.CONSTANT);
      if (constant == null) {
        return new Compiled.BoolNode(b -> Eval.UNKNOWN, false);
      }
      return new Compiled.BoolNode(b -> b.hasTag(constant) ? Eval.TRUE : Eval.FALSE, false);
    }
    return new Compiled.BoolNode(
        b -> {
          String t = tag.text(b);
          return t == null ? Eval.UNKNOWN : Eval.truth(b.hasTag(t));
        },
        false);
  }

  /** The first non-missing argument; all arguments have the same type by now. */
  private static Compiled coalesce(List<Compiled> args) {
    Compiled first = args.get(0);
    if (first instanceof Compiled.NumNode) {
      Eval.Num[] evals =
          args.stream().map(a -> ((Compiled.NumNode) a).eval()).toArray(Eval.Num[]::new);
      return new Compiled.NumNode(
          b -> {
            for (Eval.Num e : evals) {
              double v = e.number(b);
              if (v == v) {
                return v;
              }
            }
            return Double.NaN;
          },
          false);
    }
    if (first instanceof Compiled.BoolNode) {
      Eval.Bool[] evals =
          args.stream().map(a -> ((Compiled.BoolNode) a).eval()).toArray(Eval.Bool[]::new);
      return new Compiled.BoolNode(
          b -> {
            for (Eval.Bool e : evals) {
              int v = e.truth(b);
              if (v != Eval.UNKNOWN) {
                return v;
              }
            }
            return Eval.UNKNOWN;
          },
          false);
    }
    Eval.Text[] evals =
        args.stream().map(a -> ((Compiled.TextNode) a).eval()).toArray(Eval.Text[]::new);
    return new Compiled.TextNode(
        b -> {
          for (Eval.Text e : evals) {
            String v = e.text(b);
            if (v != null) {
              return v;
            }
          }
          return null;
        },
        false);
  }
}
