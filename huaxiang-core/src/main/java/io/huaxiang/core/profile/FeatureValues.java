package io.huaxiang.core.profile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of all catalogue features for one profile at one time. Numbers are doubles with NaN
 * for "not known" (no registration, no application yet...), shown as null in JSON.
 *
 * <p>Values are computed on first use: re-evaluating tags after every event reads only the features
 * the rules name, not the whole catalogue.
 */
public final class FeatureValues {
  private static final Object NOT_YET = new Object();

  private final FeatureCatalogue catalogue;
  private final ProfileView view;
  private final Object[] values;

  FeatureValues(FeatureCatalogue catalogue, ProfileView view) {
    this.catalogue = catalogue;
    this.view = view;
    this.values = new Object[catalogue.size()];
    java.util.Arrays.fill(values, NOT_YET);
  }

  private Object value(int index) {
    Object v = values[index];
    if (v == NOT_YET) {
      v = catalogue.features().get(index).compute().apply(view);
      values[index] = v;
    }
    return v;
  }

  public FeatureCatalogue catalogue() {
    return catalogue;
  }

  public Object get(String name) {
    int i = catalogue.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("unknown feature: " + name);
    }
    return value(i);
  }

  public Object get(int index) {
    return value(index);
  }

  /** A numeric feature's value, NaN when unknown. */
  public double number(String name) {
    return number(catalogue.indexOf(name));
  }

  public double number(int index) {
    Object v = value(index);
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    return Double.NaN;
  }

  public String text(int index) {
    Object v = value(index);
    return v == null ? null : v.toString();
  }

  /** Name to value in catalogue order, with NaN mapped to null, for JSON and display. */
  public Map<String, Object> asMap() {
    return asMap(false);
  }

  /**
   * Only the scalar features (numbers, texts, flags), as {@link #asMap()}: what SQL analytics
   * filter and group on. Heatmaps and maps are not even computed.
   */
  public Map<String, Object> scalars() {
    return asMap(true);
  }

  private Map<String, Object> asMap(boolean scalarsOnly) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      FeatureDefinition d = catalogue.features().get(i).definition();
      if (!scalarsOnly || d.type().scalar()) {
        Object v = value(i);
        out.put(d.name(), v instanceof Double n && n.isNaN() ? null : v);
      }
    }
    return out;
  }
}
