package io.huaxiang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huaxiang.core.decision.Funding;
import io.huaxiang.core.decision.IdentifierKind;
import io.huaxiang.core.decision.ListKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Decisions, budgets and lines against real PostgreSQL, under concurrency. */
class DecisionStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
  private static Database db;
  private static DecisionStore store;
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final BigDecimal CAP = new BigDecimal("200000");

  @BeforeAll
  static void start() {
    db = TestDatabase.fresh();
    store = new DecisionStore(db.dataSource());
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  private static DecisionRecord record(
      String request,
      String user,
      String product,
      Funding f,
      BigDecimal amount,
      String device,
      Instant at) {
    String outcome =
        f.status() == Funding.Status.GRANTED
            ? "APPROVE"
            : f.status() == Funding.Status.BUDGET_EXHAUSTED ? "DEFER" : "DECLINE";
    return new DecisionRecord(
        UUID.randomUUID(),
        request,
        user,
        product,
        outcome,
        amount,
        outcome.equals("APPROVE") ? amount : BigDecimal.ZERO,
        700,
        "A",
        "s@v1",
        "m@v1",
        "champion",
        at,
        "id-" + user,
        "ph-" + user,
        device,
        "ip-1",
        null,
        "{}",
        "{}",
        "{\"outcome\":\"" + outcome + "\"}",
        null);
  }

  private static DecisionStore.Committed approve(
      String product, String user, BigDecimal amount, BigDecimal budget, BigDecimal borrowerCap) {
    String request = "req-" + SEQ.incrementAndGet();
    FundingRequest fr =
        new FundingRequest(
            product, DAY, budget, 1_000_000, BigDecimal.ONE, amount, user, borrowerCap);
    return store.commit(
        request, fr, f -> record(request, user, product, f, amount, "dev-x", NOW), NOW);
  }

  private static <T> List<T> parallel(int n, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(task));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void concurrentApprovalsNeverOverCommitTheDailyBudget() throws Exception {
    AtomicInteger user = new AtomicInteger();
    List<DecisionStore.Committed> results =
        parallel(
            200,
            () ->
                approve(
                    "budget_test",
                    "bu-" + user.incrementAndGet(),
                    new BigDecimal("3000"),
                    new BigDecimal("100000"),
                    new BigDecimal("200000")));
    long granted = results.stream().filter(r -> r.record().outcome().equals("APPROVE")).count();
    assertThat(granted).isEqualTo(33); // 33 x 3,000 = 99,000 <= 100,000 < 34 x 3,000
    assertThat(results.stream().filter(r -> r.record().outcome().equals("DEFER")).count())
        .isEqualTo(167);
    BudgetStatus b = store.budget("budget_test", DAY).orElseThrow();
    assertThat(b.usedAmount()).isEqualByComparingTo("99000");
    assertThat(b.usedCount()).isEqualTo(33);
  }

  @Test
  void concurrentApprovalsNeverOverCommitOneBorrowersLine() throws Exception {
    List<DecisionStore.Committed> results =
        parallel(
            60,
            () ->
                approve(
                    "line_test",
                    "one-borrower",
                    new BigDecimal("7000"),
                    new BigDecimal("10000000"),
                    new BigDecimal("50000")));
    assertThat(results.stream().filter(r -> r.record().outcome().equals("APPROVE")).count())
        .isEqualTo(7);
    assertThat(store.committed("one-borrower")).isEqualByComparingTo("49000");
    // the budget only holds what the line let through
    assertThat(store.budget("line_test", DAY).orElseThrow().usedAmount())
        .isEqualByComparingTo("49000");
  }

  @Test
  void aRepeatedRequestIdReturnsTheStoredDecisionAndReservesNothing() throws Exception {
    FundingRequest fr =
        new FundingRequest(
            "idem_test",
            DAY,
            new BigDecimal("100000"),
            100,
            BigDecimal.ONE,
            new BigDecimal("1000"),
            "idem-user",
            new BigDecimal("200000"));
    List<DecisionStore.Committed> results =
        parallel(
            20,
            () ->
                store.commit(
                    "same-request",
                    fr,
                    f ->
                        record(
                            "same-request",
                            "idem-user",
                            "idem_test",
                            f,
                            new BigDecimal("1000"),
                            "d",
                            NOW),
                    NOW));
    assertThat(results.stream().filter(r -> !r.duplicate()).count()).isEqualTo(1);
    assertThat(results.stream().map(r -> r.record().decisionId()).distinct().count()).isEqualTo(1);
    assertThat(store.committed("idem-user")).isEqualByComparingTo("1000");
    assertThat(store.budget("idem_test", DAY).orElseThrow().usedCount()).isEqualTo(1);
  }

  @Test
  void softShareKeepsTheRestOfTheBudgetForPriorityBands() {
    FundingRequest low =
        new FundingRequest(
            "share_test",
            DAY,
            new BigDecimal("10000"),
            100,
            new BigDecimal("0.8"),
            new BigDecimal("4000"),
            "s1",
            new BigDecimal("200000"));
    assertThat(
            store
                .commit(
                    "sh-1",
                    low,
                    f -> record("sh-1", "s1", "share_test", f, new BigDecimal("4000"), "d", NOW),
                    NOW)
                .record()
                .outcome())
        .isEqualTo("APPROVE");
    assertThat(
            store
                .commit(
                    "sh-2",
                    low,
                    f -> record("sh-2", "s1", "share_test", f, new BigDecimal("4000"), "d", NOW),
                    NOW)
                .record()
                .outcome())
        .isEqualTo("APPROVE");
    FundingRequest low2 =
        new FundingRequest(
            "share_test",
            DAY,
            new BigDecimal("10000"),
            100,
            new BigDecimal("0.8"),
            new BigDecimal("1000"),
            "s2",
            new BigDecimal("200000"));
    assertThat(
            store
                .commit(
                    "sh-3",
                    low2,
                    f -> record("sh-3", "s2", "share_test", f, new BigDecimal("1000"), "d", NOW),
                    NOW)
                .record()
                .outcome())
        .isEqualTo("DEFER");
    FundingRequest priority =
        new FundingRequest(
            "share_test",
            DAY,
            new BigDecimal("10000"),
            100,
            BigDecimal.ONE,
            new BigDecimal("1000"),
            "s3",
            new BigDecimal("200000"));
    assertThat(
            store
                .commit(
                    "sh-4",
                    priority,
                    f -> record("sh-4", "s3", "share_test", f, new BigDecimal("1000"), "d", NOW),
                    NOW)
                .record()
                .outcome())
        .isEqualTo("APPROVE");
  }

  @Test
  void velocityCountsApplicationsPerHashedIdentifierInEventTimeWindows() {
    for (int n = 0; n < 5; n++) {
      int i = n;
      Instant at = NOW.minus(Duration.ofMinutes(30L + i * 600));
      String r = "vel-" + i;
      store.commit(
          r,
          null,
          f -> record(r, i % 2 == 0 ? "vel-a" : "vel-b", "vel", f, BigDecimal.ONE, "dev-vel", at),
          at);
    }
    Map<String, Long> v =
        store.velocity(
            Map.of(IdentifierKind.DEVICE, "dev-vel", IdentifierKind.ID, "id-vel-a"), NOW);
    assertThat(v.get("velocity.device_1h")).isEqualTo(1);
    assertThat(v.get("velocity.device_24h")).isEqualTo(3);
    assertThat(v.get("velocity.device_7d")).isEqualTo(5);
    assertThat(v.get("velocity.device_users_7d")).isEqualTo(2);
    assertThat(v.get("velocity.id_7d")).isEqualTo(3);
    assertThat(v.get("velocity.ip_1h")).isZero();
  }

  @Test
  void listsMatchAnyHashedIdentifier() {
    ListStore lists = new ListStore(db.dataSource());
    lists.add(ListKind.BLACK, IdentifierKind.PHONE, "ph-bad", "fraud ring", "ops", NOW);
    lists.add(ListKind.GREY, IdentifierKind.DEVICE, "dev-grey", "", "ops", NOW);
    assertThat(
            lists.hits(Map.of(IdentifierKind.PHONE, "ph-bad", IdentifierKind.DEVICE, "dev-grey")))
        .containsExactlyInAnyOrder(ListKind.BLACK, ListKind.GREY);
    assertThat(lists.hits(Map.of(IdentifierKind.ID, "ph-bad"))).isEmpty();
    assertThat(lists.remove(ListKind.BLACK, IdentifierKind.PHONE, "ph-bad")).isTrue();
    assertThat(lists.hits(Map.of(IdentifierKind.PHONE, "ph-bad"))).isEmpty();
  }

  @Test
  void oneChampionPerProductAndHistoryIsKept() {
    StrategyStore strategies = new StrategyStore(db.dataSource());
    strategies.upload("s", 1, "p", "yaml 1", "f1", "ops", NOW);
    strategies.upload("s", 2, "p", "yaml 2", "f2", "ops", NOW);
    strategies.activate("s", 1, null, "lead", NOW);
    strategies.activate("s", 2, null, "lead", NOW);
    assertThat(strategies.holding("p", "champion").orElseThrow().version()).isEqualTo(2);
    assertThat(strategies.find("s", 1).orElseThrow().role()).isEqualTo("retired");
    strategies.activate("s", 1, new BigDecimal("0.1"), "lead", NOW);
    assertThat(strategies.holding("p", "challenger").orElseThrow().challengerShare())
        .isEqualByComparingTo("0.1");
    assertThatThrownBy(() -> strategies.upload("s", 2, "p", "other", "f3", "ops", NOW))
        .hasMessageContaining("raise the version");
    assertThat(strategies.history()).hasSize(2);
  }

  @Test
  void pastApplicationsStreamInBatchesWithTheirPdEvenFromRowsStoredWithoutIt() {
    Instant base = Instant.parse("2026-06-01T00:00:00Z");
    for (int i = 0; i < 7; i++) {
      DecisionRecord r =
          record(
              "past-" + i,
              "p-" + i,
              "education",
              Funding.granted(),
              new BigDecimal("1000"),
              "dev-p",
              base.plusSeconds(i));
      // odd rows as stored before the pd column: the PD only inside the decision JSON
      Double pd = i % 2 == 0 ? (i + 1) / 100.0 : null;
      String json = "{\"outcome\":\"APPROVE\",\"pd\":" + (i + 1) / 100.0 + "}";
      DecisionRecord stored =
          new DecisionRecord(
              r.decisionId(),
              r.requestId(),
              r.userId(),
              r.productId(),
              r.outcome(),
              r.requestedAmount(),
              r.approvedAmount(),
              r.score(),
              r.band(),
              r.strategy(),
              r.model(),
              r.arm(),
              r.decidedAt(),
              r.idHash(),
              r.phoneHash(),
              r.deviceHash(),
              r.ipHash(),
              r.cardHash(),
              "{\"n\":" + i + "}",
              "{}",
              json,
              null,
              pd);
      store.commit(stored.requestId(), null, f -> stored, stored.decidedAt());
    }
    List<Integer> sizes = new ArrayList<>();
    List<Double> pds = new ArrayList<>();
    long n =
        store.forEachPast(
            "education",
            base,
            base.plusSeconds(6),
            3,
            batch -> {
              sizes.add(batch.size());
              batch.forEach(p -> pds.add(p.pd()));
            });
    assertThat(n).isEqualTo(6);
    assertThat(sizes).containsExactly(3, 3);
    assertThat(pds).containsExactlyInAnyOrder(0.01, 0.02, 0.03, 0.04, 0.05, 0.06);
    assertThat(store.countPast("education", base, base.plusSeconds(6))).isEqualTo(6);
    assertThat(store.countPast("medical", base, base.plusSeconds(6))).isZero();
    assertThat(store.countByRequestPrefix("past-")).isEqualTo(7);
    assertThat(store.countByRequestPrefix("past_")).isZero(); // _ is not a wildcard here
  }

  @Test
  void anApprovalHoldsCreditUntilItIsDrawnThenTheLoanUntilRepaidAndAnUndrawnOneUntilItExpires() {
    UUID first =
        approve("consumption", "cg-1", new BigDecimal("5000"), BigDecimal.valueOf(1e9), CAP)
            .record()
            .decisionId();
    assertThat(store.committed("cg-1")).isEqualByComparingTo("5000");
    assertThat(store.withCommitments(List.of("cg-1", "cg-nobody"))).containsExactly("cg-1");
    // not drawn, not expired: the approval still holds its credit
    DecisionStore.Reconciliation open =
        store.reconcile("cg-1", BigDecimal.ZERO, java.util.Set.of(), NOW).orElseThrow();
    assertThat(open.after()).isEqualByComparingTo("5000");
    assertThat(open.drawn()).isEmpty();
    // drawn: the loan's outstanding principal counts instead of the approval
    DecisionStore.Reconciliation drawn =
        store
            .reconcile("cg-1", new BigDecimal("5000"), java.util.Set.of("a-" + first), NOW)
            .orElseThrow();
    assertThat(drawn.drawn()).containsExactly(first);
    assertThat(drawn.after()).isEqualByComparingTo("5000");
    // repaid down to 1,200: 3,800 released
    DecisionStore.Reconciliation repaid =
        store
            .reconcile("cg-1", new BigDecimal("1200"), java.util.Set.of("a-" + first), NOW)
            .orElseThrow();
    assertThat(repaid.before()).isEqualByComparingTo("5000");
    assertThat(repaid.after()).isEqualByComparingTo("1200");
    assertThat(store.committed("cg-1")).isEqualByComparingTo("1200");
    // a second approval never drawn: released once it expires (30 days)
    UUID second =
        approve("consumption", "cg-1", new BigDecimal("3000"), BigDecimal.valueOf(1e9), CAP)
            .record()
            .decisionId();
    assertThat(store.committed("cg-1")).isEqualByComparingTo("4200");
    Instant later = NOW.plus(Duration.ofDays(31));
    assertThat(store.withExpiredGrants(NOW)).doesNotContain("cg-1");
    assertThat(store.withExpiredGrants(later)).contains("cg-1");
    DecisionStore.Reconciliation expired =
        store
            .reconcile("cg-1", BigDecimal.ZERO, java.util.Set.of("a-" + first), later)
            .orElseThrow();
    assertThat(expired.expired()).containsOnlyKeys(second);
    assertThat(expired.after()).isEqualByComparingTo("0");
    assertThat(store.withExpiredGrants(later)).doesNotContain("cg-1");
    assertThat(store.reconcile("cg-nobody", BigDecimal.ONE, java.util.Set.of(), NOW)).isEmpty();
  }
}
