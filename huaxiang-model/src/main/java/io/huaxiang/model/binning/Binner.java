package io.huaxiang.model.binning;

import io.huaxiang.model.data.CategoricalColumn;
import io.huaxiang.model.data.Column;
import io.huaxiang.model.data.ColumnType;
import io.huaxiang.model.data.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bins features for a scorecard: fine classing by quantiles, then the coarse classing that
 * maximises IV under the constraints of a {@link BinningConfig}, solved exactly.
 *
 * <p>Missing values and each declared special value get their own bins. Categorical features are
 * ordered by event rate and then grouped by the same optimiser.
 */
public final class Binner {
  private final BinningConfig config;

  public Binner(BinningConfig config) {
    this.config = config;
  }

  /** Bins one column against 0/1 labels of the same length. */
  public FeatureBinning fit(Column column, int[] labels) {
    if (column.size() != labels.length) {
      throw new IllegalArgumentException(
          "column '" + column.name() + "' has " + column.size() + " rows, labels " + labels.length);
    }
    BinOverride manual = config.overrides().get(column.name());
    if (column instanceof NumericColumn n) {
      return fitNumeric(n, labels, manual);
    }
    return fitCategorical((CategoricalColumn) column, labels, manual);
  }

  /** Bins several columns in parallel, keeping their order. */
  public List<FeatureBinning> fitAll(List<Column> columns, int[] labels) {
    return columns.parallelStream().map(c -> fit(c, labels)).toList();
  }

  private FeatureBinning fitNumeric(NumericColumn column, int[] labels, BinOverride manual) {
    double[] v = column.values();
    int n = v.length;
    long totalEvents = Arrays.stream(labels).asLongStream().sum();
    long totalNon = n - totalEvents;
    long[] missing = new long[2];
    Map<Double, long[]> special = new TreeMap<>();
    double[] regular = new double[n];
    int regularCount = 0;
    for (int i = 0; i < n; i++) {
      double x = v[i];
      if (Double.isNaN(x)) {
        missing[labels[i]]++;
      } else if (config.specialValues().contains(x)) {
        special.computeIfAbsent(x, k -> new long[2])[labels[i]]++;
      } else {
        regular[regularCount++] = x;
      }
    }
    double[] fineCuts;
    if (manual instanceof BinOverride.Cuts cuts) {
      fineCuts = cuts.cuts().stream().mapToDouble(Double::doubleValue).toArray();
    } else {
      fineCuts = quantileCuts(Arrays.copyOf(regular, regularCount));
    }
    long[] fineEvents = new long[fineCuts.length + 1];
    long[] fineNon = new long[fineCuts.length + 1];
    for (int i = 0; i < n; i++) {
      double x = v[i];
      if (Double.isNaN(x) || config.specialValues().contains(x)) {
        continue;
      }
      int pos = Arrays.binarySearch(fineCuts, x);
      int bin = pos >= 0 ? pos + 1 : -pos - 1;
      if (labels[i] == 1) {
        fineEvents[bin]++;
      } else {
        fineNon[bin]++;
      }
    }
    int[] ends;
    Monotonicity shape;
    if (manual instanceof BinOverride.Cuts || regularCount == 0) {
      ends = new int[fineCuts.length + 1];
      for (int i = 0; i < ends.length; i++) {
        ends[i] = i;
      }
      shape = Monotonicity.NONE;
    } else {
      OptimalPartition problem = partition(fineEvents, fineNon, totalEvents, totalNon, n);
      Monotonicity trend = config.trend();
      if (trend == Monotonicity.AUTO && fineCuts.length < config.freeShapeLevels()) {
        trend = Monotonicity.NONE;
      }
      Chosen chosen = solve(problem, trend);
      ends = chosen.result().ends();
      shape = chosen.shape();
    }
    List<WoeBin> bins = new ArrayList<>();
    int start = 0;
    for (int k = 0; k < ends.length; k++) {
      long e = 0;
      long g = 0;
      for (int j = start; j <= ends[k]; j++) {
        e += fineEvents[j];
        g += fineNon[j];
      }
      double lower = start == 0 ? Double.NEGATIVE_INFINITY : fineCuts[start - 1];
      double upper = k == ends.length - 1 ? Double.POSITIVE_INFINITY : fineCuts[ends[k]];
      if (e + g > 0 || manual != null) {
        bins.add(bin(new BinRule.Range(lower, upper), e, g, totalEvents, totalNon));
      } else if (!bins.isEmpty()) {
        // an empty range (possible only with manual cuts) is folded into its left neighbour
        WoeBin left = bins.remove(bins.size() - 1);
        BinRule.Range r = (BinRule.Range) left.rule();
        bins.add(
            bin(
                new BinRule.Range(r.lower(), upper),
                left.events(),
                left.nonEvents(),
                totalEvents,
                totalNon));
      }
      start = ends[k] + 1;
    }
    if (missing[0] + missing[1] > 0) {
      bins.add(bin(new BinRule.Missing(), missing[1], missing[0], totalEvents, totalNon));
    }
    for (Map.Entry<Double, long[]> s : special.entrySet()) {
      long[] c = s.getValue();
      bins.add(bin(new BinRule.Special(s.getKey()), c[1], c[0], totalEvents, totalNon));
    }
    return new FeatureBinning(column.name(), ColumnType.NUMERIC, shape, bins, manual != null);
  }

