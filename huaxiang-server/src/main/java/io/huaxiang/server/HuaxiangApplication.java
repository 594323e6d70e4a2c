package io.huaxiang.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Huaxiang server: REST API and web console on one port. */
@SpringBootApplication
public class HuaxiangApplication {
  public static void main(String[] args) {
    SpringApplication.run(HuaxiangApplication.class, args);
  }
}
