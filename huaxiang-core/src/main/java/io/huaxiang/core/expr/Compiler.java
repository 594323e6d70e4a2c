package io.huaxiang.core.expr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Type-checks a parsed expression against a {@link Schema} and a {@link FunctionRegistry} and
 * builds its evaluator. Every check that fails throws an {@link ExpressionException} pointing at
 * the offending part of the source.
 */
final class Compiler {

  private final ParseResult parsed;
  private final Schema schema;
  private final FunctionRegistry functions;
  private final Set<String> variables = new LinkedHashSet<>();
  private final Set<String> tags = new LinkedHashSet<>();
  private final CompileErrors errors;

  private Compiler(ParseResult parsed, Schema schema, FunctionRegistry functions) {
    this.parsed = parsed;
    this.schema = schema;
    this.functions = functions;
    this.errors = new CompileErrors(parsed);
  }

  static CompiledExpression compile(ParseResult parsed, Schema schema, FunctionRegistry functions) {
    Compiler compiler = new Compiler(parsed, schema, functions);
    Compiled root = compiler.compile(parsed.root());
    if (root instanceof Compiled.NullNode) {
      throw compiler.errors.bareNull(parsed.root());
    }
    return new CompiledExpression(
        parsed.source(), parsed.root(), root, compiler.variables, compiler.tags);
  }

  private Compiled compile(Expr e) {
    if (e instanceof Expr.NumberLiteral n) {
      return Evaluators.number(n.value());
    } else if (e instanceof Expr.TextLiteral t) {
      return Evaluators.text(t.value());
    } else if (e instanceof Expr.BooleanLiteral b) {
      return Evaluators.truth(Eval.truth(b.value()));
    } else if (e instanceof Expr.NullLiteral) {
      return new Compiled.NullNode();
    } else if (e instanceof Expr.Variable v) {
      return variable(v);
    } else if (e instanceof Expr.Not n) {
      return Evaluators.not(bool(n.operand(), "'not'"));
    } else if (e instanceof Expr.Negate n) {
      return Evaluators.negate(num(n.operand(), "'-'"));
    } else if (e instanceof Expr.Logical l) {
      String op = "'" + l.op().symbol() + "'";
      Compiled.BoolNode left = bool(l.left(), op);
      Compiled.BoolNode right = bool(l.right(), op);
      return l.op() == Expr.LogicalOp.AND
          ? Evaluators.and(left, right)
          : Evaluators.or(left, right);
    } else if (e instanceof Expr.Arithmetic a) {
      String op = "'" + a.op().symbol() + "'";
      return Evaluators.arithmetic(a.op(), num(a.left(), op), num(a.right(), op));
    } else if (e instanceof Expr.Comparison c) {
      return comparison(c);
    } else if (e instanceof Expr.Between b) {
      return between(b);
    } else if (e instanceof Expr.In i) {
      return in(i);
    } else if (e instanceof Expr.IsNull i) {
      return Evaluators.isNull(compile(i.value()), i.negated());
    }
    return call((Expr.Call) e);
  }

  private Compiled variable(Expr.Variable v) {
    Schema.Variable declared =
        schema
            .find(v.name())
            .orElseThrow(
                () ->
                    errors.unknownVariable(
                        v,
                        Suggestions.closest(
                            v.name(),
                            schema.variables().stream().map(Schema.Variable::name)::iterator),
                        functions.find(v.name()).isPresent()));
    variables.add(declared.name());
    return Evaluators.variable(declared);
  }

  private Compiled comparison(Expr.Comparison c) {
    Compiled left = compile(c.left());
    Compiled right = compile(c.right());
    errors.rejectNull(c.left(), left, "'" + c.op().symbol() + "'");
    errors.rejectNull(c.right(), right, "'" + c.op().symbol() + "'");
    if (left.type() != right.type()) {
      throw errors.incomparable(c.left(), left.type(), c.right(), right.type());
    }
    if (left instanceof Compiled.NumNode l) {
      return Evaluators.compareNumbers(c.op(), l, (Compiled.NumNode) right);
    } else if (left instanceof Compiled.TextNode l) {
      return Evaluators.compareTexts(c.op(), l, (Compiled.TextNode) right);
    }
    if (c.op() != Expr.CompareOp.EQ && c.op() != Expr.CompareOp.NE) {
      throw errors.orderedBooleans(c);
    }
    return Evaluators.compareTruths(c.op(), (Compiled.BoolNode) left, (Compiled.BoolNode) right);
  }

  private Compiled between(Expr.Between b) {
    Compiled value = compile(b.value());
    Compiled low = compile(b.low());
    Compiled high = compile(b.high());
    errors.rejectNull(b.value(), value, "'between'");
    errors.rejectNull(b.low(), low, "'between'");
    errors.rejectNull(b.high(), high, "'between'");
    if (value.type() == ValueType.BOOLEAN) {
      throw errors.wrongType(
          b.value(), value.type(), List.of(ValueType.NUMBER, ValueType.TEXT), "'between'");
    }
    if (low.type() != value.type()) {
      throw errors.incomparable(b.value(), value.type(), b.low(), low.type());
    }
    if (high.type() != value.type()) {
      throw errors.incomparable(b.value(), value.type(), b.high(), high.type());
    }
    rejectEmptyRange(b, low, high);
    if (value instanceof Compiled.NumNode v) {
      return Evaluators.betweenNumbers(
          v, (Compiled.NumNode) low, (Compiled.NumNode) high, b.negated());
    }
    return Evaluators.betweenTexts(
        (Compiled.TextNode) value, (Compiled.TextNode) low, (Compiled.TextNode) high, b.negated());
  }

