package id.tapak.web.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The costly small requests of issue 13, over HTTP: each answered with its 4xx problem (checks) or a
 * ServiceExceptionReport (WMS, also by form POST), and nothing stored. Fixtures: src/test/resources/fixtures/hostile.
 */
@SpringBootTest(classes = id.tapak.app.TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
    "tapak.project=src/test/resources/fixtures/rules/tapak.yml",
    "tapak.data-dir=target/hostile-requests-test"})
class HostileRequestsTest {

  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  HttpResponse<String> send(String method, String path, String body, String type) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", type)
        // a planner's token: the costly checks must be refused by their limits, not by access control
        .header("Authorization", "Bearer " + id.tapak.TestTokens.PLANNER)
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  long stored() throws Exception {
    String list = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/checks?limit=1"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
    return JsonMapper.builder().build().readTree(list).path("numberMatched").asLong();
  }

  @Test
  void costlyChecksAre422AndStoreNothing() throws Exception {
    long before = stored();
    HttpResponse<String> star = send("POST", "/api/checks",
        Files.readString(Path.of("src/test/resources/fixtures/hostile/star500.geojson")), "application/geo+json");
    assertEquals(422, star.statusCode(), star.body());
    assertTrue(star.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
    assertTrue(star.body().contains("\"field\":\"geometry\"") && star.body().contains("crosses itself"), star.body());
    HttpResponse<String> deep = send("POST", "/api/checks", "[".repeat(100_000), "application/json");
    assertEquals(422, deep.statusCode(), deep.body());
    assertTrue(deep.body().contains("\"field\":\"body\""), deep.body());
    assertEquals(before, stored(), "nothing stored");
  }

  @Test
  void aDeepSldPostedAsAFormIsAServiceExceptionReport() throws Exception {
    String sld = "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\" "
        + "xmlns:ogc=\"http://www.opengis.net/ogc\"><NamedLayer><Name>estates</Name><UserStyle><Name>deep</Name>"
        + "<FeatureTypeStyle><Rule><ogc:Filter>" + "<ogc:Not>".repeat(20_000) + "<ogc:PropertyIsEqualTo>"
        + "<ogc:PropertyName>status</ogc:PropertyName><ogc:Literal>x</ogc:Literal></ogc:PropertyIsEqualTo>"
        + "</ogc:Not>".repeat(20_000) + "</ogc:Filter></Rule></FeatureTypeStyle></UserStyle></NamedLayer>"
        + "</StyledLayerDescriptor>";
    String form = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=estates&STYLES=&CRS=CRS:84&BBOX=112,-8,113,-7"
        + "&WIDTH=64&HEIGHT=64&FORMAT=image/png&SLD_BODY=" + URLEncoder.encode(sld, StandardCharsets.UTF_8);
    HttpResponse<String> r = send("POST", "/wms", form, "application/x-www-form-urlencoded");
    assertTrue(r.statusCode() < 500, r.statusCode() + " " + r.body());
    assertTrue(r.body().contains("ServiceExceptionReport") && r.body().contains("locator=\"SLD_BODY\""), r.body());
    HttpResponse<String> huge = send("GET", "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=estates&STYLES="
        + "&CRS=EPSG:4326&BBOX=-8,112,-7,113&WIDTH=100000&HEIGHT=100000&FORMAT=image/png", "", "text/plain");
    assertTrue(huge.statusCode() < 500 && huge.body().contains("ServiceException"), huge.body());
  }
}
