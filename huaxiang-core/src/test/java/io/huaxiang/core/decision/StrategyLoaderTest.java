package io.huaxiang.core.decision;

import static io.huaxiang.core.decision.Fixtures.LOADER;
import static io.huaxiang.core.decision.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrategyLoaderTest {
  private static final String SAMPLE = ProductCatalogue.resource("strategy-consumption.yaml");

  private static DefinitionException refused(String yaml) {
    try {
      LOADER.load(yaml, TODAY);
    } catch (DefinitionException e) {
      return e;
    }
    throw new AssertionError("the strategy was accepted");
  }

  @Test
  void theSampleLoadsWithEveryStage() {
    Strategy s = LOADER.load(SAMPLE, TODAY);
    assertThat(s.versionTag()).isEqualTo("consumer_standard@v1");
    assertThat(s.rules(Stage.FRAUD)).hasSizeGreaterThan(5);
    assertThat(s.variables()).contains("velocity.id_1h", "max_dpd_lifetime", "application.city");
    assertThat(s.fingerprint()).hasSize(64);
  }

  @Test
  void refusesAnUnknownFeatureWithItsPlaceAndASuggestion() {
    DefinitionException e = refused(SAMPLE.replace("current_dpd > 0", "current_dpdd > 0"));
    assertThat(e.kind()).isEqualTo("UNKNOWN_FEATURE");
    assertThat(e.path()).isEqualTo("pre_check.rules[2].when");
    assertThat(e.getMessage()).contains("current_dpd").contains("did you mean");
    assertThat(e.messageZh()).contains("未知变量");
  }

  @Test
  void refusesATypeError() {
    DefinitionException e =
        refused(SAMPLE.replace("velocity.id_1h >= 3", "velocity.id_1h >= 'three'"));
    assertThat(e.kind()).isEqualTo("EXPRESSION");
    assertThat(e.getMessage()).contains("cannot compare");
  }

  @Test
  void refusesAnAprAboveTheCap() {
    DefinitionException e = refused(SAMPLE.replace("D: 22.9}", "D: 25}"));
    assertThat(e.kind()).isEqualTo("APR_ABOVE_CAP");
    assertThat(e.path()).isEqualTo("pricing.apr_by_band.D");
    assertThat(e.getMessage()).contains("above the cap of 24.00%");
    // a surcharge that pushes band D over the line is refused too
    DefinitionException surcharge =
        refused(
            SAMPLE.replace(
                "      apr_delta: -0.5\n",
                "      apr_delta: -0.5\n    - id: night\n      when: \"application.hour < 6\"\n      apr_delta: 1.5\n"));
    assertThat(surcharge.kind()).isEqualTo("APR_ABOVE_CAP");
  }

  @Test
  void refusesForbiddenFeaturesAnywhere() {
    DefinitionException e =
        refused(SAMPLE.replace("application.purpose = 'education'", "gender = 'female'"));
    assertThat(e.kind()).isEqualTo("FORBIDDEN_FEATURE");
    assertThat(e.path()).isEqualTo("pricing.adjustments[1].when");
    assertThat(
            refused(SAMPLE.replace("list.black\"", "list.black and not consent_marketing\""))
                .kind())
        .isEqualTo("FORBIDDEN_FEATURE");
    assertThat(refused(SAMPLE.replace("feature: active_days_30d", "feature: gender")).kind())
        .isIn("FORBIDDEN_FEATURE", "TYPE_ERROR");
  }

  @Test
  void refusesModelOutputsBeforeTheScoreStage() {
    DefinitionException e = refused(SAMPLE.replace("velocity.id_1h >= 3", "model.score < 500"));
    assertThat(e.path()).isEqualTo("fraud.rules[0].when");
    assertThat(e.getMessage()).contains("only known after the score stage");
  }

  @Test
  void refusesTyposInKeysAndUnknownProducts() {
    assertThat(refused(SAMPLE.replace("min_age: 20", "min_agee: 20")).kind())
        .isEqualTo("UNKNOWN_FIELD");
    assertThat(refused(SAMPLE.replace("product: consumption", "product: yacht")).getMessage())
        .contains("unknown product 'yacht'");
    assertThat(refused("id: [").kind()).isEqualTo("SYNTAX");
    assertThatThrownBy(() -> LOADER.load(SAMPLE.replace("min_age: 20", "min_age: 16"), TODAY))
        .hasMessageContaining("no loans to minors");
  }
}
