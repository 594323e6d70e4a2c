package io.huaxiang.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.profile.FeatureValues;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The latent risk is recoverable from computed portraits: what a credit model would need to find.
 */
class LatentRiskTest {
  static final DemoPopulation DEMO =
      new DemoPopulation(77, 3_000, Instant.parse("2026-06-30T16:00:00Z"));
  static List<Portrait> byRisk;

  record Portrait(double risk, FeatureValues features) {}

  @BeforeAll
  static void computePortraits() {
    DemoPortraits portraits = new DemoPortraits(DEMO);
    byRisk =
        IntStream.range(0, DEMO.size())
            .mapToObj(i -> new Portrait(DEMO.user(i).latentRisk(), portraits.features(i)))
            .sorted(Comparator.comparingDouble(Portrait::risk))
            .toList();
  }

  @Test
  void theTopRiskDecileReachesDaysPastDueFarMoreOftenThanTheBottomDecile() {
    double bottom = share(decile(0), p -> p.features().number("max_dpd_lifetime") > 0);
    double top = share(decile(9), p -> p.features().number("max_dpd_lifetime") > 0);
    assertThat(top).isGreaterThan(3 * bottom).isGreaterThan(bottom + 0.25);
  }

  @Test
  void riskierUsersBorrowFromMorePlatformsAndApplyMoreOften() {
    assertThat(mean(decile(9), "bureau_platforms_borrowed"))
        .isGreaterThan(2 * mean(decile(0), "bureau_platforms_borrowed"));
    assertThat(mean(decile(9), "applications_count_lifetime"))
        .isGreaterThan(1.5 * mean(decile(0), "applications_count_lifetime"));
  }

  @Test
  void latentRiskIsAProbabilityWithARealisticMean() {
    double mean = byRisk.stream().mapToDouble(Portrait::risk).average().orElseThrow();
    assertThat(byRisk).allMatch(p -> p.risk() > 0 && p.risk() < 1);
    assertThat(mean).isBetween(0.05, 0.20);
  }

  private static List<Portrait> decile(int d) {
    int n = byRisk.size() / 10;
    return byRisk.subList(d * n, (d + 1) * n);
  }

  private static double share(List<Portrait> ps, java.util.function.Predicate<Portrait> p) {
    return (double) ps.stream().filter(p).count() / ps.size();
  }

  private static double mean(List<Portrait> ps, String feature) {
    return ps.stream()
        .mapToDouble(p -> p.features().number(feature))
        .filter(v -> !Double.isNaN(v))
        .average()
        .orElse(0);
  }
}
