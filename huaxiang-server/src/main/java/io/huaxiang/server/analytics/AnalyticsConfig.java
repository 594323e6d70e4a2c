package io.huaxiang.server.analytics;

import io.huaxiang.server.portrait.PortraitService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires value tiers and personas onto the live portraits. */
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
}
