package id.tapak.web.features;

import static id.tapak.web.features.OgcTestClient.contentType;
import static id.tapak.web.features.OgcTestClient.json;
import static id.tapak.web.features.OgcTestClient.link;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.app.TapakApplication;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * OGC API – Features Part 2 (crs, bbox-crs, Content-Crs), Part 3 (queryables, filter), sortby, the HTML pages and the
 * OpenAPI media type, over real HTTP on the three-layer test project. UTM and TM-3 coordinates are checked against
 * PROJ through GDAL's {@code gdaltransform} (a real client, not Tapak's proj4j): the test fails if GDAL is missing.
 */
@SpringBootTest(classes = TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = OgcTestClient.PROJECT)
class OgcPart2Part3Test {

  private static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";

  @LocalServerPort
  int port;

  OgcTestClient client;

  @BeforeEach
  void client() {
    client = new OgcTestClient(port);
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static List<String> ids(JsonNode fc) {
    List<String> out = new ArrayList<>();
    fc.get("features").forEach(f -> out.add(f.get("id").asString()));
    return out;
  }

  /** PROJ's answer for a lon/lat point, through gdaltransform. */
  private static double[] proj(double lon, double lat, int epsg) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("gdaltransform", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:" + epsg)
        .redirectErrorStream(true).start();
    p.getOutputStream().write((lon + " " + lat + "\n").getBytes(StandardCharsets.US_ASCII));
    p.getOutputStream().close();
    String[] out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
    assertEquals(0, p.waitFor(), String.join(" ", out));
    return new double[] {Double.parseDouble(out[0]), Double.parseDouble(out[1])};
  }

  @Test
  void crsEpsg32749AnswersUtmMetresWithinACentimetreOfProj() throws Exception {
    HttpResponse<String> r = client.get("/ogc/collections/estates/items/e2?crs=" + q(EPSG + "32749"));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("<" + EPSG + "32749>", r.headers().firstValue("Content-Crs").orElse(""));
    // e2's exterior ring starts at 112.66 E, 7.30 S (estates.csv)
    JsonNode first = json(r).at("/geometry/coordinates/0/0");
    double[] want = proj(112.66, -7.30, 32749);
    assertEquals(want[0], first.get(0).asDouble(), 0.01, "easting");
    assertEquals(want[1], first.get(1).asDouble(), 0.01, "northing");
    assertTrue(want[0] > 600_000 && want[1] > 9_000_000, "UTM 49S metres");
    HttpResponse<String> tm3 = client.get("/ogc/collections/estates/items/e2?crs=EPSG:23836");
    double[] t = proj(112.66, -7.30, 23836);
    assertEquals(t[0], json(tm3).at("/geometry/coordinates/0/0/0").asDouble(), 0.01, "TM-3 49.2 easting");
    assertEquals(t[1], json(tm3).at("/geometry/coordinates/0/0/1").asDouble(), 0.01, "TM-3 49.2 northing");
  }

  @Test
  void epsg4326IsLatitudeFirstAndCrs84LongitudeFirst() {
    HttpResponse<String> lat = client.get("/ogc/collections/ports/items/p1?crs=" + q(EPSG + "4326"));
    assertEquals("[-7.199,112.7326]", json(lat).at("/geometry/coordinates").toString());
    assertEquals("<" + EPSG + "4326>", lat.headers().firstValue("Content-Crs").orElse(""));
    HttpResponse<String> lon = client.get("/ogc/collections/ports/items/p1");
    assertEquals("[112.7326,-7.199]", json(lon).at("/geometry/coordinates").toString());
    assertEquals("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>", lon.headers().firstValue("Content-Crs").orElse(""));
  }

  @Test
  void bboxCrsSelectsTheSameFeaturesInUtmAsInLonLat() throws Exception {
    double[] lo = proj(112.655, -7.305, 32749);
    double[] hi = proj(112.755, -7.255, 32749);
    JsonNode utm = json(client.get("/ogc/collections/estates/items?bbox-crs=" + q(EPSG + "32749") + "&bbox="
        + lo[0] + "," + lo[1] + "," + hi[0] + "," + hi[1]));
    JsonNode lonLat = json(client.get("/ogc/collections/estates/items?bbox=112.655,-7.305,112.755,-7.255"));
    assertEquals(List.of("e2", "e3"), ids(lonLat));
    assertEquals(ids(lonLat), ids(utm));
    JsonNode latFirst = json(client.get("/ogc/collections/estates/items?bbox-crs=" + q(EPSG + "4326")
        + "&bbox=-7.305,112.655,-7.255,112.755"));
    assertEquals(ids(lonLat), ids(latFirst));
  }

  @Test
  void collectionsListTheirCrsAndStorageCrs() {
    JsonNode c = json(client.get("/ogc/collections/ports"));
    List<String> crs = new ArrayList<>();
    c.get("crs").forEach(x -> crs.add(x.asString()));
    assertEquals("http://www.opengis.net/def/crs/OGC/1.3/CRS84", crs.get(0));
    // ports span Jakarta (106.9 E, zone 48) to Surabaya (112.7 E, zone 49): both UTM zones, not zone 46 or 54
    assertTrue(crs.containsAll(List.of(EPSG + "4326", EPSG + "3857", EPSG + "32748", EPSG + "32749")), crs.toString());
    assertFalse(crs.contains(EPSG + "32746") || crs.contains(EPSG + "32754"), crs.toString());
    assertEquals("http://www.opengis.net/def/crs/OGC/1.3/CRS84", c.get("storageCrs").asString());
    assertEquals(400, client.get("/ogc/collections/ports/items?crs=" + q(EPSG + "32754")).statusCode());
  }

  @Test
  void queryablesAreAJsonSchemaOfTheAttributes() {
    HttpResponse<String> r = client.get("/ogc/collections/estates/queryables");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(contentType(r).startsWith("application/schema+json"), contentType(r));
    JsonNode s = json(r);
    assertEquals("https://json-schema.org/draft/2020-12/schema", s.get("$schema").asString());
    assertEquals("object", s.get("type").asString());
    assertEquals(client.base() + "/ogc/collections/estates/queryables", s.get("$id").asString());
    assertEquals("number", s.at("/properties/area_ha/type").asString());
    assertEquals("string", s.at("/properties/name/type").asString());
    assertEquals("geometry-polygon-or-multipolygon", s.at("/properties/geometry/format").asString());
    assertEquals(client.base() + "/ogc/collections/estates/queryables",
        link(json(client.get("/ogc/collections/estates")), "http://www.opengis.net/def/rel/ogc/1.0/queryables"));
  }

  @Test
  void filterInCql2TextAndJsonAnswersAndPagesKeepIt() {
    JsonNode t = json(client.get("/ogc/collections/estates/items?limit=2&filter="
        + q("area_ha >= 60 AND area_ha < 100")));
    assertEquals(4, t.get("numberMatched").asInt());
    assertEquals(List.of("e2", "e4"), ids(t));
    String next = link(t, "next");
    assertTrue(next.contains("filter=area_ha%20%3E%3D%2060%20AND%20area_ha%20%3C%20100"), next);
    assertEquals(List.of("e5", "e6"), ids(json(client.get(next))));
    JsonNode j = json(client.get("/ogc/collections/estates/items?filter-lang=cql2-json&filter="
        + q("{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"Estate t%\"]}")));
    assertEquals(List.of("e2", "e3"), ids(j));
    JsonNode s = json(client.get("/ogc/collections/estates/items?filter="
        + q("S_INTERSECTS(geometry, POLYGON((112.665 -7.29, 112.72 -7.29, 112.72 -7.27, 112.665 -7.27, "
            + "112.665 -7.29)))")));
    assertEquals(List.of("e2", "e3"), ids(s));
    HttpResponse<String> bad = client.get("/ogc/collections/estates/items?filter=" + q("area_ha >>> 3"));
    assertEquals(400, bad.statusCode());
    assertTrue(contentType(bad).startsWith("application/problem+json"));
    assertEquals("filter", json(bad).get("field").asString());
    assertTrue(json(bad).get("detail").asString().contains("at position 10"), bad.body());
  }

  @Test
  void sortbyOrdersByQueryables() {
    assertEquals(List.of("e3", "e4", "e5", "e2", "e6", "e1", "e7"),
        ids(json(client.get("/ogc/collections/estates/items?sortby=area_ha"))));
    assertEquals(List.of("e7", "e1", "e6"),
        ids(json(client.get("/ogc/collections/estates/items?limit=3&sortby=-area_ha"))));
  }

  @Test
  void htmlForPeopleOnLandingCollectionsAndItems() {
    for (String path : new String[] {"/ogc?f=html", "/ogc/collections?f=html", "/ogc/collections/estates?f=html",
        "/ogc/collections/estates/items?f=html", "/ogc/collections/estates/items/e2?f=html", "/ogc/conformance?f=html"}) {
      HttpResponse<String> r = client.get(path);
      assertEquals(200, r.statusCode(), path);
      assertTrue(contentType(r).startsWith("text/html"), path + " → " + contentType(r));
      assertTrue(r.body().startsWith("<!DOCTYPE html>"), path);
    }
    HttpResponse<String> browser = client.get("/ogc/collections/estates/items", "Accept",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    assertTrue(contentType(browser).startsWith("text/html"), contentType(browser));
    assertTrue(browser.body().contains("Estate two") && browser.body().contains("e2"), browser.body());
    // the name of e1 has parentheses only; a name with markup would be escaped, never interpreted
    assertFalse(browser.body().contains("<script"), browser.body());
    assertTrue(link(json(client.get("/ogc/collections/estates")), "alternate").endsWith("?f=html"));
  }

  @Test
  void openApiAnswersItsOwnMediaTypeAndDescribesTheParameters() {
    HttpResponse<String> r = client.get("/v3/api-docs", "Accept", "application/vnd.oai.openapi+json;version=3.0");
    assertEquals(200, r.statusCode());
    assertTrue(contentType(r).startsWith("application/vnd.oai.openapi+json"), contentType(r));
    JsonNode params = json(r).at("/paths/~1ogc~1collections~1{collectionId}~1items/get/parameters");
    List<String> names = new ArrayList<>();
    for (JsonNode p : params) {
      names.add(p.get("name").asString());
      if (List.of("limit", "datetime", "bbox").contains(p.get("name").asString())) {
        assertEquals("form", p.get("style").asString(), p.toString());
        assertFalse(p.get("explode").asBoolean(), p.toString());
      }
    }
    assertTrue(names.containsAll(List.of("bbox", "bbox-crs", "crs", "filter", "filter-lang", "filter-crs", "sortby",
        "limit", "offset", "datetime")), names.toString());
  }
}
