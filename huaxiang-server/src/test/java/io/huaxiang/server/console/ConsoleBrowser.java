package io.huaxiang.server.console;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium driving the console: sign in through the form, open a page with a
 * full load and time it, and read what the browser logged (console messages, and every request from
 * Chrome's performance log, i.e. the DevTools Network domain). Shared by the browser test and the
 * load measurement against a running server.
 */
final class ConsoleBrowser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  final ChromeDriver driver;
  final WebDriverWait wait;
  private final String base;
  private final List<String> requested = new ArrayList<>();

  /** How long one page took: until its data was in and until its last chart was drawn. */
  record PageLoad(String page, long readyMs, long chartsMs, int charts, long domContentLoadedMs) {
    long loadMs() {
      return Math.max(readyMs, chartsMs);
    }
  }

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  ConsoleBrowser(String base) {
    this.base = base;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1440, 2300));
    wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(50));
  }

  String url(String path) {
    return base + path;
  }

  /** Signs in through the console's form as {@code username}. */
  void signIn(String username, String password) {
    driver.get(url("/"));
    wait.until(
        b ->
            !b.findElements(By.id("login-form")).isEmpty()
                || b.findElement(By.id("whoami")).isDisplayed());
    if (driver.findElements(By.id("login-form")).isEmpty()) {
      return;
    }
    WebElement name = driver.findElement(By.id("login-username"));
    name.clear();
    name.sendKeys(username);
    WebElement secret = driver.findElement(By.id("login-password"));
    secret.clear();
    secret.sendKeys(password);
    driver.findElement(By.id("login-submit")).click();
    wait.until(b -> b.findElement(By.id("whoami")).isDisplayed());
    // the console asks who is signed in before the form: a 401 that belongs to signing in
    drainLogs();
  }

  /**
   * Opens {@code #/route} with a full page load (not a hash change, so navigation timing starts
   * afresh), waits until the page has its data and every chart is drawn, and returns the timing.
   */
  PageLoad open(String route) {
    driver.get("about:blank");
    driver.get(url("/#/" + route));
    waitUntilDrawn();
    Map<?, ?> t =
        (Map<?, ?>)
            js(
                "const v = document.getElementById('view');"
                    + "const charts = [...document.querySelectorAll('.chart[data-rendered]')];"
                    + "const nav = performance.getEntriesByType('navigation')[0];"
                    + "return {ready: Number(v.dataset.readyAt || 0),"
                    + " charts: charts.length,"
                    + " chartsAt: Math.max(0, ...charts.map(c => Number(c.dataset.renderedAt || 0))),"
                    + " dcl: Math.round(nav ? nav.domContentLoadedEventEnd : 0)};");
    return new PageLoad(
        route,
        ((Number) t.get("ready")).longValue(),
        ((Number) t.get("chartsAt")).longValue(),
        ((Number) t.get("charts")).intValue(),
        ((Number) t.get("dcl")).longValue());
  }

  /** Waits until the page says it has its data and no chart is still drawing. */
  void waitUntilDrawn() {
    wait.until(
        b ->
            ((Boolean)
                js(
                    "const v = document.getElementById('view');"
                        + "return Boolean(v && v.dataset.readyAt)"
                        + " && document.querySelectorAll('.chart:not([data-rendered])').length === 0;")));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  String text(String css) {
    return driver.findElement(By.cssSelector(css)).getText().trim();
  }

  /** The numbers a chart drew, series by series (the console keeps them on the element). */
  List<List<Object>> series(String chartId) throws IOException {
    String json = driver.findElement(By.id(chartId)).getDomAttribute("data-series");
    return JSON.readValue(
        json, new com.fasterxml.jackson.core.type.TypeReference<List<List<Object>>>() {});
  }

  /** Console messages at SEVERE level since the last call (a failed request logs one too). */
  List<String> severeLogs() {
    collect();
    return severe;
  }

  private final List<String> severe = new ArrayList<>();

  /** Forgets what was logged so far. */
  void drainLogs() {
    collect();
    severe.clear();
    requested.clear();
  }

  /** Every URL the page requested (DevTools Network.requestWillBeSent) since the last drain. */
  List<String> requestedUrls() {
    collect();
    return List.copyOf(requested);
  }

  private void collect() {
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        severe.add(e.getMessage());
      }
    }
    for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
      try {
        var message = JSON.readTree(e.getMessage()).path("message");
        if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
          requested.add(message.path("params").path("request").path("url").asText());
        }
      } catch (IOException ex) {
        throw new IllegalStateException("unreadable performance log entry", ex);
      }
    }
  }

  /** The URLs whose host is not the server's (data: and blob: URLs stay in the page). */
  List<String> foreignRequests() {
    String host = URI.create(base).getAuthority();
    return requestedUrls().stream()
        .filter(u -> !u.startsWith("data:") && !u.startsWith("blob:") && !u.equals("about:blank"))
        .filter(u -> !host.equals(URI.create(u).getAuthority()))
        .toList();
  }

  void screenshot(Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  /** A Markdown table of page load times. */
  static String table(List<PageLoad> loads) {
    StringBuilder sb =
        new StringBuilder(
            "| page | data in (ms) | last chart drawn (ms) | charts | DOMContentLoaded (ms) |"
                + " load (ms) |\n|---|---:|---:|---:|---:|---:|\n");
    for (PageLoad l : loads) {
      sb.append(
          String.format(
              "| %s | %d | %d | %d | %d | %d |%n",
              l.page(), l.readyMs(), l.chartsMs(), l.charts(), l.domContentLoadedMs(), l.loadMs()));
    }
    return sb.toString();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
