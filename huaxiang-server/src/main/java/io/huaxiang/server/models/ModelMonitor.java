package io.huaxiang.server.models;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.model.metrics.Stability;
import io.huaxiang.model.metrics.StabilityFlag;
import io.huaxiang.model.scorecard.ScorecardFeature;
import io.huaxiang.model.scorecard.ScorecardModel;
import io.huaxiang.store.ModelScoreLog;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Live stability of a scorecard: the scores it gave (from the score log) against its training
 * distribution, per period. Score PSI uses the training score bands kept in the model file; CSI of
 * each feature uses the training counts of its bins.
 */
final class ModelMonitor {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Integer>> BINS = new TypeReference<>() {};

  /** Most scores read per request. */
  static final int MAX_ROWS = 200_000;

  private ModelMonitor() {}

  /** Stability of one period: how many scores, score PSI (null if no baseline) and CSI. */
  record Period(
      Instant from,
      Instant to,
      int scores,
      Stability psi,
      List<Stability> csi,
      StabilityFlag worst) {}

  /** Stability of the scores in {@code [from, to)} cut into periods of {@code days}. */
  static List<Period> periods(
      ScorecardModel model, ModelScoreLog log, long id, Instant from, Instant to, int days) {
    List<Period> out = new ArrayList<>();
    for (Instant start = from; start.isBefore(to); start = start.plus(days, ChronoUnit.DAYS)) {
      Instant end = start.plus(days, ChronoUnit.DAYS);
      if (end.isAfter(to)) {
        end = to;
      }
      List<ModelScoreLog.Entry> entries = log.between(id, start, end, MAX_ROWS);
      if (!entries.isEmpty()) {
        out.add(period(model, start, end, entries));
      }
    }
    return out;
  }

  /** Stability of a list of logged scores against the training distribution. */
  static Period period(
      ScorecardModel model, Instant from, Instant to, List<ModelScoreLog.Entry> entries) {
    double[] points = entries.stream().mapToDouble(ModelScoreLog.Entry::points).toArray();
    Stability psi =
        model.info().scoreBaseline() == null ? null : model.info().scoreBaseline().psi(points);
    List<Map<String, Integer>> bins = new ArrayList<>();
    for (ModelScoreLog.Entry e : entries) {
      bins.add(parse(e.binsJson()));
    }
    List<Stability> csi = new ArrayList<>();
    for (ScorecardFeature f : model.features()) {
      csi.add(csi(f, bins));
    }
    StabilityFlag worst = psi == null ? StabilityFlag.STABLE : psi.flag();
    for (Stability s : csi) {
      if (s.flag().ordinal() > worst.ordinal()) {
        worst = s.flag();
      }
    }
    return new Period(from, to, entries.size(), psi, csi, worst);
  }

  private static Stability csi(ScorecardFeature f, List<Map<String, Integer>> rows) {
    int n = f.binning().bins().size();
    String[] labels = new String[n + 1];
    long[] base = new long[n + 1];
    long[] current = new long[n + 1];
    for (int b = 0; b < n; b++) {
      labels[b] = f.binning().bins().get(b).label();
      base[b] = f.binning().bins().get(b).count();
    }
    labels[n] = "unseen";
    for (Map<String, Integer> row : rows) {
      Integer bin = row.get(f.name());
      current[bin == null || bin < 0 ? n : bin]++;
    }
    return Stability.fromCounts(f.name(), labels, base, current);
  }

  private static Map<String, Integer> parse(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, BINS);
    } catch (java.io.IOException e) {
      return Map.of();
    }
  }

  static String toJson(Map<String, Integer> bins) {
    try {
      return bins == null ? null : JSON.writeValueAsString(bins);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
