package io.huaxiang.core.event;

import java.time.Instant;

/**
 * Something that happened to or was done by a user, at an event time, reported by a source.
 *
 * <p>Events are facts in the past tense. Each has a globally unique id (a duplicate id is the same
 * fact sent twice and is ignored), the user it is about, when it happened (event time, which drives
 * every window) and the system that reported it.
 */
public sealed interface UserEvent
    permits UserRegistered,
        SessionStarted,
        PageViewed,
        LoanApplied,
        LoanDecided,
        LoanDisbursed,
        RepaymentDue,
        RepaymentMade,
        TransactionMade,
        BureauReportReceived,
        RelationLinked,
        ConsentChanged {

  EventId id();

  UserId userId();

  Instant occurredAt();

  String source();

  EventType type();
}
