package io.huaxiang.core.expr;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The messages for mistakes found after parsing (unknown names, wrong types, misused null), each
 * pointing at the part of the source it is about, in English and Chinese.
 */
final class CompileErrors {

  private static final int MAX_QUOTED = 40;

  private final ParseResult parsed;

  CompileErrors(ParseResult parsed) {
    this.parsed = parsed;
  }

  ExpressionException unknownVariable(
      Expr.Variable v, List<String> suggestions, boolean isFunction) {
    String en = "unknown variable '" + v.name() + "'";
    String zh = "未知变量 '" + v.name() + "'";
    if (isFunction) {
      en += "; " + v.name() + " is a function, call it like " + v.name() + "(…)";
      zh += "；" + v.name() + " 是函数，请这样调用：" + v.name() + "(…)";
    } else if (!suggestions.isEmpty()) {
      en += "; did you mean " + quotedList(suggestions, " or ") + "?";
      zh += "；您是否想写 " + quotedList(suggestions, " 或 ") + "？";
    } else {
      en += "; if you meant the text " + v.name() + ", put it in quotes: '" + v.name() + "'";
      zh += "；如果想表示文本 " + v.name() + "，请加引号：'" + v.name() + "'";
    }
    return error(ErrorKind.UNKNOWN_VARIABLE, v, List.of(), suggestions, en, zh);
  }

  ExpressionException unknownFunction(Expr.Call call, List<String> suggestions) {
    SourceMap.Span name = parsed.positions().operator(call);
    String en = "unknown function '" + call.function() + "'";
    String zh = "未知函数 '" + call.function() + "'";
    if (!suggestions.isEmpty()) {
      en += "; did you mean " + quotedList(suggestions, " or ") + "?";
      zh += "；您是否想写 " + quotedList(suggestions, " 或 ") + "？";
    }
    return error(
        ErrorKind.UNKNOWN_FUNCTION,
        name,
        "'" + call.function() + "'",
        List.of(),
        suggestions,
        en,
        zh);
  }

  ExpressionException wrongArgumentCount(Expr.Call call, FunctionSpec spec) {
    String wanted =
        spec.minArgs() == spec.maxArgs()
            ? String.valueOf(spec.minArgs())
            : spec.maxArgs() == Integer.MAX_VALUE
                ? "at least " + spec.minArgs()
                : spec.minArgs() + " to " + spec.maxArgs();
    String wantedZh =
        spec.minArgs() == spec.maxArgs()
            ? String.valueOf(spec.minArgs())
            : spec.maxArgs() == Integer.MAX_VALUE
                ? "至少 " + spec.minArgs()
                : spec.minArgs() + " 到 " + spec.maxArgs();
    int n = call.arguments().size();
    return error(
        ErrorKind.WRONG_ARGUMENT_COUNT,
        parsed.positions().extent(call),
        n + " argument" + (n == 1 ? "" : "s"),
        List.of(spec.signature()),
        List.of(),
        spec.name()
            + " takes "
            + wanted
            + " argument"
            + ("1".equals(wanted) ? "" : "s")
            + " but got "
            + n
            + ": "
            + spec.signature(),
        spec.name() + " 需要 " + wantedZh + " 个参数，但给了 " + n + " 个：" + spec.signature());
  }

  ExpressionException wrongArgumentType(
      Expr.Call call, FunctionSpec spec, int index, ValueType actual, ValueType wanted) {
    Expr arg = call.arguments().get(index);
    return error(
        ErrorKind.TYPE_MISMATCH,
        arg,
        List.of(wanted.displayName()),
        List.of(),
        "argument "
            + (index + 1)
            + " of "
            + spec.name()
            + " must be "
            + article(wanted)
            + ", but "
            + text(arg)
            + " is "
            + article(actual)
            + hint(arg, wanted)
            + " ("
            + spec.signature()
            + ")",
        spec.name()
            + " 的第 "
            + (index + 1)
            + " 个参数必须是"
            + wanted.displayNameZh()
            + "，但 "
            + text(arg)
            + " 是"
            + actual.displayNameZh()
            + hintZh(arg, wanted)
            + "（"
            + spec.signature()
            + "）");
  }

