package io.huaxiang.gbdt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.huaxiang.model.data.CategoricalColumn;
import io.huaxiang.model.data.Column;
import io.huaxiang.model.data.ColumnType;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.data.NumericColumn;
import io.huaxiang.model.metrics.ModelMetrics;
import io.huaxiang.model.scorecard.FeatureLabel;
import io.huaxiang.model.scorecard.ReasonCode;
import io.huaxiang.model.scorecard.Scaling;
import io.huaxiang.model.scorecard.ScoreResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained gradient-boosted-trees model: predicts the probability of the event and explains each
 * prediction with XGBoost's SHAP contributions.
 *
 * <p>Holds a native booster: {@link #close()} frees it.
 */
public final class GbdtModel implements AutoCloseable {
  /** Score points per unit of log-odds at 50 points to double the odds, as the scorecards use. */
  public static final double POINTS_PER_LOGIT = 50 / Math.log(2);

  static final String MODEL_FILE = "model.ubj";
  static final String SIDECAR_FILE = "model.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Booster booster;
  private final List<GbdtFeature> features;
  private final String target;
  private final String positiveValue;
  private final int trees;

  GbdtModel(
      Booster booster, List<GbdtFeature> features, String target, String positiveValue, int trees) {
    this.booster = booster;
    this.features = List.copyOf(features);
    this.target = target;
    this.positiveValue = positiveValue;
    this.trees = trees;
  }

  public List<GbdtFeature> features() {
    return features;
  }

  public String target() {
    return target;
  }

  public String positiveValue() {
    return positiveValue;
  }

  /** Returns the number of boosting rounds the model uses (the best round of early stopping). */
  public int trees() {
    return trees;
  }

  /** Returns the probability of the event for every row of {@code data}. */
  public double[] predictPd(Dataset data) {
    return column(predict(data, false));
  }

  /** Returns the log-odds (XGBoost's margin) of the event for every row of {@code data}. */
  public double[] predictMargin(Dataset data) {
    return column(predict(data, true));
  }

  /**
   * Returns each row's SHAP contributions to the margin: one column per {@link #features()} entry,
   * then the bias; a row's entries sum to its margin.
   */
  public float[][] contributions(Dataset data) {
    DMatrix m = matrix(data, features, null);
    try {
      return booster.predictContrib(m, trees);
    } catch (XGBoostError e) {
      throw new GbdtException("XGBoost failed to compute contributions: " + e.getMessage(), e);
    } finally {
      m.dispose();
    }
  }

  /**
   * Returns one applicant's SHAP contributions: one per {@link #features()} entry, then the bias.
   */
  public float[] contributions(Map<String, ?> applicant) {
    return contributions(single(applicant))[0];
  }

  /** Returns the probability of the event for one applicant (feature name to value). */
  public double predictPd(Map<String, ?> applicant) {
    return predictPd(single(applicant))[0];
  }

  /**
   * Explains one applicant: the {@code n} features whose contributions pushed the log-odds of the
   * event up the most, as reason codes.
   *
   * <p>A reason's {@code shortfall} is the contribution in score points at 50 points to double the
   * odds, measured against the average applicant (SHAP's reference), so {@code maxPoints} is 0 and
   * {@code points} is minus the shortfall; features that cost less than half a point are left out.
   */
  public List<ReasonCode> reasons(Map<String, ?> applicant, int n) {
    return reasons(applicant, contributions(applicant), n);
  }

  private List<ReasonCode> reasons(Map<String, ?> applicant, float[] contrib, int n) {
    Integer[] order = new Integer[features.size()];
    for (int j = 0; j < order.length; j++) {
      order[j] = j;
    }
    Arrays.sort(
        order,
        (a, b) ->
            contrib[a] != contrib[b]
                ? Float.compare(contrib[b], contrib[a])
                : features.get(a).name().compareTo(features.get(b).name()));
    List<ReasonCode> out = new ArrayList<>();
    for (int r = 0; r < order.length && out.size() < n; r++) {
      int j = order[r];
      int shortfall = (int) Math.round(contrib[j] * POINTS_PER_LOGIT);
      if (shortfall <= 0) {
        break;
      }
      out.add(
          reason(
              out.size() + 1, features.get(j), applicant.get(features.get(j).name()), shortfall));
    }
    return List.copyOf(out);
  }

  private static ReasonCode reason(int rank, GbdtFeature f, Object value, int shortfall) {
    FeatureLabel label = FeatureLabel.fromName(f.name());
    String shown = value == null ? "缺失/missing" : value.toString();
    String zh = label.zh() + "（" + shown + "）使违约风险上升，评分降低 " + shortfall + " 分";
    String en =
        label.en()
            + " ("
            + shown
            + ") raised the default risk, lowering the score by "
            + shortfall
            + " points";
    return new ReasonCode(rank, f.name(), shown, -shortfall, 0, shortfall, zh, en);
  }

  /**
   * Saves the model into {@code dir}: XGBoost's own UBJSON model file and a JSON sidecar with the
   * features, their encodings, the target and the number of trees used.
   */
  public void save(Path dir) {
    try {
      Files.createDirectories(dir);
      booster.saveModel(dir.resolve(MODEL_FILE).toString());
      JSON.writeValue(
          dir.resolve(SIDECAR_FILE).toFile(),
          new Sidecar(1, target, positiveValue, trees, features));
    } catch (IOException | XGBoostError e) {
      throw new GbdtException("cannot save the GBDT model to " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Loads a model saved by {@link #save(Path)}. */
  public static GbdtModel load(Path dir) {
    Path sidecarFile = dir.resolve(SIDECAR_FILE);
    Path modelFile = dir.resolve(MODEL_FILE);
    try {
      Sidecar s = JSON.readValue(sidecarFile.toFile(), Sidecar.class);
      if (s.formatVersion() != 1) {
        throw new GbdtException(
            sidecarFile + " has format version " + s.formatVersion() + "; this code reads 1");
      }
      if (s.features() == null || s.features().isEmpty() || s.trees() < 1) {
        throw new GbdtException(sidecarFile + " lacks the feature list or the number of trees");
      }
      if (!Files.exists(modelFile)) {
        throw new NoSuchFileException(modelFile.toString());
      }
      Booster booster = XGBoost.loadModel(modelFile.toString());
      return new GbdtModel(booster, s.features(), s.target(), s.positiveValue(), s.trees());
    } catch (IOException | XGBoostError e) {
      throw new GbdtException("cannot load a GBDT model from " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    booster.dispose();
  }

  /** Format name of the one-file artifact ({@link #toArtifactJson}). */
  public static final String ARTIFACT_FORMAT = "huaxiang-gbdt";

  /** Points scale of {@link #score}: 600 points at good:bad odds 50:1, 50 points to double. */
  public static final Scaling SCALING = new Scaling(600, 50, 50);

  /**
   * The whole model as one JSON document: the sidecar's fields plus XGBoost's UBJSON model in
   * base64, so it can live in the model registry or in a single file like a scorecard artifact.
   *
   * @param name model name written into the document
   * @param metrics evaluation figures by sample (e.g. "train", "test"); may be empty
   */
  public String toArtifactJson(String name, Map<String, ModelMetrics> metrics) {
    try {
      String booster = Base64.getEncoder().encodeToString(this.booster.toByteArray("ubj"));
      return JSON.writeValueAsString(
          new Artifact(
              ARTIFACT_FORMAT,
              1,
              name,
              target,
              positiveValue,
              trees,
              features,
              Map.copyOf(metrics),
              booster));
    } catch (IOException | XGBoostError e) {
      throw new GbdtException("cannot serialise the GBDT model: " + e.getMessage(), e);
    }
  }

  /** Whether a JSON document is a GBDT artifact (rather than, say, a scorecard). */
  public static boolean isArtifact(String json) {
    try {
      var node = JSON.readTree(json);
      return node != null && ARTIFACT_FORMAT.equals(node.path("format").asText());
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads a document written by {@link #toArtifactJson}; {@code source} names it in errors. */
  public static GbdtModel fromArtifactJson(String json, String source) {
    try {
      Artifact a = JSON.readValue(json, Artifact.class);
      if (!ARTIFACT_FORMAT.equals(a.format()) || a.formatVersion() != 1) {
        throw new GbdtException(
            source + " is not a GBDT artifact of format version 1 (format " + a.format() + ")");
      }
      if (a.features() == null || a.features().isEmpty() || a.trees() < 1 || a.booster() == null) {
        throw new GbdtException(source + " lacks the feature list, trees or the booster");
      }
      Booster booster = XGBoost.loadModel(Base64.getDecoder().decode(a.booster()));
      return new GbdtModel(booster, a.features(), a.target(), a.positiveValue(), a.trees());
    } catch (IOException | XGBoostError | IllegalArgumentException e) {
      throw new GbdtException("cannot read a GBDT model from " + source + ": " + e.getMessage(), e);
    }
  }

  /** Name and metrics stored in an artifact, without loading the booster. */
  public static Map<String, ModelMetrics> artifactMetrics(String json) {
    try {
      Artifact a = JSON.readValue(json, Artifact.class);
      return a.metrics() == null ? Map.of() : a.metrics();
    } catch (IOException e) {
      throw new GbdtException("not a GBDT artifact: " + e.getMessage(), e);
    }
  }

  /**
   * Scores one applicant like a scorecard does: points on {@link #SCALING}, the PD, the top {@code
   * reasons} reason codes from SHAP, and each feature's contribution in points ("(base)" = the
   * average applicant's points).
   */
  public synchronized ScoreResult score(Map<String, ?> applicant, int reasons) {
    float[] contrib = contributions(applicant);
    double margin = 0;
    for (float c : contrib) {
      margin += c;
    }
    Map<String, Integer> byFeature = new LinkedHashMap<>();
    byFeature.put("(base)", (int) Math.round(SCALING.points(contrib[contrib.length - 1])));
    for (int j = 0; j < features.size(); j++) {
      byFeature.put(features.get(j).name(), (int) Math.round(-contrib[j] * SCALING.factor()));
    }
    int points = (int) Math.round(SCALING.points(margin));
    return new ScoreResult(
        points, 1 / (1 + Math.exp(-margin)), reasons(applicant, contrib, reasons), byFeature);
  }

  /** The one-file artifact of the registry and the CLI. */
  record Artifact(
      String format,
      int formatVersion,
      String name,
      String target,
      String positiveValue,
      int trees,
      List<GbdtFeature> features,
      Map<String, ModelMetrics> metrics,
      String booster) {}

  /** The JSON sidecar next to XGBoost's model file. */
  record Sidecar(
      int formatVersion,
      String target,
      String positiveValue,
      int trees,
      List<GbdtFeature> features) {}

  private float[][] predict(Dataset data, boolean margin) {
    DMatrix m = matrix(data, features, null);
    try {
      return booster.predict(m, margin, trees);
    } catch (XGBoostError e) {
      throw new GbdtException("XGBoost failed to predict: " + e.getMessage(), e);
    } finally {
      m.dispose();
    }
  }

  private Dataset single(Map<String, ?> applicant) {
    List<Column> cols = new ArrayList<>();
    for (GbdtFeature f : features) {
      Object v = applicant.get(f.name());
      cols.add(
          f.type() == ColumnType.NUMERIC
              ? new NumericColumn(f.name(), new double[] {f.encode(v)})
              : new CategoricalColumn(f.name(), new String[] {v == null ? null : v.toString()}));
    }
    return Dataset.of("applicant", cols);
  }

  /** Builds a dense row-major matrix of the given rows (all rows if null), NaN = missing. */
  static DMatrix matrix(Dataset data, List<GbdtFeature> features, int[] rows) {
    int n = rows == null ? data.rowCount() : rows.length;
    int k = features.size();
    float[] values = new float[n * k];
    for (int j = 0; j < k; j++) {
      GbdtFeature f = features.get(j);
      if (!data.hasColumn(f.name())) {
        throw new GbdtException(
            "the data " + data.name() + " lacks the model's feature '" + f.name() + "'");
      }
      Column c = data.column(f.name());
      for (int i = 0; i < n; i++) {
        int r = rows == null ? i : rows[i];
        values[i * k + j] = encodeCell(f, c, r);
      }
    }
    try {
      return new DMatrix(values, n, k, Float.NaN);
    } catch (XGBoostError e) {
      throw new GbdtException("XGBoost cannot hold the data: " + e.getMessage(), e);
    }
  }

  private static float encodeCell(GbdtFeature f, Column c, int row) {
    if (c instanceof NumericColumn num && f.type() == ColumnType.NUMERIC) {
      return (float) num.values()[row];
    }
    return f.encode(c.value(row));
  }

  private static double[] column(float[][] out) {
    double[] v = new double[out.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = out[i][0];
    }
    return v;
  }
}
