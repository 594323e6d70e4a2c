package io.huaxiang.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.server.Http;
import io.huaxiang.store.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * HTTPS as docs/security.md configures it: {@code server.ssl.*} with a PKCS12 keystore. The
 * keystore is a self-signed certificate for localhost made in test setup by the {@code keytool} of
 * the JDK running the tests; a sign-in over TLS works, its session cookie carries {@code Secure},
 * and responses carry {@code Strict-Transport-Security}.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpsTest {
  private static final String STORE_PASSWORD = "changeit-test";
  private static final Path KEYSTORE = selfSignedKeystore();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void tls(DynamicPropertyRegistry registry) {
    registry.add("huaxiang.db.url", TestDatabase::freshUrl);
    registry.add("server.ssl.enabled", () -> "true");
    registry.add("server.ssl.key-store", KEYSTORE::toString);
    registry.add("server.ssl.key-store-type", () -> "PKCS12");
    registry.add("server.ssl.key-store-password", () -> STORE_PASSWORD);
    registry.add("server.ssl.key-alias", () -> "huaxiang");
  }

  @Test
  void aSignInOverTlsWorksAndItsSessionCookieIsSecure() throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(trusting(KEYSTORE)).build();
    HttpResponse<String> login =
        client.send(
            HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"auditor\",\"password\":\"" + Http.PASSWORD + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.sslSession()).isPresent();
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .startsWith("HXSESSION=")
        .contains("Secure")
        .contains("HttpOnly")
        .contains("SameSite=Strict");
    assertThat(login.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(v -> assertThat(v).contains("max-age="));

    // the session works over TLS
    HttpResponse<String> me =
        client.send(
            HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/auth/me"))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"role\":\"auditor\"");
  }

  /** A PKCS12 keystore with a self-signed certificate for localhost, made by the JDK's keytool. */
  private static Path selfSignedKeystore() {
    try {
      Path dir = Files.createTempDirectory("hx-tls");
      Path store = dir.resolve("keystore.p12");
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      Process p =
          new ProcessBuilder(
                  List.of(
                      keytool.toString(),
                      "-genkeypair",
                      "-alias",
                      "huaxiang",
                      "-keyalg",
                      "EC",
                      "-groupname",
                      "secp256r1",
                      "-validity",
                      "2",
                      "-dname",
                      "CN=localhost",
                      "-ext",
                      "SAN=dns:localhost,ip:127.0.0.1",
                      "-storetype",
                      "PKCS12",
                      "-keystore",
                      store.toString(),
                      "-storepass",
                      STORE_PASSWORD))
              .redirectErrorStream(true)
              .start();
      String output = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Trusts exactly the test certificate (no hostname checks are switched off). */
  private static SSLContext trusting(Path store) throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, STORE_PASSWORD.toCharArray());
    }
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("huaxiang", ks.getCertificate("huaxiang"));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }
}
