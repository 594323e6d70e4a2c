package io.huaxiang.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huaxiang.server.Http;
import io.huaxiang.store.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Opens the console in a real (headless) Chromium on a server with 200 demo users: the overview's
 * charts render, the language switch changes the UI and is remembered, User 360 and Operations show
 * their data. Screenshots go to {@code target/screenshots/} for a person to look at.
 *
 * <p>Skipped where the system Chromium and its driver are not installed ({@code apt-get install
 * chromium chromium-driver}).
 */
// close this context (and its database pool) right after the class, while the test database
// still runs; closing everything at JVM exit raced the database shutdown
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final int CHARTS_ON_OVERVIEW = 13;

  @LocalServerPort int port;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("huaxiang.db.url", TestDatabase::freshUrl);
    registry.add("huaxiang.demo.users", () -> 200);
  }

  @BeforeEach
  void openBrowser() {
    assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
    assumeTrue(Files.isExecutable(CHROMEDRIVER), "no chromedriver at " + CHROMEDRIVER);
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
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(new Dimension(1440, 2300));
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void overviewRendersItsChartsAndTheLanguageSwitchIsRemembered() throws IOException {
    signIn("risk_analyst");
    browser.get(url("/#/overview"));
    waitForCharts();
    assertThat(text("[data-route=overview]")).isEqualTo("画像总览");
    assertThat(text("#kpi-users")).isEqualTo("200");
    assertThat(browser.findElements(By.cssSelector(".state.error"))).isEmpty();
    screenshot("overview-zh");

    browser.findElement(By.id("lang-switch")).click();
    wait.until(b -> "Overview".equals(text("[data-route=overview]")));
    waitForCharts();
    assertThat(text(".page-head h1")).isEqualTo("Population overview");
    screenshot("overview-en");

    browser.navigate().refresh();
    waitForCharts();
    assertThat(text(".page-head h1"))
        .as("language kept after reload")
        .isEqualTo("Population overview");
  }

  @Test
  void aTagFilterNarrowsTheOverviewAndListsTheHolders() throws IOException {
    signIn("risk_analyst");
    browser.get(url("/#/overview/prime_repayer"));
    wait.until(b -> !b.findElements(By.cssSelector("#chart-holders tbody tr")).isEmpty());
    waitForCharts();

    int holders = Integer.parseInt(text("#kpi-users"));
    assertThat(holders).isBetween(1, 199);
    assertThat(browser.findElements(By.cssSelector("#chart-holders tbody tr")))
        .hasSize(Math.min(20, holders));
    screenshot("overview-tag-zh");
  }

  @Test
  void user360ShowsThePortraitTimelineAndTagHistory() throws IOException {
    signIn("risk_analyst");
    browser.get(url("/#/user/demo-0000001"));
    wait.until(b -> !b.findElements(By.cssSelector("#timeline tbody tr")).isEmpty());
    wait.until(b -> !b.findElements(By.cssSelector("#tag-history tbody tr")).isEmpty());
    waitForCharts();

    assertThat(text(".user-id")).isEqualTo("demo-0000001");
    assertThat(browser.findElements(By.cssSelector(".feature-group")).size()).isGreaterThan(5);
    assertThat(browser.findElements(By.cssSelector("#card-tags .tag"))).isNotEmpty();
    screenshot("user-zh");

    browser.get(url("/#/user/nobody-here"));
    wait.until(b -> text("#user-body").contains("nobody-here"));
    assertThat(text("#user-body")).contains("未找到该用户的画像");
  }

  @Test
  void operationsShowsTheCountsAndARefusedRecord() throws IOException {
    Http.Reply refused =
        new Http(port)
            .post(
                "/api/v1/events",
                "{\"type\": \"loan_dreamt\", \"id\": \"x-1\", \"user_id\": \"u\"}");
    assertThat(refused.status()).isEqualTo(400);

    signIn("risk_ops");
    browser.get(url("/#/ops"));
    wait.until(b -> !"—".equals(text("#ops-events")));
    wait.until(b -> !b.findElements(By.cssSelector("#dead-letters tbody tr")).isEmpty());

    assertThat(text("#ops-portraits")).isEqualTo("200");
    assertThat(text("#dead-letters")).contains("UNKNOWN_EVENT_TYPE");
    screenshot("ops-zh");
  }

  @Test
  void signInIsRequiredAndMarketingSeesNoPersonalPages() throws IOException {
    browser.get(url("/#/user/demo-0000001"));
    wait.until(b -> !b.findElements(By.id("login-form")).isEmpty());
    assertThat(browser.findElements(By.cssSelector(".user-id"))).isEmpty();
    screenshot("login-zh");

    type("marketing", "not-the-password");
    wait.until(b -> b.findElement(By.id("login-error")).isDisplayed());
    assertThat(text("#login-error")).contains("用户名或密码错误");

    signIn("marketing");
    browser.get(url("/#/overview/prime_repayer"));
    waitForCharts();
    assertThat(text("#whoami")).contains("marketing");
    assertThat(browser.findElement(By.cssSelector("[data-route=user]")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.cssSelector("[data-route=ops]")).isDisplayed()).isFalse();
    assertThat(browser.findElements(By.id("chart-holders")))
        .as("marketing sees aggregates, not the list of users holding a tag")
        .isEmpty();
    browser.get(url("/#/user/demo-0000001"));
    wait.until(b -> !b.findElements(By.id("not-permitted")).isEmpty());
    assertThat(browser.findElements(By.cssSelector(".user-id"))).isEmpty();
    screenshot("marketing-overview-zh");

    browser.findElement(By.id("sign-out")).click();
    wait.until(b -> !b.findElements(By.id("login-form")).isEmpty());
  }

  /** Signs in through the console's form as the test account of {@code role}. */
  private void signIn(String role) {
    browser.get(url("/"));
    wait.until(
        b ->
            !b.findElements(By.id("login-form")).isEmpty()
                || b.findElement(By.id("whoami")).isDisplayed());
    if (!browser.findElements(By.id("login-form")).isEmpty()) {
      type(role, Http.PASSWORD);
      wait.until(b -> b.findElement(By.id("whoami")).isDisplayed());
    }
  }

  private void type(String username, String password) {
    WebElement name = browser.findElement(By.id("login-username"));
    name.clear();
    name.sendKeys(username);
    WebElement secret = browser.findElement(By.id("login-password"));
    secret.clear();
    secret.sendKeys(password);
    browser.findElement(By.id("login-submit")).click();
  }

  private void waitForCharts() {
    wait.until(
        b -> {
          List<WebElement> charts = b.findElements(By.cssSelector(".chart"));
          Object pending =
              ((JavascriptExecutor) b)
                  .executeScript(
                      "return document.querySelectorAll('.chart:not([data-rendered])').length");
          boolean overview =
              "overview".equals(b.findElement(By.id("view")).getDomAttribute("data-page"));
          return (!overview || charts.size() >= CHARTS_ON_OVERVIEW)
              && !charts.isEmpty()
              && ((Number) pending).intValue() == 0;
        });
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText().trim();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }
}
