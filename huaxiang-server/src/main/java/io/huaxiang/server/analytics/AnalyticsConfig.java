package io.huaxiang.server.analytics;

import io.huaxiang.core.event.json.EventJson;
import io.huaxiang.server.portrait.PortraitService;
import io.huaxiang.store.Database;
import io.huaxiang.store.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires value tiers, personas, the lifecycle and churn warning onto the portraits and the log. */
@Configuration(proxyBeanMethods = false)
class AnalyticsConfig {
  @Bean
  ValueService valueService(PortraitService portraits) {
    return new ValueService(portraits);
  }

  @Bean
  PersonaService personaService(PortraitService portraits) {
    return new PersonaService(portraits);
  }

  @Bean
  LifecycleService lifecycleService(
      Database database, EventStore events, PortraitService portraits) {
    return new LifecycleService(database.dataSource(), events, portraits.engine().zone());
  }

  @Bean
  ChurnService churnService(Database database, EventJson json, PortraitService portraits) {
    return new ChurnService(database.dataSource(), json, portraits);
  }
}
