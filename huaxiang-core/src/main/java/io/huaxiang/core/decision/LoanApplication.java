package io.huaxiang.core.decision;

import io.huaxiang.core.event.LoanPurpose;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A validated loan application as the engine sees it: identifiers only as keyed hashes (and masked
 * for display), the applicant's age derived from the resident ID number, amounts in CNY. It holds
 * no clear ID, phone or card number, so it can be stored and replayed as it is.
 *
 * @param requestId the client's request id, unique per application (idempotency key)
 * @param userId the applicant's user id
 * @param productId the product applied for
 * @param amount requested amount, CNY
 * @param termMonths requested term
 * @param purpose declared purpose
 * @param monthlyIncome declared monthly income, CNY
 * @param city declared city, or null
 * @param channel the channel, e.g. {@code app}, or null
 * @param age age in whole years on the application day, from the ID number
 * @param idRegion the 6-digit region code of the ID number (residency policy)
 * @param appliedAt when the application was received
 * @param hashes keyed hashes of the identifiers given, by kind
 * @param masked the identifiers masked for display, by kind
 */
public record LoanApplication(
    String requestId,
    String userId,
    String productId,
    BigDecimal amount,
    int termMonths,
    LoanPurpose purpose,
    BigDecimal monthlyIncome,
    String city,
    String channel,
    int age,
    String idRegion,
    Instant appliedAt,
    Map<IdentifierKind, String> hashes,
    Map<IdentifierKind, String> masked) {

  public LoanApplication {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(monthlyIncome, "monthlyIncome");
    Objects.requireNonNull(appliedAt, "appliedAt");
    hashes = hashes == null ? Map.of() : Map.copyOf(hashes);
    masked = masked == null ? Map.of() : Map.copyOf(masked);
  }

  /** The hash of one identifier, or null if the applicant did not give it. */
  public String hash(IdentifierKind kind) {
    return hashes.get(kind);
  }
}
