package io.huaxiang.bench.model;

import io.huaxiang.bench.model.ScorecardSideBySide.Spec;
import io.huaxiang.model.binning.BinRule;
import io.huaxiang.model.binning.FeatureBinning;
import io.huaxiang.model.binning.WoeBin;
import io.huaxiang.model.data.BinaryTarget;
import io.huaxiang.model.data.Column;
import io.huaxiang.model.data.CsvReader;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.data.NumericColumn;
import io.huaxiang.model.data.Split;
import io.huaxiang.model.derived.DerivedFeature;
import io.huaxiang.model.derived.FeatureGroups;
import io.huaxiang.model.metrics.Auc;
import io.huaxiang.model.pipeline.ProgressListener;
import io.huaxiang.model.pipeline.ScorecardPipeline;
import io.huaxiang.model.pipeline.TrainedScorecard;
import io.huaxiang.model.pipeline.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Tries automatic segmentation of the scorecard population the way scorecard teams do it: split on
 * one of the top-IV numeric features (raw or derived) at one or two of its coarse-bin edges, fit a
 * card per segment with the unchanged automatic pipeline, and compare the combined out-of-fold AUC
 * of the segment cards with the single card's on 5 stratified folds of the training rows. A
 * segmentation would be adopted only if it beats the single card by {@link #MARGIN}; the test AUC
 * is printed for the report only and chooses nothing.
 *
 * <p>Usage: {@code ScorecardSegmentationStudy [shared/data dir] [dataset folder]} (default
 * taiwan_default). Costs a few hundred pipeline fits: minutes of CPU, run it on a quiet machine.
 */
public final class ScorecardSegmentationStudy {
  static final int FOLDS = 5;
  static final int TOP_FEATURES = 3;
  static final int MIN_SEGMENT_EVENTS = 200;
  static final double MIN_SEGMENT_SHARE = 0.10;
  static final double MARGIN = 0.002;

  private ScorecardSegmentationStudy() {}

  /** A way to split the population: rows with {@code feature < cuts[0]}, then the next band. */
  record Candidate(String feature, double[] cuts) {
    int segmentOf(double value) {
      int s = 0;
      while (s < cuts.length && value >= cuts[s]) {
        s++;
      }
      return s;
    }

    @Override
    public String toString() {
      return feature + " cut at " + Arrays.toString(cuts);
    }
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data");
    String name = args.length > 1 ? args[1] : "taiwan_default";
    Spec spec =
        ScorecardSideBySide.DATASETS.stream()
            .filter(s -> s.folder().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown dataset folder " + name));
    Path folder = dir.resolve(spec.folder());
    Dataset all = CsvReader.read(folder.resolve(spec.file()));
    Split split = Split.read(folder.resolve("split.csv")).checkAgainst(all);
    Dataset train = all.select(split.train());
    Dataset test = all.select(split.test());
    TrainingConfig config =
        TrainingConfig.defaults(spec.target(), spec.positive()).excluding(spec.exclude());
    int[] y = BinaryTarget.of(train, spec.target(), spec.positive()).labels();
    int[] yTest = BinaryTarget.of(test, spec.target(), spec.positive()).labels();
    int[] fold = folds(y);

    TrainedScorecard single = ScorecardPipeline.train(train, config, ProgressListener.NONE);
    double singleCv = crossValidated(train, y, fold, config, null, null);
    double singleTest = Auc.of(single.model().probabilities(test), yTest);
    System.out.printf("| single card | | %.4f | %.4f | |%n", singleCv, singleTest);

    Map<String, double[]> trainValues = values(all, spec.target(), split.train());
    Map<String, double[]> testValues = values(all, spec.target(), split.test());
    Candidate best = null;
    double bestCv = singleCv + MARGIN;
    for (Candidate c : candidates(single, trainValues, y)) {
      double[] v = trainValues.get(c.feature());
      double cv = crossValidated(train, y, fold, config, c, v);
      double t = segmentedTest(train, test, y, yTest, config, c, v, testValues.get(c.feature()));
      System.out.printf(
          "| %s | %s | %.4f | %.4f | %+.4f |%n",
          c.feature(), Arrays.toString(c.cuts()), cv, t, cv - singleCv);
      if (cv >= bestCv) {
        best = c;
        bestCv = cv;
      }
    }
    System.out.println(
        best == null
            ? "decision: no segmentation beats the single card by "
                + MARGIN
                + " cross-validated AUC"
            : "decision: segment on " + best);
  }

  /** Values of every numeric raw column and every derived group feature, for the given rows. */
  static Map<String, double[]> values(Dataset all, String target, int[] rows) {
    Dataset part = all.select(rows);
    List<Column> raw = part.columns().stream().filter(c -> !c.name().equals(target)).toList();
    Map<String, double[]> out = new HashMap<>();
    for (Column c : raw) {
      if (c instanceof NumericColumn n) {
        out.put(c.name(), n.values());
      }
    }
    for (DerivedFeature d : new FeatureGroups(32).propose(raw)) {
      out.put(d.name(), d.derive(part).values());
    }
    return out;
  }

  /**
   * One and two cuts at the coarse-bin edges of the top numeric features by IV, keeping only splits
   * whose every segment has enough rows and events for a card of its own.
   */
  static List<Candidate> candidates(
      TrainedScorecard single, Map<String, double[]> values, int[] y) {
    List<FeatureBinning> top =
        single.binnings().stream()
            .filter(b -> values.containsKey(b.feature()))
            .sorted(Comparator.comparingDouble((FeatureBinning b) -> -b.iv()))
            .limit(TOP_FEATURES)
            .toList();
    List<Candidate> out = new ArrayList<>();
    for (FeatureBinning b : top) {
      List<Double> edges = new ArrayList<>();
      for (WoeBin w : b.bins()) {
        if (w.rule() instanceof BinRule.Range r && r.lower() != Double.NEGATIVE_INFINITY) {
          edges.add(r.lower());
        }
      }
      for (int i = 0; i < edges.size(); i++) {
        add(out, new Candidate(b.feature(), new double[] {edges.get(i)}), values, y);
        for (int j = i + 1; j < edges.size(); j++) {
          add(
              out,
              new Candidate(b.feature(), new double[] {edges.get(i), edges.get(j)}),
              values,
              y);
        }
      }
    }
    return out;
  }

  private static void add(List<Candidate> out, Candidate c, Map<String, double[]> values, int[] y) {
    double[] v = values.get(c.feature());
    long[] rows = new long[c.cuts().length + 1];
    long[] events = new long[rows.length];
    for (int i = 0; i < v.length; i++) {
      if (Double.isNaN(v[i])) {
        return; // a missing value would need a segment of its own
      }
      int s = c.segmentOf(v[i]);
      rows[s]++;
      events[s] += y[i];
    }
    for (int s = 0; s < rows.length; s++) {
      if (events[s] < MIN_SEGMENT_EVENTS
          || rows[s] - events[s] < MIN_SEGMENT_EVENTS
          || rows[s] < MIN_SEGMENT_SHARE * v.length) {
        return;
      }
    }
    out.add(c);
  }

  /** Combined out-of-fold AUC of one card per segment (one segment when {@code c} is null). */
  static double crossValidated(
      Dataset train, int[] y, int[] fold, TrainingConfig config, Candidate c, double[] v) {
    double[] oof = new double[y.length];
    int segments = c == null ? 1 : c.cuts().length + 1;
    for (int k = 0; k < FOLDS; k++) {
      for (int s = 0; s < segments; s++) {
        int held = k;
        int seg = s;
        int[] fit =
            IntStream.range(0, y.length)
                .filter(i -> fold[i] != held && (c == null || c.segmentOf(v[i]) == seg))
                .toArray();
        int[] out =
            IntStream.range(0, y.length)
                .filter(i -> fold[i] == held && (c == null || c.segmentOf(v[i]) == seg))
                .toArray();
        double[] pd =
            ScorecardPipeline.train(train.select(fit), config, ProgressListener.NONE)
                .model()
                .probabilities(train.select(out));
        for (int i = 0; i < out.length; i++) {
          oof[out[i]] = pd[i];
        }
      }
    }
    return Auc.of(oof, y);
  }

  /** Test AUC of segment cards fitted on all training rows of their segment (report only). */
  static double segmentedTest(
      Dataset train,
      Dataset test,
      int[] y,
      int[] yTest,
      TrainingConfig config,
      Candidate c,
      double[] v,
      double[] vTest) {
    double[] pd = new double[yTest.length];
    for (int s = 0; s <= c.cuts().length; s++) {
      int seg = s;
      int[] fit = IntStream.range(0, y.length).filter(i -> c.segmentOf(v[i]) == seg).toArray();
      int[] out =
          IntStream.range(0, yTest.length).filter(i -> c.segmentOf(vTest[i]) == seg).toArray();
      double[] p =
          ScorecardPipeline.train(train.select(fit), config, ProgressListener.NONE)
              .model()
              .probabilities(test.select(out));
      for (int i = 0; i < out.length; i++) {
        pd[out[i]] = p[i];
      }
    }
    return Auc.of(pd, yTest);
  }

  /** Events and non-events dealt round-robin into folds after a seeded shuffle. */
  static int[] folds(int[] y) {
    int[] fold = new int[y.length];
    Random random = new Random(42);
    for (int cls = 0; cls <= 1; cls++) {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < y.length; i++) {
        if (y[i] == cls) {
          rows.add(i);
        }
      }
      Collections.shuffle(rows, random);
      for (int k = 0; k < rows.size(); k++) {
        fold[rows.get(k)] = k % FOLDS;
      }
    }
    return fold;
  }
}
