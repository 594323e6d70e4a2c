package io.huaxiang.core.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The variables an expression may use, with their types and the integer slots that {@link Bindings}
 * are read by. Compiling against a schema catches unknown names and type errors before a rule goes
 * live, and lets evaluation read slots instead of looking names up.
 *
 * <p>Slots are assigned 0, 1, 2, … in declaration order (for {@link #of(Map)}, the map's iteration
 * order). Names are case-sensitive identifiers, optionally dotted ({@code application.amount}).
 */
public final class Schema {

  /** One declared variable. */
  public record Variable(String name, ValueType type, int slot) {}

  private final List<Variable> variables;
  private final Map<String, Variable> byName;

  private Schema(List<Variable> variables) {
    this.variables = List.copyOf(variables);
    Map<String, Variable> map = new LinkedHashMap<>();
    for (Variable v : variables) {
      map.put(v.name(), v);
    }
    this.byName = Collections.unmodifiableMap(map);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A schema with the given variables, slots in the map's iteration order. */
  public static Schema of(Map<String, ValueType> types) {
    Builder builder = builder();
    types.forEach(builder::add);
    return builder.build();
  }

  /** A schema with no variables, for expressions over constants and tags only. */
  public static Schema empty() {
    return builder().build();
  }

  public Optional<Variable> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The slot of {@code name}, or -1 if the schema does not declare it. */
  public int slot(String name) {
    Variable v = byName.get(name);
    return v == null ? -1 : v.slot();
  }

  public Variable variable(int slot) {
    return variables.get(slot);
  }

  /** All variables, in slot order. */
  public List<Variable> variables() {
    return variables;
  }

  public int size() {
    return variables.size();
  }

  /** A new builder holding this schema's variables, to extend it. */
  public Builder toBuilder() {
    Builder builder = builder();
    variables.forEach(v -> builder.add(v.name(), v.type()));
    return builder;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema other && variables.equals(other.variables);
  }

  @Override
  public int hashCode() {
    return variables.hashCode();
  }

  @Override
  public String toString() {
    return "Schema" + byName.values().stream().map(v -> v.name() + ":" + v.type()).toList();
  }

  /** Declares variables one by one; each gets the next slot. */
  public static final class Builder {
    private final List<Variable> variables = new ArrayList<>();
    private final Map<String, Variable> byName = new LinkedHashMap<>();

    private Builder() {}

    public Builder number(String name) {
      return add(name, ValueType.NUMBER);
    }

    public Builder text(String name) {
      return add(name, ValueType.TEXT);
    }

    public Builder bool(String name) {
      return add(name, ValueType.BOOLEAN);
    }

    /**
     * Declares {@code name} with {@code type}.
     *
     * @throws IllegalArgumentException if the name is not a valid identifier, is a keyword such as
     *     {@code and}, or is already declared
     */
    public Builder add(String name, ValueType type) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type of " + name);
      if (!Lexer.isIdentifier(name)) {
        throw new IllegalArgumentException(
            "variable name '"
                + name
                + "' is not an identifier: use letters, digits and '_', parts separated by '.',"
                + " not starting with a digit, and no keyword (and, or, not, between, in, is,"
                + " null, true, false)");
      }
      if (byName.containsKey(name)) {
        throw new IllegalArgumentException("variable '" + name + "' is declared twice");
      }
      Variable v = new Variable(name, type, variables.size());
      variables.add(v);
      byName.put(name, v);
      return this;
    }

    public Schema build() {
      return new Schema(variables);
    }
  }
}
