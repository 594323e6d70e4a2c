package io.huaxiang.server.decision;

import io.huaxiang.core.decision.DecisionEngine;
import io.huaxiang.core.decision.LendingPolicy;
import io.huaxiang.core.decision.ProductCatalogue;
import io.huaxiang.core.decision.Strategy;
import io.huaxiang.core.decision.StrategyLoader;
import io.huaxiang.store.StoredStrategy;
import io.huaxiang.store.StrategyStore;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled strategies: every stored version compiles once and is kept by its version tag, and
 * the champion and challenger of each product are cached until a strategy is activated here.
 */
final class StrategyBook {
  /** The strategies deciding one product: the champion, and a challenger with its share. */
  record Active(DecisionEngine champion, DecisionEngine challenger, double challengerShare) {}

  private final StrategyStore store;
  private final StrategyLoader loader;
  private final ProductCatalogue products;
  private final LendingPolicy policy;
  private final Map<String, DecisionEngine> byTag = new ConcurrentHashMap<>();
  private final Map<String, Optional<Active>> active = new ConcurrentHashMap<>();

  StrategyBook(
      StrategyStore store, StrategyLoader loader, ProductCatalogue products, LendingPolicy policy) {
    this.store = store;
    this.loader = loader;
    this.products = products;
    this.policy = policy;
  }

  StrategyLoader loader() {
    return loader;
  }

  ProductCatalogue products() {
    return products;
  }

  LendingPolicy policy() {
    return policy;
  }

  /** The strategies deciding {@code productId}, empty when none is active. */
  Optional<Active> active(String productId) {
    return active.computeIfAbsent(productId, this::readActive);
  }

  /** Forgets the cached champions and challengers, after an activation. */
  void refresh() {
    active.clear();
  }

  private Optional<Active> readActive(String productId) {
    Optional<StoredStrategy> champion = store.holding(productId, "champion");
    if (champion.isEmpty()) {
      return Optional.empty();
    }
    Optional<StoredStrategy> challenger = store.holding(productId, "challenger");
    return Optional.of(
        new Active(
            engine(champion.get()),
            challenger.map(this::engine).orElse(null),
            challenger.map(s -> s.challengerShare().doubleValue()).orElse(0.0)));
  }

  /** The engine of a stored version, compiled once. */
  DecisionEngine engine(StoredStrategy s) {
    return byTag.computeIfAbsent(
        s.strategyId() + "@v" + s.version(),
        tag -> {
          // stored strategies were checked against the caps when uploaded; they load on that day
          LocalDate day = s.uploadedAt().atZone(policy.zone()).toLocalDate();
          Strategy strategy = loader.load(s.source(), day);
          return new DecisionEngine(strategy, products, policy);
        });
  }

  /** The engine of a version tag such as {@code consumer_standard@v1}, for replay. */
  Optional<DecisionEngine> engine(String tag) {
    DecisionEngine cached = byTag.get(tag);
    if (cached != null) {
      return Optional.of(cached);
    }
    int at = tag.lastIndexOf("@v");
    if (at < 0) {
      return Optional.empty();
    }
    try {
      int version = Integer.parseInt(tag.substring(at + 2));
      return store.find(tag.substring(0, at), version).map(this::engine);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
