package id.tapak.web.features;

import static id.tapak.web.features.OgcTestClient.contentType;
import static id.tapak.web.features.OgcTestClient.json;
import static id.tapak.web.features.OgcTestClient.link;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.app.TapakApplication;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** OGC API – Features over real HTTP on the three-layer test project. */
@SpringBootTest(classes = TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = OgcTestClient.PROJECT)
class FeaturesControllerTest {

  @LocalServerPort
  int port;

  OgcTestClient client;

  @BeforeEach
  void client() {
    client = new OgcTestClient(port);
  }

  @Test
  void landingPageLinksAreAbsoluteAndTyped() {
    HttpResponse<String> r = client.get("/ogc");
    assertEquals(200, r.statusCode());
    assertTrue(contentType(r).startsWith("application/json"), contentType(r));
    JsonNode j = json(r);
    assertEquals("Tapak: uji OGC API / Tapak: OGC API test", j.get("title").asString());
    String b = client.base();
    assertEquals(b + "/ogc", link(j, "self"));
    assertEquals(b + "/v3/api-docs", link(j, "service-desc"));
    assertEquals(b + "/swagger-ui.html", link(j, "service-doc"));
    assertEquals(b + "/ogc/conformance", link(j, "conformance"));
    assertEquals(b + "/ogc/collections", link(j, "data"));
    assertEquals(200, client.get("/ogc/").statusCode(), "trailing slash is the landing page too");
  }

