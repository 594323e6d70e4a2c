package io.huaxiang.server.aml;

import io.huaxiang.core.aml.AmlThresholds;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.store.AmlCaseStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** Screens ingested transactions for AML (PBoC 2016 thresholds) every few seconds. */
@Configuration(proxyBeanMethods = false)
class AmlConfig {

  @Bean
  AmlCaseStore amlCaseStore(HuaxiangRuntime runtime) {
    return new AmlCaseStore(runtime.database().dataSource());
  }

  @Bean
  AmlMonitor amlMonitor(HuaxiangRuntime runtime, AmlCaseStore cases, Clock clock) {
    return new AmlMonitor(runtime.events(), cases, AmlThresholds.pboc2016(), clock);
  }

  @Bean
  Schedule amlSchedule(AmlMonitor monitor) {
    return new Schedule(monitor);
  }

  /** The screening loop. */
  static final class Schedule {
    private final AmlMonitor monitor;

    Schedule(AmlMonitor monitor) {
      this.monitor = monitor;
    }

    @Scheduled(fixedDelayString = "${huaxiang.aml.screen-every-ms:5000}", initialDelay = 5_000)
    void screen() {
      monitor.catchUp();
    }
  }
}
