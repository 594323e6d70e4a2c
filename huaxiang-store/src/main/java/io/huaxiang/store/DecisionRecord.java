package io.huaxiang.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One stored loan decision: the columns searched on, and the exact JSON of the application, the
 * input snapshot, the decision and (under champion/challenger) the decision of the other arm.
 *
 * @param arm {@code champion} or {@code challenger}: which strategy was acted on
 * @param shadow the other arm's decision JSON, or null when only one strategy ran
 * @param pd the probability of default the decision scored, null when not scored (kept beside the
 *     JSON so a what-if over a million decisions need not read and parse every decision)
 */
public record DecisionRecord(
    UUID decisionId,
    String requestId,
    String userId,
    String productId,
    String outcome,
    BigDecimal requestedAmount,
    BigDecimal approvedAmount,
    Integer score,
    String band,
    String strategy,
    String model,
    String arm,
    Instant decidedAt,
    String idHash,
    String phoneHash,
    String deviceHash,
    String ipHash,
    String cardHash,
    String application,
    String inputs,
    String decision,
    String shadow,
    Double pd) {

  /** A record without a separate PD (readers fall back to the PD inside {@code decision}). */
  public DecisionRecord(
      UUID decisionId,
      String requestId,
      String userId,
      String productId,
      String outcome,
      BigDecimal requestedAmount,
      BigDecimal approvedAmount,
      Integer score,
      String band,
      String strategy,
      String model,
      String arm,
      Instant decidedAt,
      String idHash,
      String phoneHash,
      String deviceHash,
      String ipHash,
      String cardHash,
      String application,
      String inputs,
      String decision,
      String shadow) {
    this(
        decisionId,
        requestId,
        userId,
        productId,
        outcome,
        requestedAmount,
        approvedAmount,
        score,
        band,
        strategy,
        model,
        arm,
        decidedAt,
        idHash,
        phoneHash,
        deviceHash,
        ipHash,
        cardHash,
        application,
        inputs,
        decision,
        shadow,
        null);
  }
}
