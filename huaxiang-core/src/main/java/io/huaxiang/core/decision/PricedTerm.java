package io.huaxiang.core.decision;

import java.math.BigDecimal;

/**
 * One term of an offer with everything it costs: the contract rate, the true APR (IRR over the
 * actual outstanding principal, all fees included) and the totals the borrower must be told.
 *
 * @param termMonths the term
 * @param contractRatePercent the nominal contract rate, percent a year
 * @param aprPercent the IRR-based APR, percent (2 decimals)
 * @param effectiveAnnualPercent the compounded effective annual rate, percent
 * @param firstPayment the first instalment, CNY
 * @param totalInterest interest over the term, CNY
 * @param totalFees all fees (upfront and periodic), CNY
 * @param totalCost interest plus fees, CNY
 * @param totalRepayment what is repaid in total, CNY
 * @param amountReceived what the borrower receives after any upfront fee, CNY
 */
public record PricedTerm(
    int termMonths,
    BigDecimal contractRatePercent,
    BigDecimal aprPercent,
    BigDecimal effectiveAnnualPercent,
    BigDecimal firstPayment,
    BigDecimal totalInterest,
    BigDecimal totalFees,
    BigDecimal totalCost,
    BigDecimal totalRepayment,
    BigDecimal amountReceived) {}
