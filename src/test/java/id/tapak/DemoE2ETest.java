package id.tapak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.app.TapakApplication;
import id.tapak.core.geo.GeoJson;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real app on the real demo project ({@code layers/tapak.yml}), end to end over HTTP: the catalog covers every
 * infrastructure role a location check needs, every collection serves a first items page that is valid GeoJSON, and
 * GDAL reads every collection completely.
 */
@SpringBootTest(classes = TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tapak.project=layers/tapak.yml")
class DemoE2ETest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Roles a PP 20/2024 location check reads; the demo must have at least one layer of each. */
  private static final List<String> ROLES = List.of("estate", "spatial-plan", "road", "rail", "port", "water", "gas",
      "admin");

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(60)).header("Accept", "application/geo+json, application/json").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void catalogHasEveryInfrastructureRole() throws Exception {
    HttpResponse<String> r = get("/api/layers");
    assertEquals(200, r.statusCode(), r.body());
    Set<String> roles = new TreeSet<>();
    Map<String, String> coverage = new TreeMap<>();
    for (JsonNode l : JSON.readTree(r.body()).get("layers")) {
      roles.add(l.get("role").asString());
      assertTrue(l.get("featureCount").asInt() > 0, l.get("id").asString() + " is empty");
      coverage.put(l.get("id").asString(), l.get("coverage").get("kind").asString());
      assertTrue(l.get("flags").isArray() && l.get("flags").isEmpty(), l.toString());
    }
    assertTrue(roles.containsAll(ROLES), "roles present: " + roles + ", needed: " + ROLES);
    // the demo declares what its layers cover: the plan by its polygons, LP2B by kabupaten codes, roads unknown
    assertEquals("features", coverage.get("rtrw_pola_ruang"));
    assertEquals("area", coverage.get("lp2b"));
    assertEquals("unknown", coverage.get("roads"));
  }

  @Test
  void everyCollectionServesAValidGeoJsonFirstPage() throws Exception {
    JsonNode collections = JSON.readTree(get("/ogc/collections").body()).get("collections");
    assertTrue(collections.size() >= ROLES.size(), collections.toString());
    List<String> problems = new ArrayList<>();
    for (JsonNode c : collections) {
      String id = c.get("id").asString();
      HttpResponse<String> r = get("/ogc/collections/" + id + "/items?limit=50");
      if (r.statusCode() != 200 || !r.headers().firstValue("Content-Type").orElse("").startsWith(
          "application/geo+json")) {
        problems.add(id + ": " + r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse(""));
        continue;
      }
      problems.addAll(check(id, JSON.readTree(r.body())));
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /**
   * GDAL copies every demo collection through OAPIF into a GeoPackage, following next links (pages of 100), and
   * gets exactly the features the catalog holds, layer by layer.
   */
  @Test
  void gdalCopiesEveryCollectionCompletely() throws Exception {
    Map<String, Integer> expected = new TreeMap<>();
    for (JsonNode l : JSON.readTree(get("/api/layers").body()).get("layers")) {
      expected.put(l.get("id").asString(), l.get("featureCount").asInt());
    }
    Path dir = Files.createTempDirectory("tapak-demo-oapif-");
    Path gpkg = dir.resolve("demo.gpkg");
    try {
      GdalCli.Run copy = GdalCli.run("ogr2ogr", "-f", "GPKG", gpkg.toString(),
          "OAPIF:http://127.0.0.1:" + port + "/ogc", "-oo", "PAGE_SIZE=100");
      assertEquals(0, copy.exit(), copy.err());
      GdalCli.Run info = GdalCli.run("ogrinfo", "-ro", "-so", "-al", gpkg.toString());
      assertEquals(0, info.exit(), info.err());
      Map<String, Integer> copied = new TreeMap<>();
      Matcher m = Pattern.compile("Layer name: (\\S+)\\n(?:.*\\n)*?Feature Count: (\\d+)").matcher(info.out());
      while (m.find()) {
        copied.put(m.group(1), Integer.parseInt(m.group(2)));
      }
      assertEquals(expected, copied);
    } finally {
      Files.deleteIfExists(gpkg);
      Files.deleteIfExists(dir);
    }
  }

  /** Negative control: the page check must catch what it claims to catch. */
  @Test
  void pageCheckCatchesBrokenPages() {
    String ok = "{\"type\":\"Feature\",\"id\":\"a\",\"properties\":{},"
        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[112.7,-7.2]}}";
    String unclosed = "{\"type\":\"Feature\",\"id\":\"b\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\","
        + "\"coordinates\":[[[112,-7],[113,-7],[113,-6],[112,-6.5]]]}}";
    String outside = "{\"type\":\"Feature\",\"id\":\"c\",\"properties\":{},"
        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[-7.2,112.7]}}";
    String noId = "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}}";
    assertEquals(List.of(), check("x", page(1, ok)));
    for (String bad : new String[] {unclosed, outside, noId}) {
      assertEquals(1, check("x", page(2, ok, bad)).size(), bad);
    }
    assertEquals(1, check("x", page(5, ok)).size(), "numberReturned disagrees with the features");
  }

  private static JsonNode page(int numberReturned, String... features) {
    return JSON.readTree("{\"type\":\"FeatureCollection\",\"numberMatched\":9,\"numberReturned\":"
        + numberReturned + ",\"features\":[" + String.join(",", features) + "]}");
  }

  /** RFC 7946 structure, strict geometry parsing (closed rings, numeric positions) and CRS84 coordinate ranges. */
  private static List<String> check(String id, JsonNode page) {
    List<String> problems = new ArrayList<>();
    if (!"FeatureCollection".equals(page.path("type").asString(""))) {
      problems.add(id + ": not a FeatureCollection");
      return problems;
    }
    JsonNode features = page.get("features");
    if (features.isEmpty()) {
      problems.add(id + ": first page is empty");
    }
    if (page.get("numberReturned").asInt() != features.size() || page.get("numberMatched").asInt() < features.size()) {
      problems.add(id + ": numberReturned/numberMatched do not match the features");
    }
    Envelope world = new Envelope(-180, 180, -90, 90);
    for (int i = 0; i < features.size(); i++) {
      JsonNode f = features.get(i);
      String where = id + " features[" + i + "]";
      if (!"Feature".equals(f.path("type").asString("")) || !f.path("id").isString()
          || !f.path("properties").isObject()) {
        problems.add(where + ": not a Feature with id and properties");
        continue;
      }
      try {
        Geometry g = GeoJson.parse(f.get("geometry"), where + ".geometry");
        if (!world.contains(g.getEnvelopeInternal())) {
          problems.add(where + ": coordinates outside lon/lat range " + g.getEnvelopeInternal());
        }
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    return problems;
  }
}
