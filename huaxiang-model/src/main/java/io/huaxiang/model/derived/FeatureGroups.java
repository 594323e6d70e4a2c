package io.huaxiang.model.derived;

import io.huaxiang.model.data.Column;
import io.huaxiang.model.data.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds groups of like columns and proposes behaviour features over them, the way an analyst
 * summarises six monthly bills: mean, max, min, trend and count of positive months per group; later
 * group over earlier group (payments over bills); each amount group over each amount-like single
 * column (bills over the credit limit = utilisation).
 *
 * <p>A group is a run of at least three adjacent numeric columns (in file order) that share a name
 * stem before trailing digits ({@code BILL_AMT1..6}, {@code X12..X17}), are of one kind (codes with
 * few values, signed amounts or non-negative amounts) and whose neighbours are rank-correlated
 * (Spearman ≥ 0.4). Nothing is tuned per dataset; selection decides which derived features enter.
 */
public final class FeatureGroups {
  /** Least Spearman correlation between neighbours of one group. */
  static final double MIN_NEIGHBOUR_CORRELATION = 0.4;

  /** Fewest columns in a group. */
  static final int MIN_GROUP = 3;

  private final int codeLevels;

  /**
   * @param codeLevels numeric columns with at most this many distinct values count as codes
   */
  public FeatureGroups(int codeLevels) {
    this.codeLevels = codeLevels;
  }

  private enum Kind {
    CODE,
    SIGNED,
    AMOUNT
  }

  private record Candidate(NumericColumn column, Kind kind, String stem) {}

  /** Proposes derived features over the numeric columns among {@code columns} (file order). */
  public List<DerivedFeature> propose(List<Column> columns) {
    List<Candidate> numeric = new ArrayList<>();
    for (Column c : columns) {
      if (c instanceof NumericColumn n) {
        numeric.add(new Candidate(n, kind(n), stem(n.name())));
      }
    }
    List<List<Candidate>> groups = new ArrayList<>();
    List<Candidate> run = new ArrayList<>();
    double[] previousRanks = null;
    for (Candidate c : numeric) {
      double[] ranks = ranks(c.column().values());
      boolean joins =
          !run.isEmpty()
              && run.get(run.size() - 1).kind() == c.kind()
              && run.get(run.size() - 1).stem().equals(c.stem())
              && correlation(previousRanks, ranks) >= MIN_NEIGHBOUR_CORRELATION;
      if (!joins) {
        close(run, groups);
        run = new ArrayList<>();
      }
      run.add(c);
      previousRanks = ranks;
    }
    close(run, groups);
    return features(groups, numeric);
  }

  private static void close(List<Candidate> run, List<List<Candidate>> groups) {
    if (run.size() >= MIN_GROUP) {
      groups.add(run);
    }
  }

  private List<DerivedFeature> features(List<List<Candidate>> groups, List<Candidate> numeric) {
    List<DerivedFeature> out = new ArrayList<>();
    List<String> grouped = new ArrayList<>();
    for (List<Candidate> g : groups) {
      List<String> names = names(g);
      grouped.addAll(names);
      for (GroupAggregate.Aggregate a : GroupAggregate.Aggregate.values()) {
        out.add(
            new GroupAggregate(
                label(names) + "_" + a.name().toLowerCase(java.util.Locale.ROOT), a, names));
      }
    }
    List<List<Candidate>> amounts =
        groups.stream().filter(g -> g.get(0).kind() != Kind.CODE).toList();
    for (int later = 0; later < amounts.size(); later++) {
      for (int earlier = 0; earlier < later; earlier++) {
        List<String> top = names(amounts.get(later));
        List<String> bottom = names(amounts.get(earlier));
        if (top.size() == bottom.size()) {
          out.add(ratio(top, bottom));
        }
      }
    }
    for (Candidate single : numeric) {
      if (single.kind() != Kind.AMOUNT || grouped.contains(single.column().name())) {
        continue;
      }
      for (List<Candidate> g : amounts) {
        List<String> top = names(g);
        List<String> bottom = List.of(single.column().name());
        out.add(ratio(top, bottom));
      }
    }
    return out;
  }

  private static SumRatio ratio(List<String> top, List<String> bottom) {
    return new SumRatio(label(top) + "/" + label(bottom), top, bottom);
  }

  private static List<String> names(List<Candidate> group) {
    return group.stream().map(c -> c.column().name()).toList();
  }

  /** {@code X12..X17} for a group, the name for one column, wrapped in sum() for ratios. */
  private static String label(List<String> names) {
    return names.size() == 1 ? names.get(0) : names.get(0) + ".." + names.get(names.size() - 1);
  }

  private Kind kind(NumericColumn c) {
    double[] v = Arrays.stream(c.values()).filter(x -> !Double.isNaN(x)).sorted().toArray();
    long distinct = Arrays.stream(v).distinct().limit(codeLevels + 1L).count();
    if (distinct <= codeLevels) {
      return Kind.CODE;
    }
    return v.length > 0 && v[0] < 0 ? Kind.SIGNED : Kind.AMOUNT;
  }

  /** The name without trailing digits: {@code BILL_AMT3} → {@code BILL_AMT}. */
  static String stem(String name) {
    int end = name.length();
    while (end > 0 && Character.isDigit(name.charAt(end - 1))) {
      end--;
    }
    return end == name.length() ? name : name.substring(0, end);
  }

  /** Mid-ranks of the values; missing values get the mean rank so they do not correlate. */
  static double[] ranks(double[] values) {
    int n = values.length;
    double[] sorted = values.clone();
    Arrays.sort(sorted); // NaN sorts last and never matches below
    double[] ranks = new double[n];
    for (int i = 0; i < n; i++) {
      double x = values[i];
      if (Double.isNaN(x)) {
        ranks[i] = (n - 1) / 2.0;
        continue;
      }
      int first = lowerBound(sorted, x);
      int last = lowerBound(sorted, Math.nextUp(x)) - 1;
      ranks[i] = (first + last) / 2.0;
    }
    return ranks;
  }

  private static int lowerBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static double correlation(double[] a, double[] b) {
    double ma = Arrays.stream(a).average().orElse(0);
    double mb = Arrays.stream(b).average().orElse(0);
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
  }
}
