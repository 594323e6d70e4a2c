package io.huaxiang.store;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A product's funding budget on one day and how much of it is used. */
public record BudgetStatus(
    String productId,
    LocalDate day,
    BigDecimal capAmount,
    long capCount,
    BigDecimal usedAmount,
    long usedCount) {}
