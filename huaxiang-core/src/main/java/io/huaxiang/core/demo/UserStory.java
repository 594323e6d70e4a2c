package io.huaxiang.core.demo;

import io.huaxiang.core.event.ConsentChanged;
import io.huaxiang.core.event.ConsentPurpose;
import io.huaxiang.core.event.EventId;
import io.huaxiang.core.event.OperationStep;
import io.huaxiang.core.event.PageViewed;
import io.huaxiang.core.event.RelationKind;
import io.huaxiang.core.event.RelationLinked;
import io.huaxiang.core.event.SessionStarted;
import io.huaxiang.core.event.TransactionMade;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserRegistered;
import io.huaxiang.core.lending.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes one demo user's events between registration and the end of the window: registration and
 * consents, sessions and page views, loans (see {@link LoanStory}) and consumption.
 */
final class UserStory {
  static final String SOURCE = "demo";
  static final String NOTICE_VERSION = "privacy-notice-2025.1";

  /** Chance that a user grants each consent at registration. */
  static final Map<ConsentPurpose, Double> CONSENT_RATES = consentRates();

  private static final String[] BROWSE_PAGES = {
    "home", "products", "loan_detail", "coupons", "profile", "help", "bill"
  };

  final DemoUser user;
  final SplittableRandom random;
  final Instant end;
  final Attrition attrition;
  final String source;
  private final List<UserEvent> events = new ArrayList<>();
  private final String secondDevice;
  private int sequence;

  UserStory(DemoUser user, SplittableRandom random, Attrition attrition, Instant end) {
    this.user = user;
    this.random = random;
    this.attrition = attrition;
    this.end = end;
    this.source = SOURCE;
    this.secondDevice =
        Draws.chance(random, 0.15 + 0.5 * user.latentRisk()) ? UserSampler.device(random) : null;
  }

  /** The user's events, in event-time order, all before the end of the window. */
  List<UserEvent> write() {
    registration();
    sessions();
    new LoanStory(this).write();
    transactions();
    events.removeIf(e -> !e.occurredAt().isBefore(end));
    events.sort(Comparator.comparing(UserEvent::occurredAt).thenComparing(e -> e.id().value()));
    return events;
  }

  EventId nextId() {
    return new EventId(user.id().value() + "-e" + sequence++);
  }

  void add(UserEvent event) {
    events.add(event);
  }

