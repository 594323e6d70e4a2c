package io.huaxiang.server.console;

import io.huaxiang.core.tag.TagRule;
import io.huaxiang.server.config.HuaxiangProperties;
import io.huaxiang.server.portrait.PortraitService;
import io.huaxiang.store.Database;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the console's population queries onto the server's database. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfig {

  @Bean
  PopulationQueries populationQueries(Database database, HuaxiangProperties settings) {
    return new PopulationQueries(database.dataSource(), ZoneId.of(settings.zone()));
  }

  @Bean
  PopulationAnalytics populationAnalytics(Database database, PortraitService portraits) {
    return new PopulationAnalytics(
        database.dataSource(),
        portraits.engine().zone(),
        portraits.engine().catalogue(),
        tagLabels(portraits));
  }

  static Map<String, String[]> tagLabels(PortraitService portraits) {
    Map<String, String[]> labels = new LinkedHashMap<>();
    for (TagRule r : portraits.engine().tagRules().rules()) {
      labels.put(r.id(), new String[] {r.labelZh(), r.labelEn()});
    }
    return labels;
  }
}
