package io.huaxiang.core.expr;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * Mutable {@link Bindings} over arrays indexed by slot, for the hot path: a decision engine keeps
 * one per thread, fills it for each request and evaluates all its rules against it. Not
 * thread-safe; starts with every value missing and no tags.
 */
public final class ArrayBindings implements Bindings {

  private final Schema schema;
  private final double[] numbers;
  private final String[] texts;
  private final boolean[] bools;
  private final boolean[] missing;
  private Set<String> tags = Set.of();

  public ArrayBindings(Schema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
    int n = schema.size();
    numbers = new double[n];
    texts = new String[n];
    bools = new boolean[n];
    missing = new boolean[n];
    clear();
  }

  /** Makes every value missing and removes all tags, to reuse the bindings for the next subject. */
  public ArrayBindings clear() {
    Arrays.fill(numbers, Double.NaN);
    Arrays.fill(texts, null);
    Arrays.fill(bools, false);
    Arrays.fill(missing, true);
    tags = Set.of();
    return this;
  }

  /** Sets a number variable; NaN means missing. */
  public ArrayBindings setNumber(int slot, double value) {
    numbers[slot] = value;
    missing[slot] = value != value;
    return this;
  }

  /** Sets a text variable; null means missing. */
  public ArrayBindings setText(int slot, String value) {
    texts[slot] = value;
    missing[slot] = value == null;
    return this;
  }

  public ArrayBindings setBool(int slot, boolean value) {
    bools[slot] = value;
    missing[slot] = false;
    return this;
  }

  public ArrayBindings setMissing(int slot) {
    numbers[slot] = Double.NaN;
    texts[slot] = null;
    bools[slot] = false;
    missing[slot] = true;
    return this;
  }

  /** The subject's tags, for {@code has_tag}; the set is used as given, not copied. */
  public ArrayBindings setTags(Set<String> tags) {
    this.tags = Objects.requireNonNull(tags, "tags");
    return this;
  }

  /**
   * Sets variable {@code name} from a boxed value: a {@link Number}, {@link CharSequence} or {@link
   * Boolean} matching its declared type, or null for missing. Names the schema does not declare are
   * ignored, so a wider record can be copied in field by field.
   *
   * @throws IllegalArgumentException if the value does not fit the variable's declared type
   */
  public ArrayBindings set(String name, Object value) {
    schema.find(name).ifPresent(v -> set(v, value));
    return this;
  }

  private void set(Schema.Variable v, Object value) {
    if (value == null) {
      setMissing(v.slot());
      return;
    }
    switch (v.type()) {
      case NUMBER -> {
        if (!(value instanceof Number number)) {
          throw wrongType(v, value);
        }
        setNumber(v.slot(), number.doubleValue());
      }
      case TEXT -> {
        if (!(value instanceof CharSequence text)) {
          throw wrongType(v, value);
        }
        setText(v.slot(), text.toString());
      }
      case BOOLEAN -> {
        if (!(value instanceof Boolean bool)) {
          throw wrongType(v, value);
        }
        setBool(v.slot(), bool);
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

  public Schema schema() {
    return schema;
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