  /** {@code x between 40 and 20} is never true; almost always the bounds were swapped. */
  private void rejectEmptyRange(Expr.Between b, Compiled low, Compiled high) {
    if (!low.constant() || !high.constant()) {
      return;
    }
    boolean empty;
    if (low instanceof Compiled.NumNode lo) {
      empty = Evaluators.constantNumber(lo) > Evaluators.constantNumber((Compiled.NumNode) high);
    } else {
      String lo = ((Compiled.TextNode) low).eval().text(Eval.CONSTANT);
      String hi = ((Compiled.TextNode) high).eval().text(Eval.CONSTANT);
      empty = lo != null && hi != null && lo.compareTo(hi) > 0;
    }
    if (empty) {
      throw errors.emptyRange(b);
    }
  }

  private Compiled in(Expr.In in) {
    Compiled value = compile(in.value());
    errors.rejectNull(in.value(), value, "'in'");
    List<Compiled> items = new ArrayList<>();
    for (Expr item : in.items()) {
      Compiled compiled = compile(item);
      errors.rejectNull(item, compiled, "'in'");
      if (compiled.type() != value.type()) {
        throw errors.incomparable(in.value(), value.type(), item, compiled.type());
      }
      items.add(compiled);
    }
    return switch (value.type()) {
      case NUMBER ->
          Evaluators.inNumbers(
              (Compiled.NumNode) value,
              items.stream().map(Compiled.NumNode.class::cast).toList(),
              in.negated());
      case TEXT ->
          Evaluators.inTexts(
              (Compiled.TextNode) value,
              items.stream().map(Compiled.TextNode.class::cast).toList(),
              in.negated());
      case BOOLEAN ->
          Evaluators.inTruths(
              (Compiled.BoolNode) value,
              items.stream().map(Compiled.BoolNode.class::cast).toList(),
              in.negated());
    };
  }

  private Compiled call(Expr.Call call) {
    FunctionSpec spec =
        functions
            .find(call.function())
            .orElseThrow(
                () ->
                    errors.unknownFunction(
                        call,
                        Suggestions.closest(
                            call.function(),
                            functions.all().stream().map(FunctionSpec::name)::iterator)));
    int n = call.arguments().size();
    if (n < spec.minArgs() || n > spec.maxArgs()) {
      throw errors.wrongArgumentCount(call, spec);
    }
    List<Compiled> args = new ArrayList<>();
    for (Expr argument : call.arguments()) {
      args.add(compile(argument));
    }
    ValueType common = spec.parameterTypes().isEmpty() ? commonType(call, args) : null;
    boolean allConstant = true;
    for (int i = 0; i < n; i++) {
      ValueType wanted = common != null ? common : spec.parameterType(i);
      Compiled arg = args.get(i);
      if (arg instanceof Compiled.NullNode) {
        arg = missing(wanted);
        args.set(i, arg);
      } else if (arg.type() != wanted) {
        throw errors.wrongArgumentType(call, spec, i, arg.type(), wanted);
      }
      allConstant &= arg.constant();
    }
    if (spec.name().equals("has_tag") && args.get(0).constant()) {
      String tag = ((Compiled.TextNode) args.get(0)).eval().text(Eval.CONSTANT);
      if (tag != null) {
        tags.add(tag);
      }
    }
    Compiled result = spec.implementation().apply(args);
    return Evaluators.fold(result, spec.pure() && allConstant);
  }

  /** The one type all non-null arguments of a generic function share. */
  private ValueType commonType(Expr.Call call, List<Compiled> args) {
    ValueType common = null;
    for (int i = 0; i < args.size(); i++) {
      ValueType t = args.get(i).type();
      if (t == null) {
        continue;
      }
      if (common == null) {
        common = t;
      } else if (t != common) {
        throw errors.mixedArguments(call, i, common, t);
      }
    }
    if (common == null) {
      throw errors.untypedNulls(call);
    }
    return common;
  }

  private static Compiled missing(ValueType type) {
    return switch (type) {
      case NUMBER -> Evaluators.number(Double.NaN);
      case TEXT -> Evaluators.text(null);
      case BOOLEAN -> Evaluators.truth(Eval.UNKNOWN);
    };
  }

  private Compiled.BoolNode bool(Expr operand, String op) {
    Compiled c = compile(operand);
    if (c instanceof Compiled.NullNode) {
      return (Compiled.BoolNode) missing(ValueType.BOOLEAN);
    }
    if (c instanceof Compiled.BoolNode b) {
      return b;
    }
    throw errors.wrongType(operand, c.type(), List.of(ValueType.BOOLEAN), op);
  }

  private Compiled.NumNode num(Expr operand, String op) {
    Compiled c = compile(operand);
    if (c instanceof Compiled.NullNode) {
      return (Compiled.NumNode) missing(ValueType.NUMBER);
    }
    if (c instanceof Compiled.NumNode n) {
      return n;
    }
    throw errors.wrongType(operand, c.type(), List.of(ValueType.NUMBER), op);
  }
}
