package io.huaxiang.core.tag;

import io.huaxiang.core.expr.Bindings;
import io.huaxiang.core.expr.Schema;
import io.huaxiang.core.expr.ValueType;
import io.huaxiang.core.profile.FeatureCatalogue;
import io.huaxiang.core.profile.FeatureDefinition;
import io.huaxiang.core.profile.FeatureValues;
import java.util.Arrays;
import java.util.Set;

/**
 * The expression schema over a feature catalogue: every scalar feature is a variable that tag and
 * segment rules can name, and {@link #bind} reads a portrait's values by slot without maps.
 */
public final class PortraitSchema {
  private final Schema schema;
  private final int[] featureIndexBySlot;

  public PortraitSchema(FeatureCatalogue catalogue) {
    Schema.Builder builder = Schema.builder();
    int[] slots = new int[catalogue.size()];
    int n = 0;
    for (int i = 0; i < catalogue.size(); i++) {
      FeatureDefinition d = catalogue.features().get(i).definition();
      switch (d.type()) {
        case NUMBER -> builder.add(d.name(), ValueType.NUMBER);
        case TEXT -> builder.add(d.name(), ValueType.TEXT);
        case BOOLEAN -> builder.add(d.name(), ValueType.BOOLEAN);
        default -> {
          continue;
        }
      }
      slots[n++] = i;
    }
    this.schema = builder.build();
    this.featureIndexBySlot = Arrays.copyOf(slots, n);
  }

  public Schema schema() {
    return schema;
  }

  /** A view of one portrait's feature values and tags for expression evaluation. */
  public Bindings bind(FeatureValues values, Set<String> tags) {
    return new Bindings() {
      @Override
      public double number(int slot) {
        return values.number(featureIndexBySlot[slot]);
      }

      @Override
      public String text(int slot) {
        return values.text(featureIndexBySlot[slot]);
      }

      @Override
      public boolean bool(int slot) {
        return Boolean.TRUE.equals(values.get(featureIndexBySlot[slot]));
      }

      @Override
      public boolean isMissing(int slot) {
        Object v = values.get(featureIndexBySlot[slot]);
        return v == null || (v instanceof Double d && d.isNaN());
      }

      @Override
      public boolean hasTag(String tag) {
        return tags.contains(tag);
      }
    };
  }
}
