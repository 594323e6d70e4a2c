package io.huaxiang.model.pipeline;

/**
 * Which pairwise interaction features the pipeline offers to selection.
 *
 * @param topFeatures every pair among this many highest-IV features becomes a candidate interaction
 *     (3 gives 3 pairs; 0 turns interactions off)
 * @param minRows interactions are tried only on training samples of at least this many rows: a pair
 *     of bins splits the rows into many cells, and small samples give each cell too few events to
 *     estimate its WoE
 */
public record Interactions(int topFeatures, int minRows) {

  /** Pairs of the top 3 features, from 10,000 training rows up. */
  public static Interactions defaults() {
    return new Interactions(3, 10_000);
  }

  /** No interaction features. */
  public static Interactions none() {
    return new Interactions(0, Integer.MAX_VALUE);
  }
}
