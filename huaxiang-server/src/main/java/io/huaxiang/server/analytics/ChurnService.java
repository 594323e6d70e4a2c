package io.huaxiang.server.analytics;

import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.event.json.EventJson;
import io.huaxiang.core.lifecycle.LifecycleFacts;
import io.huaxiang.core.profile.FeatureCatalogue;
import io.huaxiang.core.profile.FeatureValues;
import io.huaxiang.core.profile.ProfileEngine;
import io.huaxiang.core.profile.ProfileState;
import io.huaxiang.core.profile.ProfileView;
import io.huaxiang.core.value.Rfm;
import io.huaxiang.core.value.ValueAssessment;
import io.huaxiang.core.value.ValueTiers;
import io.huaxiang.model.metrics.Auc;
import io.huaxiang.model.metrics.GainsTable;
import io.huaxiang.model.regression.LogisticFit;
import io.huaxiang.model.regression.LogisticRegression;
import io.huaxiang.server.portrait.PortraitService;
import io.huaxiang.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import javax.sql.DataSource;

/**
 * Churn warning (流失预警): trains, from the event log, a model of whether a user active at a cut-off
 * goes silent (no activity) in the next 30 days, validates it out of time against the recency-only
 * baseline, and scores the live portraits.
 *
 * <p>Examples: for each cut-off, every user whose last activity is at most 30 days before it, with
 * their portrait features as of the cut-off (the profile folded from their events up to it, so
 * nothing after the cut-off leaks in) and the label "no activity in the 30 days after". The
 * validation cut-off is 30 days before the last event in the log; the training cut-offs are 30, 44,
 * 58 and 72 days before that, so every training label is observed before validation starts. Users
 * are streamed from the log one at a time; at most {@link #MAX_USERS} (a deterministic sample by
 * user id beyond that).
 */
public final class ChurnService {
  static final int HORIZON_DAYS = 30;
  static final int ACTIVE_WITHIN_DAYS = 30;
  static final int MAX_USERS = 50_000;
  private static final Duration HORIZON = Duration.ofDays(HORIZON_DAYS);
  private static final int[] TRAINING_OFFSETS_DAYS = {30, 44, 58, 72};

  private final DataSource db;
  private final EventJson json;
  private final PortraitService portraits;
  private final FeatureCatalogue catalogue;
  private final ZoneId zone;
  private volatile ChurnModel model;

  public ChurnService(DataSource db, EventJson json, PortraitService portraits) {
    this.db = db;
    this.json = json;
    this.portraits = portraits;
    this.catalogue = portraits.engine().catalogue();
    this.zone = portraits.engine().zone();
  }

  /** A user's churn risk now. */
  public record Risk(
      String userId, Instant asOf, boolean active, Double probability, Rfm rfm, String tier) {}

  public Optional<ChurnModel> current() {
    return Optional.ofNullable(model);
  }

  /** Trains and validates a model on the event log and makes it current. */
  public synchronized ChurnModel train() {
    Instant end = portraits.latestEventAt();
    if (end == null) {
      throw new IllegalStateException("no events to train on");
    }
    Instant validationCutoff = end.minus(HORIZON);
    List<Instant> cutoffs = new ArrayList<>();
    for (int i = TRAINING_OFFSETS_DAYS.length - 1; i >= 0; i--) {
      cutoffs.add(validationCutoff.minus(Duration.ofDays(TRAINING_OFFSETS_DAYS[i])));
    }
    Examples train = new Examples();
    Examples valid = new Examples();
    List<Instant> all = new ArrayList<>(cutoffs);
    all.add(validationCutoff);
    int stride = Math.max(1, (portraits.size() + MAX_USERS - 1) / MAX_USERS);
    streamUsers(
        end,
        (user, events) -> {
          if (stride > 1 && Math.floorMod(user.hashCode(), stride) != 0) {
            return;
          }
          examples(events, all, validationCutoff, train, valid);
        });
    if (train.size() == 0 || valid.size() == 0) {
      throw new IllegalStateException(
          "too little history: need active users at cut-offs from "
              + cutoffs.get(0)
              + " to "
              + validationCutoff);
    }
    ChurnModel fitted = fit(train, valid, cutoffs, validationCutoff);
    model = fitted;
    return fitted;
  }

