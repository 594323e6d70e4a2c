package io.huaxiang.core.profile;

/** The value type of a portrait feature; only scalar types can be used in tag and segment rules. */
public enum FeatureType {
  NUMBER,
  TEXT,
  BOOLEAN,
  /** A 7 x 24 matrix of counts: weekday (Monday first) by hour of day. */
  HEATMAP,
  /** A small map from a category to a number, e.g. spend by merchant category. */
  MAP;

  public boolean scalar() {
    return this == NUMBER || this == TEXT || this == BOOLEAN;
  }

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
