package io.huaxiang.server.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.core.decision.Decision;
import io.huaxiang.core.decision.DecisionEngine;
import io.huaxiang.core.decision.DecisionInputs;
import io.huaxiang.core.decision.Funding;
import io.huaxiang.core.decision.LendingPolicy;
import io.huaxiang.core.decision.LoanApplication;
import io.huaxiang.core.decision.ProductCatalogue;
import io.huaxiang.core.decision.StrategyLoader;
import io.huaxiang.store.DecisionRecord;
import io.huaxiang.store.StoredStrategy;
import io.huaxiang.store.StrategyStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Re-runs stored decisions on their snapshots: the same strategy version, the same inputs and the
 * funding answer recorded with them. Used by the replay endpoint and {@code huaxiang decision
 * replay}; thread-safe.
 */
public final class DecisionReplayer {
  private final StrategyStore strategies;
  private final StrategyLoader loader;
  private final ProductCatalogue products;
  private final LendingPolicy policy;
  private final ObjectMapper json;
  private final Map<String, Optional<DecisionEngine>> engines = new ConcurrentHashMap<>();

  public DecisionReplayer(
      StrategyStore strategies,
      StrategyLoader loader,
      ProductCatalogue products,
      LendingPolicy policy,
      ObjectMapper json) {
    this.strategies = strategies;
    this.loader = loader;
    this.products = products;
    this.policy = policy;
    this.json = json;
  }

  /** The result of replaying one stored decision. */
  public record Result(boolean identical, Decision stored, Decision replayed) {}

  /**
   * Replays {@code r}; empty when its strategy version is not stored.
   *
   * @throws IllegalStateException if the stored JSON cannot be read
   */
  public Optional<Result> replay(DecisionRecord r) {
    Decision stored = read(r.decision(), Decision.class);
    return engine(stored.strategy())
        .map(
            engine -> {
              Decision again = rerun(engine, r, stored);
              return new Result(sameJson(r.decision(), write(again)), stored, again);
            });
  }

  /** Runs {@code engine} on a stored application and snapshot (no funding applied). */
  public Decision decide(DecisionEngine engine, DecisionRecord r) {
    return engine.decide(
        read(r.application(), LoanApplication.class), read(r.inputs(), DecisionInputs.class));
  }

  private Decision rerun(DecisionEngine engine, DecisionRecord r, Decision stored) {
    Decision again = decide(engine, r);
    if (stored.funding().status() != Funding.Status.NOT_NEEDED && again.needsFunding()) {
      again = again.funded(stored.funding());
    }
    return again;
  }

  /** The engine of a version tag such as {@code consumer_standard@v1}, compiled once. */
  public Optional<DecisionEngine> engine(String tag) {
    return engines.computeIfAbsent(tag, this::load);
  }

  private Optional<DecisionEngine> load(String tag) {
    int at = tag.lastIndexOf("@v");
    if (at < 0) {
      return Optional.empty();
    }
    int version;
    try {
      version = Integer.parseInt(tag.substring(at + 2));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    Optional<StoredStrategy> s = strategies.find(tag.substring(0, at), version);
    return s.map(
        x ->
            new DecisionEngine(
                loader.load(x.source(), x.uploadedAt().atZone(policy.zone()).toLocalDate()),
                products,
                policy));
  }

  private boolean sameJson(String a, String b) {
    try {
      // compared as trees: the stored text and the replay need not share key order or spacing
      return json.readTree(a).equals(json.readTree(b));
    } catch (JsonProcessingException e) {
      return false;
    }
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
}
