package io.huaxiang.model.artifact;

import io.huaxiang.model.binning.BinRule;
import io.huaxiang.model.binning.FeatureBinning;
import io.huaxiang.model.data.ColumnType;
import io.huaxiang.model.scorecard.ModelInfo;
import io.huaxiang.model.scorecard.ScorecardFeature;
import io.huaxiang.model.scorecard.ScorecardModel;
import jakarta.xml.bind.JAXBException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmg.pmml.Application;
import org.dmg.pmml.Array;
import org.dmg.pmml.CompoundPredicate;
import org.dmg.pmml.DataDictionary;
import org.dmg.pmml.DataField;
import org.dmg.pmml.DataType;
import org.dmg.pmml.Header;
import org.dmg.pmml.MiningField;
import org.dmg.pmml.MiningFunction;
import org.dmg.pmml.MiningSchema;
import org.dmg.pmml.OpType;
import org.dmg.pmml.Output;
import org.dmg.pmml.OutputField;
import org.dmg.pmml.PMML;
import org.dmg.pmml.Predicate;
import org.dmg.pmml.ResultFeature;
import org.dmg.pmml.SimplePredicate;
import org.dmg.pmml.SimpleSetPredicate;
import org.dmg.pmml.TransformationDictionary;
import org.dmg.pmml.True;
import org.dmg.pmml.Version;
import org.dmg.pmml.scorecard.Attribute;
import org.dmg.pmml.scorecard.Characteristic;
import org.dmg.pmml.scorecard.Characteristics;
import org.dmg.pmml.scorecard.Scorecard;
import org.jpmml.model.PMMLUtil;

/**
 * Exports a scorecard as a PMML 4.4 {@code Scorecard} with reason codes, for scoring engines that
 * read PMML.
 *
 * <p>Each feature is a Characteristic whose baseline score is its best points, with reason-code
 * algorithm "pointsBelow": the PMML reason points are then exactly our shortfalls. Characteristics
 * are written in feature-name order so that ties rank as in {@link ScorecardModel#score}. A final
 * catch-all Attribute gives 0 points to values that match no bin, as our scorer does. Derived and
 * interaction features become DerivedFields over the raw inputs ({@link PmmlTransformations}).
 */
public final class PmmlExport {
  /** Name of the output field holding the total points. */
  public static final String POINTS = "points";

  private PmmlExport() {}

