package io.huaxiang.server.analytics;

import java.time.Instant;
import java.util.List;

/**
 * Fitted personas: the standardisation (means and standard deviations of the transformed features),
 * the centres in standardised space, and a card per persona. Persona ids are ordered by size,
 * largest first, so the same data and seed always give the same ids.
 */
public record PersonaModel(
    int k,
    long seed,
    Instant asOf,
    long users,
    List<String> features,
    double[] means,
    double[] deviations,
    double[] centres,
    double inertia,
    int iterations,
    List<PersonaCard> cards) {

  /** A persona (用户画像群体): its size and what sets it apart from the population. */
  public record PersonaCard(
      int id,
      long size,
      double share,
      List<Distinguishing> distinguishingFeatures,
      List<TypicalTag> typicalTags) {}

  /**
   * A feature where the persona differs most from the population: the persona's mean and the
   * population's (in the feature's own unit), and the difference in population standard deviations.
   */
  public record Distinguishing(
      String feature,
      String labelZh,
      String labelEn,
      double personaMean,
      double populationMean,
      double zScore) {}

  /** A tag far more common in the persona than in the population. */
  public record TypicalTag(String tag, String labelZh, String labelEn, double share, double lift) {}

  /** The standardised row of a portrait's transformed features (missing values at the mean). */
  double[] standardise(double[] raw) {
    double[] z = new double[raw.length];
    for (int j = 0; j < raw.length; j++) {
      z[j] = Double.isNaN(raw[j]) ? 0 : (raw[j] - means[j]) / deviations[j];
    }
    return z;
  }

  /** The persona nearest to a standardised row. */
  int assign(double[] z) {
    int dims = features.size();
    int nearest = 0;
    double best = Double.POSITIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double d = 0;
      for (int j = 0; j < dims; j++) {
        double x = z[j] - centres[c * dims + j];
        d += x * x;
      }
      if (d < best) {
        best = d;
        nearest = c;
      }
    }
    return nearest;
  }
}