  boolean consented(ConsentPurpose purpose) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i) instanceof ConsentChanged c && c.purpose() == purpose) {
        return c.granted();
      }
    }
    return false;
  }

  Instant at(LocalDateTime local) {
    return local.toInstant(UserSampler.CHINA);
  }

  LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, UserSampler.CHINA);
  }

  /** A session and a page view on the path just before {@code at}. */
  void visit(Instant at, OperationStep step, String page) {
    session(at.minusSeconds(60 + random.nextInt(120)));
    add(
        new PageViewed(
            nextId(), user.id(), at.minusSeconds(30), source, device(), ip(), city(), page, step));
  }

  private void registration() {
    Instant at = user.registeredAt();
    visit(at, OperationStep.REGISTER, "register");
    add(
        new UserRegistered(
            nextId(),
            user.id(),
            at,
            source,
            user.birthDate(),
            user.gender(),
            user.city().name(),
            user.city().tier(),
            user.education(),
            user.occupation(),
            user.incomeBand(),
            user.maritalStatus(),
            user.channel()));
    for (var rate : CONSENT_RATES.entrySet()) {
      boolean granted = Draws.chance(random, rate.getValue());
      add(consent(at.plusSeconds(5), rate.getKey(), granted));
      if (granted && rate.getKey() == ConsentPurpose.MARKETING && Draws.chance(random, 0.06)) {
        add(consent(at.plusSeconds(86_400L * (1 + random.nextInt(90))), rate.getKey(), false));
      }
    }
    relations(at);
  }

  private ConsentChanged consent(Instant at, ConsentPurpose purpose, boolean granted) {
    return new ConsentChanged(nextId(), user.id(), at, source, purpose, granted, NOTICE_VERSION);
  }

  private void relations(Instant at) {
    relation(at, RelationKind.DEVICE, user.deviceId());
    relation(at, RelationKind.PHONE, "phone-" + Long.toHexString(random.nextLong() >>> 8));
    user.fraudRing().ifPresent(ring -> relation(at, RelationKind.CONTACT, "contact-" + ring));
    if (user.channel().equals("referral") && user.index() > 0) {
      int referrer = Math.max(0, user.index() - 1 - random.nextInt(500));
      relation(at, RelationKind.REFERRER, DemoPopulation.userId(referrer).value());
    }
  }

  void relation(Instant at, RelationKind kind, String target) {
    add(new RelationLinked(nextId(), user.id(), at, source, kind, target));
  }

  /** Sessions on each day with a per-user rate; weekends busier, as ActivityClock says. */
  private void sessions() {
    double perWeek = Draws.logNormal(random, 2.2, 0.6) * (1 + user.latentRisk());
    LocalDate last = day(end);
    for (LocalDate d = day(user.registeredAt()).plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
      double p = perWeek / 7 * (ActivityClock.weekend(d) ? ActivityClock.WEEKEND_FACTOR : 1);
      if (Draws.chance(random, Math.min(0.95, p))) {
        Instant at = at(ActivityClock.timeOn(d, user.latentRisk(), random));
        // users at full activity draw nothing more here: their events are as without attrition
        if (!attrition.keeps(at)) {
          continue;
        }
        session(at);
        int views = random.nextInt(4);
        for (int v = 0; v < views; v++) {
          String page = BROWSE_PAGES[random.nextInt(BROWSE_PAGES.length)];
          add(
              new PageViewed(
                  nextId(),
                  user.id(),
                  at.plusSeconds(20L + 40L * v),
                  source,
                  device(),
                  ip(),
                  city(),
                  page,
                  OperationStep.BROWSE));
        }
      }
    }
  }

  void session(Instant at) {
    add(new SessionStarted(nextId(), user.id(), at, source, device(), ip(), city()));
  }

  private String device() {
    return secondDevice != null && Draws.chance(random, 0.2) ? secondDevice : user.deviceId();
  }

  private String ip() {
    if (Draws.chance(random, 0.1 + 0.3 * user.latentRisk())) {
      return "117."
          + random.nextInt(256)
          + "."
          + random.nextInt(256)
          + "."
          + (1 + random.nextInt(254));
    }
    return user.ip();
  }

  private String city() {
    return Draws.chance(random, 0.04) ? Cities.ALL.sample(random).name() : user.city().name();
  }

  /** Consumption: a monthly count by income band, categories and amounts from Spending. */
  private void transactions() {
    double perMonth = Spending.perMonth(user.incomeBand());
    Instant from = user.registeredAt();
    long days = Math.max(0, (end.getEpochSecond() - from.getEpochSecond()) / 86_400);
    int count = Draws.poisson(random, perMonth * days / 30.0);
    for (int i = 0; i < count; i++) {
      LocalDate d = day(from).plusDays(1 + random.nextInt((int) Math.max(1, days)));
      Spending.Category c = Spending.CATEGORIES.sample(random);
      boolean online = Draws.chance(random, c.onlineShare());
      long fen = Math.max(100, Math.round(Draws.logNormal(random, c.medianYuan(), 0.8) * 100));
      Instant at = at(ActivityClock.timeOn(d, user.latentRisk(), random));
      if (!attrition.keeps(at)) {
        continue;
      }
      add(
          new TransactionMade(
              nextId(),
              user.id(),
              at,
              source,
              c.name(),
              Money.ofFen(fen),
              online,
              !online && Draws.chance(random, 0.05)));
    }
  }

  private static Map<ConsentPurpose, Double> consentRates() {
    Map<ConsentPurpose, Double> m = new EnumMap<>(ConsentPurpose.class);
    m.put(ConsentPurpose.CREDIT_ASSESSMENT, 0.97);
    m.put(ConsentPurpose.CREDIT_BUREAU_QUERY, 0.93);
    m.put(ConsentPurpose.MARKETING, 0.65);
    m.put(ConsentPurpose.THIRD_PARTY_SHARING, 0.45);
    m.put(ConsentPurpose.SENSITIVE_DATA, 0.88);
    return m;
  }
}
