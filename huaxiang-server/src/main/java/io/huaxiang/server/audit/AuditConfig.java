package io.huaxiang.server.audit;

import io.huaxiang.store.AuditStore;
import io.huaxiang.store.Database;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the audit log and audits every read of a user's data through the HTTP API. */
@Configuration(proxyBeanMethods = false)
public class AuditConfig {

  // on shutdown, store the reads still queued before the database closes
  @Bean(destroyMethod = "close")
  AuditStore auditStore(Database database) {
    return new AuditStore(database.dataSource());
  }

  @Bean
  AuditService auditService(AuditStore store, Clock clock) {
    return new AuditService(store, clock);
  }

  @Bean
  WebMvcConfigurer auditedUserReads(AuditService audit) {
    UserDataReadAuditor auditor = new UserDataReadAuditor(audit);
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(auditor).addPathPatterns(UserDataReadAuditor.PATHS);
      }
    };
  }
}
