package io.huaxiang.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A tiny JSON-over-HTTP client for API tests against a real server on a local port, signed in.
 *
 * <p>Who calls:
 *
 * <ul>
 *   <li>{@code new Http(port)} signs in as {@code admin} (every test server has one account per
 *       role, named after the role, with the password {@link #PASSWORD}: see {@code
 *       src/test/resources/config/application.yml});
 *   <li>{@code Http.as(port, "risk_analyst")} signs in as another role (admin, risk_analyst,
 *       risk_ops, marketing, compliance, auditor);
 *   <li>{@code Http.withApiKey(port, key)} calls as a machine client (create the key with the
 *       {@code ApiKeys} bean: {@code apiKeys.create("test-ingest", Set.of(Scope.INGEST),
 *       "test").secret()});
 *   <li>{@code Http.anonymous(port)} sends no credentials.
 * </ul>
 *
 * A signed-in helper keeps its session cookie and sends the session's CSRF token with every POST,
 * as the console does. Sign-in happens on the first request, so a helper can be made before the
 * server listens.
 */
public final class Http {
  /** The password of every test account (see src/test/resources/config/application.yml). */
  public static final String PASSWORD = "test-password-2026";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client;
  private final String base;
  private final String username;
  private final String apiKey;
  private String csrfToken;

  public Http(int port) {
    this(port, "admin", null);
  }

  private Http(int port, String username, String apiKey) {
    this.base = "http://localhost:" + port;
    this.username = username;
    this.apiKey = apiKey;
    this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  /** Signed in as the test account of {@code role}, e.g. {@code "marketing"}. */
  public static Http as(int port, String role) {
    return new Http(port, role, null);
  }

  /** A machine client sending {@code X-Api-Key: key}. */
  public static Http withApiKey(int port, String key) {
    return new Http(port, null, key);
  }

  /** No credentials at all. */
  public static Http anonymous(int port) {
    return new Http(port, null, null);
  }

  /** A status code and the parsed JSON body (null if the body is empty). */
  public record Reply(int status, JsonNode body, String contentType) {}

  public Reply get(String path, String... headers) {
    return send(request(path, headers).GET().build());
  }

  public Reply post(String path, String json, String... headers) {
    return send(
        request(path, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public Reply put(String path, String json, String... headers) {
    return send(
        request(path, headers)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public Reply delete(String path, String... headers) {
    return send(request(path, headers).DELETE().build());
  }

  /** The raw text of a response (CSV, HTML), with its status. */
  public HttpResponse<String> raw(String method, String path, String body, String... headers) {
    HttpRequest.Builder b =
        request(path, headers)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return exchange(b.build());
  }

  /** A request builder with this helper's credentials, for tests that need more control. */
  public HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (apiKey != null) {
      b.header("X-Api-Key", apiKey);
    } else if (username != null) {
      signInOnce();
      b.header("X-CSRF-TOKEN", csrfToken);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b;
  }

  /** Sends a request built by {@link #request} with this helper's cookies. */
  public HttpResponse<String> exchange(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private synchronized void signInOnce() {
    if (csrfToken != null) {
      return;
    }
    String body;
    try {
      body = JSON.writeValueAsString(Map.of("username", username, "password", PASSWORD));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Reply r =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    if (r.status() != 200 || r.body() == null || !r.body().hasNonNull("csrf_token")) {
      throw new IllegalStateException("cannot sign in as " + username + ": " + r);
    }
    csrfToken = r.body().get("csrf_token").asText();
  }

  private Reply send(HttpRequest request) {
    HttpResponse<String> r = exchange(request);
    try {
      JsonNode body = r.body().isEmpty() ? null : JSON.readTree(r.body());
      return new Reply(r.statusCode(), body, r.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      // not JSON (CSV, HTML): keep the text as a JSON string
      return new Reply(
          r.statusCode(),
          JSON.getNodeFactory().textNode(r.body()),
          r.headers().firstValue("Content-Type").orElse(""));
    }
  }
}
