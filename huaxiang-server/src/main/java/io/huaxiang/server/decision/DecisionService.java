package io.huaxiang.server.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.core.decision.ApplicationForm;
import io.huaxiang.core.decision.ApplicationIntake;
import io.huaxiang.core.decision.Decision;
import io.huaxiang.core.decision.DecisionEngine;
import io.huaxiang.core.decision.DecisionInputs;
import io.huaxiang.core.decision.Dependency;
import io.huaxiang.core.decision.Funding;
import io.huaxiang.core.decision.IdentifierKind;
import io.huaxiang.core.decision.InvalidApplicationException;
import io.huaxiang.core.decision.ListKind;
import io.huaxiang.core.decision.LoanApplication;
import io.huaxiang.core.decision.Outcome;
import io.huaxiang.core.decision.Product;
import io.huaxiang.core.decision.Reason;
import io.huaxiang.core.decision.Strategy;
import io.huaxiang.core.event.ApplicationId;
import io.huaxiang.core.event.EventId;
import io.huaxiang.core.event.LoanApplied;
import io.huaxiang.core.event.LoanDecided;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.lending.Money;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.ingest.IngestService;
import io.huaxiang.server.ingest.ParsedRecord;
import io.huaxiang.server.portrait.PortraitReading;
import io.huaxiang.server.portrait.PortraitService;
import io.huaxiang.store.DecisionRecord;
import io.huaxiang.store.DecisionStore;
import io.huaxiang.store.FundingRequest;
import io.huaxiang.store.ListStore;
import io.huaxiang.store.ReviewTask;
import io.huaxiang.store.ReviewTaskStore;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Decides applications: validates them, gathers the input snapshot (portrait features, list hits,
 * velocity, commitments; a source that fails is marked unavailable so the engine fails closed),
 * runs the champion (and a challenger for its share of users), reserves funding, stores the
 * decision with its snapshot, writes the application and decision into the user's portrait and the
 * audit log, and opens review tasks.
 */
final class DecisionService {
  private static final Logger log = LoggerFactory.getLogger(DecisionService.class);

  /** Portrait features every decision snapshots, besides those its strategy reads. */
  private static final Set<String> ALWAYS =
      Set.of(
          "consent_credit_assessment",
          "consent_credit_bureau_query",
          "outstanding_balance",
          "bureau_outstanding_debt");

  private final StrategyBook book;
  private final ApplicationIntake intake;
  private final DecisionStore decisions;
  private final ListStore lists;
  private final ReviewTaskStore reviews;
  private final PortraitService portraits;
  private final PortraitEventWriter eventWriter;
  private final AuditService audit;
  private final ObjectMapper json;
  private final Clock clock;
  private final DecisionSettings settings;
  private final DecisionReplayer replayer;
  private final java.util.function.Predicate<String> erased;
  private final Map<DecisionEngine, Set<String>> snapshotFeatures = new ConcurrentHashMap<>();
  private final DemandMeter demand;

  DecisionService(
      StrategyBook book,
      ApplicationIntake intake,
      DecisionStore decisions,
      ListStore lists,
      ReviewTaskStore reviews,
      PortraitService portraits,
      IngestService ingest,
      AuditService audit,
      ObjectMapper json,
      Clock clock,
      DecisionSettings settings,
      DecisionReplayer replayer,
      java.util.function.Predicate<String> erased) {
    this.replayer = replayer;
    this.erased = erased;
    this.book = book;
    this.intake = intake;
    this.decisions = decisions;
    this.lists = lists;
    this.reviews = reviews;
    this.portraits = portraits;
    this.eventWriter = new PortraitEventWriter(ingest);
    this.audit = audit;
    this.json = json;
    this.clock = clock;
    this.settings = settings;
    this.demand = new DemandMeter(decisions, clock, settings.demandRefresh());
  }

  /** A stored decision as the API shows it. */
  record Stored(UUID decisionId, boolean duplicate, String arm, Decision decision) {}

