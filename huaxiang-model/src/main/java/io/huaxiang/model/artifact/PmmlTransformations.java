package io.huaxiang.model.artifact;

import io.huaxiang.model.binning.BinRule;
import io.huaxiang.model.binning.CrossFeature;
import io.huaxiang.model.binning.FeatureBinning;
import io.huaxiang.model.derived.DerivedFeature;
import io.huaxiang.model.derived.GroupAggregate;
import io.huaxiang.model.derived.SumRatio;
import java.util.ArrayList;
import java.util.List;
import org.dmg.pmml.Apply;
import org.dmg.pmml.Constant;
import org.dmg.pmml.DataType;
import org.dmg.pmml.DerivedField;
import org.dmg.pmml.Expression;
import org.dmg.pmml.FieldRef;
import org.dmg.pmml.OpType;
import org.dmg.pmml.PMMLFunctions;

/**
 * Writes derived and interaction features as PMML {@code DerivedField}s over the raw inputs, so
 * that a PMML engine computes them from what the applicant sends, exactly as {@link
 * io.huaxiang.model.scorecard.ScorecardModel#score} does.
 *
 * <p>Exactness matters because the card's bins cut the derived value: sums are nested binary {@code
 * +} in our column order (the same floating-point additions), any missing input makes the value
 * missing (an explicit guard, as our recipes do), and a ratio with a denominator ≤ 0 is missing
 * ({@code if} without an else). A cross is the {@code concat} of its two sources' bin labels with "
 * × ", each label chosen by the same rules as {@link FeatureBinning#binOf} (missing bin, special
 * values, {@code [lower, upper)} ranges or category sets, else "unseen value").
 */
final class PmmlTransformations {
  private PmmlTransformations() {}

  /** A derived feature as a continuous double field. */
  static DerivedField derived(DerivedFeature d) {
    Expression value;
    if (d instanceof GroupAggregate a) {
      value = aggregate(a);
    } else if (d instanceof SumRatio r) {
      value = ratio(r);
    } else {
      throw new ArtifactException("PMML export does not know derived feature " + d);
    }
    return new DerivedField(d.name(), OpType.CONTINUOUS, DataType.DOUBLE, guard(d.inputs(), value));
  }

  /** An interaction as a categorical string field: "label of first × label of second". */
  static DerivedField cross(CrossFeature c) {
    Expression label =
        apply(
            PMMLFunctions.CONCAT,
            binLabel(c.first()),
            text(CrossFeature.SEPARATOR),
            binLabel(c.second()));
    return new DerivedField(c.name(), OpType.CATEGORICAL, DataType.STRING, label);
  }

  private static Expression aggregate(GroupAggregate a) {
    List<String> in = a.inputs();
    return switch (a.aggregate()) {
      case MEAN -> apply(PMMLFunctions.DIVIDE, sum(in), number(in.size()));
      case MAX -> apply(PMMLFunctions.MAX, refs(in));
      case MIN -> apply(PMMLFunctions.MIN, refs(in));
      case TREND -> apply(PMMLFunctions.SUBTRACT, ref(in.get(0)), ref(in.get(in.size() - 1)));
      case COUNT_POSITIVE -> {
        List<Expression> ones = new ArrayList<>();
        for (String f : in) {
          ones.add(
              apply(
                  PMMLFunctions.IF,
                  apply(PMMLFunctions.GREATERTHAN, ref(f), number(0)),
                  number(1),
                  number(0)));
        }
        yield nestedSum(ones);
      }
    };
  }

  private static Expression ratio(SumRatio r) {
    Expression below = sum(r.denominator());
    // no else: a denominator <= 0 (no bill, no limit) makes the ratio missing
    return apply(
        PMMLFunctions.IF,
        apply(PMMLFunctions.GREATERTHAN, below, number(0)),
        apply(PMMLFunctions.DIVIDE, sum(r.numerator()), sum(r.denominator())));
  }

