package io.huaxiang.server.analytics;

import io.huaxiang.core.event.Labelled;
import io.huaxiang.core.value.BorrowingProfile;
import io.huaxiang.core.value.Rfm;
import io.huaxiang.core.value.ValueAssessment;
import java.time.Instant;
import java.util.List;

/** A user's value tier, RFM scores, borrowing pattern and risk preference, with labels. */
public record UserValue(
    String userId,
    Instant asOf,
    Rfm rfm,
    Label tier,
    Label pattern,
    List<String> patternReasons,
    Label riskPreference,
    List<String> riskReasons) {

  /** A classification's key with its bilingual label. */
  public record Label(String key, String labelZh, String labelEn) {
    static Label of(Enum<?> e) {
      Labelled l = (Labelled) e;
      return new Label(Labelled.wireName(e), l.zh(), l.en());
    }
  }

  static UserValue of(String user, Instant asOf, ValueAssessment v, BorrowingProfile b) {
    return new UserValue(
        user,
        asOf,
        v.rfm(),
        Label.of(v.tier()),
        Label.of(b.pattern()),
        b.patternReasons(),
        Label.of(b.riskPreference()),
        b.riskReasons());
  }
}
