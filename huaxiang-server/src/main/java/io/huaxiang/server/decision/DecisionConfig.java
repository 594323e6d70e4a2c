package io.huaxiang.server.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.core.decision.ApplicationIntake;
import io.huaxiang.core.decision.LendingPolicy;
import io.huaxiang.core.decision.ProductCatalogue;
import io.huaxiang.core.decision.Strategy;
import io.huaxiang.core.decision.StrategyLoader;
import io.huaxiang.core.lending.LprHistory;
import io.huaxiang.core.lending.Rate;
import io.huaxiang.core.privacy.LookupHash;
import io.huaxiang.core.profile.PortraitFeatures;
import io.huaxiang.core.tag.PortraitSchema;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.config.HuaxiangProperties;
import io.huaxiang.server.ingest.IngestService;
import io.huaxiang.server.portrait.PortraitService;
import io.huaxiang.store.Database;
import io.huaxiang.store.DecisionStore;
import io.huaxiang.store.ListStore;
import io.huaxiang.store.ReviewTaskStore;
import io.huaxiang.store.StrategyStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires decisioning: policy, catalogue, strategies, stores and the decision service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DecisionSettings.class)
class DecisionConfig {

  @Bean
  LendingPolicy lendingPolicy(DecisionSettings settings, HuaxiangProperties huaxiang) {
    return new LendingPolicy(
        Rate.ofPercent(settings.hardAprCapPercent()),
        settings.borrowerCap(),
        new HashSet<>(settings.forbiddenFeatures()),
        LprHistory.oneYear(),
        ZoneId.of(huaxiang.zone()));
  }

  @Bean
  ProductCatalogue productCatalogue(DecisionSettings settings, LendingPolicy policy, Clock clock) {
    var schema = new PortraitSchema(PortraitFeatures.catalogue()).schema();
    LocalDate today = LocalDate.now(clock.withZone(policy.zone()));
    if (settings.productsFile() == null) {
      return ProductCatalogue.sample(policy, schema, today);
    }
    try {
      return ProductCatalogue.load(
          Files.readString(settings.productsFile()), policy, schema, today);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the product catalogue " + settings.productsFile(), e);
    }
  }

  @Bean
  StrategyLoader strategyLoader(ProductCatalogue products, LendingPolicy policy) {
    return new StrategyLoader(PortraitFeatures.catalogue(), products, policy);
  }

  @Bean
  DecisionStore decisionStore(Database database, DecisionSettings settings) {
    return new DecisionStore(database.dataSource(), settings.approvalValidity());
  }

  @Bean(destroyMethod = "close")
  CommitmentKeeper commitmentKeeper(
      DecisionStore store, PortraitService portraits, AuditService audit, Clock clock) {
    CommitmentKeeper keeper =
        new CommitmentKeeper(store, portraits, audit, clock, Duration.ofMinutes(10));
    portraits.listen(keeper);
    return keeper;
  }

  @Bean
  ListStore listStore(Database database) {
    return new ListStore(database.dataSource());
  }

  @Bean
  StrategyStore strategyStore(Database database) {
    return new StrategyStore(database.dataSource());
  }

  @Bean
  ReviewTaskStore reviewTaskStore(Database database) {
    return new ReviewTaskStore(database.dataSource());
  }

  @Bean
  StrategyBook strategyBook(
      StrategyStore store,
      StrategyLoader loader,
      ProductCatalogue products,
      LendingPolicy policy,
      Clock clock) {
    installSample(store, loader, policy, clock);
    return new StrategyBook(store, loader, products, policy);
  }

  /** A fresh installation decides the sample product with the sample strategy. */
  private static void installSample(
      StrategyStore store, StrategyLoader loader, LendingPolicy policy, Clock clock) {
    if (!store.history().isEmpty()) {
      return;
    }
    Strategy sample = loader.sample(LocalDate.now(clock.withZone(policy.zone())));
    store.upload(
        sample.id(),
        sample.version(),
        sample.productId(),
        sample.source(),
        sample.fingerprint(),
        "system",
        clock.instant());
    store.activate(sample.id(), sample.version(), null, "system", clock.instant());
  }

  @Bean
  DecisionLookupKey decisionLookupKey(DecisionSettings settings, HuaxiangProperties huaxiang) {
    Path file =
        settings.lookupKeyFile() != null
            ? settings.lookupKeyFile()
            : huaxiang.dataDir().resolve("keys").resolve("lookup.key");
    return new DecisionLookupKey(new LookupHash(readOrCreate(file)));
  }

  /** The lookup key, kept in a file outside the database and created once. */
  private static byte[] readOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readAllBytes(file);
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Files.write(file, key);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the directory's permissions protect it
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the lookup key " + file, e);
    }
  }

  @Bean
  DecisionService decisionService(
      StrategyBook book,
      ProductCatalogue products,
      LendingPolicy policy,
      DecisionLookupKey key,
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
      io.huaxiang.server.privacy.ErasedUsers erased) {
    return new DecisionService(
        book,
        new ApplicationIntake(products, key.hash(), policy),
        decisions,
        lists,
        reviews,
        portraits,
        ingest,
        audit,
        json,
        clock,
        settings,
        replayer,
        erased);
  }

  @Bean
  DecisionReplayer decisionReplayer(
      StrategyStore strategies,
      StrategyLoader loader,
      ProductCatalogue products,
      LendingPolicy policy,
      ObjectMapper json) {
    return new DecisionReplayer(strategies, loader, products, policy, json);
  }
}