  /** Missing if any input is missing; otherwise {@code value}. */
  private static Expression guard(List<String> inputs, Expression value) {
    List<Expression> present = new ArrayList<>();
    for (String f : inputs) {
      present.add(apply(PMMLFunctions.ISNOTMISSING, ref(f)));
    }
    Expression all =
        present.size() == 1
            ? present.get(0)
            : apply(PMMLFunctions.AND, present.toArray(new Expression[0]));
    return apply(PMMLFunctions.IF, all, value);
  }

  private static Expression sum(List<String> fields) {
    List<Expression> refs = new ArrayList<>();
    for (String f : fields) {
      refs.add(ref(f));
    }
    return nestedSum(refs);
  }

  /** ((a + b) + c) + …: the order of our loop, so the same rounding. */
  private static Expression nestedSum(List<Expression> terms) {
    Expression total = terms.get(0);
    for (int i = 1; i < terms.size(); i++) {
      total = apply(PMMLFunctions.ADD, total, terms.get(i));
    }
    return total;
  }

  /** The label of the source's bin for the raw value, as {@link FeatureBinning#binOf} finds it. */
  private static Expression binLabel(FeatureBinning b) {
    String field = b.feature();
    List<Expression[]> cases = new ArrayList<>(); // {condition, label}, first match wins
    String missing = b.label(-1);
    for (int i = 0; i < b.bins().size(); i++) {
      if (b.bins().get(i).rule() instanceof BinRule.Missing) {
        missing = b.label(i);
      }
    }
    cases.add(new Expression[] {apply(PMMLFunctions.ISMISSING, ref(field)), text(missing)});
    for (int i = 0; i < b.bins().size(); i++) {
      if (b.bins().get(i).rule() instanceof BinRule.Special s) {
        cases.add(
            new Expression[] {
              apply(PMMLFunctions.EQUAL, ref(field), number(s.value())), text(b.label(i))
            });
      }
    }
    for (int i = 0; i < b.bins().size(); i++) {
      Expression condition = condition(field, b.bins().get(i).rule());
      if (condition != null) {
        cases.add(new Expression[] {condition, text(b.label(i))});
      }
    }
    Expression result = text(b.label(-1));
    for (int k = cases.size() - 1; k >= 0; k--) {
      result = apply(PMMLFunctions.IF, cases.get(k)[0], cases.get(k)[1], result);
    }
    return result;
  }

  private static Expression condition(String field, BinRule rule) {
    if (rule instanceof BinRule.Categories c) {
      List<Expression> args = new ArrayList<>();
      args.add(ref(field));
      for (String v : c.values()) {
        args.add(text(v));
      }
      return apply(PMMLFunctions.ISIN, args.toArray(new Expression[0]));
    }
    if (rule instanceof BinRule.Range r) {
      List<Expression> parts = new ArrayList<>();
      if (r.lower() != Double.NEGATIVE_INFINITY) {
        parts.add(apply(PMMLFunctions.GREATEROREQUAL, ref(field), number(r.lower())));
      }
      if (r.upper() != Double.POSITIVE_INFINITY) {
        parts.add(apply(PMMLFunctions.LESSTHAN, ref(field), number(r.upper())));
      }
      if (parts.isEmpty()) {
        return apply(PMMLFunctions.ISNOTMISSING, ref(field));
      }
      return parts.size() == 1
          ? parts.get(0)
          : apply(PMMLFunctions.AND, parts.toArray(new Expression[0]));
    }
    return null; // missing and special bins are matched first
  }

  private static Apply apply(String function, Expression... args) {
    return new Apply(function).addExpressions(args);
  }

  private static Expression[] refs(List<String> fields) {
    return fields.stream().map(PmmlTransformations::ref).toArray(Expression[]::new);
  }

  private static FieldRef ref(String field) {
    return new FieldRef(field);
  }

  private static Constant number(double v) {
    return new Constant(v).setDataType(DataType.DOUBLE);
  }

  private static Constant text(String v) {
    return new Constant(v).setDataType(DataType.STRING);
  }
}
