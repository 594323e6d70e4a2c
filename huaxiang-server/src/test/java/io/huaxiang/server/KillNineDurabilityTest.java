package io.huaxiang.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.event.UserId;
import io.huaxiang.server.cli.TestJson;
import io.huaxiang.server.config.HuaxiangProperties;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.store.Database;
import io.huaxiang.store.TestDatabase;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged event survives {@code kill -9} of the server: a real server process is killed
 * while events stream in, and every event it acknowledged is in the log and in the portrait the
 * next start restores.
 */
class KillNineDurabilityTest {
  @TempDir Path dir;

  @Test
  void everyAcknowledgedEventSurvivesASigkill() throws Exception {
    String url = TestDatabase.freshUrl();
    int port = freePort();
    Process server =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.huaxiang.server.HuaxiangApplication",
                "serve",
                "--port",
                String.valueOf(port),
                "--db-url",
                url,
                "--db-user",
                "postgres",
                "--data-dir",
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(new File(dir.toFile(), "server.log"))
            .start();
    List<String> acknowledged = new ArrayList<>();
    try {
      Http http = new Http(port);
      awaitHealthy(http, server);
      Instant t = Instant.parse("2026-05-01T00:00:00Z");
      for (int i = 0; i < 400; i++) {
        String id = "k9-" + i;
        String body =
            "{\"type\":\"session\",\"id\":\""
                + id
                + "\",\"user_id\":\"k9-user\",\"occurred_at\":\""
                + t.plusSeconds(60L * i)
                + "\",\"source\":\"app\",\"device_id\":\"d"
                + (i % 3)
                + "\"}";
        if (http.post("/api/v1/events", body).status() == 202) {
          acknowledged.add(id);
        }
        if (i == 250) {
          server.destroyForcibly(); // SIGKILL: no shutdown hook, no final snapshot
          break;
        }
      }
      server.waitFor(30, TimeUnit.SECONDS);
    } finally {
      server.destroyForcibly();
    }

    assertThat(acknowledged).hasSizeGreaterThan(200);
    HuaxiangProperties settings = new HuaxiangProperties(dir, null, null, null, null, null);
    try (HuaxiangRuntime restarted =
        new HuaxiangRuntime(
            Database.external(url, "postgres", null, 4).migrate(),
            settings,
            TestJson.mapper(),
            Clock.systemUTC())) {
      restarted.portraits().start();
      List<String> stored =
          restarted.events().timeline(new UserId("k9-user"), 0, 10_000).stream()
              .map(e -> e.event().id().value())
              .toList();
      assertThat(stored).containsAll(acknowledged);
      long applied =
          restarted
              .portraits()
              .read(new UserId("k9-user"), Instant.now())
              .orElseThrow()
              .eventCount();
      assertThat(applied).isGreaterThanOrEqualTo(acknowledged.size());
    }
  }

  private static void awaitHealthy(Http http, Process server) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("server process exited early");
      }
      try {
        if (http.get("/actuator/health").status() == 200) {
          return;
        }
      } catch (RuntimeException notYet) {
        // connection refused while starting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("server did not become healthy in 90 s");
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
