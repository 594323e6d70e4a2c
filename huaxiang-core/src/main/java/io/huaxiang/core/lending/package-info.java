/**
 * Lending arithmetic: money, repayment schedules, the true annualised cost of a loan (IRR-based APR
 * with all fees), dated rate caps and the total-cost disclosure shown before signing.
 */
package io.huaxiang.core.lending;
