package io.huaxiang.core.privacy;

import io.huaxiang.core.event.EventType;
import java.time.Period;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a stored event is, for retention: how long it is kept, and whether a law obliges us to keep
 * it even when the user asks for erasure.
 *
 * <p>Loan records and the transactions anti-money-laundering rules cover (PBoC AML regulations; the
 * lending rules ask for at least 10 years here) are under a legal retention duty: on erasure they
 * are moved to restricted storage, out of portraits, models, segments and exports, and kept until
 * their period ends. Everything else is deleted on erasure, and by the retention job once its
 * period has passed.
 */
public enum DataCategory {
  /** Sessions and page views: only needed while they describe current behaviour. */
  BEHAVIOUR("行为数据", "behaviour", Period.ofYears(2), false),
  /** Registration details and the phones, cards and devices linked to the user. */
  IDENTITY("身份与关联数据", "identity and relations", Period.ofYears(5), false),
  /** Proof of what the user consented to, kept as long as a dispute about it could arise. */
  CONSENT("授权记录", "consent records", Period.ofYears(5), false),
  /** Credit-bureau reports: the credit-reporting rules allow five years. */
  CREDIT_REPORT("征信数据", "credit reports", Period.ofYears(5), false),
  /** Applications, decisions, disbursements and repayments. */
  LOAN("借贷记录", "loan records", Period.ofYears(10), true),
  /** Transactions, which AML record-keeping covers. */
  AML("反洗钱交易记录", "AML transaction records", Period.ofYears(10), true);

  private final String zh;
  private final String en;
  private final Period retention;
  private final boolean legalDuty;

  DataCategory(String zh, String en, Period retention, boolean legalDuty) {
    this.zh = zh;
    this.en = en;
    this.retention = retention;
    this.legalDuty = legalDuty;
  }

  /** The category of every event of a type. */
  public static DataCategory of(EventType type) {
    return switch (type) {
      case SESSION, PAGE_VIEW -> BEHAVIOUR;
      case USER_REGISTERED, RELATION -> IDENTITY;
      case CONSENT_CHANGED -> CONSENT;
      case BUREAU_REPORT -> CREDIT_REPORT;
      case LOAN_APPLIED, LOAN_DECIDED, LOAN_DISBURSED, REPAYMENT_DUE, REPAYMENT_MADE -> LOAN;
      case TRANSACTION -> AML;
    };
  }

  /** The event types of this category. */
  public Set<EventType> eventTypes() {
    Set<EventType> out = EnumSet.noneOf(EventType.class);
    for (EventType t : EventType.values()) {
      if (of(t) == this) {
        out.add(t);
      }
    }
    return out;
  }

  /** How long after the event it is kept (by the retention job; erasure may end it sooner). */
  public Period retention() {
    return retention;
  }

  /** Whether a law obliges keeping it: erasure restricts it instead of deleting it. */
  public boolean legalDuty() {
    return legalDuty;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
