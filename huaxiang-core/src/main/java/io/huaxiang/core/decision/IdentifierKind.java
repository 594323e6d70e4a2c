package io.huaxiang.core.decision;

/** The applicant identifiers that lists and velocity counters are keyed by (always hashed). */
public enum IdentifierKind {
  ID("id_number"),
  PHONE("phone"),
  DEVICE("device"),
  IP("ip"),
  CARD("bank_card");

  private final String domain;

  IdentifierKind(String domain) {
    this.domain = domain;
  }

  /** The {@link io.huaxiang.core.privacy.LookupHash} domain, so equal digits hash apart. */
  public String domain() {
    return domain;
  }

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static IdentifierKind fromWire(String wire) {
    for (IdentifierKind k : values()) {
      if (k.wire().equals(wire) || k.domain.equals(wire)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown identifier kind '" + wire + "'; use id, phone, device, ip or card");
  }
}
