package io.huaxiang.model.binning;

import io.huaxiang.model.data.CategoricalColumn;
import io.huaxiang.model.data.Column;
import io.huaxiang.model.data.ColumnType;
import io.huaxiang.model.data.NumericColumn;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The coarse bins of one feature with their WoE, and the lookup from a raw value to its bin.
 *
 * <p>Values that match no bin (a category or missing value never seen in training) map to bin
 * {@code -1}, which has a neutral WoE of 0: the average risk, neither rewarded nor penalised.
 */
public final class FeatureBinning {
  private final String feature;
  private final ColumnType type;
  private final Monotonicity shape;
  private final List<WoeBin> bins;
  private final boolean overridden;
  private final double iv;
  private final double gini;
  private final double ks;
  private final double[] cuts;
  private final int[] rangeBins;
  private final int missingBin;
  private final Map<Double, Integer> specialBins = new HashMap<>();
  private final Map<String, Integer> categoryBins = new HashMap<>();
  private final String[] labels;

  public FeatureBinning(
      String feature, ColumnType type, Monotonicity shape, List<WoeBin> bins, boolean overridden) {
    this.feature = feature;
    this.type = type;
    this.shape = shape;
    this.bins = List.copyOf(bins);
    this.overridden = overridden;
    int missing = -1;
    double[] uppers = new double[bins.size()];
    int[] rangeIdx = new int[bins.size()];
    int ranges = 0;
    for (int i = 0; i < bins.size(); i++) {
      BinRule rule = bins.get(i).rule();
      if (rule instanceof BinRule.Range r) {
        uppers[ranges] = r.upper();
        rangeIdx[ranges++] = i;
      } else if (rule instanceof BinRule.Missing) {
        missing = i;
      } else if (rule instanceof BinRule.Special s) {
        specialBins.put(s.value(), i);
      } else if (rule instanceof BinRule.Categories c) {
        for (String v : c.values()) {
          categoryBins.put(v, i);
        }
      }
    }
    // ranges are stored in value order; x < upper of range j (and >= upper of j-1) selects j
    this.cuts = ranges == 0 ? new double[0] : Arrays.copyOf(uppers, ranges - 1);
    this.rangeBins = Arrays.copyOf(rangeIdx, ranges);
    this.missingBin = missing;
    // labels are formatted once: reason codes need them on every scored applicant
    this.labels = this.bins.stream().map(WoeBin::label).toArray(String[]::new);
    double[] power = BinPower.of(this.bins);
    this.iv = this.bins.stream().mapToDouble(WoeBin::iv).sum();
    this.gini = power[0];
    this.ks = power[1];
  }

  public String feature() {
    return feature;
  }

  public ColumnType type() {
    return type;
  }

  /** The WoE shape the optimiser applied (NONE for categorical and manual binnings). */
  public Monotonicity shape() {
    return shape;
  }

  public List<WoeBin> bins() {
    return bins;
  }

  public boolean overridden() {
    return overridden;
  }

  /** Information value: the sum of the bins' IV. */
  public double iv() {
    return iv;
  }

  /** Gini of the feature's WoE as a one-variable score. */
  public double gini() {
    return gini;
  }

  /** KS of the feature's WoE as a one-variable score. */
  public double ks() {
    return ks;
  }

  /** Returns the bin of a numeric value, or -1 if it matches none (neutral). */
  public int binOf(double value) {
    if (Double.isNaN(value)) {
      return missingBin;
    }
    if (!specialBins.isEmpty()) {
      Integer special = specialBins.get(value);
      if (special != null) {
        return special;
      }
    }
    if (rangeBins.length == 0) {
      return -1;
    }
    int pos = Arrays.binarySearch(cuts, value);
    return rangeBins[pos >= 0 ? pos + 1 : -pos - 1];
  }

  /** Returns the bin of a category label ({@code null} = missing), or -1 if unseen. */
  public int binOf(String value) {
    if (value == null) {
      return missingBin;
    }
    return categoryBins.getOrDefault(value, -1);
  }

  /**
   * Returns the bin of a scoring input: a number, numeric text, a label or {@code null}.
   *
   * @throws IllegalArgumentException if a numeric feature gets text that is not a number
   */
  public int binOfValue(Object value) {
    if (type == ColumnType.CATEGORICAL) {
      if (value == null) {
        return binOf((String) null);
      }
      if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
        return binOf(Long.toString(n.longValue())); // a label like "2" may arrive as an integer
      }
      return binOf(value.toString());
    }
    if (value == null) {
      return binOf(Double.NaN);
    }
    if (value instanceof Number n) {
      return binOf(n.doubleValue());
    }
    String text = value.toString().trim();
    if (text.isEmpty()) {
      return binOf(Double.NaN);
    }
    try {
      return binOf(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "feature '" + feature + "' is numeric, but got '" + text + "'", e);
    }
  }

  /** Returns the label of a bin index; -1 (no match) is "unseen value". */
  public String label(int bin) {
    return bin < 0 ? "unseen value" : labels[bin];
  }

  /** Returns the WoE of a bin index; -1 (no match) gives the neutral 0. */
  public double woe(int bin) {
    return bin < 0 ? 0.0 : bins.get(bin).woe();
  }

  /** Returns each row's bin index (-1 = neutral). */
  public int[] assign(Column column) {
    int[] out = new int[column.size()];
    if (column instanceof NumericColumn n && type == ColumnType.NUMERIC) {
      double[] v = n.values();
      for (int i = 0; i < out.length; i++) {
        out[i] = binOf(v[i]);
      }
    } else if (column instanceof CategoricalColumn c) {
      String[] v = c.values();
      for (int i = 0; i < out.length; i++) {
        out[i] = binOfValue(v[i]);
      }
    } else {
      for (int i = 0; i < out.length; i++) {
        out[i] = binOfValue(column.value(i));
      }
    }
    return out;
  }

  /** Replaces each row's raw value by its bin's WoE. */
  public double[] transform(Column column) {
    int[] idx = assign(column);
    double[] out = new double[idx.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = woe(idx[i]);
    }
    return out;
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                "%s (%s, %s) IV=%.4f Gini=%.4f KS=%.4f%n", feature, type, shape, iv, gini, ks));
    for (WoeBin b : bins) {
      sb.append(
          String.format(
              "  %-40s n=%-7d share=%.3f events=%-6d rate=%.4f woe=%+.4f iv=%.4f%n",
              b.label(), b.count(), b.share(), b.events(), b.eventRate(), b.woe(), b.iv()));
    }
    return sb.toString();
  }
}
