package io.huaxiang.core.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one list of portrait features: declared once, read by the engine, the API, the console, tag
 * and segment rules, and docs/features.md.
 */
public final class FeatureCatalogue {
  private final List<Feature> features;
  private final Map<String, Integer> index = new LinkedHashMap<>();

  FeatureCatalogue(List<Feature> features) {
    this.features = List.copyOf(features);
    for (int i = 0; i < this.features.size(); i++) {
      String name = this.features.get(i).name();
      if (index.put(name, i) != null) {
        throw new IllegalStateException("feature declared twice: " + name);
      }
    }
  }

  public List<Feature> features() {
    return features;
  }

  public List<FeatureDefinition> definitions() {
    return features.stream().map(Feature::definition).toList();
  }

  public int size() {
    return features.size();
  }

  public Optional<FeatureDefinition> definition(String name) {
    Integer i = index.get(name);
    return i == null ? Optional.empty() : Optional.of(features.get(i).definition());
  }

  /** Position of a feature in {@link FeatureValues}, or -1. */
  public int indexOf(String name) {
    return index.getOrDefault(name, -1);
  }

  public Map<String, Integer> indexByName() {
    return Collections.unmodifiableMap(index);
  }

  /** The catalogue's features for one profile at one as-of time, each computed when first read. */
  public FeatureValues evaluate(ProfileView view) {
    return new FeatureValues(this, view);
  }
}
