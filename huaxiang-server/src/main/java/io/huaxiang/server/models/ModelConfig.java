package io.huaxiang.server.models;

import io.huaxiang.store.Database;
import io.huaxiang.store.ModelRegistry;
import io.huaxiang.store.ModelScoreLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the model registry and the score log. */
@Configuration(proxyBeanMethods = false)
class ModelConfig {
  @Bean
  ModelRegistry modelRegistry(Database database) {
    return new ModelRegistry(database.dataSource());
  }

  @Bean
  ModelScoreLog modelScoreLog(Database database) {
    return new ModelScoreLog(database.dataSource());
  }
}