  /** The churn risk of a user now (as of the latest event in the data). */
  public Optional<Risk> risk(UserId user) {
    ChurnModel m = model;
    Instant asOf = portraits.latestEventAt();
    if (m == null || asOf == null) {
      return Optional.empty();
    }
    return portraits.evaluate(user, asOf, (values, state) -> risk(m, user.value(), asOf, values));
  }

  /**
   * Active users most likely to go silent among the valuable ones (RFM total at least {@code
   * minValue}), riskiest first; one streaming pass keeping only the top {@code limit}.
   */
  public List<Risk> atRiskHighValue(int limit, int minValue) {
    ChurnModel m = model;
    Instant asOf = portraits.latestEventAt();
    if (m == null || asOf == null) {
      return List.of();
    }
    PriorityQueue<Risk> top = new PriorityQueue<>(Comparator.comparingDouble(Risk::probability));
    portraits.forEachAt(
        asOf,
        (user, values, tags, state) -> {
          Risk r = risk(m, user, asOf, values);
          if (r.active() && r.rfm() != null && r.rfm().total() >= minValue) {
            top.add(r);
            if (top.size() > limit) {
              top.poll();
            }
          }
        });
    List<Risk> out = new ArrayList<>(top);
    out.sort(Comparator.comparingDouble(Risk::probability).reversed());
    return out;
  }

  private static Risk risk(ChurnModel m, String user, Instant asOf, FeatureValues values) {
    double recency = values.number(ChurnFeatures.RECENCY);
    boolean active = !Double.isNaN(recency) && recency <= ACTIVE_WITHIN_DAYS;
    ValueAssessment v = ValueTiers.assess(values);
    return new Risk(
        user,
        asOf,
        active,
        active ? m.probability(ChurnFeatures.row(values)) : null,
        v.rfm(),
        v.tier().name().toLowerCase(java.util.Locale.ROOT));
  }

  // --- examples

  /** Growable rows and labels. */
  static final class Examples {
    double[] rows = new double[1024 * ChurnFeatures.INPUTS.size()];
    int[] labels = new int[1024];
    double[] recency = new double[1024];
    int n;

    void add(double[] row, boolean silent) {
      int d = row.length;
      if (n == labels.length) {
        labels = Arrays.copyOf(labels, n * 2);
        recency = Arrays.copyOf(recency, n * 2);
        rows = Arrays.copyOf(rows, n * 2 * d);
      }
      System.arraycopy(row, 0, rows, n * d, d);
      labels[n] = silent ? 1 : 0;
      recency[n] = row[0];
      n++;
    }

    int size() {
      return n;
    }

    long silent() {
      long s = 0;
      for (int i = 0; i < n; i++) {
        s += labels[i];
      }
      return s;
    }
  }

  /** Folds one user's events (in time order) and takes an example at each cut-off. */
  private void examples(
      List<UserEvent> events,
      List<Instant> cutoffs,
      Instant validationCutoff,
      Examples train,
      Examples valid) {
    ProfileEngine engine = new ProfileEngine(zone);
    ProfileState state = engine.newState(events.get(0).userId());
    int next = 0;
    for (Instant cutoff : cutoffs) {
      while (next < events.size() && !events.get(next).occurredAt().isAfter(cutoff)) {
        state = engine.apply(state, events.get(next++));
      }
      if (state.lastEventAt() == null) {
        continue;
      }
      FeatureValues f = catalogue.evaluate(new ProfileView(state, cutoff, zone));
      double recency = f.number(ChurnFeatures.RECENCY);
      if (Double.isNaN(recency) || recency > ACTIVE_WITHIN_DAYS) {
        continue;
      }
      Instant until = cutoff.plus(HORIZON);
      boolean silent = true;
      for (int i = next; i < events.size() && !events.get(i).occurredAt().isAfter(until); i++) {
        if (LifecycleFacts.isActivity(events.get(i).type())) {
          silent = false;
          break;
        }
      }
      (cutoff.equals(validationCutoff) ? valid : train).add(ChurnFeatures.row(f), silent);
    }
  }

