package io.huaxiang.core.expr;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link Bindings} built from a name → value map and a tag set, for tests, tools and low-volume
 * use. Values are resolved to slots once, in the constructor, so evaluation is as fast as over
 * arrays; immutable and thread-safe.
 *
 * <p>A number variable takes any {@link Number}, a text variable a {@link String} (or any {@link
 * CharSequence}), a true/false variable a {@link Boolean}; {@code null} or an absent key means
 * missing. A dotted name such as {@code application.amount} is looked up as that flat key first,
 * then as a path through nested maps ({@code {"application": {"amount": 5000}}}). Keys the schema
 * does not declare are ignored.
 */
public final class MapBindings implements Bindings {

  private final ArrayBindings values;

  /**
   * Resolves {@code values} against {@code schema}.
   *
   * @throws IllegalArgumentException if a value does not fit its variable's declared type
   */
  public MapBindings(Schema schema, Map<String, ?> values, Set<String> tags) {
    Objects.requireNonNull(values, "values");
    this.values = new ArrayBindings(schema).setTags(Set.copyOf(tags));
    for (Schema.Variable v : schema.variables()) {
      this.values.set(v.name(), lookup(values, v.name()));
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

  @Override
  public double number(int slot) {
    return values.number(slot);
  }

  @Override
  public String text(int slot) {
    return values.text(slot);
  }

  @Override
  public boolean bool(int slot) {
    return values.bool(slot);
  }

  @Override
  public boolean isMissing(int slot) {
    return values.isMissing(slot);
  }

  @Override
  public boolean hasTag(String tag) {
    return values.hasTag(tag);
  }
}
