package id.tapak.web.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.GdalCli;
import id.tapak.GdalCli.Run;
import id.tapak.app.TapakApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GDAL's OAPIF driver as a real client of {@code /ogc}: it must list the collections and read every feature by
 * following {@code next} links. A missing GDAL is a failure, not a skip (install {@code gdal-bin}).
 */
@SpringBootTest(classes = TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = OgcTestClient.PROJECT)
class OgcApiGdalTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern ITEMS_FETCH = Pattern.compile("Fetch\\((\\S*/collections/estates/items\\S*)\\)");

  @LocalServerPort
  int port;

  private String landing() {
    return "OAPIF:http://127.0.0.1:" + port + "/ogc";
  }

  @Test
  void ogrinfoListsEveryCollectionInOrder() throws Exception {
    Run r = GdalCli.run("ogrinfo", "-ro", "-so", landing());
    assertEquals(0, r.exit(), r.out() + r.err());
    // estates mixes Polygon and MultiPolygon, so GDAL gives it no single type
    assertTrue(r.out().contains("1: estates (title: Kawasan industri / Industrial estates)"), r.out());
    assertTrue(r.out().contains("2: roads (title: Jalan / Roads) (Line String)"), r.out());
    assertTrue(r.out().contains("3: ports (title: Pelabuhan / Ports) (Point)"), r.out());
  }

  @Test
  void ogrinfoReadsTheCollectionSummaryFromTheServer() throws Exception {
    Run r = GdalCli.run("ogrinfo", "-ro", "-so", landing(), "estates");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("Feature Count: 7"), r.out());
    assertTrue(r.out().contains("Extent: (104.020000, -7.400000) - (112.780000, 1.090000)"), r.out());
    assertTrue(r.out().contains("name: String"), r.out());
  }

  /** Pages of 2 over 7 estates: GDAL must fetch 4 pages through next links and get each feature once. */
  @Test
  void ogr2ogrReadsAllItemsAcrossPages() throws Exception {
    Path out = Files.createTempFile("tapak-oapif-", ".geojson");
    Files.delete(out);
    try {
      Run r = GdalCli.run(Map.of("CPL_DEBUG", "ON"), "ogr2ogr", "-f", "GeoJSON", out.toString(), landing(), "estates",
          "-oo", "PAGE_SIZE=2");
      assertEquals(0, r.exit(), r.err());
      JsonNode fc = JSON.readTree(Files.readString(out));
      assertEquals(7, fc.get("features").size(), "every feature, once");
      TreeSet<String> names = new TreeSet<>();
      fc.get("features").forEach(f -> names.add(f.at("/properties/name").asString()));
      assertEquals(7, names.size(), names.toString());
      assertTrue(names.contains("Batamindo (far away)"), names.toString());
      List<String> pages = new ArrayList<>();
      Matcher m = ITEMS_FETCH.matcher(r.err());
      while (m.find()) {
        pages.add(m.group(1));
      }
      assertTrue(pages.stream().anyMatch(u -> u.contains("offset=6")), "GDAL followed next links: " + pages);
      assertTrue(pages.stream().filter(u -> u.contains("limit=2")).count() >= 4, pages.toString());
    } finally {
      Files.deleteIfExists(out);
    }
  }

  @Test
  void ogrinfoAppliesASpatialFilterThroughBbox() throws Exception {
    Run r = GdalCli.run(Map.of("CPL_DEBUG", "ON"), "ogrinfo", "-ro", "-q", "-spat", "112.5", "-7.5", "112.9", "-7.1",
        landing(), "ports");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("Tanjung Perak") && r.out().contains("Gresik"), r.out());
    assertTrue(!r.out().contains("Tanjung Priok"), r.out());
    assertTrue(r.err().contains("bbox="), "filtered on the server: " + r.err());
  }

  /**
   * {@code -where} gives the same estates as Tapak's own {@code filter=} for the same condition. GDAL 3.6 evaluates
   * it on the client: it pushes filters only when the OpenAPI document lists {@code /collections/{id}/items} at the
   * server root, and Tapak's API lives under {@code /ogc} (docs/ogcapi.md, "Clients").
   */
  @Test
  void ogrinfoWhereAgreesWithTheServersCql2Filter() throws Exception {
    Run r = GdalCli.run("ogrinfo", "-ro", "-q", landing(), "estates", "-where", "area_ha >= 60 AND area_ha < 100");
    assertEquals(0, r.exit(), r.err());
    TreeSet<String> gdal = new TreeSet<>();
    Matcher m = Pattern.compile("\\bid \\(String\\) = (e\\d)").matcher(r.out());
    while (m.find()) {
      gdal.add(m.group(1));
    }
    String url = "http://127.0.0.1:" + port + "/ogc/collections/estates/items?f=json&filter="
        + java.net.URLEncoder.encode("area_ha >= 60 AND area_ha < 100", java.nio.charset.StandardCharsets.UTF_8);
    TreeSet<String> server = new TreeSet<>();
    JSON.readTree(java.net.URI.create(url).toURL().openStream()).get("features")
        .forEach(f -> server.add(f.get("id").asString()));
    assertEquals(java.util.Set.of("e2", "e4", "e5", "e6"), server);
    assertEquals(server, gdal, r.out());
  }
}
