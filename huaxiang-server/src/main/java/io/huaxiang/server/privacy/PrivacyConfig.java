package io.huaxiang.server.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.segments.SegmentMembershipService;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** Wires consent checks, data-subject rights and retention into the server. */
@Configuration(proxyBeanMethods = false)
class PrivacyConfig {

  @Bean
  ErasedUsers erasedUsers(HuaxiangRuntime runtime, AuditService audit) {
    // refusals at ingestion (no consent, erased user) go to the audit log
    runtime
        .gate()
        .onRefusal(
            r ->
                audit.recordLater(
                    io.huaxiang.server.security.Actors.current(),
                    r.reason() == io.huaxiang.core.event.RejectReason.CONSENT_MISSING
                        ? "CONSENT_REFUSED"
                        : "ERASED_SUBJECT_REFUSED",
                    r.reason() == io.huaxiang.core.event.RejectReason.CONSENT_MISSING
                        ? ProcessingGate.consentNeeded(r.event())
                            .map(p -> p.name())
                            .orElse("CONSENT")
                        : "PIPL_DELETION_REQUEST",
                    "user:" + r.event().userId().value(),
                    r.event().type().wire()
                        + " "
                        + r.event().id().value()
                        + " refused: "
                        + r.why()));
    return runtime.erased();
  }

  @Bean
  ConsentGuard consentGuard(HuaxiangRuntime runtime, ErasedUsers erased, AuditService audit) {
    return new ConsentGuard(runtime.events(), erased, audit);
  }

  @Bean
  SubjectRights subjectRights(
      HuaxiangRuntime runtime,
      ErasedUsers erased,
      ObjectMapper json,
      AuditService audit,
      Clock clock,
      SegmentMembershipService segments) {
    return new SubjectRights(
        runtime.events(),
        runtime.portraits(),
        runtime.tagHistory(),
        runtime.subjects(),
        erased,
        runtime.ingest(),
        runtime.eventJson(),
        json,
        audit,
        clock,
        List.of(segments::forget));
  }

  @Bean
  Retention retention(
      HuaxiangRuntime runtime,
      AuditService audit,
      Clock clock,
      @Value("${huaxiang.retention.dead-letter-days:90}") int deadLetterDays) {
    return new Retention(runtime.subjects(), audit, clock, deadLetterDays);
  }

  @Bean
  RetentionSchedule retentionSchedule(Retention retention) {
    return new RetentionSchedule(retention);
  }

  /** Runs the retention policies every night (03:30 server time unless configured). */
  static final class RetentionSchedule {
    private final Retention retention;

    RetentionSchedule(Retention retention) {
      this.retention = retention;
    }

    @Scheduled(cron = "${huaxiang.retention.cron:0 30 3 * * *}")
    void nightly() {
      retention.run("scheduler:retention", false);
    }
  }

  @Bean
  KeyRingReload keyRingReload(HuaxiangRuntime runtime) {
    return new KeyRingReload(runtime.protection());
  }

  /**
   * Reads the field key ring again every few seconds ({@code huaxiang.keys.reload-every-ms},
   * default 10 s), so a running server starts encrypting with the key {@code huaxiang keys rotate}
   * made active without a restart; values sealed under older keys keep decrypting because the ring
   * still holds them.
   */
  static final class KeyRingReload {
    private static final org.slf4j.Logger log =
        org.slf4j.LoggerFactory.getLogger(KeyRingReload.class);
    private final io.huaxiang.store.FieldProtection protection;

    KeyRingReload(io.huaxiang.store.FieldProtection protection) {
      this.protection = protection;
    }

    @Scheduled(
        fixedDelayString = "${huaxiang.keys.reload-every-ms:10000}",
        initialDelayString = "${huaxiang.keys.reload-every-ms:10000}")
    void reload() {
      String before = protection.activeKeyId();
      try {
        protection.reload();
      } catch (RuntimeException e) {
        // keep the ring in use: a half-written or unreadable key file must not stop encryption
        log.warn(
            "key ring not reloaded ({}); still using {}", e.getClass().getSimpleName(), before);
        return;
      }
      if (!before.equals(protection.activeKeyId())) {
        log.info("field key ring reloaded: active key {} -> {}", before, protection.activeKeyId());
      }
    }
  }
}
