package io.huaxiang.core.expr;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link Bindings} built from a name → value map and a tag set, for tests, tools and low-volume
 * use. Values are resolved to slots once, in the constructor, so evaluation is as fast as over
 * arrays.
 *
 * <p>A number variable takes any {@link Number}, a text variable a {@link String} (or any {@link
 * CharSequence}), a true/false variable a {@link Boolean}; {@code null} or an absent key means
 * missing. A dotted name such as {@code application.amount} is looked up as that flat key first,
 * then as a path through nested maps ({@code {"application": {"amount": 5000}}}). Keys the schema
 * does not declare are ignored.
 */
public final class MapBindings implements Bindings {

  private final double[] numbers;
  private final String[] texts;
  private final boolean[] bools;
  private final boolean[] missing;
  private final Set<String> tags;

  /**
   * Resolves {@code values} against {@code schema}.
   *
   * @throws IllegalArgumentException if a value does not fit its variable's declared type
   */
  public MapBindings(Schema schema, Map<String, ?> values, Set<String> tags) {
    Objects.requireNonNull(values, "values");
    int n = schema.size();
    numbers = new double[n];
    texts = new String[n];
    bools = new boolean[n];
    missing = new boolean[n];
    this.tags = Set.copyOf(tags);
    for (Schema.Variable v : schema.variables()) {
      resolve(v, lookup(values, v.name()));
    }
  }

  public static MapBindings of(Schema schema, Map<String, ?> values) {
    return new MapBindings(schema, values, Set.of());
  }

  public static MapBindings of(Schema schema, Map<String, ?> values, Set<String> tags) {
    return new MapBindings(schema, values, tags);
  }

  private static Object lookup(Map<String, ?> values, String name) {
    if (values.containsKey(name) || name.indexOf('.') < 0) {
      return values.get(name);
    }
    Object current = values;
    for (String part : name.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(part);
    }
    return current;
  }

  private void resolve(Schema.Variable v, Object value) {
    int slot = v.slot();
    numbers[slot] = Double.NaN;
    missing[slot] = value == null;
    if (value == null) {
      return;
    }
    switch (v.type()) {
      case NUMBER -> {
        if (!(value instanceof Number number)) {
          throw wrongType(v, value);
        }
        numbers[slot] = number.doubleValue();
        missing[slot] = Double.isNaN(numbers[slot]);
      }
      case TEXT -> {
        if (!(value instanceof CharSequence text)) {
          throw wrongType(v, value);
        }
        texts[slot] = text.toString();
      }
      case BOOLEAN -> {
        if (!(value instanceof Boolean bool)) {
          throw wrongType(v, value);
        }
        bools[slot] = bool;
      }
    }
  }

  private static IllegalArgumentException wrongType(Schema.Variable v, Object value) {
    return new IllegalArgumentException(
        "value for '"
            + v.name()
            + "' must be "
            + v.type().displayName()
            + " but was "
            + value.getClass().getSimpleName()
            + " "
            + value);
  }

  @Override
  public double number(int slot) {
    return numbers[slot];
  }

  @Override
  public String text(int slot) {
    return texts[slot];
  }

  @Override
  public boolean bool(int slot) {
    return bools[slot];
  }

  @Override
  public boolean isMissing(int slot) {
    return missing[slot];
  }

  @Override
  public boolean hasTag(String tag) {
    return tags.contains(tag);
  }
}
