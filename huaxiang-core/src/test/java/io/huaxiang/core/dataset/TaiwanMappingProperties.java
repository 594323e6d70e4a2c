package io.huaxiang.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.event.RepaymentMade;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.json.EventJson;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the Taiwan mapping for any valid row, not only the ones in the file. */
class TaiwanMappingProperties {
  private static final EventJson JSON = new EventJson();

  @Property(tries = 300)
  void aRowSurvivesFormattingAndParsing(@ForAll("rows") TaiwanRow row) {
    assertThat(TaiwanCreditCard.parse(format(row), 2)).isEqualTo(row);
  }

  @Property(tries = 300)
  void everyPaymentIsThirtyDaysLatePerMonthOfStatusAndInsideTheDataPeriod(
      @ForAll("rows") TaiwanRow row) {
    List<UserEvent> events = TaiwanCreditCard.events(row);
    for (RepaymentMade paid :
        events.stream()
            .filter(RepaymentMade.class::isInstance)
            .map(RepaymentMade.class::cast)
            .toList()) {
      YearMonth month =
          YearMonth.parse(paid.id().value().substring(paid.id().value().length() - 7));
      TaiwanStatement statement =
          row.statements().stream().filter(s -> s.month().equals(month)).findFirst().orElseThrow();
      assertThat(ChronoUnit.DAYS.between(paid.dueDate(), paid.paidDate()))
          .isEqualTo(30L * statement.monthsLate());
      assertThat(paid.amount().amount().longValueExact()).isEqualTo(statement.paid());
      assertThat(paid.paidDate()).isBetween(LocalDate.of(2005, 4, 1), LocalDate.of(2005, 9, 30));
    }
    long paying = row.statements().stream().filter(s -> s.paid() > 0).count();
    assertThat(events).filteredOn(RepaymentMade.class::isInstance).hasSize((int) paying);
  }

  @Property(tries = 200)
  void eventsAreOrderedUniqueAndValidOnTheWire(@ForAll("rows") TaiwanRow row) {
    List<UserEvent> events = TaiwanCreditCard.events(row);
    assertThat(events).isSortedAccordingTo(Comparator.comparing(UserEvent::occurredAt));
    assertThat(events.stream().map(e -> e.id().value()).distinct()).hasSameSizeAs(events);
    for (UserEvent e : events) {
      assertThat(JSON.read(JSON.write(e))).isEqualTo(e);
    }
  }

  @Provide
  Arbitrary<TaiwanRow> rows() {
    Arbitrary<TaiwanStatement> statement =
        Combinators.combine(
                Arbitraries.integers().between(-2, 9),
                Arbitraries.longs().between(-50_000, 1_000_000),
                Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(1, 200_000)))
            .as(
                (status, bill, paid) ->
                    new TaiwanStatement(YearMonth.of(2005, 4), status, bill, paid));
    Arbitrary<List<TaiwanStatement>> months =
        statement.list().ofSize(6).map(TaiwanMappingProperties::inCalendarOrder);
    return Combinators.combine(
            Arbitraries.longs().between(1, 1_000_000),
            Arbitraries.longs().between(10_000, 1_000_000),
            Arbitraries.integers().between(1, 2),
            Arbitraries.integers().between(0, 6),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(21, 79),
            months,
            Arbitraries.integers().between(0, 1))
        .as(TaiwanRow::new);
  }

  private static List<TaiwanStatement> inCalendarOrder(List<TaiwanStatement> six) {
    return java.util.stream.IntStream.range(0, 6)
        .mapToObj(
            i ->
                new TaiwanStatement(
                    YearMonth.of(2005, 4 + i),
                    six.get(i).status(),
                    six.get(i).bill(),
                    six.get(i).paid()))
        .toList();
  }

  /** The row as a UCI line: columns September first. */
  static String format(TaiwanRow row) {
    List<TaiwanStatement> backwards = new java.util.ArrayList<>(row.statements());
    java.util.Collections.reverse(backwards);
    return row.id()
        + ","
        + row.creditLimit()
        + ","
        + row.sex()
        + ","
        + row.education()
        + ","
        + row.marriage()
        + ","
        + row.age()
        + ","
        + backwards.stream().map(s -> String.valueOf(s.status())).collect(Collectors.joining(","))
        + ","
        + backwards.stream().map(s -> String.valueOf(s.bill())).collect(Collectors.joining(","))
        + ","
        + backwards.stream().map(s -> String.valueOf(s.paid())).collect(Collectors.joining(","))
        + ","
        + row.defaultNextMonth();
  }
}
