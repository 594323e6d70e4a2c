package io.huaxiang.store;

import io.huaxiang.core.profile.FeatureDefinition;
import io.huaxiang.core.profile.FeatureType;
import io.huaxiang.core.profile.PortraitFeatures;
import java.util.List;
import java.util.Optional;

/**
 * The typed columns of {@code portrait_features}: one per scalar feature of the catalogue, named as
 * the feature, numbers as {@code double precision}, texts as {@code text}, flags as {@code boolean}
 * (V41). Population analytics read these instead of the {@code profiles.features} JSON, which costs
 * a de-toast and decompression of every user's whole document per value read.
 */
public final class PortraitFeatureColumns {
  private static final List<FeatureDefinition> FEATURES =
      PortraitFeatures.catalogue().definitions().stream().filter(d -> d.type().scalar()).toList();

  private PortraitFeatureColumns() {}

  /** The scalar features, in column order. */
  public static List<FeatureDefinition> features() {
    return FEATURES;
  }

  /**
   * The column of a feature, safe to put into SQL as an identifier: present only for scalar
   * features of the catalogue, whose names are lower-case words joined by underscores.
   */
  public static Optional<String> column(String feature) {
    return FEATURES.stream()
        .filter(f -> f.name().equals(feature))
        .findFirst()
        .map(FeatureDefinition::name);
  }

  /** The PostgreSQL type of a feature's column. */
  public static String sqlType(FeatureType type) {
    return switch (type) {
      case NUMBER -> "double precision";
      case TEXT -> "text";
      case BOOLEAN -> "boolean";
      default -> throw new IllegalArgumentException("not a scalar feature type: " + type);
    };
  }
}
