package io.huaxiang.gbdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huaxiang.model.data.CategoricalColumn;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.data.NumericColumn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GbdtTrainerTest {
  private static final GbdtTrainer TRAINER = new GbdtTrainer(GbdtConfig.defaults());

  @Test
  void failsWhenTheTargetColumnIsMissing() {
    assertThatThrownBy(() -> TRAINER.fit(TestData.german200(), "default_flag", "bad"))
        .isInstanceOf(GbdtException.class)
        .hasMessageContaining("target column 'default_flag' is missing");
  }

  @Test
  void failsWhenTheTargetHasASingleClass() {
    Dataset oneClass =
        Dataset.of(
            "one class",
            List.of(
                new NumericColumn("income", new double[] {1, 2, 3, 4}),
                new CategoricalColumn("status", new String[] {"good", "good", "good", "good"})));
    assertThatThrownBy(() -> TRAINER.fit(oneClass, "status", "good"))
        .isInstanceOf(GbdtException.class)
        .hasMessageContaining("single class");
  }

  @Test
  void failsWhenNoColumnIsUsable() {
    double nan = Double.NaN;
    Dataset empty =
        Dataset.of(
            "no features",
            List.of(
                new NumericColumn("income", new double[] {nan, nan, nan, nan, nan, nan}),
                new CategoricalColumn("city", new String[6]),
                new CategoricalColumn(
                    "status", new String[] {"bad", "good", "bad", "good", "bad", "good"})));
    assertThatThrownBy(() -> TRAINER.fit(empty, "status", "bad"))
        .isInstanceOf(GbdtException.class)
        .hasMessageContaining("no usable feature");
  }

  @Test
  void failsWhenAMonotoneConstraintNamesNoFeature() {
    GbdtTrainer trainer = new GbdtTrainer(GbdtConfig.defaults().withMonotone(Map.of("salary", 1)));
    assertThatThrownBy(() -> trainer.fit(TestData.german200(), "creditability", "bad"))
        .isInstanceOf(GbdtException.class)
        .hasMessageContaining("'salary'");
  }

  @Test
  void sameSeedGivesTheSameModel() {
    Dataset data = TestData.german200();
    try (GbdtModel a = TRAINER.fit(data, "creditability", "bad");
        GbdtModel b = TRAINER.fit(data, "creditability", "bad")) {
      assertThat(a.trees()).isEqualTo(b.trees());
      assertThat(a.predictPd(data)).containsExactly(b.predictPd(data));
    }
  }

  @Test
  void monotoneConstraintMakesPdRiseWithTheLoanAmount() {
    Dataset data = TestData.german200();
    GbdtTrainer trainer =
        new GbdtTrainer(
            GbdtConfig.defaults().withMonotone(Map.of("credit_amount", 1, "duration_in_month", 1)));
    try (GbdtModel model = trainer.fit(data, "creditability", "bad")) {
      for (int row = 0; row < 20; row++) {
        Map<String, Object> applicant = new HashMap<>(data.row(row));
        double previous = -1;
        for (double amount = 250; amount <= 20000; amount += 250) {
          applicant.put("credit_amount", amount);
          double pd = model.predictPd(applicant);
          assertThat(pd).as("row %d, amount %.0f", row, amount).isGreaterThanOrEqualTo(previous);
          previous = pd;
        }
      }
    }
  }

  @Test
  void categoriesAreRankedByEventRateOnTheFittingRows() {
    int n = 300;
    String[] city = new String[n];
    String[] status = new String[n];
    double[] income = new double[n];
    for (int i = 0; i < n; i++) {
      // tier-3 cities default 9 times in 10, tier-2 half the time, tier-1 once in 10
      city[i] = i % 3 == 0 ? "tier-1" : i % 3 == 1 ? "tier-2" : "tier-3";
      int decile = (i / 3) % 10;
      boolean bad = i % 3 == 0 ? decile == 0 : i % 3 == 1 ? decile < 5 : decile < 9;
      status[i] = bad ? "bad" : "good";
      income[i] = i;
    }
    Dataset data =
        Dataset.of(
            "cities",
            List.of(
                new CategoricalColumn("city", city),
                new NumericColumn("income", income),
                new CategoricalColumn("status", status)));
    try (GbdtModel model = TRAINER.fit(data, "status", "bad")) {
      assertThat(model.features().get(0).levels()).containsExactly("tier-1", "tier-2", "tier-3");
      assertThat(model.predictPd(Map.of("city", "tier-3", "income", 10.0)))
          .isGreaterThan(model.predictPd(Map.of("city", "tier-1", "income", 10.0)));
    }
  }

  @Test
  void negativeCheckingBalanceIsTheRiskiestCategoryInGermanCredit() {
    try (GbdtModel model = TRAINER.fit(TestData.german200(), "creditability", "bad")) {
      GbdtFeature checking =
          model.features().stream()
              .filter(f -> f.name().equals("status_of_existing_checking_account"))
              .findFirst()
              .orElseThrow();
      assertThat(checking.levels()).hasSize(4).last().isEqualTo("... < 0 DM");
    }
  }
}
