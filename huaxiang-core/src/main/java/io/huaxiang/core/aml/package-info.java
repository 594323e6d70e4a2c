/**
 * Anti-money-laundering screens over a customer's transactions: large-value transaction reports
 * under PBoC Order [2016] No. 3 (daily single or cumulative amounts, natural day in Asia/Shanghai)
 * and structuring (several amounts just under a threshold within a window). Pure functions over a
 * list of transactions, or an immutable per-customer state fed one transaction at a time.
 */
package io.huaxiang.core.aml;
