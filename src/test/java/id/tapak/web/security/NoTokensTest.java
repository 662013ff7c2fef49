package id.tapak.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.tapak.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A fresh install: only the service's own {@code application.yml} (not the tests' tokens) and an empty data
 * directory, so no token at all. Writes are refused, never open; reads still work.
 */
@SpringBootTest(classes = id.tapak.app.TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.location=classpath:/application.yml",
        "tapak.project=src/test/resources/fixtures/rules/tapak.yml", "tapak.data-dir=target/no-tokens-test"})
class NoTokensTest {

  @LocalServerPort
  int port;

  @Test
  void writesAreRefusedWhenNoTokenIsConfigured() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/checks"))
        .header("Content-Type", "application/geo+json").header("Authorization", TestTokens.planner())
        .POST(HttpRequest.BodyPublishers.ofString(AccessControlTest.SITE)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, r.statusCode(), r.body());
    assertEquals(200, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/layers")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
  }
}
