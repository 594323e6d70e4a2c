package io.huaxiang.model.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.model.binning.BinRule;
import io.huaxiang.model.binning.CrossFeature;
import io.huaxiang.model.binning.FeatureBinning;
import io.huaxiang.model.binning.Monotonicity;
import io.huaxiang.model.binning.WoeBin;
import io.huaxiang.model.data.ColumnType;
import io.huaxiang.model.data.DataFingerprint;
import io.huaxiang.model.derived.DerivedFeature;
import io.huaxiang.model.derived.GroupAggregate;
import io.huaxiang.model.derived.SumRatio;
import io.huaxiang.model.metrics.Calibration;
import io.huaxiang.model.metrics.EvaluationCurves;
import io.huaxiang.model.scorecard.FeatureLabel;
import io.huaxiang.model.scorecard.ModelInfo;
import io.huaxiang.model.scorecard.Scaling;
import io.huaxiang.model.scorecard.ScorecardFeature;
import io.huaxiang.model.scorecard.ScorecardModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads scorecard models as self-describing JSON files. */
public final class ArtifactCodec {
  /** Data binding is loaded only to read: writing streams, and skips its start-up cost. */
  private static final class Json {
    static final ObjectMapper MAPPER =
        new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  private ArtifactCodec() {}

  /** Writes a model to a file, replacing it. */
  public static void write(ScorecardModel model, Path file) {
    try {
      Files.writeString(file, toJson(model), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ArtifactException("cannot write model file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a model from a file. */
  public static ScorecardModel read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ArtifactException("model file not found: " + file, e);
    } catch (IOException e) {
      throw new ArtifactException("cannot read model file " + file + ": " + e.getMessage(), e);
    }
    return fromJson(text, file.toString());
  }

  /** Returns the JSON text of a model. */
  public static String toJson(ScorecardModel model) {
    ModelInfo info = model.info();
    Scaling s = model.scaling();
    List<ArtifactFile.FeatureDto> features = new ArrayList<>();
    for (ScorecardFeature f : model.features()) {
      features.add(featureDto(f));
    }
    ArtifactFile file =
        new ArtifactFile(
            ArtifactFile.FORMAT,
            info.formatVersion(),
            info.libraryVersion(),
            info.name(),
            info.trainedAt() == null ? null : info.trainedAt().toString(),
            new ArtifactFile.Target(info.target(), info.positiveValue()),
            info.fingerprint() == null
                ? null
                : new ArtifactFile.TrainingData(
                    info.fingerprint().sha256(), info.fingerprint().rows()),
            new ArtifactFile.ScalingDto(
                s.baseScore(), s.baseOdds(), s.pdo(), s.factor(), s.offset()),
            model.intercept(),
            model.basePoints(),
            model.features().stream().map(ScorecardFeature::name).toList(),
            features,
            info.metrics(),
            info.scoreBaseline() == null
                ? null
                : new ArtifactFile.BaselineDto(
                    info.scoreBaseline().cuts(), info.scoreBaseline().counts()),
            info.curves() == null ? null : curvesDto(info.curves()));
    try {
      return ArtifactWriter.write(file);
    } catch (IOException e) {
      throw new ArtifactException("cannot serialise model: " + e.getMessage(), e);
    }
  }

  /** Parses the JSON text of a model; {@code source} names it in error messages. */
  public static ScorecardModel fromJson(String text, String source) {
    ArtifactFile file;
    try {
      file = Json.MAPPER.readValue(text, ArtifactFile.class);
    } catch (JsonProcessingException e) {
      throw new ArtifactException(
          source + " is not a valid scorecard model file: " + e.getOriginalMessage(), e);
    }
    if (!ArtifactFile.FORMAT.equals(file.format())) {
      throw new ArtifactException(
          source + " is not a Huaxiang scorecard (format '" + file.format() + "')");
    }
    if (file.formatVersion() > ModelInfo.FORMAT_VERSION || file.formatVersion() < 1) {
      throw new ArtifactException(
          source
              + " has artifact format version "
              + file.formatVersion()
              + ", but this library reads versions 1.."
              + ModelInfo.FORMAT_VERSION
              + ": upgrade Huaxiang to load it");
    }
    List<ScorecardFeature> features = new ArrayList<>();
    for (ArtifactFile.FeatureDto f : file.features()) {
      features.add(feature(f));
    }
    ArtifactFile.ScalingDto s = file.scaling();
    ModelInfo info =
        new ModelInfo(
            file.name(),
            file.formatVersion(),
            file.libraryVersion(),
            file.trainedAt() == null ? null : Instant.parse(file.trainedAt()),
            file.target().column(),
            file.target().positiveValue(),
            file.trainingData() == null
                ? null
                : new DataFingerprint(file.trainingData().sha256(), file.trainingData().rows()),
            file.metrics() == null ? java.util.Map.of() : file.metrics(),
            file.scoreBaseline() == null
                ? null
                : new io.huaxiang.model.scorecard.ScoreBaseline(
                    file.scoreBaseline().cuts(), file.scoreBaseline().counts()),
            file.curves() == null ? null : curves(file.curves()));
    return new ScorecardModel(
        features,
        file.intercept(),
        file.basePoints(),
        new Scaling(s.baseScore(), s.baseOdds(), s.pdo()),
        info);
  }

  private static ArtifactFile.FeatureDto featureDto(ScorecardFeature f) {
    FeatureBinning b = f.binning();
    List<ArtifactFile.BinDto> bins = new ArrayList<>();
    for (int i = 0; i < b.bins().size(); i++) {
      bins.add(binDto(b.bins().get(i), f.points()[i]));
    }
    return new ArtifactFile.FeatureDto(
        f.name(),
        b.type().name().toLowerCase(java.util.Locale.ROOT),
        b.shape().name().toLowerCase(java.util.Locale.ROOT),
        b.overridden(),
        f.coefficient(),
        f.label().zh(),
        f.label().en(),
        b.iv(),
        b.gini(),
        b.ks(),
        bins,
        f.cross() == null
            ? null
            : new ArtifactFile.CrossDto(
                sourceDto(f.cross().first()), sourceDto(f.cross().second())),
        derivedDto(f.derived()));
  }

  private static ArtifactFile.DerivedDto derivedDto(DerivedFeature d) {
    if (d == null) {
      return null;
    }
    if (d instanceof GroupAggregate a) {
      return new ArtifactFile.DerivedDto(
          "aggregate",
          a.aggregate().name().toLowerCase(java.util.Locale.ROOT),
          a.inputs(),
          null,
          null);
    }
    SumRatio r = (SumRatio) d;
    return new ArtifactFile.DerivedDto("ratio", null, null, r.numerator(), r.denominator());
  }

  private static DerivedFeature derived(String name, ArtifactFile.DerivedDto d) {
    if (d == null) {
      return null;
    }
    return switch (d.kind()) {
      case "aggregate" ->
          new GroupAggregate(
              name,
              GroupAggregate.Aggregate.valueOf(d.aggregate().toUpperCase(java.util.Locale.ROOT)),
              d.inputs());
      case "ratio" -> new SumRatio(name, d.numerator(), d.denominator());
      default ->
          throw new ArtifactException(
              "feature '" + name + "' has an unknown derivation '" + d.kind() + "'");
    };
  }

  private static ArtifactFile.SourceDto sourceDto(FeatureBinning b) {
    List<ArtifactFile.BinDto> bins = new ArrayList<>();
    for (WoeBin bin : b.bins()) {
      bins.add(binDto(bin, 0));
    }
    return new ArtifactFile.SourceDto(
        b.feature(), b.type().name().toLowerCase(java.util.Locale.ROOT), bins);
  }

  private static FeatureBinning source(ArtifactFile.SourceDto s) {
    List<WoeBin> bins = new ArrayList<>();
    for (ArtifactFile.BinDto b : s.bins()) {
      bins.add(bin(s.name(), b));
    }
    return new FeatureBinning(
        s.name(),
        ColumnType.valueOf(s.type().toUpperCase(java.util.Locale.ROOT)),
        Monotonicity.NONE,
        bins,
        false);
  }

  private static WoeBin bin(String feature, ArtifactFile.BinDto b) {
    BinRule rule =
        switch (b.kind()) {
          case "range" ->
              new BinRule.Range(
                  b.lower() == null ? Double.NEGATIVE_INFINITY : b.lower(),
                  b.upper() == null ? Double.POSITIVE_INFINITY : b.upper());
          case "categories" -> new BinRule.Categories(b.categories());
          case "special" -> new BinRule.Special(b.value());
          case "missing" -> new BinRule.Missing();
          default ->
              throw new ArtifactException(
                  "feature '" + feature + "' has a bin of unknown kind '" + b.kind() + "'");
        };
    return new WoeBin(rule, b.count(), b.events(), b.share(), b.eventRate(), b.woe(), b.iv());
  }

  private static ArtifactFile.BinDto binDto(WoeBin bin, int points) {
    String kind;
    Double lower = null;
    Double upper = null;
    List<String> categories = null;
    Double value = null;
    BinRule rule = bin.rule();
    if (rule instanceof BinRule.Range r) {
      kind = "range";
      lower = Double.isInfinite(r.lower()) ? null : r.lower();
      upper = Double.isInfinite(r.upper()) ? null : r.upper();
    } else if (rule instanceof BinRule.Categories c) {
      kind = "categories";
      categories = c.values();
    } else if (rule instanceof BinRule.Special sp) {
      kind = "special";
      value = sp.value();
    } else {
      kind = "missing";
    }
    return new ArtifactFile.BinDto(
        kind,
        lower,
        upper,
        categories,
        value,
        bin.count(),
        bin.events(),
        bin.share(),
        bin.eventRate(),
        bin.woe(),
        bin.iv(),
        points);
  }

  private static ScorecardFeature feature(ArtifactFile.FeatureDto f) {
    List<WoeBin> bins = new ArrayList<>();
    int[] points = new int[f.bins().size()];
    for (int i = 0; i < points.length; i++) {
      ArtifactFile.BinDto b = f.bins().get(i);
      bins.add(bin(f.name(), b));
      points[i] = b.points();
    }
    FeatureBinning binning =
        new FeatureBinning(
            f.name(),
            ColumnType.valueOf(f.type().toUpperCase(java.util.Locale.ROOT)),
            Monotonicity.valueOf(f.shape().toUpperCase(java.util.Locale.ROOT)),
            bins,
            f.manualBins());
    CrossFeature cross =
        f.cross() == null
            ? null
            : new CrossFeature(f.name(), source(f.cross().first()), source(f.cross().second()));
    return new ScorecardFeature(
        binning,
        f.coefficient(),
        points,
        new FeatureLabel(f.labelZh(), f.labelEn()),
        cross,
        derived(f.name(), f.derived()));
  }

  private static ArtifactFile.CurvesDto curvesDto(EvaluationCurves c) {
    var roc = c.roc();
    var bands = c.bands();
    var cal = c.calibration();
    return new ArtifactFile.CurvesDto(
        c.sample(),
        roc.stream().mapToDouble(EvaluationCurves.RocPoint::fpr).toArray(),
        roc.stream().mapToDouble(EvaluationCurves.RocPoint::tpr).toArray(),
        bands.stream().mapToDouble(EvaluationCurves.ScoreBand::from).toArray(),
        bands.stream().mapToDouble(EvaluationCurves.ScoreBand::to).toArray(),
        bands.stream().mapToLong(EvaluationCurves.ScoreBand::goods).toArray(),
        bands.stream().mapToLong(EvaluationCurves.ScoreBand::bads).toArray(),
        cal.stream().mapToInt(Calibration.Row::count).toArray(),
        cal.stream().mapToDouble(Calibration.Row::meanPredicted).toArray(),
        cal.stream().mapToDouble(Calibration.Row::observedRate).toArray());
  }

  private static EvaluationCurves curves(ArtifactFile.CurvesDto c) {
    List<EvaluationCurves.RocPoint> roc = new ArrayList<>();
    for (int i = 0; i < c.rocFpr().length; i++) {
      roc.add(new EvaluationCurves.RocPoint(c.rocFpr()[i], c.rocTpr()[i]));
    }
    List<EvaluationCurves.ScoreBand> bands = new ArrayList<>();
    for (int i = 0; i < c.bandFrom().length; i++) {
      bands.add(
          new EvaluationCurves.ScoreBand(
              c.bandFrom()[i], c.bandTo()[i], c.goods()[i], c.bads()[i]));
    }
    List<Calibration.Row> calibration = new ArrayList<>();
    for (int i = 0; i < c.calibrationCount().length; i++) {
      calibration.add(
          new Calibration.Row(
              i + 1,
              c.calibrationCount()[i],
              c.calibrationPredicted()[i],
              c.calibrationObserved()[i]));
    }
    return new EvaluationCurves(c.sample(), roc, bands, calibration);
  }
}
