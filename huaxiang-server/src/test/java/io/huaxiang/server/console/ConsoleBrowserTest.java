package io.huaxiang.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.core.privacy.CheckDigits;
import io.huaxiang.model.artifact.ArtifactCodec;
import io.huaxiang.model.data.CsvReader;
import io.huaxiang.model.pipeline.ProgressListener;
import io.huaxiang.model.pipeline.ScorecardPipeline;
import io.huaxiang.model.pipeline.TrainingConfig;
import io.huaxiang.model.scorecard.ScorecardModel;
import io.huaxiang.server.Http;
import io.huaxiang.store.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Path GERMAN =
      Path.of("../huaxiang-model/src/test/resources/german_credit_200.csv");
  private static final int CHARTS_ON_OVERVIEW = 13;

  @LocalServerPort int port;
  private ConsoleBrowser console;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("huaxiang.db.url", TestDatabase::freshUrl);
    registry.add("huaxiang.demo.users", () -> 200);
  }

  @BeforeEach
  void openBrowser() {
    assumeTrue(ConsoleBrowser.available(), "no Chromium or chromedriver in /usr/bin");
    console = new ConsoleBrowser("http://localhost:" + port);
    browser = console.driver;
    wait = console.wait;
  }

  @AfterEach
  void closeBrowser() {
    if (console != null) {
      console.close();
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

  /**
   * The tour of every page as a risk analyst, on a model, segment, personas, decisions and a second
   * strategy version made through the API first: each page shows the API's numbers, a simulated
   * application shows every stage, the language switches, nothing is logged as an error and nothing
   * is requested from another host. Each page's load time is written to {@code
   * target/console-load/browser-test.md}.
   */
  @Test
  void everyPageShowsTheApisNumbersWithoutErrorsOrRequestsToOtherHosts() throws Exception {
    Http analyst = Http.as(port, "risk_analyst");
    long modelId = registerScoredChampion(analyst);
    assertThat(analyst.post("/api/v1/personas/fit?k=3", "").status()).isEqualTo(200);
    assertThat(
            analyst
                .post(
                    "/api/v1/segments",
                    "{\"name\": \"young_adults\", \"expression\": \"age between 20 and 35\"}")
                .status())
        .isEqualTo(201);
    for (int i = 1; i <= 3; i++) {
      String user = String.format("demo-%07d", i);
      assertThat(analyst.post("/api/v1/decisions", application("tour-" + i, user)).status())
          .isEqualTo(201);
    }
    String sample = analyst.get("/api/v1/strategies").body().get(0).get("source").asText();
    String v2 =
        sample
            .replace("version: 1", "version: 2")
            .replace("review_below: 545", "review_below: 600");
    assertThat(
            analyst
                .exchange(
                    analyst
                        .request("/api/v1/strategies", "Content-Type", "application/yaml")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(v2))
                        .build())
                .statusCode())
        .isEqualTo(201);

    signIn("risk_analyst");
    List<ConsoleBrowser.PageLoad> loads = new java.util.ArrayList<>();
    for (String route :
        List.of("overview", "user/demo-0000001", "segments", "models", "decisioning")) {
      loads.add(console.open(route));
      assertThat(browser.findElements(By.cssSelector(".state.error"))).as(route).isEmpty();
      screenshot(route.replace("/", "-") + "-zh");
      switch (route) {
        case "segments" -> checkSegments(analyst);
        case "models" -> checkModels(analyst, modelId);
        case "decisioning" -> checkDecisioning(analyst, differingLines(sample, v2));
        default -> {}
      }
    }
    assertThat(browser.findElement(By.cssSelector("[data-route=ops]")).isDisplayed())
        .as("operations is for admin and risk_ops")
        .isFalse();

    browser.findElement(By.id("lang-switch")).click();
    wait.until(b -> "Decisioning".equals(text("[data-route=decisioning]")));
    console.waitUntilDrawn();
    assertThat(text(".page-head h1")).isEqualTo("Loan decisioning");
    screenshot("decisioning-en");
    console.open("models");
    assertThat(text("#model-list")).contains("champion");
    screenshot("models-en");

    assertThat(console.severeLogs()).as("console errors").isEmpty();
    assertThat(console.requestedUrls()).isNotEmpty();
    assertThat(console.foreignRequests()).as("requests to another host").isEmpty();

    // inline validation: the parser's error with line, column and what it expected; the 400 of
    // the check is the only error the browser logs
    console.open("segments");
    WebElement expression = browser.findElement(By.id("segment-expression"));
    expression.clear();
    expression.sendKeys("age between 20 and");
    wait.until(b -> !b.findElements(By.id("segment-error")).isEmpty());
    assertThat(text("#segment-error")).contains("line 1").contains("expected");
    screenshot("segments-invalid-en");
    assertThat(console.severeLogs()).allMatch(m -> m.contains("/api/v1/segments/validate"));

    Path out = Path.of("target", "console-load");
    Files.createDirectories(out);
    Files.writeString(
        out.resolve("browser-test.md"),
        "Console page loads in the browser test (200 demo users, headless Chromium, "
            + java.time.Instant.now()
            + ")\n\n"
            + ConsoleBrowser.table(loads));
    System.out.println(ConsoleBrowser.table(loads));
    assertThat(loads).allMatch(l -> l.readyMs() > 0);
  }

  private void checkModels(Http analyst, long id) throws IOException {
    JsonNode card = analyst.get("/api/v1/models/" + id + "/card").body();
    assertThat(text("#model-title")).isEqualTo("german-console v1");
    assertThat(text("#kpi-auc"))
        .isEqualTo(
            String.format(java.util.Locale.ROOT, "%.4f", card.at("/metrics/train/auc").asDouble()));
    assertThat(text("#model-list")).contains("冠军").contains("admin");
    assertThat(browser.findElements(By.cssSelector(".woe-card")))
        .hasSize(card.get("features").size());
    List<List<Object>> woe = console.series("chart-woe-0");
    JsonNode bins = card.at("/features/0/bins");
    assertThat(((Number) woe.get(0).get(0)).doubleValue())
        .isCloseTo(bins.get(0).get("woe").asDouble(), org.assertj.core.data.Offset.offset(1e-4));
    // the curves kept in the model file: ROC, KS, good/bad distribution and calibration
    List<List<Object>> roc = console.series("chart-roc");
    assertThat(roc.get(0)).hasSize(card.at("/curves/roc").size());
    JsonNode calibration = card.at("/curves/calibration");
    List<List<Object>> drawn = console.series("chart-calibration");
    @SuppressWarnings("unchecked")
    List<Number> lastPoint = (List<Number>) (List<?>) drawn.get(0).get(drawn.get(0).size() - 1);
    assertThat(lastPoint.get(1).doubleValue())
        .isCloseTo(
            calibration.get(calibration.size() - 1).get("observed_rate").asDouble(),
            org.assertj.core.data.Offset.offset(1e-4));
    assertThat(text("#note-ks")).contains("KS 0.");
    JsonNode periods = analyst.get("/api/v1/models/" + id + "/stability").body().get("periods");
    List<List<Object>> psi = console.series("chart-stability");
    assertThat(((Number) psi.get(0).get(psi.get(0).size() - 1)).doubleValue())
        .isCloseTo(
            periods.get(periods.size() - 1).at("/psi/index").asDouble(),
            org.assertj.core.data.Offset.offset(1e-4));
  }

  private void checkSegments(Http analyst) throws IOException {
    JsonNode size = analyst.get("/api/v1/segments/young_adults/size").body();
    assertThat(text("#kpi-segment-size"))
        .isEqualTo(String.valueOf(size.get("tracked_size").asInt()));
    JsonNode days = analyst.get("/api/v1/segments/young_adults/trend").body().get("days");
    List<List<Object>> trend = console.series("chart-segment-trend");
    assertThat(((Number) trend.get(0).get(trend.get(0).size() - 1)).intValue())
        .isEqualTo(days.get(days.size() - 1).get("size").asInt());
    assertThat(browser.findElements(By.cssSelector(".persona"))).hasSize(3);
    assertThat(browser.findElement(By.id("segment-export")).getDomAttribute("href"))
        .isEqualTo("/api/v1/segments/young_adults/export.csv?purpose=analysis");
    wait.until(b -> !b.findElements(By.id("segment-valid")).isEmpty());
  }

  private void checkDecisioning(Http analyst, int changedLines) throws IOException {
    JsonNode stream = analyst.get("/api/v1/decisions/stream").body();
    assertThat(text("#kpi-dec-total")).isEqualTo(stream.at("/totals/total").asText());
    assertThat(stream.at("/totals/total").asInt()).isEqualTo(3);
    assertThat(browser.findElements(By.cssSelector("#recent-table tbody tr"))).hasSize(3);
    wait.until(b -> !b.findElements(By.id("diff-summary")).isEmpty());
    assertThat(
            Integer.parseInt(
                browser.findElement(By.id("diff-summary")).getDomAttribute("data-changed")))
        .isEqualTo(changedLines);
    wait.until(b -> !b.findElements(By.id("budget-remaining")).isEmpty());

    // a simulated application: every stage shown, the same outcome and score as the API gives
    browser.findElement(By.id("try-run")).click();
    wait.until(b -> !b.findElements(By.id("try-outcome")).isEmpty());
    assertThat(browser.findElements(By.cssSelector(".stage"))).hasSize(6);
    Map<?, ?> form =
        (Map<?, ?>)
            console.js(
                "const v = (id) => document.getElementById(id).value;"
                    + "return {user_id: v('try-user'), product: v('try-product'),"
                    + " amount: Number(v('try-amount')), term_months: Number(v('try-term')),"
                    + " purpose: v('try-purpose'), monthly_income: Number(v('try-income')),"
                    + " id_number: v('try-id-number'), phone: v('try-phone'), channel: 'console',"
                    + " request_id: 'test-try'};");
    JsonNode api =
        analyst
            .post("/api/v1/decisions/dry-run", new ObjectMapper().writeValueAsString(form))
            .body();
    assertThat(browser.findElement(By.id("try-outcome")).getDomAttribute("data-outcome"))
        .isEqualTo(api.get("outcome").asText());
    assertThat(text("#try-score")).isEqualTo(api.path("score").asText("—"));
    console.js("document.getElementById('try-card').scrollIntoView()");
    screenshot("decisioning-try-zh");
    assertThat(analyst.get("/api/v1/decisions/stream").body().at("/totals/total").asInt())
        .as("a try-out stores nothing")
        .isEqualTo(3);

    browser.findElement(By.id("what-if-run")).click();
    wait.until(b -> !b.findElements(By.id("what-if-n")).isEmpty());
    JsonNode whatIf = analyst.get("/api/v1/strategies/consumer_standard/versions/2/what-if").body();
    assertThat(text("#what-if-n")).isEqualTo(whatIf.get("applications").asText());
    console.waitUntilDrawn();
  }

  /** Lines that differ between two texts of the same number of lines, counted from each side. */
  private static int differingLines(String a, String b) {
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      n += x[i].equals(y[i]) ? 0 : 2; // the old line out, the new line in
    }
    return n;
  }

  private static String application(String request, String user) {
    String first17 = "33010619940517" + String.format("%03d", Math.floorMod(user.hashCode(), 1000));
    return "{\"request_id\": \""
        + request
        + "\", \"user_id\": \""
        + user
        + "\", \"product\": \"consumption\", \"amount\": 5000, \"term_months\": 12,"
        + " \"purpose\": \"consumption\", \"monthly_income\": 12000, \"id_number\": \""
        + first17
        + CheckDigits.residentIdCheck(first17)
        + "\", \"phone\": \"1391234567"
        + Math.floorMod(user.hashCode(), 10)
        + "\", \"channel\": \"app\"}";
  }

  /** A scorecard trained on the German credit sample, registered, promoted by admin and used. */
  private long registerScoredChampion(Http analyst) throws IOException {
    var data = CsvReader.read(GERMAN);
    ScorecardModel card =
        ScorecardPipeline.train(
                data,
                TrainingConfig.defaults("creditability", "bad").withName("german-console"),
                ProgressListener.NONE)
            .model();
    Http.Reply created = analyst.post("/api/v1/models", ArtifactCodec.toJson(card));
    assertThat(created.status()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(
            new Http(port)
                .post("/api/v1/models/" + id + "/status", "{\"status\": \"champion\"}")
                .status())
        .isEqualTo(200);
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (int r = 0; r < data.rowCount(); r++) {
      rows.add(data.row(r));
    }
    assertThat(
            analyst
                .post(
                    "/api/v1/models/" + id + "/score/batch",
                    new ObjectMapper().writeValueAsString(rows))
                .status())
        .isEqualTo(200);
    return id;
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
    assertThat(browser.findElement(By.cssSelector("[data-route=models]")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.cssSelector("[data-route=decisioning]")).isDisplayed())
        .isFalse();
    assertThat(browser.findElement(By.cssSelector("[data-route=segments]")).isDisplayed()).isTrue();
    assertThat(browser.findElements(By.id("chart-holders")))
        .as("marketing sees aggregates, not the list of users holding a tag")
        .isEmpty();
    browser.get(url("/#/user/demo-0000001"));
    wait.until(b -> !b.findElements(By.id("not-permitted")).isEmpty());
    assertThat(browser.findElements(By.cssSelector(".user-id"))).isEmpty();
    screenshot("marketing-overview-zh");
    console.open("segments");
    assertThat(browser.findElements(By.id("segment-builder"))).isNotEmpty();
    assertThat(browser.findElements(By.id("segment-save")))
        .as("marketing may save segments")
        .isNotEmpty();
    screenshot("marketing-segments-zh");
    browser.get(url("/#/models"));
    wait.until(b -> !b.findElements(By.id("not-permitted")).isEmpty());
    browser.get(url("/#/decisioning"));
    wait.until(b -> !b.findElements(By.id("not-permitted")).isEmpty());
    assertThat(browser.findElements(By.id("try-form"))).isEmpty();

    browser.findElement(By.id("sign-out")).click();
    wait.until(b -> !b.findElements(By.id("login-form")).isEmpty());
  }

  /** Signs in through the console's form as the test account of {@code role}. */
  private void signIn(String role) {
    console.signIn(role, Http.PASSWORD);
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