  ExpressionException mixedArguments(Expr.Call call, int index, ValueType common, ValueType t) {
    Expr arg = call.arguments().get(index);
    return error(
        ErrorKind.TYPE_MISMATCH,
        arg,
        List.of(common.displayName()),
        List.of(),
        "all arguments of "
            + call.function()
            + " must have the same type, but "
            + text(arg)
            + " is "
            + article(t)
            + " and an earlier one is "
            + article(common),
        call.function()
            + " 的所有参数类型必须相同，但 "
            + text(arg)
            + " 是"
            + t.displayNameZh()
            + "，而前面的参数是"
            + common.displayNameZh());
  }

  ExpressionException untypedNulls(Expr.Call call) {
    return error(
        ErrorKind.NULL_MISUSE,
        call,
        List.of(),
        List.of(),
        call.function() + " needs at least one argument that is not null",
        call.function() + " 至少需要一个不是 null 的参数");
  }

  /** Throws if {@code node} is the literal null used where it can only be a mistake. */
  void rejectNull(Expr node, Compiled compiled, String op) {
    if (compiled instanceof Compiled.NullNode) {
      throw error(
          ErrorKind.NULL_MISUSE,
          node,
          List.of(),
          List.of(),
          op
              + " with null is never true; to test for a missing value write 'x is null' or"
              + " 'x is not null'",
          op + " 与 null 比较永远不成立；判断缺失值请写 'x is null' 或 'x is not null'");
    }
  }

  ExpressionException bareNull(Expr root) {
    return error(
        ErrorKind.NULL_MISUSE,
        root,
        List.of(),
        List.of(),
        "the expression is only null, which has no type; write a condition or a value",
        "表达式只有 null，无法确定类型；请写条件或数值");
  }

  /**
   * Two sides that cannot be compared. Points at the literal side when there is one (the author
   * more likely mistyped the constant than the variable), else at the right side.
   */
  ExpressionException incomparable(Expr left, ValueType lt, Expr right, ValueType rt) {
    boolean blameLeft = isLiteral(left) && !isLiteral(right);
    Expr culprit = blameLeft ? left : right;
    ValueType wanted = blameLeft ? rt : lt;
    return error(
        ErrorKind.TYPE_MISMATCH,
        culprit,
        List.of(wanted.displayName()),
        List.of(),
        "cannot compare "
            + text(left)
            + " ("
            + lt.displayName()
            + ") with "
            + text(right)
            + " ("
            + rt.displayName()
            + ")"
            + hint(culprit, wanted),
        "无法比较 "
            + text(left)
            + "（"
            + lt.displayNameZh()
            + "）与 "
            + text(right)
            + "（"
            + rt.displayNameZh()
            + "）"
            + hintZh(culprit, wanted));
  }

  ExpressionException emptyRange(Expr.Between b) {
    SourceMap.Span low = parsed.positions().extent(b.low());
    SourceMap.Span high = parsed.positions().extent(b.high());
    String swapped =
        text(b.value())
            + (b.negated() ? " not between " : " between ")
            + text(b.high())
            + " and "
            + text(b.low());
    return error(
        ErrorKind.EMPTY_RANGE,
        new SourceMap.Span(low.start(), high.end()),
        "'" + text(b.low()) + "'",
        List.of(),
        List.of(swapped),
        "the lower bound "
            + text(b.low())
            + " is above the upper bound "
            + text(b.high())
            + ", so this range is empty; write the smaller bound first: "
            + swapped,
        "下限 " + text(b.low()) + " 大于上限 " + text(b.high()) + "，区间为空；请把较小的值写在前面：" + swapped);
  }

  ExpressionException orderedBooleans(Expr.Comparison c) {
    return error(
        ErrorKind.TYPE_MISMATCH,
        parsed.positions().operator(c),
        "'" + c.op().symbol() + "'",
        List.of("'='", "'!='"),
        List.of(),
        "true/false values can only be compared with = or !=, not " + c.op().symbol(),
        "布尔值（真/假）只能用 = 或 != 比较，不能用 " + c.op().symbol());
  }

