package io.huaxiang.server;

import io.huaxiang.server.cli.HuaxiangCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The Huaxiang server: REST API and web console on one port; {@code main} is the CLI. */
@SpringBootApplication
public class HuaxiangApplication {
  private static volatile ConfigurableApplicationContext serving;

  public static void main(String[] args) {
    int code = HuaxiangCli.execute(args);
    if (serving == null) {
      System.exit(code);
    }
  }

  /** Starts the web server; the JVM keeps running until it is stopped. */
  public static ConfigurableApplicationContext start(String... args) {
    serving = SpringApplication.run(HuaxiangApplication.class, args);
    return serving;
  }
}
