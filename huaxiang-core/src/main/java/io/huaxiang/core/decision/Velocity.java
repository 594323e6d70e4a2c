package io.huaxiang.core.decision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The velocity counters a strategy can read: applications per hashed identifier within a window of
 * event time before the application, e.g. {@code velocity.device_24h}, plus {@code
 * velocity.device_users_7d}, the distinct users who applied from the applicant's device.
 */
public final class Velocity {
  private Velocity() {}

  /** A counting window, ending at the application time (exclusive of the application itself). */
  public enum Window {
    H1("1h", Duration.ofHours(1)),
    H24("24h", Duration.ofHours(24)),
    D7("7d", Duration.ofDays(7));

    private final String suffix;
    private final Duration length;

    Window(String suffix, Duration length) {
      this.suffix = suffix;
      this.length = length;
    }

    public String suffix() {
      return suffix;
    }

    public Duration length() {
      return length;
    }
  }

  /** The identifiers counted per window. */
  public static final List<IdentifierKind> COUNTED =
      List.of(IdentifierKind.ID, IdentifierKind.DEVICE, IdentifierKind.IP, IdentifierKind.PHONE);

  /** Distinct users seen on the applicant's device in the last 7 days. */
  public static final String DEVICE_USERS_7D = "velocity.device_users_7d";

  /** The variable for {@code kind} in {@code window}, e.g. {@code velocity.ip_1h}. */
  public static String variable(IdentifierKind kind, Window window) {
    return "velocity." + kind.name().toLowerCase(Locale.ROOT) + "_" + window.suffix();
  }

  /** Every velocity variable, in a fixed order. */
  public static List<String> variables() {
    List<String> out = new ArrayList<>();
    for (IdentifierKind k : COUNTED) {
      for (Window w : Window.values()) {
        out.add(variable(k, w));
      }
    }
    out.add(DEVICE_USERS_7D);
    return List.copyOf(out);
  }
}
