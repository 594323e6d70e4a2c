package io.huaxiang.store;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an approval asks of the day's funding budget and the borrower's credit line.
 *
 * @param productId the product's budget
 * @param day the budget day
 * @param capAmount the day's budget if it does not exist yet, CNY
 * @param capCount the day's count budget if it does not exist yet
 * @param share the share of the budget this applicant may draw on (1 for priority risk bands)
 * @param amount the amount to reserve
 * @param userId the borrower
 * @param borrowerCap the most credit the borrower may hold in total
 */
public record FundingRequest(
    String productId,
    LocalDate day,
    BigDecimal capAmount,
    long capCount,
    BigDecimal share,
    BigDecimal amount,
    String userId,
    BigDecimal borrowerCap) {}
