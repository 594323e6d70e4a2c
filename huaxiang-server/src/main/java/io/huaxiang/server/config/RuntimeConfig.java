package io.huaxiang.server.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.core.event.json.EventJson;
import io.huaxiang.server.ingest.IngestService;
import io.huaxiang.server.portrait.PortraitService;
import io.huaxiang.server.privacy.FieldKeys;
import io.huaxiang.store.Database;
import io.huaxiang.store.DeadLetterStore;
import io.huaxiang.store.EventStore;
import io.huaxiang.store.TagHistoryStore;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Registers the explicitly built {@link HuaxiangRuntime} parts as beans. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HuaxiangProperties.class)
@EnableScheduling
public class RuntimeConfig {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean(destroyMethod = "close")
  Database database(HuaxiangProperties settings) {
    return HuaxiangRuntime.openDatabase(settings);
  }

  // the database bean closes itself; the runtime must not close it a second time
  @Bean(destroyMethod = "")
  HuaxiangRuntime runtime(
      Database database,
      HuaxiangProperties settings,
      ObjectMapper json,
      Clock clock,
      Environment env) {
    FieldKeys keys =
        FieldKeys.of(
            env.getProperty("huaxiang.keys.field"),
            env.getProperty("huaxiang.keys.lookup"),
            env.getProperty("huaxiang.keys.file"),
            settings.dataDir());
    return new HuaxiangRuntime(database, settings, json, clock, keys);
  }

  @Bean
  PortraitService portraitService(HuaxiangRuntime runtime) {
    return runtime.portraits();
  }

  @Bean
  IngestService ingestService(HuaxiangRuntime runtime) {
    return runtime.ingest();
  }

  @Bean
  EventStore eventStore(HuaxiangRuntime runtime) {
    return runtime.events();
  }

  @Bean
  EventJson eventJson(HuaxiangRuntime runtime) {
    return runtime.eventJson();
  }

  @Bean
  TagHistoryStore tagHistoryStore(HuaxiangRuntime runtime) {
    return runtime.tagHistory();
  }

  @Bean
  DeadLetterStore deadLetterStore(HuaxiangRuntime runtime) {
    return runtime.deadLetters();
  }
}
