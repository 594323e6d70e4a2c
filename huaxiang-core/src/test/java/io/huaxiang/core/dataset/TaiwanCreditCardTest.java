package io.huaxiang.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huaxiang.core.event.LoanDisbursed;
import io.huaxiang.core.event.RepaymentDue;
import io.huaxiang.core.event.RepaymentMade;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserRegistered;
import io.huaxiang.core.lending.Money;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaiwanCreditCardTest {
  // UCI row 1: female, university, married, 24; 2 months late in Sep and Aug, paid 689 in Aug
  static final String ROW_1 =
      "1,20000,2,2,1,24,2,2,-1,-1,-2,-2,3913,3102,689,0,0,0,0,689,0,0,0,0,1";

  @Test
  void parsesColumnsIntoCalendarOrderedStatements() {
    TaiwanRow row = TaiwanCreditCard.parse(ROW_1, 2);

    assertThat(row.id()).isEqualTo(1);
    assertThat(row.creditLimit()).isEqualTo(20_000);
    assertThat(row.statements())
        .extracting(TaiwanStatement::month)
        .containsExactly(
            YearMonth.of(2005, 4),
            YearMonth.of(2005, 5),
            YearMonth.of(2005, 6),
            YearMonth.of(2005, 7),
            YearMonth.of(2005, 8),
            YearMonth.of(2005, 9));
    assertThat(row.statements().get(5))
        .isEqualTo(new TaiwanStatement(YearMonth.of(2005, 9), 2, 3913, 0));
    assertThat(row.statements().get(4))
        .isEqualTo(new TaiwanStatement(YearMonth.of(2005, 8), 2, 3102, 689));
    assertThat(row.defaultNextMonth()).isEqualTo(1);
  }

  @Test
  void acceptsLimitsWrittenInSpreadsheetExponentNotation() {
    String row = ROW_1.replaceFirst("20000", "5.00E+05");
    assertThat(TaiwanCreditCard.parse(row, 9).creditLimit()).isEqualTo(500_000);
  }

  @Test
  void mapsAPaymentToARepaymentPaidThirtyDaysPerMonthLate() {
    List<UserEvent> events = TaiwanCreditCard.events(TaiwanCreditCard.parse(ROW_1, 2));

    RepaymentMade august =
        events.stream()
            .filter(RepaymentMade.class::isInstance)
            .map(RepaymentMade.class::cast)
            .findFirst()
            .orElseThrow();
    // August is 2 months late: the payment settles the June bill, 60 days after it fell due
    assertThat(august.id().value()).isEqualTo("tw-1-paid-2005-08");
    assertThat(august.dueDate()).isEqualTo(LocalDate.of(2005, 6, 15));
    assertThat(august.paidDate()).isEqualTo(LocalDate.of(2005, 8, 14));
    assertThat(august.amount()).isEqualTo(Money.of(689));
    // September: 2 months late and nothing paid, so the July bill stays due for the Sep. bill
    assertThat(events)
        .filteredOn(e -> e.id().value().equals("tw-1-due-2005-09"))
        .singleElement()
        .isInstanceOfSatisfying(
            RepaymentDue.class,
            d -> {
              assertThat(d.amount()).isEqualTo(Money.of(3913));
              assertThat(d.dueDate()).isEqualTo(LocalDate.of(2005, 7, 15));
            });
  }

  @Test
  void registersTheClientWithDemographicsAndOpensOneCardLine() {
    List<UserEvent> events = TaiwanCreditCard.events(TaiwanCreditCard.parse(ROW_1, 2));

    assertThat(events.get(0)).isInstanceOf(UserRegistered.class);
    UserRegistered reg = (UserRegistered) events.get(0);
    assertThat(reg.userId().value()).isEqualTo("tw-1");
    assertThat(reg.birthDate()).isEqualTo(LocalDate.of(1981, 4, 1));
    assertThat(reg.cityTier()).isNull();
    assertThat(reg.city()).isNull();
    assertThat(events)
        .filteredOn(LoanDisbursed.class::isInstance)
        .singleElement()
        .isInstanceOfSatisfying(
            LoanDisbursed.class,
            l -> {
              assertThat(l.principal()).isEqualTo(Money.of(20_000));
              assertThat(l.loanId().value()).isEqualTo("tw-1-card");
            });
    assertThat(events).allMatch(e -> e.source().equals("uci-taiwan"));
    assertThat(events).isSortedAccordingTo(java.util.Comparator.comparing(UserEvent::occurredAt));
  }

  @Test
  void theDefaultLabelIsNotImported() {
    String notDefaulted = ROW_1.substring(0, ROW_1.length() - 1) + "0";
    assertThat(TaiwanCreditCard.events(TaiwanCreditCard.parse(notDefaulted, 2)))
        .isEqualTo(TaiwanCreditCard.events(TaiwanCreditCard.parse(ROW_1, 2)));
  }

  @Test
  void eventIdsAreDeterministic() {
    assertThat(TaiwanCreditCard.events(TaiwanCreditCard.parse(ROW_1, 2)))
        .extracting(e -> e.id().value())
        .containsExactly(
            "tw-1-registered",
            "tw-1-card-opened",
            "tw-1-due-2005-08",
            "tw-1-paid-2005-08",
            "tw-1-due-2005-09");
  }

  @Test
  void rejectsARowWithTooFewColumnsNamingTheLine() {
    assertThatThrownBy(() -> TaiwanCreditCard.parse("1,20000,2", 17))
        .isInstanceOf(MalformedRowException.class)
        .hasMessage("line 17: expected 25 comma-separated columns, got 3");
  }

  @Test
  void rejectsANonNumberNamingTheColumn() {
    assertThatThrownBy(() -> TaiwanCreditCard.parse(ROW_1.replace(",24,", ",twenty,"), 5))
        .isInstanceOf(MalformedRowException.class)
        .hasMessage("line 5: column X5 (AGE): 'twenty' is not a number");
  }

  @Test
  void rejectsAnUnknownRepaymentStatus() {
    String row = "1,20000,2,2,1,24,12,2,-1,-1,-2,-2,3913,3102,689,0,0,0,0,689,0,0,0,0,1";
    assertThatThrownBy(() -> TaiwanCreditCard.parse(row, 3))
        .hasMessage("line 3: column X6 (PAY_0) must be between -2 and 9, got 12");
  }

  @Test
  void rejectsAFractionalAmount() {
    assertThatThrownBy(() -> TaiwanCreditCard.parse(ROW_1.replace(",0,689,0,", ",0,689.5,0,"), 4))
        .hasMessage("line 4: column X19 (PAY_AMT2): '689.5' is not a whole number");
  }

  @Test
  void readStreamsEventsAndReportsTheLineOfABadRow() {
    String file = TaiwanCreditCard.HEADER + "\r\n" + ROW_1 + "\r\n\r\n2,oops\r\n";
    BufferedReader reader = new BufferedReader(new StringReader(file));

    assertThatThrownBy(() -> TaiwanCreditCard.read(reader.lines()).toList())
        .isInstanceOf(MalformedRowException.class)
        .satisfies(e -> assertThat(((MalformedRowException) e).lineNumber()).isEqualTo(4));
  }

  @Test
  void closingTheEventStreamClosesTheLines() {
    boolean[] closed = {false};
    java.util.stream.Stream<String> lines =
        java.util.stream.Stream.of(TaiwanCreditCard.HEADER, ROW_1).onClose(() -> closed[0] = true);
    try (var events = TaiwanCreditCard.read(lines)) {
      assertThat(events.count()).isEqualTo(5);
    }
    assertThat(closed[0]).isTrue();
  }

  @Test
  void readRejectsAFileWithoutTheUciHeader() {
    BufferedReader reader = new BufferedReader(new StringReader("ID,LIMIT_BAL,SEX\n" + ROW_1));
    assertThatThrownBy(() -> TaiwanCreditCard.read(reader.lines()))
        .isInstanceOf(MalformedRowException.class)
        .hasMessageStartingWith("line 1: expected the UCI header");
  }
}
