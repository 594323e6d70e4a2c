package io.huaxiang.core.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * When a demo user stops using the app (流失), and whether they come back.
 *
 * <p>Each user's time in the app before quitting is exponential with a mean of {@link
 * #MEAN_DAYS_IN_APP} days, shorter for riskier users (mean / (1 + 1.5 r)); most quits fall after
 * the window ends. In the {@link #FADE_DAYS} days before quitting, activity fades linearly to
 * nothing (sessions and purchases thin out first), and {@link #RETURN_SHARE} of quitters come back
 * after 45 to 120 days. While away a user has no sessions, page views, purchases or applications;
 * scheduled repayments of their loans still arrive (with the repay page visit before each). Drawn
 * from its own random stream and drawing nothing at full activity, so a user who does not quit
 * within the window has exactly the events they had before attrition was added.
 */
final class Attrition {
  static final double MEAN_DAYS_IN_APP = 300;
  static final int FADE_DAYS = 28;
  static final double RETURN_SHARE = 0.2;

  private final Instant quitAt;
  private final Instant returnAt;
  private final SplittableRandom random;

  private Attrition(Instant quitAt, Instant returnAt, SplittableRandom random) {
    this.quitAt = quitAt;
    this.returnAt = returnAt;
    this.random = random;
  }

  static Attrition of(DemoUser user, SplittableRandom random) {
    double days = Draws.exponential(random, MEAN_DAYS_IN_APP / (1 + 1.5 * user.latentRisk()));
    Instant quit = user.registeredAt().plusSeconds((long) (days * 86_400));
    Instant back =
        Draws.chance(random, RETURN_SHARE)
            ? quit.plus(Duration.ofDays(45 + random.nextInt(76)))
            : null;
    return new Attrition(quit, back, random);
  }

  Instant returnAt() {
    return returnAt;
  }

  /**
   * Whether an activity the user would have had at {@code t} happens: always at full activity
   * (without a draw), with probability {@link #activity} while fading, never while away.
   */
  boolean keeps(Instant t) {
    double a = activity(t);
    return a >= 1 || (a > 0 && Draws.chance(random, a));
  }

  /** Whether the user has quit and not come back yet at {@code t}. */
  boolean away(Instant t) {
    return !t.isBefore(quitAt) && (returnAt == null || t.isBefore(returnAt));
  }

  /** How much of the user's usual activity remains at {@code t}: 1, fading to 0 before quitting. */
  double activity(Instant t) {
    if (away(t)) {
      return 0;
    }
    if (t.isAfter(quitAt)) {
      return 1; // came back
    }
    double left = Duration.between(t, quitAt).toSeconds() / 86_400.0;
    return left >= FADE_DAYS ? 1 : left / FADE_DAYS;
  }
}
