package io.huaxiang.server.portrait;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.portrait.Portrait;
import io.huaxiang.core.portrait.PortraitEngine;
import io.huaxiang.core.profile.FeatureValues;
import io.huaxiang.core.profile.ProfileStateCodec;
import io.huaxiang.core.tag.TagRuleSet.TagChange;
import io.huaxiang.store.EventStore;
import io.huaxiang.store.ProfileSnapshot;
import io.huaxiang.store.ProfileStore;
import io.huaxiang.store.StoredEvent;
import io.huaxiang.store.TagHistoryStore;
import io.huaxiang.store.TagTransition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every user's portrait in memory, up to date with the event log.
 *
 * <p>It is a projector: it follows the log by sequence number and folds each event into the user's
 * portrait with the pure {@link PortraitEngine}; dirty portraits are snapshotted to PostgreSQL
 * together with the sequence number they include, so a restart restores snapshots and replays only
 * the rest of the log. Replaying an event twice is harmless: profiles ignore event ids they have
 * seen.
 */
public final class PortraitService {
  private static final Logger log = LoggerFactory.getLogger(PortraitService.class);
  private static final int READ_BATCH = 5_000;
  private static final TypeReference<TreeMap<String, Instant>> TAG_SINCE = new TypeReference<>() {};

  private final PortraitEngine engine;
  private final EventStore events;
  private final ProfileStore profiles;
  private final TagHistoryStore tagHistory;
  private final ProfileStateCodec codec = new ProfileStateCodec();
  private final ObjectMapper json;
  private final Clock clock;
  private final Map<String, Portrait> portraits = new ConcurrentHashMap<>();
  private final Set<String> dirty = ConcurrentHashMap.newKeySet();

  /** Appended batches handed over by this process, keyed by the seq just before each. */
  private final TreeMap<Long, List<StoredEvent>> offered = new TreeMap<>();

  private long appliedSeq;
  private boolean started;
  private volatile PortraitChangeListener listener;

  /** Users whose data was erased: their events, if any still arrive, never rebuild a portrait. */
  private volatile Predicate<String> erased = u -> false;

  public PortraitService(
      PortraitEngine engine,
      EventStore events,
      ProfileStore profiles,
      TagHistoryStore tagHistory,
      ObjectMapper json,
      Clock clock) {
    this.engine = engine;
    this.events = events;
    this.profiles = profiles;
    this.tagHistory = tagHistory;
    this.json = json;
    this.clock = clock;
  }

  /** Keeps the users {@code erased} names out of the portraits from now on. */
  public void exclude(Predicate<String> erased) {
    this.erased = erased;
  }

  /** Drops a user's portrait from memory (erasure); the caller deletes the stored snapshot. */
  public synchronized void forget(UserId user) {
    portraits.remove(user.value());
    dirty.remove(user.value());
  }

  public PortraitEngine engine() {
    return engine;
  }

  /**
   * Registers a listener told about every portrait change (before {@link #start}); several may
   * listen (segment membership, credit commitments), each told while it is active.
   */
  public void listen(PortraitChangeListener listener) {
    PortraitChangeListener before = this.listener;
    this.listener = before == null ? listener : both(before, listener);
  }

  private static PortraitChangeListener both(PortraitChangeListener a, PortraitChangeListener b) {
    return new PortraitChangeListener() {
      @Override
      public boolean active() {
        return a.active() || b.active();
      }

      @Override
      public void changed(List<PortraitChange> changes) {
        if (a.active()) {
          a.changed(changes);
        }
        if (b.active()) {
          b.changed(changes);
        }
      }
    };
  }

  /** Loads the stored snapshots, then replays the log after their checkpoint. */
  public synchronized void start() {
    started = true;
    long checkpoint = profiles.checkpoint();
    int[] restored = {0};
    profiles.forEach(
        s -> {
          Portrait p = restore(s);
          if (p != null) {
            portraits.put(s.userId(), p);
            restored[0]++;
          }
        });
    // snapshots of an older or unreadable format are ignored: replaying the log rebuilds them
    appliedSeq = restored[0] == profiles.count() ? checkpoint : 0;
    long replayed = catchUp(n -> {});
    log.info(
        "restored {} portraits at seq {}, replayed {} events from the log",
        restored[0],
        appliedSeq,
        replayed);
  }

  /** Applies every event the log has beyond what is applied; returns how many were read. */
  public synchronized long catchUp(LongConsumer progress) {
    long read = 0;
    while (true) {
      List<StoredEvent> batch = events.readAfter(appliedSeq, READ_BATCH);
      if (batch.isEmpty()) {
        offered.headMap(appliedSeq, true).clear();
        return read;
      }
      applyBatch(batch);
      read += batch.size();
      progress.accept(read);
    }
  }

