package io.huaxiang.core.decision;

import io.huaxiang.core.event.LoanPurpose;
import io.huaxiang.core.expr.CompiledExpression;
import io.huaxiang.core.lending.AprCap;
import io.huaxiang.core.lending.RepaymentMethod;
import java.math.BigDecimal;
import java.util.List;

/**
 * A credit product in the catalogue (个性化信贷产品): what may be lent, for how long, at what price range,
 * to whom, and how much may be lent per day.
 *
 * @param id stable id, e.g. {@code consumption}
 * @param nameZh name in Chinese
 * @param nameEn name in English
 * @param purpose the loan purpose the product serves
 * @param minAmount smallest amount, CNY
 * @param maxAmount largest amount, CNY
 * @param terms the terms offered, months, ascending
 * @param aprMinPercent lowest contract rate, percent a year
 * @param aprMaxPercent highest contract rate, percent a year
 * @param repayment how it is repaid
 * @param monthlyFeePercent a monthly fee as percent of the original principal (0 if none)
 * @param upfrontFeePercent a fee taken from the disbursement, percent of principal (0 if none)
 * @param capName the APR cap set ({@code licensed_lender}, {@code strictest}, …)
 * @param cap the cap set itself
 * @param eligibility who may be offered the product, over portrait features; null = everyone
 * @param dailyBudgetAmount funding per day, CNY
 * @param dailyBudgetCount applications that may be funded per day
 */
public record Product(
    String id,
    String nameZh,
    String nameEn,
    LoanPurpose purpose,
    BigDecimal minAmount,
    BigDecimal maxAmount,
    List<Integer> terms,
    BigDecimal aprMinPercent,
    BigDecimal aprMaxPercent,
    RepaymentMethod repayment,
    BigDecimal monthlyFeePercent,
    BigDecimal upfrontFeePercent,
    String capName,
    AprCap cap,
    CompiledExpression eligibility,
    BigDecimal dailyBudgetAmount,
    long dailyBudgetCount) {

  public Product {
    terms = List.copyOf(terms);
  }

  public boolean offersTerm(int months) {
    return terms.contains(months);
  }
}
