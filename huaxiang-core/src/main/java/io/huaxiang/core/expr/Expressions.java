package io.huaxiang.core.expr;

import java.util.List;
import java.util.Objects;

/** Entry point: parses and compiles expressions. */
public final class Expressions {

  private Expressions() {}

  /**
   * Parses {@code source} into a syntax tree without checking names or types, for tools.
   *
   * @throws ExpressionException if the source is not a well-formed expression
   */
  public static Expr parse(String source) {
    return Parser.parse(source).root();
  }

  /**
   * Compiles {@code source} against {@code schema} with the built-in functions.
   *
   * @throws ExpressionException if the source is malformed, names an unknown variable or function,
   *     or mixes types
   */
  public static CompiledExpression compile(String source, Schema schema) {
    return compile(source, schema, FunctionRegistry.builtIns());
  }

  /** Compiles {@code source} against {@code schema} with the given functions. */
  public static CompiledExpression compile(
      String source, Schema schema, FunctionRegistry functions) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(functions, "functions");
    return Compiler.compile(Parser.parse(source), schema, functions);
  }

  /**
   * Compiles a condition: a tag rule, segment or strategy rule, which must be true or false.
   *
   * @throws ExpressionException as {@link #compile}, and if the expression is a number or text
   */
  public static CompiledExpression compileCondition(String source, Schema schema) {
    return compileCondition(source, schema, FunctionRegistry.builtIns());
  }

  /**
   * Compiles a condition with the given functions; see {@link #compileCondition(String, Schema)}.
   */
  public static CompiledExpression compileCondition(
      String source, Schema schema, FunctionRegistry functions) {
    CompiledExpression compiled = compile(source, schema, functions);
    if (compiled.type() != ValueType.BOOLEAN) {
      throw new ExpressionException(
          ErrorKind.TYPE_MISMATCH,
          source,
          0,
          source.length(),
          compiled.type().displayName(),
          List.of(ValueType.BOOLEAN.displayName()),
          List.of(),
          "a condition must be true or false, but this expression is "
              + (compiled.type() == ValueType.NUMBER ? "a number" : "text")
              + "; compare it, e.g. "
              + source.strip()
              + (compiled.type() == ValueType.NUMBER ? " > 0" : " = '…'"),
          "条件必须是真或假，但此表达式是"
              + compiled.type().displayNameZh()
              + "；请加上比较，例如 "
              + source.strip()
              + (compiled.type() == ValueType.NUMBER ? " > 0" : " = '…'"));
    }
    return compiled;
  }
}