  /** Decides one application; a request id seen before returns the stored decision. */
  Stored decide(ApplicationForm form, String actor) {
    Instant now = clock.instant();
    LoanApplication app = intake.accept(form, now);
    if (erased.test(app.userId())) {
      // an erased person's id is retired: nothing new may be stored under it (PIPL Art 47)
      throw new InvalidApplicationException(
          "SUBJECT_ERASED",
          "user_id",
          "this user's data was erased; a new application needs a new user id",
          "该用户的个人信息已删除，新申请须使用新的用户编号",
          true);
    }
    Optional<DecisionRecord> seen = decisions.byRequestId(app.requestId());
    if (seen.isPresent()) {
      return sameRequest(seen.get(), app, actor);
    }
    StrategyBook.Active active =
        book.active(app.productId())
            .orElseThrow(
                () ->
                    new InvalidApplicationException(
                        "PRODUCT_NOT_OPEN",
                        "product",
                        "product '"
                            + app.productId()
                            + "' has no active strategy and takes no applications",
                        "产品暂未开放申请（没有生效的策略）",
                        true));
    boolean challengerActs =
        active.challenger() != null
            && unitHash(app.productId() + ":" + app.userId()) < active.challengerShare();
    DecisionEngine acting = challengerActs ? active.challenger() : active.champion();
    DecisionEngine other =
        active.challenger() == null
            ? null
            : challengerActs ? active.champion() : active.challenger();
    // the caps in force are part of the snapshot: a replay must not drift when they change
    DecisionInputs in = acting.withCaps(inputs(app, now, acting, other));
    Decision decided = acting.decide(app, in);
    Decision shadow = other == null ? null : other.decide(app, in);
    UUID id = UUID.randomUUID();
    String arm = challengerActs ? "challenger" : "champion";
    FundingRequest funding = null;
    Funding throttled = null;
    if (decided.needsFunding()) {
      demand.record(app.productId(), decided.approvedAmount(), now);
      throttled = demandThrottle(acting, decided, now);
      funding = throttled == null ? fundingFor(acting, decided, app, now) : null;
    }
    Decision settled = throttled == null ? decided : decided.funded(throttled);
    boolean reserve = funding != null;
    DecisionStore.Committed committed =
        decisions.commit(
            app.requestId(),
            actor,
            funding,
            answer -> record(id, app, in, reserve ? settled.funded(answer) : settled, arm, shadow),
            now);
    if (committed.duplicate()) {
      return sameRequest(committed.record(), app, actor);
    }
    Decision d = read(committed.record().decision(), Decision.class);
    afterDecision(id, app, d, actor, now);
    return new Stored(id, false, arm, d);
  }

