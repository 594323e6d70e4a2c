package io.huaxiang.core.aml;

import io.huaxiang.core.lending.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One customer's running AML totals, for screening a stream of transactions one at a time. It is
 * immutable: {@link #accept} returns the next state and the findings the transaction raised, so the
 * caller decides where states live (a Flink keyed state, a table row) and replays are exact.
 *
 * <p>Day totals are kept for the latest day seen and {@link AmlThresholds#retainedDays()} days
 * before it, so slightly late transactions still count towards the right day; older ones are
 * refused with {@link LateTransactionException}.
 */
public final class CustomerAmlState {

  /** The next state and what the transaction raised. */
  public record Step(CustomerAmlState state, List<AmlFinding> findings) {}

  private record BucketKey(LocalDate day, AmlRuleCode rule, Direction direction) {}

  private record Bucket(Money total, List<String> pendingIds, boolean flagged) {}

  private record NearKey(AmlRuleCode avoided, Direction direction) {}

  private record NearMiss(String id, Instant at, Money amount) {}

  private final String customerId;
  private final AmlThresholds thresholds;
  private final LocalDate latestDay;
  private final Map<BucketKey, Bucket> buckets;
  private final Map<NearKey, List<NearMiss>> nearMisses;

  private CustomerAmlState(
      String customerId,
      AmlThresholds thresholds,
      LocalDate latestDay,
      Map<BucketKey, Bucket> buckets,
      Map<NearKey, List<NearMiss>> nearMisses) {
    this.customerId = customerId;
    this.thresholds = thresholds;
    this.latestDay = latestDay;
    this.buckets = buckets;
    this.nearMisses = nearMisses;
  }

  /** A customer with no transactions yet. */
  public static CustomerAmlState empty(String customerId, AmlThresholds thresholds) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(thresholds, "thresholds");
    return new CustomerAmlState(customerId, thresholds, null, Map.of(), Map.of());
  }

  public String customerId() {
    return customerId;
  }

  /** The customer's total so far for a rule, day and direction (zero if none). */
  public Money dayTotal(AmlRuleCode rule, LocalDate day, Direction direction) {
    Bucket b = buckets.get(new BucketKey(day, rule, direction));
    return b == null ? Money.ZERO : b.total();
  }

  /**
   * Adds one transaction.
   *
   * @throws IllegalArgumentException if the transaction is another customer's
   * @throws LateTransactionException if its day is older than the retained days
   */
  public Step accept(AmlTransaction tx) {
    Objects.requireNonNull(tx, "tx");
    if (!tx.customerId().equals(customerId)) {
      throw new IllegalArgumentException(
          "transaction "
              + tx.id()
              + " belongs to customer "
              + tx.customerId()
              + ", not "
              + customerId);
    }
    LocalDate day = tx.at().atZone(thresholds.zone()).toLocalDate();
    LocalDate oldest = latestDay == null ? null : latestDay.minusDays(thresholds.retainedDays());
    if (oldest != null && day.isBefore(oldest)) {
      throw new LateTransactionException(
          "transaction "
              + tx.id()
              + " is for "
              + day
              + " but totals are kept only from "
              + oldest
              + "; re-screen that day from stored transactions");
    }
    LocalDate latest = latestDay == null || day.isAfter(latestDay) ? day : latestDay;
    LocalDate keepFrom = latest.minusDays(thresholds.retainedDays());

    List<AmlFinding> findings = new ArrayList<>();
    Map<BucketKey, Bucket> nextBuckets = new HashMap<>();
    buckets.forEach(
        (k, v) -> {
          if (!k.day().isBefore(keepFrom)) {
            nextBuckets.put(k, v);
          }
        });
    for (LargeValueRule rule : thresholds.largeValue()) {
      if (rule.appliesTo(tx)) {
        addToDay(rule, day, tx, nextBuckets, findings);
      }
    }
    Map<NearKey, List<NearMiss>> nextNear = new HashMap<>(nearMisses);
    for (StructuringRule rule : thresholds.structuring()) {
      if (rule.isNearMiss(tx)) {
        watchNearMiss(rule, tx, nextNear, findings);
      }
    }
    return new Step(
        new CustomerAmlState(
            customerId, thresholds, latest, Map.copyOf(nextBuckets), Map.copyOf(nextNear)),
        List.copyOf(findings));
  }

  private void addToDay(
      LargeValueRule rule,
      LocalDate day,
      AmlTransaction tx,
      Map<BucketKey, Bucket> next,
      List<AmlFinding> findings) {
    BucketKey key = new BucketKey(day, rule.code(), tx.direction());
    Bucket old = next.getOrDefault(key, new Bucket(Money.ZERO, List.of(), false));
    Money total = old.total().plus(tx.amount());
    if (old.flagged()) {
      findings.add(flag(rule, day, tx, total, List.of(tx.id()), true));
      next.put(key, new Bucket(total, List.of(), true));
      return;
    }
    List<String> ids = new ArrayList<>(old.pendingIds());
    ids.add(tx.id());
    if (total.compareTo(rule.threshold()) >= 0) {
      findings.add(flag(rule, day, tx, total, ids, false));
      // once reported, the ids are no longer needed: later ones are reported one by one
      next.put(key, new Bucket(total, List.of(), true));
    } else {
      next.put(key, new Bucket(total, List.copyOf(ids), false));
    }
  }

  private AmlFlag flag(
      LargeValueRule rule,
      LocalDate day,
      AmlTransaction tx,
      Money total,
      List<String> ids,
      boolean continuation) {
    return new AmlFlag(
        rule.code(),
        customerId,
        day,
        tx.direction(),
        total,
        rule.threshold(),
        ids,
        continuation,
        tx.at());
  }

  private void watchNearMiss(
      StructuringRule rule,
      AmlTransaction tx,
      Map<NearKey, List<NearMiss>> next,
      List<AmlFinding> findings) {
    NearKey key = new NearKey(rule.watched().code(), tx.direction());
    Instant from = tx.at().minus(rule.window());
    List<NearMiss> inWindow = new ArrayList<>();
    for (NearMiss m : next.getOrDefault(key, List.of())) {
      if (!m.at().isBefore(from)) {
        inWindow.add(m);
      }
    }
    inWindow.add(new NearMiss(tx.id(), tx.at(), tx.amount()));
    inWindow.sort(Comparator.comparing(NearMiss::at).thenComparing(NearMiss::id));
    if (inWindow.size() < rule.minCount()) {
      next.put(key, List.copyOf(inWindow));
      return;
    }
    Money total = inWindow.stream().map(NearMiss::amount).reduce(Money.ZERO, Money::plus);
    findings.add(
        new SuspiciousActivityCase(
            AmlRuleCode.STRUCTURING,
            customerId,
            tx.direction(),
            rule.watched().code(),
            inWindow.get(0).at(),
            inWindow.get(inWindow.size() - 1).at(),
            inWindow.stream().map(NearMiss::id).toList(),
            total,
            rule.watched().threshold()));
    // start counting afresh so one pattern opens one case
    next.put(key, List.of());
  }
}
