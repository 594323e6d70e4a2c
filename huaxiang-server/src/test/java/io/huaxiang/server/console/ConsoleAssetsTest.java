package io.huaxiang.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huaxiang.core.event.EventType;
import io.huaxiang.core.profile.FeatureDefinition;
import io.huaxiang.core.profile.PortraitFeatures;
import io.huaxiang.server.Http;
import io.huaxiang.store.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console is served by the server itself: the index at {@code /}, every module, stylesheet and
 * the ECharts webjar it references, nothing from another host, and a dictionary that has every
 * string the pages ask for in both languages.
 */
// close this context (and its database pool) right after the class, while the test database
// still runs; closing everything at JVM exit raced the database shutdown
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleAssetsTest {
  // src="…", href="…" in HTML; import … from '…' and import('…') in modules
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(?:src|href)=\"([^\"#]+)\"|\\bfrom\\s+'([^']+)'|\\bimport\\s*\\(\\s*'([^']+)'\\s*\\)");
  // an XML namespace (xmlns="http://www.w3.org/2000/svg") names, it is never fetched
  private static final Pattern EXTERNAL =
      Pattern.compile("(?i)(?:https?:)?//(?!www\\.w3\\.org/)[a-z0-9.-]+\\.[a-z]");

  @LocalServerPort int port;
  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huaxiang.db.url", TestDatabase::freshUrl);
  }

  @Test
  void indexIsServedAtTheRootAndReferencesNoOtherHost() {
    HttpResponse<String> index = fetch("/");

    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(index.body()).contains("<script type=\"module\" src=\"/js/app.js\">");
    assertThat(EXTERNAL.matcher(index.body()).results().map(r -> r.group()))
        .as("links to other hosts in index.html")
        .isEmpty();
  }

  @Test
  void everyAssetTheConsoleReferencesIsServedIncludingEcharts() {
    Map<String, HttpResponse<String>> served = crawl("/index.html");

    assertThat(served.keySet())
        .contains("/js/app.js", "/js/i18n.js", "/css/console.css", "/js/pages/overview.js")
        .anyMatch(path -> path.matches("/webjars/echarts/[^/]+/echarts\\.esm\\.min\\.js"));
    served.forEach(
        (path, response) -> {
          assertThat(response.statusCode()).as(path).isEqualTo(200);
          if (path.endsWith(".js")) {
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(path)
                .contains("javascript");
          }
          if (!path.startsWith("/webjars/")) {
            assertThat(EXTERNAL.matcher(response.body()).find())
                .as("reference to another host in " + path)
                .isFalse();
          }
        });
  }

  @Test
  void everyStringThePagesUseIsInBothLanguages() {
    String dictionary = fetch("/js/i18n.js").body();
    Set<String> zh = keys(between(dictionary, "zh: {", "en: {"));
    Set<String> en = keys(between(dictionary, "en: {", "};"));
    assertThat(zh).isNotEmpty().isEqualTo(en);

    Set<String> used = new LinkedHashSet<>();
    // every page and module the console loads, found by following its references
    Map<String, HttpResponse<String>> console = crawl("/index.html");
    console.keySet().removeIf(path -> path.startsWith("/webjars/") || path.endsWith(".css"));
    assertThat(console).containsKey("/js/users-table.js");
    for (HttpResponse<String> page : console.values()) {
      Matcher m =
          Pattern.compile("\\bt\\('([\\w.]+)'|data-i18n=\"([\\w.]+)\"").matcher(page.body());
      while (m.find()) {
        used.add(m.group(1) != null ? m.group(1) : m.group(2));
      }
    }
    assertThat(used).hasSizeGreaterThan(50);
    assertThat(zh).containsAll(used);
    // keys built at run time: a label per feature group and per event type
    assertThat(zh)
        .containsAll(
            PortraitFeatures.catalogue().definitions().stream()
                .map(FeatureDefinition::group)
                .map(g -> "group." + g)
                .collect(Collectors.toSet()))
        .containsAll(EventType.wireNames().stream().map(w -> "event." + w).toList());
  }

  @Test
  void populationApiAnswersAndRefusesAnUnknownTagClearly() {
    Http http = new Http(port);

    Http.Reply funnel = http.get("/api/v1/population/funnel");
    assertThat(funnel.status()).isEqualTo(200);
    assertThat(funnel.body().get(0).get("label_zh").asText()).isEqualTo("注册");

    Http.Reply labels = http.get("/api/v1/population/value-labels");
    assertThat(labels.body().at("/education/high_school/label_zh").asText()).isEqualTo("高中及以下");

    Http.Reply refused = http.get("/api/v1/population/demographics?tag=no_such_tag");
    assertThat(refused.status()).isEqualTo(400);
    JsonNode problem = refused.body();
    assertThat(problem.get("reason").asText()).isEqualTo("UNKNOWN_TAG");
    assertThat(problem.get("detail").asText()).contains("no_such_tag", "/api/v1/catalogue/tags");
  }

  /** Follows every local reference from a start page; returns each path with its response. */
  private Map<String, HttpResponse<String>> crawl(String start) {
    Map<String, HttpResponse<String>> seen = new LinkedHashMap<>();
    Deque<String> todo = new ArrayDeque<>(Set.of(start));
    while (!todo.isEmpty()) {
      String path = todo.pop();
      if (seen.containsKey(path)) {
        continue;
      }
      HttpResponse<String> r = fetch(path);
      seen.put(path, r);
      if (path.startsWith("/webjars/") || !(path.endsWith(".html") || path.endsWith(".js"))) {
        continue;
      }
      Matcher m = REFERENCE.matcher(r.body());
      while (m.find()) {
        String ref = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        if (!ref.startsWith("/") && !ref.startsWith(".") || ref.endsWith(".html")) {
          continue; // other hosts are caught by the EXTERNAL check; pages (API docs) are no asset
        }
        todo.add(URI.create("http://x" + path).resolve(ref).getPath());
      }
    }
    return seen;
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf(from);
    return text.substring(start, text.indexOf(to, start + from.length()));
  }

  private static Set<String> keys(String block) {
    return Pattern.compile("'([\\w.]+)':")
        .matcher(block)
        .results()
        .map(r -> r.group(1))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private HttpResponse<String> fetch(String path) {
    try {
      return client.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
