package io.huaxiang.core.event;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of user event Huaxiang accepts, with their wire names. */
public enum EventType {
  USER_REGISTERED("user_registered", UserRegistered.class),
  SESSION("session", SessionStarted.class),
  PAGE_VIEW("page_view", PageViewed.class),
  LOAN_APPLIED("loan_applied", LoanApplied.class),
  LOAN_DECIDED("loan_decided", LoanDecided.class),
  LOAN_DISBURSED("loan_disbursed", LoanDisbursed.class),
  REPAYMENT_DUE("repayment_due", RepaymentDue.class),
  REPAYMENT_MADE("repayment_made", RepaymentMade.class),
  TRANSACTION("transaction", TransactionMade.class),
  BUREAU_REPORT("bureau_report", BureauReportReceived.class),
  RELATION("relation", RelationLinked.class),
  CONSENT_CHANGED("consent_changed", ConsentChanged.class);

  private final String wire;
  private final Class<? extends UserEvent> recordType;

  EventType(String wire, Class<? extends UserEvent> recordType) {
    this.wire = wire;
    this.recordType = recordType;
  }

  public String wire() {
    return wire;
  }

  public Class<? extends UserEvent> recordType() {
    return recordType;
  }

  public static Optional<EventType> fromWire(String wire) {
    return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
  }

  public static List<String> wireNames() {
    return Arrays.stream(values()).map(EventType::wire).toList();
  }

  @Override
  public String toString() {
    return wire;
  }
}
