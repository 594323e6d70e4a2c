package io.huaxiang.core.privacy;

import java.util.Objects;

/**
 * A piece of personal information that masks itself when printed, so passing it to a logger, an
 * exception message or string concatenation cannot leak the clear value.
 *
 * <p>Get the clear value only with {@link #reveal()}, which is easy to find in code review.
 */
public final class SensitiveText {

  private final String value;
  private final MaskKind kind;

  private SensitiveText(String value, MaskKind kind) {
    this.value = Objects.requireNonNull(value, "value");
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** Wraps {@code value}, to be masked by the rule for {@code kind}. */
  public static SensitiveText of(String value, MaskKind kind) {
    return new SensitiveText(value, kind);
  }

  /** The clear value; call only where the clear value is really needed. */
  public String reveal() {
    return value;
  }

  public MaskKind kind() {
    return kind;
  }

  /** The masked value. */
  public String masked() {
    return Masking.mask(kind, value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SensitiveText other && value.equals(other.value) && kind == other.kind;
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, kind);
  }

  /** The masked value, never the clear one. */
  @Override
  public String toString() {
    return masked();
  }
}
