package io.huaxiang.model.binning;

import java.util.List;

/** An analyst's manual binning of one feature, used instead of the optimiser's. */
public sealed interface BinOverride {

  /** Numeric bins split at the given cut points ({@code x < cut} goes left). */
  record Cuts(List<Double> cuts) implements BinOverride {
    public Cuts {
      cuts = cuts.stream().sorted().distinct().toList();
    }
  }

  /**
   * Categorical bins as groups of labels; labels in no group (including ones first seen when
   * scoring) get a neutral WoE of 0.
   */
  record Groups(List<List<String>> groups) implements BinOverride {
    public Groups {
      groups = groups.stream().map(List::copyOf).toList();
    }
  }
}