  private FeatureBinning fitCategorical(
      CategoricalColumn column, int[] labels, BinOverride manual) {
    String[] v = column.values();
    int n = v.length;
    long totalEvents = Arrays.stream(labels).asLongStream().sum();
    long totalNon = n - totalEvents;
    long[] missing = new long[2];
    Map<String, long[]> counts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (v[i] == null) {
        missing[labels[i]]++;
      } else {
        counts.computeIfAbsent(v[i], k -> new long[2])[labels[i]]++;
      }
    }
    List<List<String>> groups;
    if (manual instanceof BinOverride.Groups g) {
      groups = g.groups();
    } else {
      groups = optimalGroups(counts, totalEvents, totalNon, n);
    }
    List<WoeBin> bins = new ArrayList<>();
    for (List<String> group : groups) {
      long e = 0;
      long g = 0;
      for (String label : group) {
        long[] c = counts.getOrDefault(label, new long[2]);
        e += c[1];
        g += c[0];
      }
      bins.add(bin(new BinRule.Categories(group), e, g, totalEvents, totalNon));
    }
    if (missing[0] + missing[1] > 0) {
      bins.add(bin(new BinRule.Missing(), missing[1], missing[0], totalEvents, totalNon));
    }
    return new FeatureBinning(
        column.name(), ColumnType.CATEGORICAL, Monotonicity.NONE, bins, manual != null);
  }

  private List<List<String>> optimalGroups(
      Map<String, long[]> counts, long totalEvents, long totalNon, int n) {
    if (counts.isEmpty()) {
      return List.of();
    }
    // order by smoothed event rate so that grouping neighbours merges similar risks
    List<String> ordered = new ArrayList<>(counts.keySet());
    ordered.sort(
        Comparator.comparingDouble(
                (String c) -> {
                  long[] k = counts.get(c);
                  return WoeMath.woe(k[1], k[0], totalEvents, totalNon);
                })
            .thenComparing(Comparator.naturalOrder()));
    List<List<String>> fine = new ArrayList<>();
    long total = counts.values().stream().mapToLong(k -> k[0] + k[1]).sum();
    long perFine = Math.max(1, total / config.fineBins());
    List<String> current = new ArrayList<>();
    long inCurrent = 0;
    for (String c : ordered) {
      current.add(c);
      long[] k = counts.get(c);
      inCurrent += k[0] + k[1];
      if (ordered.size() <= config.fineBins() || inCurrent >= perFine) {
        fine.add(current);
        current = new ArrayList<>();
        inCurrent = 0;
      }
    }
    if (!current.isEmpty()) {
      fine.add(current);
    }
    long[] fe = new long[fine.size()];
    long[] fg = new long[fine.size()];
    for (int i = 0; i < fine.size(); i++) {
      for (String c : fine.get(i)) {
        fe[i] += counts.get(c)[1];
        fg[i] += counts.get(c)[0];
      }
    }
    OptimalPartition.Result result =
        partition(fe, fg, totalEvents, totalNon, n).solve(Monotonicity.ASCENDING);
    List<List<String>> groups = new ArrayList<>();
    int start = 0;
    for (int end : result.ends()) {
      List<String> group = new ArrayList<>();
      for (int j = start; j <= end; j++) {
        group.addAll(fine.get(j));
      }
      groups.add(group);
      start = end + 1;
    }
    return groups;
  }

  private OptimalPartition partition(
      long[] events, long[] nonEvents, long totalEvents, long totalNon, int rows) {
    long minCount = (long) Math.ceil(config.minBinShare() * rows);
    return new OptimalPartition(
        events,
        nonEvents,
        Math.max(totalEvents, 1),
        Math.max(totalNon, 1),
        minCount,
        config.minEvents(),
        config.maxBins());
  }

  private record Chosen(OptimalPartition.Result result, Monotonicity shape) {}

  /** Solves for a shape; AUTO compares monotonic shapes with peak/valley shapes. */
  private Chosen solve(OptimalPartition problem, Monotonicity trend) {
    if (trend != Monotonicity.AUTO) {
      return new Chosen(problem.solve(trend), trend);
    }
    Map<Monotonicity, OptimalPartition.Result> results = new LinkedHashMap<>();
    // a peak starts ascending and a valley descending, so each programme yields both shapes
    OptimalPartition.Result[] peak = problem.solveBoth(Monotonicity.PEAK);
    OptimalPartition.Result[] valley = problem.solveBoth(Monotonicity.VALLEY);
    results.put(Monotonicity.ASCENDING, peak[0]);
    results.put(Monotonicity.DESCENDING, valley[0]);
    results.put(Monotonicity.PEAK, peak[1]);
    results.put(Monotonicity.VALLEY, valley[1]);
    Monotonicity mono =
        results.get(Monotonicity.ASCENDING).iv() >= results.get(Monotonicity.DESCENDING).iv()
            ? Monotonicity.ASCENDING
            : Monotonicity.DESCENDING;
    Monotonicity bent =
        results.get(Monotonicity.PEAK).iv() >= results.get(Monotonicity.VALLEY).iv()
            ? Monotonicity.PEAK
            : Monotonicity.VALLEY;
    double monoIv = results.get(mono).iv();
    Monotonicity pick = results.get(bent).iv() > monoIv * (1 + config.shapeMargin()) ? bent : mono;
    return new Chosen(results.get(pick), pick);
  }

  /** Quantile cut points over non-missing values; every distinct value if there are few. */
  private double[] quantileCuts(double[] values) {
    if (values.length == 0) {
      return new double[0];
    }
    Arrays.sort(values);
    double[] distinct = Arrays.stream(values).distinct().toArray();
    if (distinct.length <= config.fineBins()) {
      return Arrays.copyOfRange(distinct, 1, distinct.length);
    }
    int q = config.fineBins();
    java.util.TreeSet<Double> cuts = new java.util.TreeSet<>();
    for (int i = 1; i < q; i++) {
      cuts.add(values[(int) ((long) values.length * i / q)]);
    }
    // a value holding more than one fine bin's worth of rows (e.g. 0 = "paid nothing") gets a fine
    // bin of its own: quantile cuts alone would lump it with its neighbours
    long heavy = Math.max(2, values.length / q);
    int i = 0;
    while (i < values.length) {
      int j = i;
      while (j + 1 < values.length && values[j + 1] == values[i]) {
        j++;
      }
      if (j - i + 1 >= heavy) {
        cuts.add(values[i]);
        if (j + 1 < values.length) {
          cuts.add(values[j + 1]);
        }
      }
      i = j + 1;
    }
    return cuts.stream().mapToDouble(Double::doubleValue).filter(c -> c > values[0]).toArray();
  }

  private static WoeBin bin(BinRule rule, long events, long nonEvents, long totE, long totN) {
    long count = events + nonEvents;
    double te = Math.max(totE, 1);
    double tn = Math.max(totN, 1);
    return new WoeBin(
        rule,
        count,
        events,
        count / (te + tn),
        count == 0 ? 0 : (double) events / count,
        WoeMath.woe(events, nonEvents, te, tn),
        WoeMath.iv(events, nonEvents, te, tn));
  }
}
