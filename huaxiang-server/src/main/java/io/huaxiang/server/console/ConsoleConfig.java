package io.huaxiang.server.console;

import io.huaxiang.server.config.HuaxiangProperties;
import io.huaxiang.store.Database;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the console's population queries onto the server's database. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfig {

  @Bean
  PopulationQueries populationQueries(Database database, HuaxiangProperties settings) {
    return new PopulationQueries(database.dataSource(), ZoneId.of(settings.zone()));
  }
}
