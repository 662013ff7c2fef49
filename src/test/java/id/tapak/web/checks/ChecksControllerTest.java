package id.tapak.web.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checks API end to end on a tiny project (src/test/resources/fixtures/rules): verdicts, the stored report in
 * both encodings, the list, and every bad input answered 4xx problem+json without storing anything.
 */
@SpringBootTest(classes = id.tapak.app.TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
    "tapak.project=src/test/resources/fixtures/rules/tapak.yml",
    "tapak.data-dir=target/checks-api-test",
    "tapak.checks.max-vertices=1000"})
class ChecksControllerTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  static String square(double lon, double lat, double side) {
    return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
        lon, lat, lon + side, lat, lon + side, lat + side, lon, lat + side, lon, lat);
  }

  static String feature(String geometry, String props) {
    return "{\"type\":\"Feature\",\"properties\":{" + props + "},\"geometry\":" + geometry + "}";
  }

  HttpResponse<String> post(String body, String type) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/checks"))
        .header("Content-Type", type).header("Authorization", id.tapak.TestTokens.planner())
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String accept) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept)
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  long total() throws Exception {
    return JSON.readTree(get("/api/checks?limit=1", "application/json").body()).path("numberMatched").asLong();
  }

  static JsonNode finding(JsonNode report, String rule) {
    for (JsonNode f : report.path("findings")) {
      if (f.path("rule").asString().equals(rule)) {
        return f;
      }
    }
    throw new AssertionError("no finding " + rule + " in " + report);
  }

  @Test
  void kpiSiteWithIkmLandConformsAndIsStored() throws Exception {
    HttpResponse<String> r = post(feature(square(112.600, -7.200, 0.007),
        "\"name\":\"KPI site\",\"kind\":\"new\",\"industrial_plot_ha\":40,\"ikm_ha\":1,\"colour\":\"red\""),
        "application/geo+json");
    assertEquals(201, r.statusCode(), r.body());
    JsonNode j = JSON.readTree(r.body());
    assertEquals("CONFORM", j.path("verdict").asString(), r.body());
    assertEquals("PASS", finding(j, "kpi-allocation").path("status").asString());
    assertTrue(j.path("notes").toString().contains("properties.colour"), "unknown property listed: " + j.path("notes"));
    String location = r.headers().firstValue("Location").orElseThrow();
    assertEquals("/api/checks/" + j.path("id").asString(), location);
    HttpResponse<String> again = get(location, "application/json");
    assertEquals(200, again.statusCode());
    assertEquals("CONFORM", JSON.readTree(again.body()).path("verdict").asString());
    HttpResponse<String> any = get(location, "*/*");
    assertEquals(200, any.statusCode(), any.body());
    assertTrue(any.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), any.headers().map()
        .toString());
    HttpResponse<String> geo = get(location, "application/geo+json");
    assertEquals(200, geo.statusCode());
    assertTrue(geo.headers().firstValue("Content-Type").orElse("").startsWith("application/geo+json"));
    assertEquals("FeatureCollection", JSON.readTree(geo.body()).path("type").asString());
  }

  @Test
  void lp2bSiteIsNotConformWithOverlapHectares() throws Exception {
    HttpResponse<String> r = post(feature(square(112.655, -7.200, 0.007), "\"industrial_plot_ha\":40,\"ikm_ha\":1"),
        "application/json");
    assertEquals(201, r.statusCode(), r.body());
    JsonNode j = JSON.readTree(r.body());
    assertEquals("NOT_CONFORM", j.path("verdict").asString());
    JsonNode lp2b = finding(j, "lp2b-overlap");
    assertEquals("FAIL", lp2b.path("status").asString());
    assertTrue(lp2b.path("conflictHa").asDouble() > 20, lp2b.toString());
    assertEquals("Polygon", lp2b.path("conflict").path("type").asString());
    String geo = get("/api/checks/" + j.path("id").asString(), "application/geo+json").body();
    assertTrue(geo.contains("\"rule\":\"lp2b-overlap\""), geo);
  }

  @Test
  void fortyHectaresFailsTheFiftyHectareRule() throws Exception {
    HttpResponse<String> r = post(feature(square(112.600, -7.200, 0.0058), "\"industrial_plot_ha\":28,\"ikm_ha\":1"),
        "application/geo+json");
    JsonNode j = JSON.readTree(r.body());
    assertEquals("FAIL", finding(j, "min-expanse").path("status").asString());
    assertEquals(50.0, finding(j, "min-expanse").path("threshold").asDouble());
  }

  @Test
  void selfIntersectingPolygonIsRepairedAndSaid() throws Exception {
    String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[112.60,-7.20],[112.61,-7.19],[112.61,-7.20],"
        + "[112.60,-7.19],[112.60,-7.20]]]}";
    HttpResponse<String> r = post(feature(bowtie, "\"ikm_ha\":1,\"industrial_plot_ha\":40"), "application/json");
    assertEquals(201, r.statusCode(), r.body());
    assertTrue(r.body().contains("repaired"), r.body());
  }

  @Test
  void badInputIsRefusedAndNothingStored() throws Exception {
    long before = total();
    StringBuilder ring = new StringBuilder("[");
    for (int i = 0; i <= 2000; i++) {
      double a = 2 * Math.PI * (i % 2000) / 2000;
      ring.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%f,%f]", 112.6 + 0.005 * Math.cos(a),
          -7.2 + 0.005 * Math.sin(a)));
    }
    ring.append(']');
    List<Object[]> cases = List.of(
        new Object[] {"hello", "application/json", 400, "body"},
        new Object[] {"", "application/json", 400, "body"},
        new Object[] {"[1,2]", "application/json", 422, "body"},
        new Object[] {"{\"type\":\"Topology\"}", "application/json", 422, "type"},
        new Object[] {feature("{\"type\":\"Point\",\"coordinates\":[112.6,-7.2]}", ""), "application/geo+json", 422,
            "geometry.type"},
        new Object[] {feature("{\"type\":\"LineString\",\"coordinates\":[[112.6,-7.2],[112.7,-7.2]]}", ""),
            "application/geo+json", 422, "geometry.type"},
        new Object[] {feature(square(-7.2, 112.6, 0.007), ""), "application/geo+json", 422, "geometry.coordinates"},
        new Object[] {feature(square(10, 50, 0.007), ""), "application/geo+json", 422, "geometry.coordinates"},
        new Object[] {feature("{\"type\":\"Polygon\",\"coordinates\":[[[112.6,-7.2],[112.61,-7.2],[112.61,-7.21]]]}",
            ""), "application/geo+json", 422, "geometry.coordinates[0]"},
        new Object[] {feature("{\"type\":\"Polygon\",\"coordinates\":[[[112.6,-7.2],[112.61,-7.2],[112.61,-7.21],"
            + "[112.62,-7.22]]]}", ""), "application/geo+json", 422, "geometry.coordinates[0]"},
        new Object[] {feature("{\"type\":\"Polygon\",\"coordinates\":[]}", ""), "application/geo+json", 422,
            "geometry.coordinates"},
        new Object[] {feature("{\"type\":\"Polygon\",\"coordinates\":[[]]}", ""), "application/geo+json", 422,
            "geometry.coordinates[0]"},
        new Object[] {feature("null", ""), "application/geo+json", 422, "geometry"},
        new Object[] {feature(square(112.6, -7.2, 0.007), "\"ikm_ha\":\"abc\""), "application/geo+json", 422,
            "properties.ikm_ha"},
        new Object[] {feature(square(112.6, -7.2, 0.007), "\"ikm_ha\":-1"), "application/geo+json", 422,
            "properties.ikm_ha"},
        new Object[] {feature(square(112.6, -7.2, 0.007), "\"kind\":\"factory\""), "application/geo+json", 422,
            "properties.kind"},
        new Object[] {feature(square(112.6, -7.2, 0.007), "\"special_case\":7"), "application/geo+json", 422,
            "properties.special_case"},
        new Object[] {"{\"type\":\"FeatureCollection\",\"features\":[]}", "application/geo+json", 422, "features"},
        new Object[] {feature("{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}", ""), "application/geo+json",
            413, "geometry"},
        new Object[] {feature(square(112.6, -7.2, 0.007), ""), "text/plain", 415, ""});
    for (Object[] c : cases) {
      HttpResponse<String> r = post((String) c[0], (String) c[1]);
      String label = c[0].toString().substring(0, Math.min(80, c[0].toString().length()));
      assertEquals(c[2], r.statusCode(), label + " -> " + r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
          label + " content type");
      if (!((String) c[3]).isEmpty()) {
        assertEquals(c[3], JSON.readTree(r.body()).path("field").asString(), label + " -> " + r.body());
      }
    }
    HttpResponse<String> swapped = post(feature(square(-7.2, 112.6, 0.007), ""), "application/geo+json");
    assertTrue(swapped.body().contains("swapped"), swapped.body());
    assertEquals(before, total(), "bad input stored nothing");
  }

  @Test
  void listAndUnknownId() throws Exception {
    // the data directory persists between runs: count what this post adds, not what is there
    long before = total();
    String made = post(feature(square(112.600, -7.200, 0.007), "\"ikm_ha\":1,\"industrial_plot_ha\":40"),
        "application/json").body();
    JsonNode list = JSON.readTree(get("/api/checks?limit=1&offset=0", "application/json").body());
    assertEquals(before + 1, list.path("numberMatched").asLong());
    assertEquals(JSON.readTree(made).path("id").asString(), list.path("checks").get(0).path("id").asString(),
        "newest first");
    assertEquals(1, list.path("numberReturned").asInt());
    assertEquals(1, list.path("checks").size());
    assertTrue(list.path("links").isArray());
    HttpResponse<String> missing = get("/api/checks/doesnotexist", "application/json");
    assertEquals(404, missing.statusCode());
    assertEquals(400, get("/api/checks?limit=abc", "application/json").statusCode());
  }

  HttpResponse<String> upload(String fileName, byte[] content) throws Exception {
    String boundary = "tapakboundary";
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"ikm_ha\"\r\n\r\n1\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"industrial_plot_ha\"\r\n\r\n40\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    byte[] body = concat(head.getBytes(), content, tail.getBytes());
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/checks"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", id.tapak.TestTokens.planner())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void uploadsAreChecked() throws Exception {
    for (String f : List.of("site.kml", "site_zones.gpkg", "site_zones_32749.zip", "site_zones.geojson")) {
      HttpResponse<String> r = upload(f, Files.readAllBytes(Path.of("src/test/resources/fixtures/rules/" + f)));
      assertEquals(201, r.statusCode(), f + ": " + r.body());
      JsonNode j = JSON.readTree(r.body());
      assertEquals("CONFORM", j.path("verdict").asString(), f + ": " + r.body());
      assertEquals(59.8, j.path("siteHa").asDouble(), 0.2, f);
    }
  }

  @Test
  void badUploadsAreRefused() throws Exception {
    long before = total();
    HttpResponse<String> txt = upload("site.txt", "hello".getBytes());
    assertEquals(422, txt.statusCode(), txt.body());
    HttpResponse<String> zip = upload("empty.zip", new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0});
    assertEquals(422, zip.statusCode(), zip.body());
    HttpResponse<String> kml = upload("bad.kml", "<kml><Placemark><Polygon>".getBytes());
    assertEquals(422, kml.statusCode(), kml.body());
    assertTrue(kml.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    // a zipped shapefile without .prj: refused, naming the .prj and the crs form field
    HttpResponse<String> noPrj = upload("site_attrs_noprj.zip", Files.readAllBytes(Path.of(
        "src/test/resources/fixtures/rules/site_attrs_noprj.zip")));
    assertEquals(422, noPrj.statusCode(), noPrj.body());
    assertTrue(noPrj.body().contains(".prj") && noPrj.body().contains("'crs'") && !noPrj.body().contains("/tmp"),
        noPrj.body());
    assertEquals(before, total());
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int i = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, i, p.length);
      i += p.length;
    }
    return out;
  }
}
