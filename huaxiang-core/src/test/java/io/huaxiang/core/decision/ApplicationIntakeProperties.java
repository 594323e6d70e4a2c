package io.huaxiang.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a client sends, intake either accepts it or refuses it with a specific reason. */
class ApplicationIntakeProperties {
  private final ApplicationIntake intake =
      new ApplicationIntake(Fixtures.PRODUCTS, Fixtures.HASH, Fixtures.POLICY);

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.just(null),
        Arbitraries.strings().ofMaxLength(200),
        Arbitraries.strings().numeric().ofMinLength(10).ofMaxLength(20),
        Arbitraries.of(
            "consumption",
            "instalment",
            "yacht",
            "",
            " ",
            "13812345678",
            "6222021234567890128",
            Fixtures.idNumber(java.time.LocalDate.of(1990, 1, 1), 5)));
  }

  @Provide
  Arbitrary<BigDecimal> amounts() {
    return Arbitraries.oneOf(
        Arbitraries.just(null),
        Arbitraries.bigDecimals().between(new BigDecimal("-1e9"), new BigDecimal("1e9")).ofScale(3),
        Arbitraries.of(
            BigDecimal.ZERO,
            new BigDecimal("1e30"),
            new BigDecimal("5000"),
            new BigDecimal("-0.01")));
  }

  @Provide
  Arbitrary<ApplicationForm> forms() {
    Arbitrary<Integer> terms = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.integers());
    return Combinators.combine(
            texts(), texts(), texts(), amounts(), terms, texts(), amounts(), texts())
        .as(
            (req, user, product, amount, term, purpose, income, id) ->
                new ApplicationForm(
                    req,
                    user,
                    product,
                    amount,
                    term,
                    purpose,
                    income,
                    id,
                    "13812345678",
                    null,
                    null,
                    null,
                    null,
                    null));
  }

  @Property(tries = 500)
  void acceptsOrRefusesWithAReason(@ForAll("forms") ApplicationForm form) {
    try {
      LoanApplication a = intake.accept(form, Fixtures.NOW);
      assertThat(a.amount()).isPositive();
      assertThat(a.age()).isGreaterThanOrEqualTo(18);
    } catch (InvalidApplicationException e) {
      assertThat(e.reason()).isNotBlank();
      assertThat(e.messageZh()).isNotBlank();
      assertThat(e.getMessage()).doesNotContain("13812345678");
    }
  }
}
