package id.tapak.web.map;

import id.tapak.core.catalog.LayerFeatures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.model.Feature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web map's API and the printed report when a layer is live in PostGIS: the demo project with its LP2B layer
 * moved into a PostGIS table ({@code source.type: postgis}); the catalog says so (the page badges it), the WMS draws
 * it, a check of the Mojosari fixture finds the same LP2B conflict as from the GeoPackage, and its PDF, HTML and map
 * are made. Runs under {@code mvn -Ppostgis} (scripts/test); an unreachable database fails.
 */
@Tag("postgis")
@SpringBootTest(classes = id.tapak.app.TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebMapPostgisTest {

  static final String URL = System.getenv().getOrDefault("TAPAK_PG_URL",
      "jdbc:postgresql://127.0.0.1:55432/gis?user=postgres");
  static final Path DIR = Path.of("target/webmap-postgis");
  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort
  int port;

  /** The demo project with absolute paths, and lp2b read from PostGIS (copied there from the GeoPackage). */
  @DynamicPropertySource
  static void project(DynamicPropertyRegistry r) throws Exception {
    Catalog demo = CatalogLoader.load(Path.of("layers/tapak.yml"));
    try (Connection c = DriverManager.getConnection(URL); Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS tapak_webmap CASCADE");
      st.execute("CREATE SCHEMA tapak_webmap");
      st.execute("CREATE TABLE tapak_webmap.lp2b (fid serial PRIMARY KEY, nama text, luas_ha double precision, "
          + "geometry_quality text, geom geometry(MultiPolygon, 4326))");
      WKBWriter wkb = new WKBWriter(2);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO tapak_webmap.lp2b (nama, luas_ha, geometry_quality, "
          + "geom) VALUES (?, ?, ?, ST_Multi(ST_GeomFromWKB(?, 4326)))")) {
        for (Feature f : LayerFeatures.all(demo.layer("lp2b").orElseThrow())) {
          ps.setString(1, f.text("nama"));
          ps.setObject(2, f.properties().get("luas_ha"));
          ps.setString(3, f.text("geometry_quality"));
          ps.setBytes(4, wkb.write(f.geometry()));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    } catch (SQLException e) {
      fail("PostGIS is not reachable at " + URL + " (" + e.getMessage() + "); start the local cluster "
          + "(scripts/test does it) or set TAPAK_PG_URL");
    }
    String yml = Files.readString(Path.of("layers/tapak.yml"));
    String abs = Path.of("layers").toAbsolutePath().toString();
    Matcher m = Pattern.compile("(path|style|rulebook): ([A-Za-z0-9_./-]+)").matcher(yml);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + ": " + abs + "/" + m.group(2)));
    }
    m.appendTail(sb);
    String live = sb.toString().replace("source: {type: geopackage, path: " + abs + "/lp2b.gpkg, layer: lp2b}",
        "source: {type: postgis, path: \"" + URL + "\", layer: tapak_webmap.lp2b}");
    assertTrue(live.contains("type: postgis"), "the lp2b source line of layers/tapak.yml changed");
    Files.createDirectories(DIR);
    Files.writeString(DIR.resolve("tapak.yml"), live);
    r.add("tapak.project", () -> DIR.resolve("tapak.yml").toString());
    r.add("tapak.data-dir", () -> DIR.resolve("data").toString());
  }

  HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpRequest.Builder at(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  @Test
  void pageApiAndReportWorkWithALiveLayer() throws Exception {
    JsonNode layers = JSON.readTree(send(at("/api/layers")).body());
    JsonNode lp2b = null;
    for (JsonNode l : layers.path("layers")) {
      if (l.path("id").asString().equals("lp2b")) {
        lp2b = l;
      }
    }
    assertTrue(lp2b != null && lp2b.path("sourceType").asString().equals("postgis"), String.valueOf(lp2b));
    assertTrue(lp2b.path("schematic").asBoolean(), "geometry_quality travels through PostGIS");
    assertEquals(200, send(at("/")).statusCode());
    HttpResponse<byte[]> map = send(at("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=lp2b&STYLES=&CRS=EPSG:4326"
        + "&BBOX=-7.55,112.40,-7.40,112.60&WIDTH=300&HEIGHT=225&FORMAT=image/png&TRANSPARENT=TRUE"));
    assertEquals("image/png", map.headers().firstValue("Content-Type").orElse(""));
    java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(map.body()));
    int opaque = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        opaque += (img.getRGB(x, y) >>> 24) > 0 ? 1 : 0;
      }
    }
    assertTrue(opaque > 500, "the PostGIS LP2B layer is drawn: " + opaque + " opaque pixels");

    String site = Files.readString(Path.of("src/test/resources/fixtures/webmap/site-mojosari.geojson"));
    HttpResponse<byte[]> created = send(at("/api/checks").header("Content-Type", "application/geo+json")
        .header("Authorization", id.tapak.TestTokens.planner())
        .POST(HttpRequest.BodyPublishers.ofString(site)));
    assertEquals(201, created.statusCode(), new String(created.body(), StandardCharsets.UTF_8));
    JsonNode report = JSON.readTree(created.body());
    JsonNode overlap = null;
    for (JsonNode f : report.path("findings")) {
      if (f.path("rule").asString().equals("lp2b-overlap")) {
        overlap = f;
      }
    }
    assertTrue(overlap != null && overlap.path("status").asString().equals("FAIL"), String.valueOf(overlap));
    // the same block as the GeoPackage gives (CheckReportTest's check): 29.9196 ha, to the rounding of the report
    assertEquals(29.9196, overlap.path("conflictHa").asDouble(), 0.001);
    String id = report.path("id").asString();
    HttpResponse<byte[]> pdf = send(at("/api/checks/" + id + "/report.pdf"));
    assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
    Path file = DIR.resolve("report.pdf");
    Files.write(file, pdf.body());
    String text = WebMapBrowserTest.tool("pdftotext", "-enc", "UTF-8", file.toString(), "-").out();
    assertTrue(text.contains("TIDAK SESUAI") && text.contains("UU 41/2009 Pasal 44"), text);
    String compact = text.replaceAll("\\s+", "");
    assertTrue(compact.contains("Lahanpertanianpanganberkelanjutan(skematik)(lp2b)")
        && compact.contains("PostGIStapak_webmap.lp2b"), "data used names the PostGIS layer and its table");
    String html = new String(send(at("/api/checks/" + id + "/report.html")).body(), StandardCharsets.UTF_8);
    assertTrue(html.contains("Tidak sesuai"));
    assertEquals("image/png", send(at("/api/checks/" + id + "/map.png?width=400&height=300")).headers()
        .firstValue("Content-Type").orElse(""));
  }
}