  private interface UserEvents {
    void accept(String user, List<UserEvent> events);
  }

  /** Streams every user's events up to {@code end}, one user at a time, in time order. */
  private void streamUsers(Instant end, UserEvents visitor) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false); // a cursor, so PostgreSQL streams instead of sending everything
      try (PreparedStatement ps =
          c.prepareStatement(
              "select user_id, payload::text from events where occurred_at <= ?"
                  + " order by user_id, occurred_at, seq")) {
        ps.setFetchSize(5_000);
        ps.setTimestamp(1, Timestamp.from(end));
        try (ResultSet rs = ps.executeQuery()) {
          String current = null;
          List<UserEvent> events = new ArrayList<>();
          while (rs.next()) {
            String user = rs.getString(1);
            if (!user.equals(current)) {
              if (!events.isEmpty()) {
                visitor.accept(current, events);
              }
              current = user;
              events = new ArrayList<>();
            }
            events.add(json.readStored(rs.getString(2)));
          }
          if (!events.isEmpty()) {
            visitor.accept(current, events);
          }
        }
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot stream the event log: " + e.getMessage(), e);
    }
  }

  // --- fitting and validation

  private ChurnModel fit(
      Examples train, Examples valid, List<Instant> cutoffs, Instant validationCutoff) {
    int d = ChurnFeatures.INPUTS.size();
    double[] means = new double[d];
    double[] deviations = new double[d];
    for (int j = 0; j < d; j++) {
      double sum = 0;
      double sq = 0;
      for (int i = 0; i < train.n; i++) {
        double v = train.rows[i * d + j];
        sum += v;
        sq += v * v;
      }
      means[j] = sum / train.n;
      double var = sq / train.n - means[j] * means[j];
      deviations[j] = var > 1e-12 ? Math.sqrt(var) : 1;
    }
    double[][] x = new double[d][train.n];
    for (int i = 0; i < train.n; i++) {
      for (int j = 0; j < d; j++) {
        x[j][i] = (train.rows[i * d + j] - means[j]) / deviations[j];
      }
    }
    List<String> names = ChurnFeatures.INPUTS.stream().map(ChurnFeatures.Input::name).toList();
    // a light ridge keeps the correlated activity counts from trading huge opposite coefficients
    LogisticFit fit =
        new LogisticRegression(1.0).fit(names, x, Arrays.copyOf(train.labels, train.n));
    ChurnModel unvalidated =
        new ChurnModel(
            HORIZON_DAYS,
            cutoffs,
            validationCutoff,
            names,
            means,
            deviations,
            fit.intercept(),
            fit.coefficients(),
            null,
            null,
            null);
    return new ChurnModel(
        HORIZON_DAYS,
        cutoffs,
        validationCutoff,
        names,
        means,
        deviations,
        fit.intercept(),
        fit.coefficients(),
        validation(train, scores(unvalidated, train)),
        validation(valid, scores(unvalidated, valid)),
        validation(valid, Arrays.copyOf(valid.recency, valid.n)));
  }

  private static double[] scores(ChurnModel m, Examples e) {
    int d = ChurnFeatures.INPUTS.size();
    double[] out = new double[e.n];
    for (int i = 0; i < e.n; i++) {
      out[i] = m.probability(Arrays.copyOfRange(e.rows, i * d, (i + 1) * d));
    }
    return out;
  }

  private static ChurnModel.Validation validation(Examples e, double[] risk) {
    int[] labels = Arrays.copyOf(e.labels, e.n);
    long silent = e.silent();
    double auc = silent == 0 || silent == e.n ? Double.NaN : Auc.of(risk, labels);
    double lift = silent == 0 ? Double.NaN : GainsTable.of(risk, labels, 10).rows().get(0).lift();
    return new ChurnModel.Validation(e.n, silent, auc, lift);
  }
}
