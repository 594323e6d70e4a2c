package io.huaxiang.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.profile.FeatureValues;
import io.huaxiang.core.profile.PortraitFeatures;
import io.huaxiang.core.profile.ProfileEngine;
import io.huaxiang.core.profile.ProfileState;
import io.huaxiang.core.profile.ProfileView;
import java.io.BufferedReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/** Folds imported events into portraits and compares them with the CSV-derived expectations. */
final class TaiwanImportCheck {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** The morning after the last statement month: what a model scoring October would see. */
  static final LocalDate AS_OF = LocalDate.of(2005, 10, 1);

  private final ProfileEngine engine = new ProfileEngine(ZONE);
  private final Map<String, ProfileState> profiles = new HashMap<>();

  void importAll(BufferedReader reader) {
    try (var events = TaiwanCreditCard.read(reader.lines())) {
      events.forEach(this::apply);
    }
  }

  void apply(UserEvent e) {
    engine.apply(
        profiles.computeIfAbsent(e.userId().value(), id -> engine.newState(new UserId(id))), e);
  }

  int portraits() {
    return profiles.size();
  }

  FeatureValues features(String userId) {
    ProfileState state = profiles.get(userId);
    assertThat(state).as("portrait of %s", userId).isNotNull();
    Instant asOf = AS_OF.atStartOfDay(ZONE).toInstant();
    return PortraitFeatures.catalogue().evaluate(new ProfileView(state, asOf, ZONE));
  }

  /** One feature only, for checks over all 30,000 portraits. */
  double feature(String userId, String name) {
    var catalogue = PortraitFeatures.catalogue();
    Instant asOf = AS_OF.atStartOfDay(ZONE).toInstant();
    ProfileView view = new ProfileView(profiles.get(userId), asOf, ZONE);
    return (Double) catalogue.features().get(catalogue.indexOf(name)).compute().apply(view);
  }

  void assertMatches(TaiwanPortraitExpectation want, SoftAssertions softly) {
    FeatureValues got = features(want.userId());
    String who = want.userId() + " ";
    softly.assertThat((Object) got.number("age")).as(who + "age").isEqualTo((Object) want.age());
    softly.assertThat(got.get("gender")).as(who + "gender").isEqualTo((Object) want.gender());
    softly
        .assertThat(got.get("education"))
        .as(who + "education")
        .isEqualTo((Object) want.education());
    softly
        .assertThat(got.get("marital_status"))
        .as(who + "marital_status")
        .isEqualTo((Object) want.maritalStatus());
    softly.assertThat(got.number("city_tier")).as(who + "city_tier").isNaN();
    softly
        .assertThat((Object) got.number("disbursed_amount_sum_lifetime"))
        .as(who + "credit limit")
        .isEqualTo((Object) want.creditLimit());
    softly
        .assertThat((Object) got.number("repayments_count_lifetime"))
        .as(who + "repayments_count_lifetime")
        .isEqualTo((Object) want.repayments());
    softly
        .assertThat((Object) got.number("on_time_repayment_ratio_lifetime"))
        .as(who + "on_time_repayment_ratio_lifetime")
        .isEqualTo((Object) want.onTimeRatio());
    softly
        .assertThat((Object) got.number("max_dpd_lifetime"))
        .as(who + "max_dpd_lifetime")
        .isEqualTo((Object) want.maxDpd());
    softly
        .assertThat((Object) got.number("current_dpd"))
        .as(who + "current_dpd")
        .isEqualTo((Object) want.currentDpd());
    softly
        .assertThat((Object) got.number("outstanding_balance"))
        .as(who + "outstanding_balance")
        .isEqualTo((Object) want.outstanding());
  }
}