  ExpressionException wrongType(
      Expr operand, ValueType actual, List<ValueType> expected, String op) {
    String wanted =
        expected.stream().map(CompileErrors::article).collect(Collectors.joining(" or "));
    String wantedZh =
        expected.stream().map(ValueType::displayNameZh).collect(Collectors.joining("或"));
    return error(
        ErrorKind.TYPE_MISMATCH,
        operand,
        expected.stream().map(ValueType::displayName).toList(),
        List.of(),
        op
            + " needs "
            + wanted
            + ", but "
            + text(operand)
            + " is "
            + article(actual)
            + hint(operand, expected.get(0)),
        op
            + " 需要"
            + wantedZh
            + "，但 "
            + text(operand)
            + " 是"
            + actual.displayNameZh()
            + hintZh(operand, expected.get(0)));
  }

  private static boolean isLiteral(Expr e) {
    return e instanceof Expr.NumberLiteral
        || e instanceof Expr.TextLiteral
        || e instanceof Expr.BooleanLiteral;
  }

  /** A concrete fix when a literal was written in the wrong form, e.g. '1' for 1. */
  private static String hint(Expr culprit, ValueType wanted) {
    String fixed = fixedLiteral(culprit, wanted);
    if (fixed == null) {
      return "";
    }
    return wanted == ValueType.TEXT
        ? "; put text in quotes: " + fixed
        : "; write it without quotes: " + fixed;
  }

  private static String hintZh(Expr culprit, ValueType wanted) {
    String fixed = fixedLiteral(culprit, wanted);
    if (fixed == null) {
      return "";
    }
    return wanted == ValueType.TEXT ? "；文本请加引号：" + fixed : "；请去掉引号：" + fixed;
  }

  private static String fixedLiteral(Expr culprit, ValueType wanted) {
    if (culprit instanceof Expr.TextLiteral t && wanted == ValueType.NUMBER) {
      try {
        return Printer.number(Double.parseDouble(t.value().trim()));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (culprit instanceof Expr.TextLiteral t && wanted == ValueType.BOOLEAN) {
      String v = t.value().trim();
      return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")
          ? v.toLowerCase(Locale.ROOT)
          : null;
    }
    if ((culprit instanceof Expr.NumberLiteral || culprit instanceof Expr.BooleanLiteral)
        && wanted == ValueType.TEXT) {
      return Printer.quote(culprit.toString());
    }
    return null;
  }

  private static String article(ValueType t) {
    return switch (t) {
      case NUMBER -> "a number";
      case TEXT -> "text";
      case BOOLEAN -> "true/false";
    };
  }

  private static String quotedList(List<String> names, String separator) {
    return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(separator));
  }

  /** The node's source text, shortened if long, for quoting in a message. */
  private String text(Expr node) {
    SourceMap.Span span = parsed.positions().extent(node);
    String s = parsed.source().substring(span.start(), span.end());
    if (s.isEmpty()) {
      s = node.toString();
    }
    return s.length() > MAX_QUOTED ? s.substring(0, MAX_QUOTED - 1) + "…" : s;
  }

  private ExpressionException error(
      ErrorKind kind,
      Expr at,
      List<String> expected,
      List<String> suggestions,
      String en,
      String zh) {
    SourceMap.Span span = parsed.positions().extent(at);
    String quoted = text(at);
    if (!(at instanceof Expr.TextLiteral)) {
      quoted = "'" + quoted + "'";
    }
    return error(kind, span, quoted, expected, suggestions, en, zh);
  }

  private ExpressionException error(
      ErrorKind kind,
      SourceMap.Span span,
      String found,
      List<String> expected,
      List<String> suggestions,
      String en,
      String zh) {
    return new ExpressionException(
        kind, parsed.source(), span.start(), span.length(), found, expected, suggestions, en, zh);
  }
}
