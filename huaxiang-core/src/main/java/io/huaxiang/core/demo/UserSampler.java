package io.huaxiang.core.demo;

import io.huaxiang.core.event.Education;
import io.huaxiang.core.event.Gender;
import io.huaxiang.core.event.IncomeBand;
import io.huaxiang.core.event.MaritalStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;

/** Draws one demo user's demographics, channel, device and latent risk from its own seed. */
final class UserSampler {
  static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

  /** Age bands (lower bound, weight): 83% of users are 20-39. */
  static final Weighted<int[]> AGE_BANDS =
      Weighted.<int[]>of()
          .add(0.02, new int[] {18, 19})
          .add(0.18, new int[] {20, 24})
          .add(0.27, new int[] {25, 29})
          .add(0.23, new int[] {30, 34})
          .add(0.15, new int[] {35, 39})
          .add(0.11, new int[] {40, 49})
          .add(0.04, new int[] {50, 59});

  static final Weighted<String> CHANNELS =
      Weighted.<String>of()
          .add(0.18, "huawei_appgallery")
          .add(0.10, "xiaomi_store")
          .add(0.08, "oppo_store")
          .add(0.08, "vivo_store")
          .add(0.16, "apple_app_store")
          .add(0.14, "douyin_ads")
          .add(0.08, "baidu_search")
          .add(0.08, "wechat")
          .add(0.06, "referral")
          .add(0.04, "partner_api");

  static final Weighted<String> OCCUPATIONS =
      Weighted.<String>of()
          .add(0.38, "office_worker")
          .add(0.22, "blue_collar")
          .add(0.15, "self_employed")
          .add(0.12, "freelancer")
          .add(0.10, "service_worker")
          .add(0.03, "civil_servant");

  static final Weighted<Education> EDUCATION =
      Weighted.<Education>of()
          .add(0.35, Education.HIGH_SCHOOL)
          .add(0.55, Education.UNIVERSITY)
          .add(0.06, Education.GRADUATE)
          .add(0.04, Education.UNKNOWN);

  static final Weighted<IncomeBand> INCOME =
      Weighted.<IncomeBand>of()
          .add(0.12, IncomeBand.BELOW_3K)
          .add(0.30, IncomeBand.FROM_3K_TO_5K)
          .add(0.36, IncomeBand.FROM_5K_TO_10K)
          .add(0.16, IncomeBand.FROM_10K_TO_20K)
          .add(0.06, IncomeBand.ABOVE_20K);

  /** Share of 8-user blocks that hold a device-sharing fraud ring. */
  static final double RING_BLOCK_SHARE = 0.015;

  private final long seed;
  private final LocalDate firstDay;
  private final int days;

  UserSampler(long seed, LocalDate firstDay, int days) {
    this.seed = seed;
    this.firstDay = firstDay;
    this.days = days;
  }

  DemoUser sample(int index) {
    SplittableRandom r = Seeds.random(seed, index, Seeds.PROFILE);
    int[] band = AGE_BANDS.sample(r);
    int age = band[0] + r.nextInt(band[1] - band[0] + 1);
    // registered in the window, leaving at least two weeks to act in
    LocalDate day = firstDay.plusDays(r.nextInt(Math.max(1, days - 14)));
    City city = Cities.ALL.sample(r);
    IncomeBand income = income(city, r);
    String channel = CHANNELS.sample(r);
    Optional<String> ring = ring(index);
    double risk = latentRisk(r.nextGaussian(), age, income, channel, ring.isPresent());
    LocalDateTime at = ActivityClock.timeOn(day, risk, r);
    return new DemoUser(
        DemoPopulation.userId(index),
        index,
        risk,
        at.toInstant(CHINA),
        day.minusYears(age).minusDays(1 + r.nextInt(364)),
        r.nextDouble() < 0.58 ? Gender.MALE : Gender.FEMALE,
        city,
        EDUCATION.sample(r),
        OCCUPATIONS.sample(r),
        income,
        marital(age, r),
        channel,
        ring.map(id -> "dev-" + id).orElse(device(r)),
        ring.map(id -> "36.112." + (index / 8 % 250) + ".7").orElse(ip(city, r)),
        ring);
  }

  /**
   * Latent risk as a logistic function of a normal draw plus known risk factors: youth, low income,
   * feed-ad and API-partner channels, and above all membership of a fraud ring.
   */
  static double latentRisk(
      double z, int age, IncomeBand income, String channel, boolean inFraudRing) {
    double logit = -2.7 + 1.1 * z;
    logit += age < 25 ? 0.35 : 0;
    logit += income == IncomeBand.BELOW_3K ? 0.3 : 0;
    logit -= income == IncomeBand.ABOVE_20K ? 0.3 : 0;
    logit += channel.equals("douyin_ads") || channel.equals("partner_api") ? 0.25 : 0;
    logit += inFraudRing ? 2.5 : 0;
    return 1 / (1 + Math.exp(-logit));
  }

  /** The ring of a user: whole 8-user blocks are drawn as rings of 3 to 7 members. */
  private Optional<String> ring(int index) {
    int block = index / 8;
    SplittableRandom r = Seeds.random(seed, block, Seeds.RING);
    if (r.nextDouble() >= RING_BLOCK_SHARE) {
      return Optional.empty();
    }
    int members = 3 + r.nextInt(5);
    return index % 8 < members ? Optional.of("ring" + block) : Optional.empty();
  }

  private static IncomeBand income(City city, SplittableRandom r) {
    IncomeBand band = INCOME.sample(r);
    IncomeBand[] bands = IncomeBand.values();
    // big-city incomes are higher, small-city lower (UNKNOWN is last and never drawn)
    if (city.tier() == 1 && r.nextDouble() < 0.3 && band.ordinal() < 4) {
      return bands[band.ordinal() + 1];
    }
    if (city.tier() >= 4 && r.nextDouble() < 0.3 && band.ordinal() > 0) {
      return bands[band.ordinal() - 1];
    }
    return band;
  }

  private static MaritalStatus marital(int age, SplittableRandom r) {
    double single = age < 25 ? 0.85 : age < 30 ? 0.55 : 0.25;
    double x = r.nextDouble();
    return x < 0.05
        ? MaritalStatus.OTHER
        : x < single ? MaritalStatus.SINGLE : MaritalStatus.MARRIED;
  }

  static String device(SplittableRandom r) {
    return "dev-" + Long.toHexString(r.nextLong() >>> 4);
  }

  private static String ip(City city, SplittableRandom r) {
    // documentation-style addresses: never contacted, only compared
    return (100 + city.pinyin().length() * 7 + city.tier())
        + "."
        + r.nextInt(256)
        + "."
        + r.nextInt(256)
        + "."
        + (1 + r.nextInt(254));
  }
}
