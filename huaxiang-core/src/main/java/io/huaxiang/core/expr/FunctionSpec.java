package io.huaxiang.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A function expressions can call: its name, argument types and result type, and a one-line
 * description in English and Chinese for the console's help. Obtain them from a {@link
 * FunctionRegistry}.
 */
public final class FunctionSpec {

  /** Builds the evaluator for a call whose arguments have already been type-checked. */
  @FunctionalInterface
  interface Implementation {
    Compiled apply(List<Compiled> arguments);
  }

  private final String name;
  private final List<ValueType> parameterTypes;
  private final int minArgs;
  private final int maxArgs;
  private final ValueType resultType;
  private final boolean pure;
  private final String summary;
  private final String summaryZh;
  private final Implementation implementation;

  FunctionSpec(
      String name,
      List<ValueType> parameterTypes,
      int minArgs,
      int maxArgs,
      ValueType resultType,
      boolean pure,
      String summary,
      String summaryZh,
      Implementation implementation) {
    this.name = Objects.requireNonNull(name);
    this.parameterTypes = List.copyOf(parameterTypes);
    this.minArgs = minArgs;
    this.maxArgs = maxArgs;
    this.resultType = resultType;
    this.pure = pure;
    this.summary = summary;
    this.summaryZh = summaryZh;
    this.implementation = implementation;
  }

  /** The lower-case name; calls match it case-insensitively. */
  public String name() {
    return name;
  }

  /**
   * The declared argument types; for a variadic function the last type repeats. Empty for a generic
   * function such as {@code coalesce}, whose arguments may be of any one type.
   */
  public List<ValueType> parameterTypes() {
    return parameterTypes;
  }

  public int minArgs() {
    return minArgs;
  }

  /** The most arguments accepted; {@link Integer#MAX_VALUE} for a variadic function. */
  public int maxArgs() {
    return maxArgs;
  }

  /** The result type; empty when it is the type of the arguments (generic functions). */
  public Optional<ValueType> resultType() {
    return Optional.ofNullable(resultType);
  }

  /** Whether the result depends only on the arguments (so calls on constants can be folded). */
  public boolean pure() {
    return pure;
  }

  public String summary() {
    return summary;
  }

  public String summaryZh() {
    return summaryZh;
  }

  /** The signature as shown in help and errors, e.g. {@code round(number[, number]) → number}. */
  public String signature() {
    List<String> params = new ArrayList<>();
    for (int i = 0; i < Math.min(maxArgs, Math.max(minArgs, parameterTypes.size())); i++) {
      params.add(i < parameterTypes.size() ? parameterTypes.get(i).displayName() : "any");
    }
    StringBuilder s = new StringBuilder(name).append('(');
    for (int i = 0; i < params.size(); i++) {
      boolean optional = i >= minArgs;
      s.append(i == 0 ? "" : optional ? "[, " : ", ").append(params.get(i));
      if (optional && i > 0) {
        s.append(']');
      }
    }
    if (maxArgs == Integer.MAX_VALUE) {
      s.append(", …");
    }
    s.append(") → ").append(resultType == null ? "same as arguments" : resultType.displayName());
    return s.toString();
  }

  /** The declared type of argument {@code i} (0-based), or null if any type fits. */
  ValueType parameterType(int i) {
    if (parameterTypes.isEmpty()) {
      return null;
    }
    return parameterTypes.get(Math.min(i, parameterTypes.size() - 1));
  }

  Implementation implementation() {
    return implementation;
  }

  @Override
  public String toString() {
    return signature();
  }
}
