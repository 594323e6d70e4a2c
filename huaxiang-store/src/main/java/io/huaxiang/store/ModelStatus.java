package io.huaxiang.store;

import java.util.Locale;

/** Where a model version stands in its life: registered, competing, deciding, or withdrawn. */
public enum ModelStatus {
  DRAFT,
  CHALLENGER,
  CHAMPION,
  RETIRED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ModelStatus fromWire(String text) {
    for (ModelStatus s : values()) {
      if (s.wire().equalsIgnoreCase(text)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown model status '" + text + "'; use draft, challenger, champion or retired");
  }
}