  /** Writes the PMML document; {@code reasons} output fields reason1..reasonN are declared. */
  public static void write(ScorecardModel model, int reasons, Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      PMMLUtil.marshal(toPmml(model, reasons), out);
    } catch (IOException | JAXBException e) {
      throw new ArtifactException("cannot write PMML file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Builds the PMML object model of a scorecard. */
  public static PMML toPmml(ScorecardModel model, int reasons) {
    // raw inputs the applicant sends, in first-use order: plain features, the columns of derived
    // features and the two sources of each interaction
    Map<String, Boolean> raw = new LinkedHashMap<>(); // name -> numeric
    TransformationDictionary transformations = new TransformationDictionary();
    Characteristics characteristics = new Characteristics();
    List<ScorecardFeature> byName = new ArrayList<>(model.features());
    byName.sort(Comparator.comparing(ScorecardFeature::name));
    for (ScorecardFeature f : byName) {
      if (f.derived() != null) {
        f.derived().inputs().forEach(in -> raw.putIfAbsent(in, true));
        transformations.addDerivedFields(PmmlTransformations.derived(f.derived()));
      } else if (f.cross() != null) {
        for (FeatureBinning source : List.of(f.cross().first(), f.cross().second())) {
          raw.putIfAbsent(source.feature(), source.type() == ColumnType.NUMERIC);
        }
        transformations.addDerivedFields(PmmlTransformations.cross(f.cross()));
      } else {
        raw.putIfAbsent(f.name(), f.binning().type() == ColumnType.NUMERIC);
      }
      characteristics.addCharacteristics(characteristic(f));
    }
    DataDictionary dictionary = new DataDictionary();
    MiningSchema schema = new MiningSchema();
    raw.forEach(
        (name, numeric) -> {
          dictionary.addDataFields(
              new DataField(
                  name,
                  numeric ? OpType.CONTINUOUS : OpType.CATEGORICAL,
                  numeric ? DataType.DOUBLE : DataType.STRING));
          schema.addMiningFields(
              new MiningField(name)
                  .setUsageType(MiningField.UsageType.ACTIVE)
                  .setInvalidValueTreatment(org.dmg.pmml.InvalidValueTreatmentMethod.AS_IS));
        });
    Output output =
        new Output()
            .addOutputFields(
                new OutputField(POINTS, OpType.CONTINUOUS, DataType.DOUBLE)
                    .setResultFeature(ResultFeature.PREDICTED_VALUE));
    for (int r = 1; r <= reasons; r++) {
      output.addOutputFields(
          new OutputField("reason" + r, OpType.CATEGORICAL, DataType.STRING)
              .setResultFeature(ResultFeature.REASON_CODE)
              .setRank(r));
    }
    Scorecard scorecard =
        new Scorecard(MiningFunction.REGRESSION, schema, characteristics)
            .setModelName(model.info() == null ? "scorecard" : model.info().name())
            .setAlgorithmName("huaxiang optimal WoE binning + logistic regression")
            .setInitialScore(model.basePoints())
            .setUseReasonCodes(true)
            .setReasonCodeAlgorithm(Scorecard.ReasonCodeAlgorithm.POINTS_BELOW)
            .setBaselineMethod(Scorecard.BaselineMethod.MAX)
            .setOutput(output);
    Header header =
        new Header()
            .setApplication(new Application("Huaxiang").setVersion(ModelInfo.LIBRARY_VERSION))
            .setDescription("points = offset - factor * ln(odds of bad); see docs/models.md");
    PMML pmml = new PMML(Version.PMML_4_4.getVersion(), header, dictionary).addModels(scorecard);
    if (transformations.hasDerivedFields()) {
      pmml.setTransformationDictionary(transformations);
    }
    return pmml;
  }

  private static Characteristic characteristic(ScorecardFeature f) {
    FeatureBinning b = f.binning();
    Characteristic c =
        new Characteristic()
            .setName(f.name())
            .setReasonCode(f.name())
            .setBaselineScore(f.maxPoints());
    // missing and special bins first: a special value also lies inside some numeric range
    for (int i = 0; i < b.bins().size(); i++) {
      BinRule rule = b.bins().get(i).rule();
      if (rule instanceof BinRule.Missing || rule instanceof BinRule.Special) {
        c.addAttributes(new Attribute(predicate(f.name(), rule)).setPartialScore(f.points()[i]));
      }
    }
    for (int i = 0; i < b.bins().size(); i++) {
      BinRule rule = b.bins().get(i).rule();
      if (rule instanceof BinRule.Range || rule instanceof BinRule.Categories) {
        c.addAttributes(new Attribute(predicate(f.name(), rule)).setPartialScore(f.points()[i]));
      }
    }
    return c.addAttributes(new Attribute(True.INSTANCE).setPartialScore(0));
  }

  /**
   * PMML array content: whitespace-separated tokens, each quoted here because labels such as "... <
   * 0 DM" hold spaces; a quote or backslash inside is escaped with a backslash.
   */
  private static String arrayText(List<String> values) {
    StringBuilder sb = new StringBuilder();
    for (String v : values) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return sb.toString();
  }

  private static Predicate predicate(String field, BinRule rule) {
    if (rule instanceof BinRule.Missing) {
      return new SimplePredicate(field, SimplePredicate.Operator.IS_MISSING, null);
    }
    if (rule instanceof BinRule.Special s) {
      return new SimplePredicate(field, SimplePredicate.Operator.EQUAL, s.value());
    }
    if (rule instanceof BinRule.Categories c) {
      return new SimpleSetPredicate(
          field,
          SimpleSetPredicate.BooleanOperator.IS_IN,
          new Array(Array.Type.STRING, arrayText(c.values())).setN(c.values().size()));
    }
    BinRule.Range r = (BinRule.Range) rule;
    List<Predicate> parts = new ArrayList<>();
    if (r.lower() != Double.NEGATIVE_INFINITY) {
      parts.add(new SimplePredicate(field, SimplePredicate.Operator.GREATER_OR_EQUAL, r.lower()));
    }
    if (r.upper() != Double.POSITIVE_INFINITY) {
      parts.add(new SimplePredicate(field, SimplePredicate.Operator.LESS_THAN, r.upper()));
    }
    if (parts.isEmpty()) {
      return new SimplePredicate(field, SimplePredicate.Operator.IS_NOT_MISSING, null);
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return new CompoundPredicate(CompoundPredicate.BooleanOperator.AND, null)
        .addPredicates(parts.toArray(new Predicate[0]));
  }
}
