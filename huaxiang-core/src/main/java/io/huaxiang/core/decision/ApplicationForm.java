package io.huaxiang.core.decision;

import java.math.BigDecimal;

/**
 * A loan application as a client sends it, before validation: clear identifiers, free text. Turn it
 * into a {@link LoanApplication} with {@link ApplicationIntake}.
 */
public record ApplicationForm(
    String requestId,
    String userId,
    String product,
    BigDecimal amount,
    Integer termMonths,
    String purpose,
    BigDecimal monthlyIncome,
    String idNumber,
    String phone,
    String bankCard,
    String deviceId,
    String ip,
    String city,
    String channel) {

  /** The form without clear identifiers, for messages and logs. */
  @Override
  public String toString() {
    return "ApplicationForm[requestId="
        + requestId
        + ", userId="
        + userId
        + ", product="
        + product
        + ", amount="
        + amount
        + ", termMonths="
        + termMonths
        + "]";
  }
}
