package io.huaxiang.server.portrait;

import io.huaxiang.core.profile.FeatureType;
import io.huaxiang.core.profile.FeatureValues;
import java.util.LinkedHashMap;
import java.util.Map;

/** Feature values shaped for JSON. */
final class FeatureJson {
  private FeatureJson() {}

  /** Only scalar features: what SQL analytics filter and group on. */
  static Map<String, Object> scalars(FeatureValues values) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> all = values.asMap();
    values
        .catalogue()
        .definitions()
        .forEach(
            d -> {
              if (d.type() != FeatureType.HEATMAP && d.type() != FeatureType.MAP) {
                out.put(d.name(), all.get(d.name()));
              }
            });
    return out;
  }
}
