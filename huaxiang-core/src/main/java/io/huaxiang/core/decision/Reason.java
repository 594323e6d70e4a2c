package io.huaxiang.core.decision;

import java.util.Objects;

/**
 * Why a decision came out as it did, in both languages; {@code feature} names the portrait feature
 * or input behind it when there is one, so a borrower's request for review can be answered.
 *
 * @param code stable code, e.g. {@code SCORE_BELOW_CUTOFF}
 * @param stage the stage that gave the reason
 * @param zh the reason in Simplified Chinese
 * @param en the reason in English
 * @param feature the feature or input behind the reason, or null
 */
public record Reason(String code, Stage stage, String zh, String en, String feature) {
  public Reason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(zh, "zh");
    Objects.requireNonNull(en, "en");
  }

  public static Reason of(String code, Stage stage, String zh, String en) {
    return new Reason(code, stage, zh, en, null);
  }
}
