package io.huaxiang.server.console;

import java.util.List;

/**
 * What the population borrows and how it repays (借款与还款概览), counted over events.
 *
 * @param purposes loan applications per purpose (借款用途)
 * @param amounts loan applications per requested-amount band (申请金额分布)
 * @param repaymentModes disbursed loans per repayment mode (还款方式)
 * @param timeliness repayments on time or by how many days late (按时/逾期还款)
 */
public record LoanOverview(
    List<Bucket> purposes,
    List<Bucket> amounts,
    List<Bucket> repaymentModes,
    List<Bucket> timeliness) {}
