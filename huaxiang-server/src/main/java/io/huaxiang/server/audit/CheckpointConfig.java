package io.huaxiang.server.audit;

import io.huaxiang.server.config.HuaxiangProperties;
import io.huaxiang.store.Database;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** Publishes the audit chain head outside the database every hour (see AuditCheckpoints). */
@Configuration(proxyBeanMethods = false)
class CheckpointConfig {
  private static final Logger log = LoggerFactory.getLogger(CheckpointConfig.class);

  @Bean
  AuditCheckpoints auditCheckpoints(
      AuditService audit, Database database, HuaxiangProperties settings, Clock clock) {
    return new AuditCheckpoints(
        audit.store(), AuditCheckpoints.fileFor(settings.dataDir(), database.dataSource()), clock);
  }

  @Bean
  Publisher auditCheckpointPublisher(AuditCheckpoints checkpoints) {
    return new Publisher(checkpoints);
  }

  /** The hourly publication. */
  static final class Publisher {
    private final AuditCheckpoints checkpoints;

    Publisher(AuditCheckpoints checkpoints) {
      this.checkpoints = checkpoints;
    }

    @Scheduled(
        fixedDelayString = "${huaxiang.audit.checkpoint-every-ms:3600000}",
        initialDelayString = "${huaxiang.audit.checkpoint-every-ms:3600000}")
    void publish() {
      checkpoints
          .publish()
          .ifPresent(c -> log.info("published audit checkpoint {}:{}", c.seq(), c.hash()));
    }
  }
}
