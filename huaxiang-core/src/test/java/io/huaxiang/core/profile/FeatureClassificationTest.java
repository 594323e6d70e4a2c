package io.huaxiang.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huaxiang.core.privacy.DataClass;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FeatureClassificationTest {
  private static final List<FeatureDefinition> CATALOGUE =
      PortraitFeatures.catalogue().definitions();

  @Test
  void everyCatalogueFeatureHasADataClass() {
    List<String> unclassified =
        CATALOGUE.stream()
            .filter(f -> !FeatureClassification.groups().contains(f.group()))
            .map(f -> f.name() + " (group " + f.group() + ")")
            .toList();

    assertThat(unclassified).as("features whose group has no data class").isEmpty();
    assertThat(CATALOGUE).allSatisfy(f -> assertThat(FeatureClassification.of(f)).isNotNull());
  }

  @Test
  void noFeatureIsAuthenticationData() {
    assertThat(CATALOGUE).noneMatch(f -> FeatureClassification.of(f) == DataClass.C3);
  }

  @Test
  void financialAndIdentityFeaturesAreC2() {
    for (String name :
        List.of(
            "age",
            "income_band",
            "outstanding_balance",
            "current_dpd",
            "bureau_outstanding_debt",
            "application_amount_max_lifetime")) {
      FeatureDefinition f = PortraitFeatures.catalogue().definition(name).orElseThrow();
      assertThat(FeatureClassification.of(f)).as(name).isEqualTo(DataClass.C2);
    }
  }

  @Test
  void everyClassifiedGroupIsUsedByTheCatalogue() {
    // a stale group would hide a renamed one: its features would fail, but the map would still
    // list classes for data nobody produces
    assertThat(CATALOGUE.stream().map(FeatureDefinition::group).collect(Collectors.toSet()))
        .containsAll(FeatureClassification.groups());
  }

  @Test
  void refusesAFeatureOfAnUnknownGroupWithAnActionableMessage() {
    FeatureDefinition stray =
        new FeatureDefinition(
            "voice_pitch",
            "biometrics",
            Window.LIFETIME,
            FeatureType.NUMBER,
            "Hz",
            "音高",
            "Pitch",
            "");

    assertThatThrownBy(() -> FeatureClassification.of(stray))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("voice_pitch")
        .hasMessageContaining("'biometrics'")
        .hasMessageContaining("FeatureClassification");
  }
}
