package id.tapak.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import id.tapak.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Broken uploads, junk JSON and bad parameters are answered 4xx without internals: no temp path, no SQLite result
 * code, no Jackson or driver class name, no stack trace; {@code GET /error} is 404; an over-long name is 422 naming
 * {@code properties.name}. The inputs are the ones that leaked before (issue 13).
 */
@SpringBootTest(classes = id.tapak.app.TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tapak.project=src/test/resources/fixtures/rules/tapak.yml", "tapak.data-dir=target/no-leaks-test"})
class NoLeaksTest {

  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final List<String> NEEDLES = List.of("/tmp/", "SQLITE", "org.sqlite", "com.fasterxml", "tools.jackson",
      "java.", "Exception:", "\tat ");

  @LocalServerPort
  int port;

  HttpResponse<String> send(String method, String path, String type, byte[] body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", type)
        .header("Authorization", TestTokens.planner()).method(method, HttpRequest.BodyPublishers.ofByteArray(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  static byte[] multipart(String fileName, byte[] content) {
    String b = "----tapakleak";
    byte[] head = ("--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("\r\n--" + b + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(content, 0, all, head.length, content.length);
    System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
    return all;
  }

  @Test
  void brokenInputsAnswer4xxWithoutInternals() throws Exception {
    Random random = new Random(13);
    byte[] gpkg = new byte[3016];
    random.nextBytes(gpkg);
    System.arraycopy("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 0, gpkg, 0, 16);
    byte[] zip = new byte[504];
    random.nextBytes(zip);
    System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, zip, 0, 4);
    String mp = "multipart/form-data; boundary=----tapakleak";
    List<HttpResponse<String>> answers = new ArrayList<>();
    answers.add(send("POST", "/api/checks", mp, multipart("site.gpkg", gpkg)));
    answers.add(send("POST", "/api/checks", mp, multipart("site.zip", zip)));
    answers.add(send("POST", "/api/checks", mp, multipart("site.kml", "<kml><Placemark>".getBytes())));
    for (String junk : List.of("{\"type\": \"Feature\", \"properties\": {",
        "{\"type\": \"Feature\", \"properties\": {\"ikm_ha\": {\"a\": [1]}}, \"geometry\": {\"type\": \"Polygon\", "
            + "\"coordinates\": [[[\"a\"]]]}}",
        "{\"type\": \"Feature\", \"properties\": {\"name\": 1e999}, \"geometry\": null}", "[".repeat(100_000))) {
      answers.add(send("POST", "/api/checks", "application/json", junk.getBytes(StandardCharsets.UTF_8)));
    }
    for (String p : List.of("/api/checks?limit=abc", "/api/checks/%2e%2e%2f%2e%2e",
        "/ogc/collections/estates/items?bbox=a,b,c,d", "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&SLD_BODY=%3Cx",
        "/error")) {
      answers.add(send("GET", p, "text/plain", new byte[0]));
    }
    for (HttpResponse<String> r : answers) {
      String what = r.request().method() + " " + r.request().uri() + " -> " + r.statusCode() + " " + r.body();
      assertThat(r.statusCode()).as(what).isBetween(200, 499);
      for (String n : NEEDLES) {
        assertThat(r.body()).as(what).doesNotContain(n);
      }
    }
    assertThat(answers.get(answers.size() - 1).statusCode()).as("GET /error").isEqualTo(404);
  }

  @Test
  void anOverlongNameIs422NamingTheField() throws Exception {
    String site = "{\"type\":\"Feature\",\"properties\":{\"name\":\"" + "x".repeat(5000) + "\",\"ikm_ha\":1},"
        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[112.6,-7.2],[112.607,-7.2],[112.607,-7.193],"
        + "[112.6,-7.193],[112.6,-7.2]]]}}";
    HttpResponse<String> r = send("POST", "/api/checks", "application/geo+json", site.getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(r.body()).contains("\"field\":\"properties.name\"").contains("200 characters");
  }
}
