package io.huaxiang.core.demo;

import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A seeded population of demo users of a Chinese online-lending app, with the events they produce
 * over a window of days before {@code end}.
 *
 * <p>Pure and lazy: no clock, no I/O, and each user is generated from its own seed only when asked
 * for, so a million users stream in constant memory and any one user can be regenerated alone. The
 * same seed always gives the same users, events and ids. See docs/demo-data.md for every parameter
 * and the published pattern it follows.
 *
 * <pre>{@code
 * DemoPopulation demo = new DemoPopulation(42, 10_000, Instant.parse("2026-06-30T16:00:00Z"));
 * demo.events().forEach(sink);           // all users, each in event-time order
 * double risk = demo.user(7).latentRisk(); // the hidden truth, for model tests
 * }</pre>
 */
public final class DemoPopulation {
  /** The default window: events span the 180 days before {@code end}. */
  public static final int DEFAULT_DAYS = 180;

  private static final int ID_DIGITS = 7;

  private final long seed;
  private final int users;
  private final Instant end;
  private final int days;
  private final UserSampler sampler;

  public DemoPopulation(long seed, int users, Instant end) {
    this(seed, users, end, DEFAULT_DAYS);
  }

  /**
   * @param seed the seed every user and event is derived from
   * @param users how many users, at least 1
   * @param end events happen strictly before this instant
   * @param days the window length: users register in the {@code days} days before {@code end}
   */
  public DemoPopulation(long seed, int users, Instant end, int days) {
    if (users < 1) {
      throw new IllegalArgumentException("a demo population needs at least 1 user, got " + users);
    }
    if (days < 30 || days > 3650) {
      throw new IllegalArgumentException("the window must be 30 to 3650 days, got " + days);
    }
    this.seed = seed;
    this.users = users;
    this.end = Objects.requireNonNull(end, "end");
    this.days = days;
    LocalDate firstDay = LocalDate.ofInstant(start(), UserSampler.CHINA).plusDays(1);
    this.sampler = new UserSampler(seed, firstDay, days);
  }

  /** The id of the user at an index: {@code demo-0000042}. */
  public static UserId userId(int index) {
    return new UserId("demo-" + String.format("%0" + ID_DIGITS + "d", index));
  }

  public long seed() {
    return seed;
  }

  public int size() {
    return users;
  }

  /** The first instant of the window; no event is earlier. */
  public Instant start() {
    return end.minus(Duration.ofDays(days));
  }

  public Instant end() {
    return end;
  }

  /** The user at an index (0 to size − 1), with their hidden latent risk. */
  public DemoUser user(int index) {
    return sampler.sample(checked(index));
  }

  /** The user with an id of this population. */
  public DemoUser user(UserId id) {
    String v = id.value();
    if (!v.startsWith("demo-")) {
      throw new IllegalArgumentException("not a demo user id: " + v);
    }
    try {
      return user(Integer.parseInt(v.substring(5)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a demo user id: " + v, e);
    }
  }

  /** The user's latent risk: the probability that one of their loans defaults. */
  public double latentRisk(UserId id) {
    return user(id).latentRisk();
  }

  /** All users, lazily. */
  public Stream<DemoUser> users() {
    return IntStream.range(0, users).mapToObj(sampler::sample);
  }

  /** One user's events in event-time order (ties by id). */
  public List<UserEvent> events(int index) {
    DemoUser user = user(index);
    return new UserStory(
            user,
            Seeds.random(seed, index, Seeds.EVENTS),
            Attrition.of(user, Seeds.random(seed, index, Seeds.ATTRITION)),
            end)
        .write();
  }

  /** Every user's events, user after user, each user's in event-time order; lazily generated. */
  public Stream<UserEvent> events() {
    return IntStream.range(0, users).mapToObj(this::events).flatMap(List::stream);
  }

  /**
   * One user's events out of order, as a real pipeline may deliver them: shuffled, with about
   * {@code duplicateShare} of the events sent a second time. Seeded, so a failing test repeats.
   */
  public List<UserEvent> outOfOrder(int index, long shuffleSeed, double duplicateShare) {
    List<UserEvent> events = new ArrayList<>(events(index));
    SplittableRandom r = Seeds.random(shuffleSeed, index, Seeds.SHUFFLE);
    int duplicates = (int) Math.round(events.size() * duplicateShare);
    for (int i = 0; i < duplicates; i++) {
      events.add(events.get(r.nextInt(events.size())));
    }
    Collections.shuffle(events, new Random(r.nextLong()));
    return events;
  }

  /** Every user's events shuffled within each user, with duplicates; see {@link #outOfOrder}. */
  public Stream<UserEvent> outOfOrder(long shuffleSeed, double duplicateShare) {
    return IntStream.range(0, users)
        .mapToObj(i -> outOfOrder(i, shuffleSeed, duplicateShare))
        .flatMap(List::stream);
  }

  private int checked(int index) {
    if (index < 0 || index >= users) {
      throw new IndexOutOfBoundsException(
          "user index " + index + " is outside this population of " + users + " users");
    }
    return index;
  }
}
