package io.huaxiang.server.segments;

import io.huaxiang.server.portrait.PortraitService;
import io.huaxiang.store.Database;
import io.huaxiang.store.SegmentMembershipStore;
import io.huaxiang.store.SegmentStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the segment store and real-time membership. */
@Configuration(proxyBeanMethods = false)
class SegmentConfig {
  @Bean
  SegmentStore segmentStore(Database database) {
    return new SegmentStore(database.dataSource());
  }

  @Bean
  SegmentMembershipStore segmentMembershipStore(Database database) {
    return new SegmentMembershipStore(database.dataSource());
  }

  /** Listens to the portraits before they start, so the replay on start is evaluated too. */
  @Bean
  SegmentMembershipService segmentMembership(
      SegmentStore segments, SegmentMembershipStore store, PortraitService portraits, Clock clock) {
    SegmentMembershipService membership =
        new SegmentMembershipService(segments, store, portraits, clock);
    portraits.listen(membership);
    return membership;
  }
}
