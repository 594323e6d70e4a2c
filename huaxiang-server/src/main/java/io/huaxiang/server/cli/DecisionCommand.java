package io.huaxiang.server.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.huaxiang.core.decision.LendingPolicy;
import io.huaxiang.core.decision.ProductCatalogue;
import io.huaxiang.core.decision.StrategyLoader;
import io.huaxiang.core.profile.PortraitFeatures;
import io.huaxiang.core.tag.PortraitSchema;
import io.huaxiang.server.decision.DecisionReplayer;
import io.huaxiang.store.Database;
import io.huaxiang.store.DecisionStore;
import io.huaxiang.store.StrategyStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code huaxiang decision replay|simulate}: stored decisions re-run, candidate strategies tried.
 */
@Command(
    name = "decision",
    description =
        "Replay stored decisions, or simulate a candidate strategy over past applications. / 决策重放与策略模拟。",
    mixinStandardHelpOptions = true,
    subcommands = {
      DecisionReplayCommand.class,
      DecisionSimulateCommand.class,
      DecisionCountCommand.class
    })
final class DecisionCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** What both subcommands need, over one database. */
  record Tools(
      LendingPolicy policy,
      ProductCatalogue products,
      StrategyLoader loader,
      DecisionStore decisions,
      DecisionReplayer replayer,
      ObjectMapper json) {

    static Tools over(Database db) {
      LendingPolicy policy = LendingPolicy.standard();
      ProductCatalogue products =
          ProductCatalogue.sample(
              policy,
              new PortraitSchema(PortraitFeatures.catalogue()).schema(),
              LocalDate.now(policy.zone()));
      StrategyLoader loader = new StrategyLoader(PortraitFeatures.catalogue(), products, policy);
      ObjectMapper json = DecisionCommand.json();
      StrategyStore strategies = new StrategyStore(db.dataSource());
      return new Tools(
          policy,
          products,
          loader,
          new DecisionStore(db.dataSource()),
          new DecisionReplayer(strategies, loader, products, policy, json),
          json);
    }
  }

  /** The JSON settings the server stores decisions with. */
  static ObjectMapper json() {
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  /** A date (start of day UTC) or an instant; null gives {@code fallback}. */
  static Instant instant(String text, Instant fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not a date (2026-11-23) or an instant");
    }
  }
}