  private Stored sameRequest(DecisionRecord r, LoanApplication app, String actor) {
    // idempotent only for the caller who first used the request id: another caller reusing it
    // must not read that caller's decision (object-level check, an ID-swap otherwise)
    boolean otherCaller =
        decisions.requesterOf(r.decisionId()).map(first -> !first.equals(actor)).orElse(false);
    if (otherCaller || !r.userId().equals(app.userId()) || !r.productId().equals(app.productId())) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "REQUEST_ID_REUSED",
          "request_id '" + app.requestId() + "' was already used for another application",
          "request_id 已用于另一笔申请");
    }
    return new Stored(r.decisionId(), true, r.arm(), read(r.decision(), Decision.class));
  }

  private DecisionInputs inputs(
      LoanApplication app, Instant now, DecisionEngine acting, DecisionEngine other) {
    Set<Dependency> down = EnumSet.noneOf(Dependency.class);
    Map<String, Object> features = new HashMap<>();
    Set<String> tags = Set.of();
    try {
      Optional<PortraitReading> reading = portraits.read(new UserId(app.userId()), now);
      if (reading.isPresent()) {
        Map<String, Object> all = reading.get().features().scalars();
        Set<String> wanted = new HashSet<>(snapshotFeatures(acting));
        if (other != null) {
          wanted.addAll(snapshotFeatures(other));
        }
        for (String name : wanted) {
          Object v = all.get(name);
          if (v != null) {
            features.put(name, v);
          }
        }
        tags = reading.get().tags().keySet();
      }
    } catch (RuntimeException e) {
      log.warn("portrait unavailable for a decision ({})", e.getClass().getSimpleName());
      down.add(Dependency.PORTRAIT);
    }
    Set<ListKind> hits = Set.of();
    try {
      hits = lists.hits(app.hashes());
    } catch (RuntimeException e) {
      log.warn("lists unavailable for a decision ({})", e.getClass().getSimpleName());
      down.add(Dependency.LISTS);
    }
    Map<String, Long> velocity = Map.of();
    BigDecimal committed = BigDecimal.ZERO;
    try {
      DecisionStore.ApplicantHistory history = decisions.history(app.hashes(), now, app.userId());
      velocity = history.velocity();
      committed = history.committed();
    } catch (RuntimeException e) {
      log.warn("velocity and commitments unavailable ({})", e.getClass().getSimpleName());
      down.add(Dependency.VELOCITY);
      down.add(Dependency.COMMITMENTS);
    }
    return new DecisionInputs(features, tags, hits, velocity, committed, down, now);
  }

  private Set<String> snapshotFeatures(DecisionEngine engine) {
    return snapshotFeatures.computeIfAbsent(
        engine,
        e -> {
          Set<String> out = new HashSet<>(ALWAYS);
          out.addAll(e.strategy().variables());
          return Set.copyOf(out);
        });
  }

  /**
   * Defers an approval of a non-priority band while demand outruns the budget (nothing is
   * reserved); null when it may be funded.
   */
  private Funding demandThrottle(DecisionEngine engine, Decision d, Instant now) {
    Strategy.Throttle t = engine.strategy().throttle();
    if (t.demandShare() == null || t.priorityBands().contains(d.band())) {
      return null;
    }
    LocalDate day = now.atZone(book.policy().zone()).toLocalDate();
    Product p = engine.product();
    return t.defersForDemand(d.band(), demand.perHour(p.id()), demand.remaining(p, day))
        ? Funding.demandThrottled(day.plusDays(1))
        : null;
  }

  DemandMeter demand() {
    return demand;
  }

  private FundingRequest fundingFor(
      DecisionEngine engine, Decision d, LoanApplication app, Instant now) {
    Product p = engine.product();
    Strategy.Throttle t = engine.strategy().throttle();
    BigDecimal share = t.priorityBands().contains(d.band()) ? BigDecimal.ONE : t.softShare();
    LocalDate day = now.atZone(book.policy().zone()).toLocalDate();
    return new FundingRequest(
        p.id(),
        day,
        p.dailyBudgetAmount(),
        p.dailyBudgetCount(),
        share,
        d.approvedAmount(),
        app.userId(),
        book.policy().borrowerCap());
  }

  private DecisionRecord record(
      UUID id, LoanApplication app, DecisionInputs in, Decision d, String arm, Decision shadow) {
    return new DecisionRecord(
        id,
        app.requestId(),
        app.userId(),
        app.productId(),
        d.outcome().name(),
        app.amount(),
        d.approvedAmount(),
        d.score(),
        d.band(),
        d.strategy(),
        d.model(),
        arm,
        d.decidedAt(),
        app.hash(IdentifierKind.ID),
        app.hash(IdentifierKind.PHONE),
        app.hash(IdentifierKind.DEVICE),
        app.hash(IdentifierKind.IP),
        app.hash(IdentifierKind.CARD),
        write(app),
        write(in),
        write(d),
        shadow == null ? null : write(shadow),
        d.pd());
  }

  private void afterDecision(UUID id, LoanApplication app, Decision d, String actor, Instant now) {
    try {
      audit.recordLater(
          actor,
          "LOAN_DECISION",
          "CREDIT_ASSESSMENT",
          "user:" + app.userId(),
          "decision="
              + id
              + " outcome="
              + d.outcome()
              + " strategy="
              + d.strategy()
              + " automated=true");
    } catch (RuntimeException e) {
      log.warn(
          "decision {} could not be queued for the audit log ({})",
          id,
          e.getClass().getSimpleName());
    }
    try {
      eventWriter.write(events(id, app, d, now));
    } catch (RuntimeException e) {
      // the decision is stored; the portrait catches up when the events are re-sent by replay
      log.warn(
          "decision {} could not be written to the portrait ({})",
          id,
          e.getClass().getSimpleName());
    }
    if (d.outcome() == Outcome.REVIEW) {
      reviews.open(id, app.userId(), "referred", codes(d), now, now.plus(settings.referredSla()));
    }
  }

  private static List<ParsedRecord> events(UUID id, LoanApplication app, Decision d, Instant now) {
    UserId user = new UserId(app.userId());
    ApplicationId applicationId = new ApplicationId("a-" + id);
    List<UserEvent> out = new ArrayList<>();
    out.add(
        new LoanApplied(
            new EventId("app-" + id),
            user,
            now,
            "decisioning",
            applicationId,
            new Money(app.amount()),
            app.termMonths(),
            app.purpose(),
            app.channel(),
            shortHash(app.hash(IdentifierKind.DEVICE)),
            shortHash(app.hash(IdentifierKind.IP)),
            app.city()));
    out.add(
        new LoanDecided(
            new EventId("dec-" + id),
            user,
            now,
            "decisioning",
            applicationId,
            d.outcome().toEvent(),
            d.outcome() == Outcome.APPROVE ? new Money(d.approvedAmount()) : null,
            d.reasons().stream().map(Reason::code).toList()));
    List<ParsedRecord> records = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      records.add(ParsedRecord.ok(i + 1, null, out.get(i)));
    }
    return records;
  }

  /** Portrait events carry the device and IP only as a short keyed hash: enough to count them. */
  private static String shortHash(String hash) {
    return hash == null ? null : "h:" + hash.substring(0, 16);
  }

  private static String codes(Decision d) {
    return String.join(",", d.principalReasons().stream().map(Reason::code).toList());
  }

  /**
   * Runs one application through {@code engine} as the decision API would, on the same inputs
   * (portrait, lists, velocity, commitments, caps), but acts on nothing: no decision is stored, no
   * funds are reserved, no event enters the portrait. For the console's try-out form; the read of
   * the applicant's portrait is audited.
   */
  Decision dryRun(ApplicationForm form, DecisionEngine engine, String actor) {
    Instant now = clock.instant();
    LoanApplication app = intake.accept(form, now);
    if (!engine.product().id().equals(app.productId())) {
      throw new InvalidApplicationException(
          "PRODUCT_MISMATCH",
          "product",
          "strategy " + engine.strategy().versionTag() + " decides " + engine.product().id(),
          "该策略不适用于此产品",
          true);
    }
    Decision d = engine.decide(app, engine.withCaps(inputs(app, now, engine, null)));
    audit.record(
        actor,
        "DECISION_DRY_RUN",
        "CREDIT_ASSESSMENT",
        "user:" + app.userId(),
        "strategy=" + d.strategy() + " outcome=" + d.outcome());
    return d;
  }

  Optional<DecisionRecord> find(UUID id) {
    return decisions.byId(id);
  }

  Stored view(DecisionRecord r) {
    return new Stored(r.decisionId(), false, r.arm(), read(r.decision(), Decision.class));
  }

  /** The outcome of re-running a stored decision on its snapshot with its strategy version. */
  record Replay(
      UUID decisionId, boolean identical, String strategy, Decision stored, Decision replayed) {}

  Replay replay(DecisionRecord r) {
    DecisionReplayer.Result result =
        replayer
            .replay(r)
            .orElseThrow(
                () ->
                    new ApiException(
                        HttpStatus.CONFLICT,
                        "STRATEGY_GONE",
                        "the strategy version of this decision is not stored any more",
                        "决策所用的策略版本已不存在"));
    return new Replay(
        r.decisionId(),
        result.identical(),
        result.stored().strategy(),
        result.stored(),
        result.replayed());
  }

  ReviewTask requestReview(DecisionRecord r, String note, String actor) {
    Instant now = clock.instant();
    ReviewTask task =
        reviews.open(
            r.decisionId(),
            r.userId(),
            "borrower_request",
            note,
            now,
            now.plus(settings.reviewSla()));
    audit.record(
        actor,
        "REVIEW_REQUESTED",
        "AUTOMATED_DECISION_REVIEW",
        "user:" + r.userId(),
        "decision=" + r.decisionId() + " task=" + task.taskId());
    return task;
  }

  Optional<ReviewTask> closeReview(long taskId, String by, String resolution) {
    Optional<ReviewTask> t = reviews.close(taskId, by, resolution, clock.instant());
    t.ifPresent(
        task ->
            audit.record(
                by,
                "REVIEW_CLOSED",
                "AUTOMATED_DECISION_REVIEW",
                "user:" + task.userId(),
                "task=" + taskId));
    return t;
  }

  /** A number feature of a user's portrait now, NaN when missing. */
  double portraitNumber(UserId user, String feature) {
    return portraits
        .read(user, clock.instant())
        .map(r -> r.features().number(feature))
        .orElse(Double.NaN);
  }

  ReviewTaskStore reviews() {
    return reviews;
  }

  DecisionStore store() {
    return decisions;
  }

  ObjectMapper json() {
    return json;
  }

  String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
    }
  }

  /** A number in [0, 1) from the SHA-256 of {@code key}: the same user always gets the same arm. */
  static double unitHash(String key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      long bits = ByteBuffer.wrap(d).getLong() >>> 11;
      return bits / (double) (1L << 53);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
