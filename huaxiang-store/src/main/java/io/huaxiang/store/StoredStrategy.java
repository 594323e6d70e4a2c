package io.huaxiang.store;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One uploaded version of a strategy.
 *
 * @param role {@code candidate}, {@code champion} (the active one), {@code challenger} or {@code
 *     retired}
 * @param challengerShare for a challenger, the share of users (by hash of user id) it decides for
 */
public record StoredStrategy(
    String strategyId,
    int version,
    String productId,
    String source,
    String fingerprint,
    String uploadedBy,
    Instant uploadedAt,
    String role,
    BigDecimal challengerShare,
    String activatedBy,
    Instant activatedAt) {}