  /** No proxy is trusted by default: a client cannot put its own host into the links (TrustedProxyTest: trusted). */
  @Test
  void linksIgnoreForwardedHeadersFromAnUntrustedPeer() {
    JsonNode j = json(client.get("/ogc", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example"));
    assertEquals(client.base() + "/ogc/collections", link(j, "data"));
  }

  @Test
  void conformanceListsCoreGeoJsonAndOpenApi() {
    JsonNode j = json(client.get("/ogc/conformance"));
    List<String> classes = new ArrayList<>();
    j.get("conformsTo").forEach(c -> classes.add(c.asString()));
    assertEquals(List.of("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
        "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
        "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions"), classes);
  }

  @Test
  void collectionsInProjectOrderWithCrs84Extents() {
    JsonNode j = json(client.get("/ogc/collections"));
    JsonNode cs = j.get("collections");
    assertEquals(3, cs.size());
    assertEquals("estates", cs.get(0).get("id").asString());
    assertEquals("roads", cs.get(1).get("id").asString());
    assertEquals("ports", cs.get(2).get("id").asString());
    JsonNode est = cs.get(0);
    assertEquals("[[104.02,-7.4,112.78,1.09]]", est.at("/extent/spatial/bbox").toString());
    assertEquals("http://www.opengis.net/def/crs/OGC/1.3/CRS84", est.at("/extent/spatial/crs").asString());
    // estates span 104–112.8°E, 7.4°S–1.1°N: UTM 48N/49N and 48S/49S and the TM-3 zones 48.1–49.2 (23833–23836)
    assertEquals("[\"http://www.opengis.net/def/crs/OGC/1.3/CRS84\",\"http://www.opengis.net/def/crs/EPSG/0/4326\","
        + "\"http://www.opengis.net/def/crs/EPSG/0/4755\",\"http://www.opengis.net/def/crs/EPSG/0/3857\","
        + "\"http://www.opengis.net/def/crs/EPSG/0/32648\",\"http://www.opengis.net/def/crs/EPSG/0/32649\","
        + "\"http://www.opengis.net/def/crs/EPSG/0/32748\",\"http://www.opengis.net/def/crs/EPSG/0/32749\","
        + "\"http://www.opengis.net/def/crs/EPSG/0/23833\",\"http://www.opengis.net/def/crs/EPSG/0/23834\","
        + "\"http://www.opengis.net/def/crs/EPSG/0/23835\",\"http://www.opengis.net/def/crs/EPSG/0/23836\"]",
        est.get("crs").toString());
    assertEquals("http://www.opengis.net/def/crs/OGC/1.3/CRS84", est.get("storageCrs").asString());
    assertEquals("feature", est.get("itemType").asString());
    assertEquals(client.base() + "/ogc/collections/estates/items", link(est, "items"));
    assertTrue(est.get("description").asString().contains("Tapak test data"));
    JsonNode one = json(client.get("/ogc/collections/ports"));
    assertEquals("[[106.8836,-7.199,112.7326,-6.104]]", one.at("/extent/spatial/bbox").toString());
    assertEquals(client.base() + "/ogc/collections/ports", link(one, "self"));
  }

  @Test
  void pagingWalksEveryFeatureOnceInStableOrder() {
    List<String> ids = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String next = "/ogc/collections/estates/items?limit=3";
    JsonNode page = null;
    while (next != null) {
      HttpResponse<String> r = client.get(next);
      assertEquals(200, r.statusCode(), r.body());
      page = json(r);
      assertEquals(7, page.get("numberMatched").asInt());
      assertEquals(page.get("features").size(), page.get("numberReturned").asInt());
      assertNotNull(page.get("timeStamp"));
      sizes.add(page.get("numberReturned").asInt());
      page.get("features").forEach(f -> ids.add(f.get("id").asString()));
      if (sizes.size() > 1) {
        assertNotNull(link(page, "prev"), "pages after the first link back");
      } else {
        assertNull(link(page, "prev"));
      }
      next = link(page, "next");
    }
    assertEquals(List.of(3, 3, 1), sizes);
    assertEquals(List.of("e1", "e2", "e3", "e4", "e5", "e6", "e7"), ids);
    assertEquals(client.base() + "/ogc/collections/estates/items?limit=3&offset=3", link(page, "prev"));
    assertEquals(client.base() + "/ogc/collections/estates", link(page, "collection"));
  }

  @Test
  void bboxLeavesOutFeaturesOutsideIt() {
    JsonNode j = json(client.get("/ogc/collections/estates/items?bbox=112.5,-7.5,112.9,-7.1"));
    assertEquals(6, j.get("numberMatched").asInt());
    j.get("features").forEach(f -> assertFalse(f.get("id").asString().equals("e7"), "Batam is outside"));
    JsonNode ports = json(client.get("/ogc/collections/ports/items?bbox=112.5,-7.5,112.9,-7.1&limit=1"));
    assertEquals(2, ports.get("numberMatched").asInt());
    assertEquals(1, ports.get("numberReturned").asInt());
    assertEquals(client.base() + "/ogc/collections/ports/items?limit=1&offset=1&bbox=112.5,-7.5,112.9,-7.1",
        link(ports, "next"), "the next page keeps the bbox");
    JsonNode roads = json(client.get("/ogc/collections/roads/items?bbox=112.5,-7.5,0,112.9,-7.1,100"));
    assertEquals(3, roads.get("numberMatched").asInt(), "six-number bbox, heights ignored");
  }

  @Test
  void itemByIdWithLinks() {
    HttpResponse<String> r = client.get("/ogc/collections/estates/items/e2");
    assertEquals(200, r.statusCode());
    assertTrue(contentType(r).startsWith("application/geo+json"), contentType(r));
    JsonNode f = json(r);
    assertEquals("Feature", f.get("type").asString());
    assertEquals("e2", f.get("id").asString());
    assertEquals("Estate two", f.at("/properties/name").asString());
    assertEquals(client.base() + "/ogc/collections/estates/items/e2", link(f, "self"));
    assertEquals(client.base() + "/ogc/collections/estates", link(f, "collection"));
  }

  @Test
  void itemsAreGeoJsonForEveryClientButABrowser() {
    for (String accept : new String[] {"application/geo+json", "application/json", "*/*",
        "application/geo+json, application/json;q=0.9, text/html;q=0.5"}) {
      HttpResponse<String> r = client.get("/ogc/collections/roads/items", "Accept", accept);
      assertEquals(200, r.statusCode(), accept);
      assertTrue(contentType(r).startsWith("application/geo+json"), accept + " → " + contentType(r));
    }
    assertTrue(contentType(client.get("/ogc/collections/roads/items?f=json")).startsWith("application/geo+json"));
    HttpResponse<String> head = client.send(HttpRequest.newBuilder(
        URI.create(client.base() + "/ogc/collections/roads/items")).method("HEAD", HttpRequest.BodyPublishers.noBody())
        .build());
    assertEquals(200, head.statusCode());
    assertTrue(contentType(head).startsWith("application/geo+json"), contentType(head));
    assertEquals("", head.body());
    assertTrue(contentType(client.get("/ogc/collections?f=json")).startsWith("application/json"));
  }

  /** RFC 7946 §3.1.6: e1 is stored with a clockwise shell and a counter-clockwise hole; output flips both. */
  @Test
  void ringsAreWrittenExteriorCounterClockwise() {
    JsonNode rings = json(client.get("/ogc/collections/estates/items/e1")).at("/geometry/coordinates");
    assertEquals(2, rings.size());
    assertTrue(signedArea(rings.get(0)) > 0, "exterior ring counter-clockwise");
    assertTrue(signedArea(rings.get(1)) < 0, "hole clockwise");
    JsonNode page = json(client.get("/ogc/collections/estates/items"));
    for (JsonNode f : page.get("features")) {
      JsonNode g = f.get("geometry");
      if (g.get("type").asString().equals("Polygon")) {
        assertTrue(signedArea(g.get("coordinates").get(0)) > 0, f.get("id").asString());
      } else {
        g.get("coordinates").forEach(p -> assertTrue(signedArea(p.get(0)) > 0, f.get("id").asString()));
      }
    }
  }

  /** Shoelace formula in lon/lat: positive for counter-clockwise. */
  private static double signedArea(JsonNode ring) {
    double s = 0;
    for (int i = 0; i + 1 < ring.size(); i++) {
      s += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
          - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
    }
    return s / 2;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/ogc/collections/no_such_layer|collectionId",
      "/ogc/collections/no_such_layer/items|collectionId",
      "/ogc/collections/no_such_layer/items/e1|collectionId",
      "/ogc/collections/estates/items/e99|featureId"})
  void unknownCollectionOrFeatureIsProblem404(String path, String field) {
    for (String accept : new String[] {"application/json", "application/geo+json"}) {
      HttpResponse<String> r = client.get(path, "Accept", accept);
      assertEquals(404, r.statusCode(), path);
      assertTrue(contentType(r).startsWith("application/problem+json"), accept + " → " + contentType(r));
      JsonNode p = json(r);
      assertEquals(404, p.get("status").asInt());
      assertEquals(field, p.get("field").asString());
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "bbox=a,b,c,d|bbox", "bbox=1,2,3|bbox", "bbox=112,-95,113,-6|bbox",
      "limit=abc|limit", "limit=0|limit", "limit=-5|limit", "offset=-1|offset", "offset=1.5|offset", "f=xml|f", "foo=bar|foo",
      "crs=EPSG:32650|crs", "crs=EPSG:4|crs", "bbox-crs=EPSG:32646|bbox-crs", "filter=name%20%3E%3E%3E%203|filter",
      "filter=nosuch%20%3D%201|filter", "filter-lang=ecql|filter-lang", "sortby=nosuch|sortby",
      "datetime=yesterday|datetime"})
  void badParameterIsProblem400NamingIt(String query, String field) {
    HttpResponse<String> r = client.get("/ogc/collections/estates/items?" + query, "Accept", "application/geo+json");
    assertEquals(400, r.statusCode(), query);
    assertTrue(contentType(r).startsWith("application/problem+json"), contentType(r));
    JsonNode p = json(r);
    assertEquals(field, p.get("field").asString());
    assertTrue(p.get("detail").asString().contains(field), p.get("detail").asString());
    assertFalse(r.body().contains("Exception") || r.body().contains("at id.tapak"), r.body());
  }

  /** Failures Spring or Tomcat raise before a controller runs are problem+json too, with no internals. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "GET|/ogc/collections/estates/items?bbox=%zz|400",
      "GET|/ogc/collections/estates/items?bbox=[1,2,3,4]|400",
      "GET|/ogc/collections/x%00y|400",
      "GET|/ogc/collections/estates/items/a%2Fb|400",
      // writes need an admin token before anything else is looked at (docs/security.md)
      "POST|/ogc/collections|401",
      "DELETE|/ogc/collections/estates/items/e1|401",
      "GET|/ogc/no/such/path|404"})
  void frameworkFailuresAreProblems(String method, String target, int status) {
    String r = client.raw(method, target);
    assertTrue(r.startsWith("HTTP/1.1 " + status), r);
    assertTrue(r.toLowerCase().contains("content-type: application/problem+json"), r);
    assertFalse(r.contains("Exception") || r.contains("at org.") || r.contains("at id.tapak"), r);
  }

  @Test
  void hugeLimitIsClampedNotAnError() {
    HttpResponse<String> r = client.get("/ogc/collections/estates/items?limit=99999999999");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(7, json(r).get("numberReturned").asInt());
    JsonNode beyond = json(client.get("/ogc/collections/estates/items?offset=99999999999"));
    assertEquals(0, beyond.get("numberReturned").asInt());
  }

  @Test
  void unknownQueryParametersAreRefusedOnEveryOperation() {
    for (String path : new String[] {"/ogc", "/ogc/conformance", "/ogc/collections", "/ogc/collections/estates",
        "/ogc/collections/estates/queryables", "/ogc/collections/estates/items", "/ogc/collections/estates/items/e2"}) {
      HttpResponse<String> r = client.get(path + "?foo=bar");
      assertEquals(400, r.statusCode(), path);
      assertEquals("foo", json(r).get("field").asString(), path);
    }
  }

  @Test
  void boxAcrossTheAntimeridianIsAnsweredEmpty() {
    HttpResponse<String> r = client.get("/ogc/collections/estates/items?bbox=177,65,-177,70");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(0, json(r).get("numberMatched").asInt());
  }

  @Test
  void validDatetimeFiltersNothingBecauseLayersCarryNoTime() {
    JsonNode j = json(client.get("/ogc/collections/estates/items?datetime=2024-01-01T00:00:00Z/.."));
    assertEquals(7, j.get("numberMatched").asInt());
  }

  @Test
  void corsIsOpenForReadsOnly() {
    for (String path : new String[] {"/ogc/collections", "/ogc/collections/estates/items", "/api/layers",
        "/ogc/collections/none"}) {
      HttpResponse<String> r = client.get(path, "Origin", "https://peta.example.org");
      assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null), path);
    }
    HttpResponse<String> preflight = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/ogc/collections"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://peta.example.org")
        .header("Access-Control-Request-Method", "GET").build());
    assertEquals(200, preflight.statusCode());
    assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("GET"));
    HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/ogc/collections"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://peta.example.org")
        .header("Access-Control-Request-Method", "DELETE").build());
    assertEquals(403, post.statusCode(), "writes are not opened to other origins");
  }

  @Test
  void openApiDescribesTheEndpoints() {
    HttpResponse<String> r = client.get("/v3/api-docs");
    assertEquals(200, r.statusCode());
    JsonNode api = json(r);
    assertTrue(api.get("openapi").asString().startsWith("3.0"), api.get("openapi").asString());
    assertEquals("Tapak: uji OGC API / Tapak: OGC API test", api.at("/info/title").asString());
    assertTrue(api.at("/paths/~1ogc~1").isMissingNode(), "the trailing-slash alias is not listed");
    JsonNode items = api.at("/paths/~1ogc~1collections~1{collectionId}~1items/get");
    assertFalse(items.isMissingNode(), "items path documented");
    List<String> params = new ArrayList<>();
    items.get("parameters").forEach(p -> params.add(p.get("name").asString()));
    assertTrue(params.containsAll(List.of("collectionId", "bbox", "limit", "offset")), params.toString());
    items.get("parameters").forEach(p -> {
      if (p.get("name").asString().equals("limit")) {
        assertEquals(10000, p.at("/schema/maximum").asInt());
      }
    });
    HttpResponse<String> ui = client.get("/swagger-ui.html");
    assertEquals(200, ui.statusCode());
    assertTrue(ui.body().toLowerCase().contains("swagger"));
  }

  @Test
  void layersCatalogShape() {
    JsonNode j = json(client.get("/api/layers"));
    assertEquals("ogc-test", j.get("project").asString());
    JsonNode est = j.get("layers").get(0);
    assertEquals("estates", est.get("id").asString());
    assertEquals("estate", est.get("role").asString());
    assertEquals("Polygon", est.get("geometryType").asString());
    assertEquals(7, est.get("featureCount").asInt());
    assertEquals("[104.02,-7.4,112.78,1.09]", est.get("bbox").toString());
    assertEquals(0, est.get("repairedCount").asInt());
    assertEquals("geojson", est.get("sourceType").asString());
    assertEquals("Industrial estates", est.at("/title/en").asString());
  }
}
