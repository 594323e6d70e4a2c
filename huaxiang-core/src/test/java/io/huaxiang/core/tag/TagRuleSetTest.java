package io.huaxiang.core.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huaxiang.core.event.EventId;
import io.huaxiang.core.event.Gender;
import io.huaxiang.core.event.IncomeBand;
import io.huaxiang.core.event.SessionStarted;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.event.UserRegistered;
import io.huaxiang.core.portrait.Portrait;
import io.huaxiang.core.portrait.PortraitEngine;
import io.huaxiang.core.profile.PortraitFeatures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TagRuleSetTest {
  private final TagRuleSet rules = TagRuleSet.standard(PortraitFeatures.catalogue());
  private final PortraitEngine engine =
      new PortraitEngine(ZoneId.of("Asia/Shanghai"), PortraitFeatures.catalogue(), rules);
  private final UserId user = new UserId("u1");

  @Test
  void standardRulesLoadWithBilingualLabels() {
    assertThat(rules.version()).isPositive();
    assertThat(rules.rules())
        .extracting(TagRule::id)
        .contains(
            "prime_repayer",
            "night_owl",
            "frequent_small_borrower",
            "multi_platform_borrower",
            "silent_30d",
            "city_tier_1",
            "age_25_34",
            "income_high",
            "lifecycle_churned");
    assertThat(rules.rules()).allSatisfy(r -> assertThat(r.labelZh()).isNotBlank());
  }

  @Test
  void tagsAreGainedAndLostWithTheirEventTimes() {
    Portrait p = engine.newPortrait(user);
    Instant registered = Instant.parse("2026-03-01T02:00:00Z");
    engine.apply(
        p,
        new UserRegistered(
            new EventId("r1"),
            user,
            registered,
            "t",
            LocalDate.of(1996, 5, 1),
            Gender.FEMALE,
            "上海",
            1,
            null,
            "engineer",
            IncomeBand.ABOVE_20K,
            null,
            "app"));

    assertThat(p.tags())
        .containsEntry("city_tier_1", registered)
        .containsEntry("age_25_34", registered)
        .containsEntry("income_high", registered)
        .containsEntry("lifecycle_registered", registered);

    Instant later = registered.plus(Duration.ofDays(45));
    var changes = engine.retagAt(p, later);

    assertThat(p.tags())
        .containsKey("silent_30d")
        .containsKey("lifecycle_silent")
        .doesNotContainKey("lifecycle_registered")
        .containsEntry("city_tier_1", registered);
    assertThat(changes)
        .contains(
            new TagRuleSet.TagChange("silent_30d", true, later),
            new TagRuleSet.TagChange("lifecycle_registered", false, later));

    Instant back = later.plusSeconds(3600);
    engine.apply(p, new SessionStarted(new EventId("s1"), user, back, "t", "d", "ip", "上海"));
    assertThat(p.tags()).doesNotContainKey("silent_30d");
  }

  @Test
  void bulkCatchUpStampsTagsWithTheDayTheyWereEarnedNotTheLastEvent() {
    Portrait p = engine.newPortrait(user);
    Instant registered = Instant.parse("2026-03-01T02:00:00Z");
    Instant returned = registered.plus(Duration.ofDays(40));
    var changes =
        engine.applyAll(
            p,
            java.util.List.of(
                new SessionStarted(new EventId("s2"), user, returned, "t", "d", "ip", "上海"),
                new UserRegistered(
                    new EventId("r2"),
                    user,
                    registered,
                    "t",
                    LocalDate.of(1996, 5, 1),
                    Gender.FEMALE,
                    "上海",
                    1,
                    null,
                    "engineer",
                    IncomeBand.ABOVE_20K,
                    null,
                    "app")));

    assertThat(p.tags()).containsEntry("city_tier_1", registered);
    assertThat(changes)
        .contains(new TagRuleSet.TagChange("lifecycle_registered", true, registered));
    assertThat(p.tags()).containsKey("lifecycle_registered");
  }

  @Test
  void aBadRuleNamesTheTagAndTheProblem() {
    String yaml =
        """
        version: 1
        tags:
          - id: broken
            label: {zh: 坏, en: Broken}
            when: max_dpd_90 >= 30
        """;
    assertThatThrownBy(
            () ->
                TagRuleSet.load(
                    new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                    PortraitFeatures.catalogue()))
        .isInstanceOf(TagRulesException.class)
        .hasMessageContaining("tag 'broken'")
        .hasMessageContaining("max_dpd_90d");
  }
}
