package io.huaxiang.gbdt;

import io.huaxiang.model.data.ColumnType;
import java.util.List;

/**
 * One model input and how its values become the float XGBoost sees.
 *
 * <p>Numeric values pass through (missing stays missing). Categorical values become their rank in
 * {@code levels}, which is ordered by event rate on the training rows, lowest first: one column per
 * feature keeps SHAP reasons per business feature and lets a monotone constraint apply to a
 * category. Unseen and missing categories are missing, so the trees route them the learnt default
 * way.
 *
 * @param name column name
 * @param type numeric or categorical
 * @param levels categories by rising event rate (empty for numeric features)
 */
public record GbdtFeature(String name, ColumnType type, List<String> levels) {

  public GbdtFeature {
    levels = List.copyOf(levels);
  }

  /** Encodes one value (a Number, a String or null) as the booster's input. */
  public float encode(Object value) {
    if (value == null) {
      return Float.NaN;
    }
    if (type == ColumnType.NUMERIC) {
      if (value instanceof Number n) {
        return (float) n.doubleValue();
      }
      String text = value.toString().trim();
      if (text.isEmpty()) {
        return Float.NaN;
      }
      try {
        return (float) Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new GbdtException(
            "feature '" + name + "' is numeric, but the value '" + text + "' is not a number");
      }
    }
    int rank = levels.indexOf(value.toString());
    return rank < 0 ? Float.NaN : rank;
  }
}
