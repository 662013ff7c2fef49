package id.tapak.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code tapak.security.open-reads: false}: every read needs a token of any role (401 problem+json without; the WMS
 * answers a ServiceExceptionReport with 401), while the web map's page stays open so a user can enter a token.
 */
@SpringBootTest(classes = id.tapak.app.TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tapak.project=src/test/resources/fixtures/rules/tapak.yml", "tapak.data-dir=target/access-test",
        "tapak.security.open-reads=false"})
class ClosedReadsTest {

  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  HttpResponse<String> get(String path, @Nullable String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      b.header("Authorization", TestTokens.bearer(token));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readsNeedAToken() throws Exception {
    for (String p : List.of("/api/layers", "/ogc/collections", "/api/checks")) {
      HttpResponse<String> r = get(p, null);
      assertEquals(401, r.statusCode(), p);
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), p);
      assertEquals(200, get(p, TestTokens.READER).statusCode(), p);
    }
    HttpResponse<String> wms = get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities", null);
    assertEquals(401, wms.statusCode());
    assertTrue(wms.body().contains("ServiceExceptionReport"), wms.body());
    assertTrue(wms.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    assertEquals(200, get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities", TestTokens.READER).statusCode());
  }

  @Test
  void theWebMapPageStaysOpen() throws Exception {
    assertEquals(200, get("/", null).statusCode());
    assertEquals(200, get("/app/app.js", null).statusCode());
  }
}
