package io.huaxiang.server.security;

import java.util.Arrays;
import java.util.Optional;

/** What a machine client's API key may do. */
public enum Scope {
  /** Send events: {@code POST /api/v1/events}, {@code /events/batch}. */
  INGEST("ingest"),
  /** Ask for decisions and scores: {@code /api/v1/decisions}, {@code /api/v1/models/{id}/score}. */
  DECIDE("decide");

  private final String wire;

  Scope(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The Spring Security authority, e.g. {@code SCOPE_ingest}. */
  public String authority() {
    return "SCOPE_" + wire;
  }

  public static Optional<Scope> fromWire(String wire) {
    return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
  }

  @Override
  public String toString() {
    return wire;
  }
}
