/**
 * A tamper-evident audit trail: every access to personal data and every decision is an entry whose
 * SHA-256 hash covers its content and the previous entry's hash, so altering, deleting or
 * reordering entries is found by {@link io.huaxiang.core.audit.AuditChain#verify}.
 */
package io.huaxiang.core.audit;
