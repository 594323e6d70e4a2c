package io.huaxiang.core.aml;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.lending.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AmlScreenPropertiesTest {

  final AmlThresholds pboc = AmlThresholds.pboc2016();

  @Provide
  Arbitrary<List<AmlTransaction>> histories() {
    Arbitrary<AmlTransaction> tx =
        Combinators.combine(
                Arbitraries.of("c1", "c2", "c3"),
                // ten days of March 2026, to the second
                Arbitraries.longs().between(0, 10L * 86_400),
                Arbitraries.oneOf(
                    Arbitraries.longs().between(1, 6_000_000),
                    Arbitraries.longs().between(4_000_000, 5_100_000),
                    Arbitraries.longs().between(15_000_000, 60_000_000)),
                Arbitraries.of(TransactionKind.class),
                Arbitraries.of(Direction.class))
            .as(
                (customer, sec, fen, kind, dir) ->
                    new AmlTransaction(
                        "t" + customer + "-" + sec + "-" + fen + "-" + kind + dir,
                        customer,
                        customer.equals("c3") ? CustomerType.ENTITY : CustomerType.INDIVIDUAL,
                        Instant.parse("2026-03-01T00:00:00Z").plusSeconds(sec),
                        Money.ofFen(fen),
                        kind,
                        dir));
    return tx.list().ofMaxSize(40).uniqueElements(AmlTransaction::id);
  }

  @Property(tries = 300)
  void aDayIsFlaggedExactlyWhenItsOneSidedTotalReachesTheThreshold(
      @ForAll("histories") List<AmlTransaction> txs) {
    record Key(String customer, LocalDate day, AmlRuleCode rule, Direction dir) {}
    Map<Key, Money> totals = new HashMap<>();
    Map<Key, Money> thresholds = new HashMap<>();
    for (AmlTransaction t : txs) {
      for (LargeValueRule r : pboc.largeValue()) {
        if (r.appliesTo(t)) {
          Key k =
              new Key(
                  t.customerId(),
                  t.at().atZone(AmlThresholds.SHANGHAI).toLocalDate(),
                  r.code(),
                  t.direction());
          totals.merge(k, t.amount(), Money::plus);
          thresholds.put(k, r.threshold());
        }
      }
    }
    Set<Key> expected = new HashSet<>();
    totals.forEach(
        (k, v) -> {
          if (v.compareTo(thresholds.get(k)) >= 0) {
            expected.add(k);
          }
        });

    Set<Key> flagged = new HashSet<>();
    Map<Key, Set<String>> reported = new HashMap<>();
    for (AmlFinding f : AmlScreen.scan(txs, pboc)) {
      if (f instanceof AmlFlag flag) {
        Key k = new Key(flag.customerId(), flag.day(), flag.rule(), flag.direction());
        flagged.add(k);
        for (String id : flag.transactionIds()) {
          assertThat(reported.computeIfAbsent(k, x -> new HashSet<>()).add(id))
              .as("reported once: %s", id)
              .isTrue();
        }
      }
    }

    assertThat(flagged).isEqualTo(expected);
    // every transaction of a reportable day is reported
    for (AmlTransaction t : txs) {
      for (LargeValueRule r : pboc.largeValue()) {
        Key k =
            new Key(
                t.customerId(),
                t.at().atZone(AmlThresholds.SHANGHAI).toLocalDate(),
                r.code(),
                t.direction());
        if (r.appliesTo(t) && expected.contains(k)) {
          assertThat(reported.get(k)).contains(t.id());
        }
      }
    }
  }

  @Property(tries = 200)
  void theOrderTransactionsArriveInDoesNotChangeTheFindings(
      @ForAll("histories") List<AmlTransaction> txs, @ForAll long seed) {
    List<AmlTransaction> shuffled = new ArrayList<>(txs);
    Collections.shuffle(shuffled, new Random(seed));

    assertThat(AmlScreen.scan(shuffled, pboc)).isEqualTo(AmlScreen.scan(txs, pboc));
  }
}