  /**
   * Takes a batch this process has just appended, saving the read back from the log: it is applied
   * at once if it directly follows what is applied ({@code previousSeq}), kept until its
   * predecessor arrives if batches were committed out of hand-over order, and otherwise left for
   * {@link #catchUp} to read (another process wrote in between).
   */
  public synchronized void offer(long previousSeq, List<StoredEvent> appended) {
    // before start() (or in a CLI beside a running server) nothing is projected here: start()
    // reads the log, or the server that owns the portraits does
    if (!started || appended.isEmpty() || previousSeq < appliedSeq) {
      return;
    }
    offered.put(previousSeq, appended);
    List<StoredEvent> next;
    while ((next = offered.remove(appliedSeq)) != null) {
      applyBatch(next);
    }
  }

  private void applyBatch(List<StoredEvent> batch) {
    // one user's events in a batch are folded together and their tags evaluated once
    Map<String, List<UserEvent>> byUser = new LinkedHashMap<>();
    for (StoredEvent stored : batch) {
      if (erased.test(stored.event().userId().value())) {
        continue;
      }
      byUser
          .computeIfAbsent(stored.event().userId().value(), u -> new ArrayList<>())
          .add(stored.event());
    }
    List<TagTransition> transitions = new ArrayList<>();
    PortraitChangeListener told = listener;
    boolean tell = told != null && told.active();
    List<PortraitChange> changed = new ArrayList<>();
    byUser.forEach(
        (user, userEvents) -> {
          Portrait p = portraits.computeIfAbsent(user, u -> engine.newPortrait(new UserId(u)));
          List<TagChange> changes;
          synchronized (p) {
            changes = engine.applyAll(p, userEvents);
            if (tell && p.state().lastEventAt() != null) {
              changed.add(ownTime(user, p, p.state().lastEventAt()));
            }
          }
          dirty.add(user);
          for (TagChange c : changes) {
            transitions.add(new TagTransition(user, c.tag(), c.gained(), c.at()));
          }
        });
    appliedSeq = batch.get(batch.size() - 1).seq();
    tagHistory.record(transitions);
    if (tell) {
      told.changed(changed);
    }
  }

  /** A portrait as of its own latest event: what segment membership is evaluated on. */
  private PortraitChange ownTime(String user, Portrait p, Instant at) {
    return new PortraitChange(
        user, engine.features(p, p.state().lastEventAt()), Set.copyOf(p.tags().keySet()), at);
  }

  /**
   * Visits every portrait as of its own latest event time (features then, current tags), each read
   * under its own lock: the bulk counterpart of the changes a listener is told.
   */
  public void forEachAtOwnTime(java.util.function.Consumer<PortraitChange> visitor) {
    portraits.forEach(
        (user, p) -> {
          PortraitChange c;
          synchronized (p) {
            if (p.state().lastEventAt() == null) {
              return;
            }
            c = ownTime(user, p, p.state().lastEventAt());
          }
          visitor.accept(c);
        });
  }

  /** Whether {@link #start} ran: this process keeps the portraits, not only the log. */
  public synchronized boolean started() {
    return started;
  }

  /** Applies what is left in the log and snapshots, at the end of a bulk load. */
  public void catchUpAndSnapshot() {
    catchUp(n -> {});
    snapshot();
  }

  /** Writes every portrait changed since the last snapshot, with the checkpoint they include. */
  public int snapshot() {
    long seq;
    List<String> users;
    synchronized (this) {
      // read the checkpoint and drain the dirty set together, so no applied change is skipped
      seq = appliedSeq;
      users = new ArrayList<>(dirty);
      dirty.removeAll(users);
    }
    List<ProfileSnapshot> batch = new ArrayList<>();
    for (String user : users) {
      Portrait p = portraits.get(user);
      if (p == null) {
        continue; // forgotten (erased) after it was marked changed
      }
      batch.add(snapshotOf(user, p));
      if (batch.size() == 2_000) {
        profiles.save(batch, seq, clock.instant());
        batch.clear();
      }
    }
    profiles.save(batch, seq, clock.instant());
    return users.size();
  }

  /** Re-evaluates every portrait's tags at the current time (time-driven tags like silence). */
  // synchronized with applyBatch so a listener never gets a sweep's view of a portrait after a
  // newer one from an applied batch
  public synchronized int retagAll() {
    Instant now = clock.instant();
    List<TagTransition> transitions = new ArrayList<>();
    PortraitChangeListener told = listener;
    boolean tell = told != null && told.active();
    List<PortraitChange> changed = new ArrayList<>();
    for (Portrait p : portraits.values()) {
      List<TagChange> changes;
      synchronized (p) {
        changes = engine.retagAt(p, now);
        if (tell && !changes.isEmpty() && p.state().lastEventAt() != null) {
          changed.add(ownTime(p.state().userId().value(), p, now));
        }
      }
      if (!changes.isEmpty()) {
        String user = p.state().userId().value();
        dirty.add(user);
        changes.forEach(c -> transitions.add(new TagTransition(user, c.tag(), c.gained(), c.at())));
      }
    }
    tagHistory.record(transitions);
    if (tell && !changed.isEmpty()) {
      told.changed(changed);
    }
    return transitions.size();
  }

