package id.tapak.web.corridors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The suitability grid and candidate sites over HTTP, on the corridor fixture: GeoJSON, full reports, 404s. */
@SpringBootTest(classes = id.tapak.app.TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tapak.project=src/test/resources/fixtures/corridor/tapak.yml", "tapak.data-dir=target/grid-api-test"})
class GridApiTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void gridCandidatesAndTheirReports() throws Exception {
    HttpResponse<String> g = get("/api/corridors/uji/grid");
    assertThat(g.statusCode()).isEqualTo(200);
    assertThat(g.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
        assertThat(t).startsWith("application/geo+json"));
    JsonNode grid = JSON.readTree(g.body());
    assertThat(grid.path("type").asString()).isEqualTo("FeatureCollection");
    assertThat(grid.path("cellM").asDouble()).isEqualTo(500);
    long scored = 0;
    for (JsonNode f : grid.path("features")) {
      JsonNode p = f.path("properties");
      assertThat(f.path("geometry").path("type").asString()).isEqualTo("Polygon");
      if (!p.path("excluded").asBoolean()) {
        scored++;
        assertThat(p.path("free_share").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(p.path("score").asDouble()).isBetween(0.0, 100.0);
      }
    }
    assertThat(scored).isGreaterThan(0);

    JsonNode cands = JSON.readTree(get("/api/corridors/uji/candidates").body()).path("features");
    assertThat(cands.size()).isGreaterThan(0);
    JsonNode first = cands.get(0).path("properties");
    assertThat(first.path("rank").asInt()).isEqualTo(1);
    assertThat(first.path("area_ha").asDouble()).isGreaterThanOrEqualTo(50);
    HttpResponse<String> report = get(first.path("report").asString());
    assertThat(report.statusCode()).isEqualTo(200);
    JsonNode r = JSON.readTree(report.body());
    assertThat(r.path("verdict").asString()).isEqualTo(first.path("verdict").asString());
    assertThat(r.path("siteHa").asDouble()).isCloseTo(first.path("area_ha").asDouble(),
        org.assertj.core.data.Offset.offset(0.001));

    HttpResponse<String> noRank = get("/api/corridors/uji/candidates/99");
    assertThat(noRank.statusCode()).isEqualTo(404);
    assertThat(noRank.body()).contains("\"field\":\"rank\"");
    assertThat(get("/api/corridors/nope/grid").statusCode()).isEqualTo(404);
  }

  /** The grid and the candidates as WMS layers: listed in capabilities, drawn where the free KPI is, with a legend. */
  @Test
  void gridAndCandidatesAreWmsLayers() throws Exception {
    String caps = get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities").body();
    assertThat(caps).contains("<Name>kesesuaian_uji</Name>").contains("<Name>kandidat_uji</Name>")
        .contains("Koridor prioritas");
    // CRS:84 box around the eastern KPI block (112.74-112.76 E, 7.22-7.20 S), and one over farmland only
    java.awt.image.BufferedImage kpi = png("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=kesesuaian_uji"
        + "&STYLES=&CRS=CRS:84&BBOX=112.735,-7.225,112.765,-7.195&WIDTH=200&HEIGHT=200&FORMAT=image/png"
        + "&TRANSPARENT=TRUE");
    java.awt.image.BufferedImage farm = png("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=kesesuaian_uji"
        + "&STYLES=&CRS=CRS:84&BBOX=112.52,-7.38,112.55,-7.35&WIDTH=200&HEIGHT=200&FORMAT=image/png"
        + "&TRANSPARENT=TRUE");
    assertThat(opaque(kpi)).as("cells drawn over the free KPI").isGreaterThan(200 * 200 / 4);
    assertThat(opaque(farm)).as("excluded cells are not drawn").isZero();
    assertThat(opaque(png("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=kandidat_uji&STYLES=&CRS=CRS:84"
        + "&BBOX=112.735,-7.225,112.765,-7.195&WIDTH=200&HEIGHT=200&FORMAT=image/png&TRANSPARENT=TRUE")))
        .as("the candidate outline").isGreaterThan(100);
    java.awt.image.BufferedImage legend = png("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic"
        + "&LAYER=kesesuaian_uji&FORMAT=image/png");
    assertThat(legend.getHeight()).isGreaterThan(40);
  }

  java.awt.image.BufferedImage png(String path) throws Exception {
    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(r.body()));
    assertThat(img).as(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).isNotNull();
    return img;
  }

  static int opaque(java.awt.image.BufferedImage img) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) >>> 24) != 0) {
          n++;
        }
      }
    }
    return n;
  }
}
