package io.huaxiang.server.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The staff roles of the security issue. Each account has exactly one; what each may reach is
 * listed in {@link EndpointRules}, and which personal data it sees in {@link ResponseMasking}.
 */
public enum Role {
  /** Runs the platform: accounts, keys, configuration, models; sees masked personal data. */
  ADMIN("admin", "管理员"),
  /** Builds scorecards, strategies and segments; sees masked personal data. */
  RISK_ANALYST("risk_analyst", "风控分析师"),
  /** Watches decisions, budgets and ingestion; reviews cases; sees masked personal data. */
  RISK_OPS("risk_ops", "风控运营"),
  /** Segments, offers and aggregates only: never sees personal (C2) data. */
  MARKETING("marketing", "营销"),
  /** Serves data-subject requests and consent; the only role that sees personal data in clear. */
  COMPLIANCE("compliance", "合规"),
  /** Reads the audit log (and model governance); no personal data. */
  AUDITOR("auditor", "审计");

  private final String wire;
  private final String zh;

  Role(String wire, String zh) {
    this.wire = wire;
    this.zh = zh;
  }

  /** The name used in the database, the CLI and the API, e.g. {@code risk_analyst}. */
  public String wire() {
    return wire;
  }

  public String zh() {
    return zh;
  }

  /** The Spring Security authority, e.g. {@code ROLE_risk_analyst}. */
  public String authority() {
    return "ROLE_" + wire;
  }

  public static Optional<Role> fromWire(String wire) {
    return Arrays.stream(values()).filter(r -> r.wire.equals(wire)).findFirst();
  }

  @Override
  public String toString() {
    return wire;
  }
}
