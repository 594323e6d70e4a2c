package io.huaxiang.server.segments;

import io.huaxiang.store.Database;
import io.huaxiang.store.SegmentStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the segment store. */
@Configuration(proxyBeanMethods = false)
class SegmentConfig {
  @Bean
  SegmentStore segmentStore(Database database) {
    return new SegmentStore(database.dataSource());
  }
}
