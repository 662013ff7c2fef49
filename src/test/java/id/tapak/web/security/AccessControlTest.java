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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access control over real HTTP on the tiny rules project: reads open without a token, writes by role (401 without
 * or with a wrong token, 403 for a role that may not), each answer problem+json with {@code WWW-Authenticate:
 * Bearer} on 401, and the token's name recorded as {@code createdBy} on the stored check.
 */
@SpringBootTest(classes = id.tapak.app.TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tapak.project=src/test/resources/fixtures/rules/tapak.yml", "tapak.data-dir=target/access-test"})
class AccessControlTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String SITE = "{\"type\":\"Feature\",\"properties\":{\"name\":\"access\",\"industrial_plot_ha\":40,"
      + "\"ikm_ha\":1},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[112.6,-7.2],[112.607,-7.2],"
      + "[112.607,-7.193],[112.6,-7.193],[112.6,-7.2]]]}}";

  @LocalServerPort
  int port;

  HttpResponse<String> send(String method, String path, @Nullable String token, @Nullable String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/geo+json");
    if (token != null) {
      b.header("Authorization", TestTokens.bearer(token));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  long total() throws Exception {
    return JSON.readTree(send("GET", "/api/checks?limit=1", null, null).body()).path("numberMatched").asLong();
  }

  static void assertProblem(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
        r.headers().map().toString());
    JsonNode p = JSON.readTree(r.body());
    assertEquals(status, p.path("status").asInt(), r.body());
    assertEquals("Authorization", p.path("field").asString(), r.body());
  }

  @Test
  void writesWithoutOrWithAWrongTokenAre401AndStoreNothing() throws Exception {
    long before = total();
    HttpResponse<String> none = send("POST", "/api/checks", null, SITE);
    assertProblem(none, 401);
    assertEquals("Bearer realm=\"tapak\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
    HttpResponse<String> wrong = send("POST", "/api/checks", "not-a-valid-token-0123456789", SITE);
    assertProblem(wrong, 401);
    assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
    // a short token is refused before it is hashed, as unknown
    assertProblem(send("POST", "/api/checks", "short", SITE), 401);
    // the hash itself is not a token
    assertProblem(send("POST", "/api/checks", AccessTokens.sha256(TestTokens.PLANNER), SITE), 401);
    assertEquals(before, total(), "a refused write stored nothing");
  }

  @Test
  void readsAreOpenWithoutAToken() throws Exception {
    for (String p : List.of("/api/layers", "/ogc/collections", "/api/checks",
        "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities", "/")) {
      assertEquals(200, send("GET", p, null, null).statusCode(), p);
    }
  }

  @Test
  void aPlannerCreatesAndTheCheckRecordsWhoMadeIt() throws Exception {
    HttpResponse<String> made = send("POST", "/api/checks", TestTokens.PLANNER, SITE);
    assertEquals(201, made.statusCode(), made.body());
    String id = JSON.readTree(made.body()).path("id").asString();
    assertEquals("test-planner", JSON.readTree(made.body()).path("createdBy").asString());
    JsonNode stored = JSON.readTree(send("GET", "/api/checks/" + id, null, null).body());
    assertEquals("test-planner", stored.path("createdBy").asString());
    JsonNode list = JSON.readTree(send("GET", "/api/checks?limit=1", null, null).body());
    assertEquals(id, list.path("checks").get(0).path("id").asString());
    assertEquals("test-planner", list.path("checks").get(0).path("createdBy").asString());
    // and the printable reports say so: a report is defended by who made it
    String html = send("GET", "/api/checks/" + id + "/report.html", null, null).body();
    assertTrue(html.contains("Diperiksa oleh (nama token akses)") && html.contains("test-planner"), html);
    String en = send("GET", "/api/checks/" + id + "/report.html?lang=en", null, null).body();
    assertTrue(en.contains("Checked by (access token name)") && en.contains("test-planner"), en);
    java.util.List<String> csv = send("GET", "/api/checks/" + id + "/report.csv", null, null).body().lines().toList();
    assertTrue(csv.get(0).endsWith(",created_by"), csv.get(0));
    assertTrue(csv.size() > 1 && csv.subList(1, csv.size()).stream().allMatch(l -> l.endsWith(",test-planner")),
        String.join("\n", csv));
  }

  @Test
  void deletingNeedsAdmin() throws Exception {
    String id = JSON.readTree(send("POST", "/api/checks", TestTokens.ADMIN, SITE).body()).path("id").asString();
    assertEquals("test-admin", JSON.readTree(send("GET", "/api/checks/" + id, null, null).body()).path("createdBy")
        .asString());
    assertProblem(send("DELETE", "/api/checks/" + id, null, null), 401);
    assertProblem(send("DELETE", "/api/checks/" + id, TestTokens.PLANNER, null), 403);
    assertEquals(200, send("GET", "/api/checks/" + id, null, null).statusCode(), "a refused delete deleted nothing");
    assertEquals(204, send("DELETE", "/api/checks/" + id, TestTokens.ADMIN, null).statusCode());
    assertEquals(404, send("GET", "/api/checks/" + id, null, null).statusCode());
    assertEquals(404, send("DELETE", "/api/checks/" + id, TestTokens.ADMIN, null).statusCode());
  }

  @Test
  void aReaderMayNotCreateAndAdminActionsNeedAdmin() throws Exception {
    assertProblem(send("POST", "/api/checks", TestTokens.READER, SITE), 403);
    assertProblem(send("POST", "/api/admin/reload", TestTokens.PLANNER, null), 403);
    assertProblem(send("POST", "/api/layers", TestTokens.PLANNER, null), 403);
    // an admin passes access control; there is no such action, so it is a 404 (or 405), never 401/403
    int admin = send("POST", "/api/admin/reload", TestTokens.ADMIN, null).statusCode();
    assertTrue(admin == 404 || admin == 405, "admin: " + admin);
  }
}