  /** Drops all portraits and recomputes them from the whole event log. */
  public synchronized long rebuild(LongConsumer progress) {
    profiles.clear();
    portraits.clear();
    dirty.clear();
    offered.clear();
    appliedSeq = 0;
    long n = catchUp(progress);
    snapshot();
    return n;
  }

  /** A user's portrait as of a time: features computed then, tags as last evaluated. */
  public Optional<PortraitReading> read(UserId user, Instant asOf) {
    Portrait p = portraits.get(user.value());
    if (p == null) {
      return Optional.empty();
    }
    synchronized (p) {
      FeatureValues values = engine.features(p, asOf);
      return Optional.of(
          new PortraitReading(
              user,
              asOf,
              p.state().eventCount(),
              p.state().firstEventAt(),
              p.state().lastEventAt(),
              values,
              new TreeMap<>(p.tags())));
    }
  }

  public int size() {
    return portraits.size();
  }

  /** The latest event time of any portrait: the population's "now" in event time; null if none. */
  public Instant latestEventAt() {
    Instant latest = null;
    for (Portrait p : portraits.values()) {
      synchronized (p) {
        Instant at = p.state().lastEventAt();
        if (at != null && (latest == null || at.isAfter(latest))) {
          latest = at;
        }
      }
    }
    return latest;
  }

  /**
   * Visits every portrait that has events, with its features as of {@code asOf} and its current
   * tags, one at a time under its own lock: a streaming pass, nothing is collected here.
   */
  public void forEachAt(Instant asOf, PortraitVisitor visitor) {
    portraits.forEach(
        (user, p) -> {
          synchronized (p) {
            if (p.state().lastEventAt() != null) {
              visitor.visit(user, engine.features(p, asOf), p.tags().keySet(), p.state());
            }
          }
        });
  }

  /** Applies {@code f} to one user's features as of {@code asOf} and state, under its lock. */
  public <T> Optional<T> evaluate(
      UserId user,
      Instant asOf,
      java.util.function.BiFunction<FeatureValues, io.huaxiang.core.profile.ProfileState, T> f) {
    Portrait p = portraits.get(user.value());
    if (p == null) {
      return Optional.empty();
    }
    synchronized (p) {
      if (p.state().lastEventAt() == null) {
        return Optional.empty();
      }
      return Optional.ofNullable(f.apply(engine.features(p, asOf), p.state()));
    }
  }

  /**
   * The ids of the users whose portrait at {@code asOf} passes {@code test} (given the feature
   * values and the current tags), sorted. Each portrait is read under its own lock.
   */
  public List<String> select(Instant asOf, BiPredicate<FeatureValues, Set<String>> test) {
    List<String> out = new ArrayList<>();
    portraits.forEach(
        (user, p) -> {
          synchronized (p) {
            if (test.test(engine.features(p, asOf), p.tags().keySet())) {
              out.add(user);
            }
          }
        });
    out.sort(null);
    return out;
  }

  public synchronized long appliedSeq() {
    return appliedSeq;
  }

  private ProfileSnapshot snapshotOf(String user, Portrait p) {
    synchronized (p) {
      Instant last = p.state().lastEventAt();
      FeatureValues values = engine.features(p, last == null ? clock.instant() : last);
      Map<String, Object> scalars = values.scalars();
      try {
        return new ProfileSnapshot(
            user,
            ProfileStateCodec.FORMAT_VERSION,
            p.state().eventCount(),
            last,
            codec.write(p.state()),
            json.writeValueAsString(scalars),
            List.copyOf(p.tags().keySet()),
            json.writeValueAsString(p.tags()),
            scalars);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write the portrait of " + user, e);
      }
    }
  }

  /** The portrait in a snapshot, or null when the snapshot is of another format or unreadable. */
  private Portrait restore(ProfileSnapshot s) {
    if (s.formatVersion() != ProfileStateCodec.FORMAT_VERSION) {
      return null;
    }
    try {
      return new Portrait(codec.read(s.stateJson()), tagSince(s));
    } catch (RuntimeException e) {
      log.warn(
          "snapshot of {} is unreadable ({}); it will be rebuilt from the log",
          s.userId(),
          e.getClass().getSimpleName());
      return null;
    }
  }

  private TreeMap<String, Instant> tagSince(ProfileSnapshot s) {
    try {
      return json.readValue(s.tagSinceJson(), TAG_SINCE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt tag times in the snapshot of " + s.userId(), e);
    }
  }
}
