package io.huaxiang.core.decision;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product offered to a user (个性化信贷产品): the pre-approved amount and price, the representative term
 * priced by IRR, how well it fits, and a bilingual offer text. A non-personalised offer shows the
 * product's standard range and reads nothing about the user.
 *
 * @param productId the product
 * @param nameZh name in Chinese
 * @param nameEn name in English
 * @param personalised whether the user's portrait was used
 * @param preApprovedAmount the amount pre-approved (personalised) or the product's maximum
 * @param contractRatePercent the contract rate offered (personalised) or the lowest rate
 * @param representative the middle term priced at that amount and rate (APR by IRR, total cost)
 * @param terms the terms on offer
 * @param band the risk band behind the price, null when not personalised
 * @param fit how well the product fits the user, 0 to 1 (need, risk, preference)
 * @param textZh the offer in Chinese
 * @param textEn the offer in English
 */
public record Offer(
    String productId,
    String nameZh,
    String nameEn,
    boolean personalised,
    BigDecimal preApprovedAmount,
    BigDecimal contractRatePercent,
    PricedTerm representative,
    List<Integer> terms,
    String band,
    double fit,
    String textZh,
    String textEn) {}
