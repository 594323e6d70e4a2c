package io.huaxiang.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Page load times of the console on a running server (goal: each page in at most 1 s on the
 * 100,000-user demo population), run by {@code bench/console-load.sh}: signs in as admin, who sees
 * every page, opens each page once to warm up, then {@code rounds} times with a full load, and
 * writes the median and slowest load per page to {@code target/console-load/measurement.md}. Not
 * part of the normal build: it runs only when {@code -Dhuaxiang.console.url} names a server.
 */
@EnabledIfSystemProperty(named = "huaxiang.console.url", matches = ".+")
class ConsoleLoadMeasurement {
  private static final List<String> PAGES =
      List.of("overview", "user/demo-0000001", "segments", "models", "decisioning", "ops");
  private static final long GOAL_MS = 1_000;

  @Test
  void measuresEveryPageOnARunningServer() throws IOException {
    String base = System.getProperty("huaxiang.console.url");
    int rounds = Integer.getInteger("huaxiang.console.rounds", 5);
    try (ConsoleBrowser browser = new ConsoleBrowser(base)) {
      browser.signIn(
          System.getProperty("huaxiang.console.user", "admin"),
          System.getProperty("huaxiang.console.password"));
      PAGES.forEach(browser::open); // warm-up: the server's caches and the browser's module cache
      Map<String, List<ConsoleBrowser.PageLoad>> loads = new LinkedHashMap<>();
      for (int r = 0; r < rounds; r++) {
        for (String page : PAGES) {
          loads.computeIfAbsent(page, k -> new ArrayList<>()).add(browser.open(page));
        }
      }
      String report = report(loads, rounds);
      Path out = Path.of("target", "console-load");
      Files.createDirectories(out);
      Files.writeString(out.resolve("measurement.md"), report);
      System.out.println(report);
      assertThat(browser.severeLogs()).as("console errors").isEmpty();
      assertThat(browser.foreignRequests()).as("requests to another host").isEmpty();
    }
  }

  private static String report(Map<String, List<ConsoleBrowser.PageLoad>> loads, int rounds) {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                "Console page loads, %s demo users, %d rounds after a warm-up, headless Chromium,"
                    + " %s, load average %s%n%n"
                    + "| page | median load (ms) | slowest (ms) | median data in (ms) | charts |"
                    + " goal <= %d ms |%n|---|---:|---:|---:|---:|---|%n",
                System.getProperty("huaxiang.console.users", "?"),
                rounds,
                Instant.now(),
                loadAverage(),
                GOAL_MS));
    loads.forEach(
        (page, list) -> {
          long[] load = list.stream().mapToLong(ConsoleBrowser.PageLoad::loadMs).sorted().toArray();
          long[] ready =
              list.stream().mapToLong(ConsoleBrowser.PageLoad::readyMs).sorted().toArray();
          long median = load[load.length / 2];
          sb.append(
              String.format(
                  "| %s | %d | %d | %d | %d | %s |%n",
                  page,
                  median,
                  load[load.length - 1],
                  ready[ready.length / 2],
                  list.get(0).charts(),
                  median <= GOAL_MS ? "met" : "not met"));
        });
    return sb.toString();
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
