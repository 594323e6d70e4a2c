package io.huaxiang.core.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RepaymentScheduleTest {

  @Test
  void equalInstalmentMatchesTheAnnuityTable() {
    // 10,000 at 12 % a year over 12 months: the textbook payment is 888.49
    RepaymentSchedule s =
        RepaymentSchedule.equalInstalment(Money.of("10000"), 12, Rate.ofPercent("12"));

    Instalment first = s.instalments().get(0);
    assertThat(first.total()).isEqualTo(Money.of("888.49"));
    assertThat(first.interest()).isEqualTo(Money.of("100.00"));
    assertThat(first.principal()).isEqualTo(Money.of("788.49"));
    assertThat(s.instalments().subList(0, 11)).allMatch(i -> i.total().equals(Money.of("888.49")));
    assertThat(s.totalPrincipal()).isEqualTo(Money.of("10000"));
    assertThat(s.instalments().get(11).remainingPrincipal()).isEqualTo(Money.ZERO);
    assertThat(s.method().zh()).isEqualTo("等额本息");
  }

  @Test
  void equalPrincipalChargesInterestOnWhatIsLeft() {
    RepaymentSchedule s =
        RepaymentSchedule.equalPrincipal(Money.of("12000"), 12, Rate.ofPercent("12"));

    assertThat(s.instalments()).allMatch(i -> i.principal().equals(Money.of("1000")));
    assertThat(s.instalments().get(0).interest()).isEqualTo(Money.of("120"));
    assertThat(s.instalments().get(11).interest()).isEqualTo(Money.of("10"));
    // 120 + 110 + ... + 10
    assertThat(s.totalInterest()).isEqualTo(Money.of("780"));
  }

  @Test
  void bulletPaysEverythingAtMaturity() {
    RepaymentSchedule s = RepaymentSchedule.bullet(Money.of("10000"), 6, Rate.ofPercent("6"));

    assertThat(s.instalments()).hasSize(6);
    assertThat(s.instalments().subList(0, 5)).allMatch(i -> i.total().isZero());
    assertThat(s.instalments().get(5).total()).isEqualTo(Money.of("10300"));
  }

  @Test
  void flatFeeChargesTheFeeOnTheOriginalPrincipalEveryMonth() {
    RepaymentSchedule s = RepaymentSchedule.flatFee(Money.of("10000"), 12, Rate.ofPercent("0.6"));

    assertThat(s.instalments()).allMatch(i -> i.fee().equals(Money.of("60")));
    assertThat(s.instalments()).allMatch(i -> i.interest().isZero());
    assertThat(s.instalments().get(0).total()).isEqualTo(Money.of("893.33"));
    // the last instalment takes the rounding remainder: 10,000 - 11 x 833.33
    assertThat(s.instalments().get(11).principal()).isEqualTo(Money.of("833.37"));
    assertThat(s.totalFees()).isEqualTo(Money.of("720"));
    assertThat(s.totalRepayment()).isEqualTo(Money.of("10720"));
  }

  @Test
  void aZeroRateInstalmentLoanSplitsThePrincipal() {
    RepaymentSchedule s = RepaymentSchedule.equalInstalment(Money.of("100"), 3, Rate.ZERO);

    assertThat(s.instalments())
        .extracting(Instalment::total)
        .containsExactly(Money.of("33.33"), Money.of("33.33"), Money.of("33.34"));
    assertThat(s.method()).isEqualTo(RepaymentMethod.EQUAL_INSTALMENT);
  }

  @Test
  void dueDatesFallOnTheMonthEndWhenTheDayDoesNotExist() {
    RepaymentSchedule s = RepaymentSchedule.flatFee(Money.of("300"), 3, Rate.ZERO);

    assertThat(s.dueDates(LocalDate.of(2024, 1, 31)))
        .containsExactly(
            LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 30));
  }

  @Test
  void rejectsNonsenseTerms() {
    assertThatThrownBy(() -> RepaymentSchedule.equalInstalment(Money.ZERO, 12, Rate.ZERO))
        .hasMessage("principal must be positive, got 0.00");
    assertThatThrownBy(() -> RepaymentSchedule.bullet(Money.of("1"), 0, Rate.ZERO))
        .hasMessage("term must be 1 to 600 months, got 0");
    assertThatThrownBy(() -> Rate.ofPercent("-1")).hasMessageContaining("must not be negative");
  }

  @Property(tries = 300)
  void everyScheduleRepaysThePrincipalExactlyAndNeverGoesNegative(
      @ForAll @LongRange(min = 100_00, max = 1_000_000_00) long fen,
      @ForAll @IntRange(min = 1, max = 60) int months,
      @ForAll @IntRange(min = 0, max = 3600) int basisPoints) {
    Money principal = Money.ofFen(fen);
    Rate rate = new Rate(BigDecimal.valueOf(basisPoints, 4));
    for (RepaymentSchedule s :
        List.of(
            RepaymentSchedule.equalInstalment(principal, months, rate),
            RepaymentSchedule.equalPrincipal(principal, months, rate),
            RepaymentSchedule.bullet(principal, months, rate))) {
      assertThat(s.totalPrincipal()).as(s.method().name()).isEqualTo(principal);
      assertThat(s.instalments()).hasSize(months);
      Money left = principal;
      for (Instalment i : s.instalments()) {
        left = left.minus(i.principal());
        assertThat(i.remainingPrincipal()).isEqualTo(left);
      }
      assertThat(left).isEqualTo(Money.ZERO);
    }
  }

  @Property(tries = 300)
  void theAprOfAFeeFreeAmortisingLoanIsItsInterestRate(
      @ForAll @LongRange(min = 1_000_00, max = 1_000_000_00) long fen,
      @ForAll @IntRange(min = 1, max = 60) int months,
      @ForAll @IntRange(min = 1, max = 3600) int basisPoints) {
    Rate rate = new Rate(BigDecimal.valueOf(basisPoints, 4));
    for (RepaymentSchedule s :
        List.of(
            RepaymentSchedule.equalInstalment(Money.ofFen(fen), months, rate),
            RepaymentSchedule.equalPrincipal(Money.ofFen(fen), months, rate))) {
      AnnualPercentageRate apr = AnnualPercentageRate.irr(s.cashflows(Money.ZERO));

      // only rounding each payment to the fen separates the two
      assertThat(apr.nominal().subtract(rate.fraction()).abs())
          .as(s.method().name())
          .isLessThan(new BigDecimal("0.0005"));
    }
  }
}
