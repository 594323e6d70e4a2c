package io.huaxiang.core.expr;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The functions expressions may call, by lower-case name. {@link #builtIns()} holds {@code
 * has_tag}, {@code abs}, {@code min}, {@code max}, {@code coalesce}, {@code round} and {@code ln};
 * {@link #builder()} starts from those and adds number functions of one or two arguments.
 */
public final class FunctionRegistry {

  private static final FunctionRegistry BUILT_INS = new FunctionRegistry(BuiltInFunctions.all());

  private final Map<String, FunctionSpec> functions;

  private FunctionRegistry(Collection<FunctionSpec> specs) {
    Map<String, FunctionSpec> map = new LinkedHashMap<>();
    for (FunctionSpec spec : specs) {
      map.put(spec.name(), spec);
    }
    this.functions = Collections.unmodifiableMap(map);
  }

  public static FunctionRegistry builtIns() {
    return BUILT_INS;
  }

  /** A builder that starts with the built-in functions. */
  public static Builder builder() {
    return new Builder(BUILT_INS.functions.values());
  }

  /** The function called {@code name}, matched case-insensitively. */
  public Optional<FunctionSpec> find(String name) {
    return Optional.ofNullable(functions.get(name.toLowerCase(Locale.ROOT)));
  }

  /** All functions, built-ins first, in registration order. */
  public Collection<FunctionSpec> all() {
    return functions.values();
  }

  /** Adds number functions; a missing argument gives a missing result without calling them. */
  public static final class Builder {
    private final Map<String, FunctionSpec> functions = new LinkedHashMap<>();

    private Builder(Collection<FunctionSpec> start) {
      start.forEach(spec -> functions.put(spec.name(), spec));
    }

    /** Adds {@code name(number) → number}; a NaN result counts as missing. */
    public Builder number(String name, String summary, String summaryZh, DoubleUnaryOperator fn) {
      return add(
          name,
          List.of(ValueType.NUMBER),
          summary,
          summaryZh,
          args -> BuiltInFunctions.numeric1(args.get(0), fn));
    }

    /** Adds {@code name(number, number) → number}; a NaN result counts as missing. */
    public Builder number(String name, String summary, String summaryZh, DoubleBinaryOperator fn) {
      return add(
          name,
          List.of(ValueType.NUMBER, ValueType.NUMBER),
          summary,
          summaryZh,
          args -> BuiltInFunctions.numeric2(args.get(0), args.get(1), fn));
    }

    private Builder add(
        String name,
        List<ValueType> params,
        String summary,
        String summaryZh,
        FunctionSpec.Implementation impl) {
      String key = name.toLowerCase(Locale.ROOT);
      if (!Lexer.isIdentifier(key) || key.indexOf('.') >= 0) {
        throw new IllegalArgumentException(
            "function name '" + name + "' is not a plain identifier");
      }
      if (functions.containsKey(key)) {
        throw new IllegalArgumentException("function '" + key + "' is already registered");
      }
      functions.put(
          key,
          new FunctionSpec(
              key,
              params,
              params.size(),
              params.size(),
              ValueType.NUMBER,
              true,
              summary,
              summaryZh,
              impl));
      return this;
    }

    public FunctionRegistry build() {
      return new FunctionRegistry(functions.values());
    }
  }
}
