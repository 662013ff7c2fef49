package id.tapak.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.DrawQuery;
import id.tapak.core.catalog.FeatureQuery;
import id.tapak.core.catalog.Layer;
import id.tapak.core.model.Feature;
import id.tapak.core.publish.features.BaseUrl;
import id.tapak.core.publish.features.FeaturesApi;
import id.tapak.core.publish.features.ItemsPage;
import id.tapak.core.publish.features.ItemsRequest;
import id.tapak.core.publish.render.MapCrs;
import id.tapak.core.publish.render.MapRenderer;
import id.tapak.core.publish.render.MapView;
import id.tapak.core.publish.render.TileCache;
import id.tapak.core.publish.style.DefaultStyles;
import id.tapak.core.publish.style.Style;
import id.tapak.core.publish.wms.WmsLayers;
import id.tapak.core.publish.wms.WmsParameters;
import id.tapak.core.publish.wms.WmsService;
import id.tapak.core.rulebook.ConformityReport;
import id.tapak.core.rulebook.Finding;
import id.tapak.core.rulebook.Status;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * A live PostGIS layer against the GeoPackage it was imported from: the West Java per-kab/kota RTRW
 * ({@code ../shared/data/rtrw_jabar_kkpr/rtrwp_jabar_per_kabkota_subset.gpkg}, layer
 * {@code rtrwp_jabar_per_kabkota}, 33 polygons) goes into PostGIS with {@code scripts/import} (ogr2ogr), and the
 * same OGC API items, WMS GetMap pixels and check results come out of both; then rows inserted, updated and deleted
 * with SQL are seen without a restart (version, items and the check result change). {@code TAPAK_PG_URL}; an
 * unreachable database fails the run.
 */
@Tag("postgis")
class LiveLayerTest {

  static final String TABLE = "tapak_live_test.rtrw_jabar";
  static final BaseUrl BASE = new BaseUrl("https://tapak.example.id/");
  /** Inside KPI (PASS), on farmland (FAIL), across the KPI edge: the sites of JabarRtrwKpiTest. */
  static final double[][] SITES = {{107.4553, -6.4656, 107.4603, -6.4606}, {107.4070, -6.6705, 107.4130, -6.6645},
      {107.4761, -6.4475, 107.4821, -6.4415}};

  static Catalog file;
  static Catalog live;

  @BeforeAll
  static void importAndLoad(@TempDir Path tmp) throws Exception {
    ImportScriptTest.Run r = ImportScriptTest.importScript(tmp, ImportScriptTest.GPKG.toString(), "--layer",
        "rtrw_jabar", "--role", "spatial-plan", "--schema", "tapak_live_test");
    assertThat(r.exit()).as(r.err()).isZero();
    file = ImportScriptTest.project(tmp.resolve("file"), "  - id: rtrw_jabar\n    title: {id: RTRWP, en: RTRWP}\n"
        + "    role: spatial-plan\n    source: {type: geopackage, path: " + ImportScriptTest.GPKG
        + ", layer: rtrwp_jabar_per_kabkota}\n    fields: {name: NAMOBJ, planClass: NAMOBJ}\n");
    // the entry scripts/import printed, polling the version every 100 ms instead of the default 1 s
    live = ImportScriptTest.project(tmp.resolve("pg"), r.out().replace("layer: " + TABLE + "}",
        "layer: " + TABLE + ", pollMillis: 100}"));
    assertThat(live.layers().get(0).inMemory()).as("postgis layers are live by default").isFalse();
    assertThat(file.layers().get(0).inMemory()).isTrue();
  }

  static Layer liveLayer() {
    return live.layers().get(0);
  }

  /** Every item through the OGC API, in pages of 7, as id → properties + geometry text. */
  static Map<String, String> items(Catalog c, Map<String, String> params) {
    FeaturesApi api = new FeaturesApi(c);
    Map<String, String> out = new LinkedHashMap<>();
    int offset = 0;
    while (true) {
      Map<String, String> p = new LinkedHashMap<>(params);
      p.put("limit", "7");
      p.put("offset", Integer.toString(offset));
      ItemsPage page = api.items(BASE, ItemsRequest.parse("rtrw_jabar", p));
      for (Feature f : page.features()) {
        // geometry by its normalized form rounded to 1e-7° (1 cm): scripts/import repairs invalid source polygons
        // with GEOS MakeValid, Tapak repairs the GeoPackage's with JTS, so rings may start at another vertex
        out.put(f.id(), f.properties() + " " + shape(f.geometry()));
      }
      offset += page.features().size();
      if (page.features().isEmpty() || offset >= page.numberMatched()) {
        assertThat(out).hasSize(page.numberMatched());
        return out;
      }
    }
  }

  static String shape(org.locationtech.jts.geom.Geometry g) {
    org.locationtech.jts.geom.Geometry n = org.locationtech.jts.precision.GeometryPrecisionReducer.reduce(g,
        new org.locationtech.jts.geom.PrecisionModel(1e7));
    return String.format(Locale.ROOT, "%s %.9f", n.getEnvelopeInternal(), g.getArea());
  }

  @Test
  void sameItemsAsTheGeoPackage() {
    Map<String, String> a = items(file, Map.of());
    Map<String, String> b = items(live, Map.of());
    assertThat(a).hasSize(33);
    assertThat(b).isEqualTo(a);
    Map<String, String> bbox = Map.of("bbox", "107.40,-6.70,107.50,-6.40");
    assertThat(items(live, bbox)).isEqualTo(items(file, bbox)).isNotEmpty();
    Map<String, String> filter = Map.of("filter", "NAMOBJ = 'Kawasan Peruntukan Industri'");
    assertThat(items(live, filter)).isEqualTo(items(file, filter)).isNotEmpty();
    Map<String, String> sorted = Map.of("sortby", "-NAMOBJ");
    assertThat(List.copyOf(items(live, sorted).keySet())).isEqualTo(List.copyOf(items(file, sorted).keySet()));
    assertThat(liveLayer().count()).isEqualTo(33);
    assertThat(liveLayer().bbox().getMinX()).isCloseTo(file.layers().get(0).bbox().getMinX(), within(1e-9));
    assertThat(liveLayer().bbox().getMaxY()).isCloseTo(file.layers().get(0).bbox().getMaxY(), within(1e-9));
  }

  static BufferedImage map(Catalog c, Envelope e) throws Exception {
    return getMap(c, "CRS:84", e, 384);
  }

  /** A square transparent PNG GetMap of the layer in {@code crs} over {@code e} (east, north order), decoded. */
  static BufferedImage getMap(Catalog c, String crs, Envelope e, int size) throws Exception {
    WmsService wms = new WmsService(new WmsLayers(c), 4096, 4096, new TileCache(0));
    Map<String, String> p = new LinkedHashMap<>();
    p.put("SERVICE", "WMS");
    p.put("VERSION", "1.3.0");
    p.put("REQUEST", "GetMap");
    p.put("LAYERS", "rtrw_jabar");
    p.put("STYLES", "");
    p.put("CRS", crs);
    p.put("BBOX", String.format(Locale.ROOT, "%f,%f,%f,%f", e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
    p.put("WIDTH", Integer.toString(size));
    p.put("HEIGHT", Integer.toString(size));
    p.put("FORMAT", "image/png");
    p.put("TRANSPARENT", "TRUE");
    return ImageIO.read(new ByteArrayInputStream(wms.handle(WmsParameters.of(p), "http://x/wms").body()));
  }

  @Test
  void sameMapPixelsAsTheGeoPackage() throws Exception {
    Envelope whole = file.layers().get(0).bbox();
    Envelope zoom = new Envelope(107.40, 107.50, -6.70, -6.40);
    for (Envelope e : List.of(whole, zoom)) {
      BufferedImage a = map(file, e);
      BufferedImage b = map(live, e);
      int drawn = 0;
      int differ = 0;
      for (int y = 0; y < a.getHeight(); y++) {
        for (int x = 0; x < a.getWidth(); x++) {
          differ += b.getRGB(x, y) != a.getRGB(x, y) ? 1 : 0;
          drawn += (a.getRGB(x, y) >>> 24) != 0 ? 1 : 0;
        }
      }
      assertThat(drawn).as("the map draws the plan").isGreaterThan(384 * 384 / 20);
      // measured: 12 of 13 761 drawn pixels differ on the whole extent, all on outlines of the polygons that
      // scripts/import repaired with GEOS MakeValid where Tapak repairs the GeoPackage's with JTS
      assertThat(differ).as("pixels that differ on %s", e).isLessThanOrEqualTo(drawn / 500);
    }
  }

  /** Web-mercator metres of a lon/lat position (EPSG:3857 sphere). */
  static double[] mercator(double lon, double lat) {
    double r = 6378137.0;
    return new double[] {Math.toRadians(lon) * r, Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * r};
  }

  /** A 256×256 EPSG:3857 GetMap of the layer over a web-mercator box (x, y metres). */
  static BufferedImage tile(Catalog c, Envelope m) throws Exception {
    return getMap(c, "EPSG:3857", m, 256);
  }

  /**
   * The z13 tiles (4 892 m) of a 3 × 3 block near Purwakarta that the plan covers whole (7 kab/kota polygons of
   * 10 000 to 60 000 vertices under each, by ST_Intersection with the tiles), web-mercator boxes.
   */
  static List<Envelope> z13Tiles() {
    double size = 2 * Math.PI * 6378137.0 / (1 << 13);
    double[] o = mercator(107.30, -6.75);
    List<Envelope> out = new java.util.ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      for (int j = 2; j <= 4; j++) {
        double x = Math.floor(o[0] / size + i) * size;
        double y = Math.floor(o[1] / size + j) * size;
        out.add(new Envelope(x, x + size, y, y + size));
      }
    }
    return out;
  }

  /**
   * The drawing query of a live layer is reduced in SQL: on a z13 tile inside the large kab/kota plan polygons the
   * geometries come clipped to the query's clip box (whose edges lie outside the image by more than the margin and
   * the widest stroke) with fewer vertices than the stored ones, and only the style's attributes.
   */
  @Test
  void drawingQueryClipsAndThinsInSql() {
    Envelope m = z13Tiles().get(4);
    MapView view = new MapView(MapCrs.WEB_MERCATOR, m, 256, 256, true, 0xFFFFFF, false);
    Style style = DefaultStyles.forRole(liveLayer().role(), liveLayer().spec().fields());
    DrawQuery q = MapRenderer.drawQuery(view, style);
    assertThat(q.clip()).as("the plan style has no labels at z13: clipped").isNotNull();
    Envelope clip = java.util.Objects.requireNonNull(q.clip());
    // the clip box is at least 16 px (2 x MARGIN_PX) + the widest stroke outside the image on every side
    double res = m.getWidth() / 256;
    Envelope inner = new Envelope(m);
    inner.expandBy(res * (2 * MapRenderer.MARGIN_PX));
    double[] lo = mercator(clip.getMinX(), clip.getMinY());
    double[] hi = mercator(clip.getMaxX(), clip.getMaxY());
    assertThat(new Envelope(lo[0], hi[0], lo[1], hi[1]).contains(inner)).as("clip %s around %s", clip, inner).isTrue();
    long[] stored = {0, 0};
    List<String> storedIds = new java.util.ArrayList<>();
    List<String> drawnIds = new java.util.ArrayList<>();
    liveLayer().visit(q.box(), f -> {
      storedIds.add(f.id());
      stored[0]++;
      stored[1] += f.geometry().getNumPoints();
      return true;
    });
    long[] drawn = {0, 0};
    liveLayer().visitForDrawing(q, f -> {
      drawnIds.add(f.id());
      drawn[0]++;
      drawn[1] += f.geometry().getNumPoints();
      assertThat(clip.contains(f.geometry().getEnvelopeInternal())).as("feature %s clipped", f.id()).isTrue();
      assertThat(f.properties().keySet()).isEqualTo(style.properties());
      return true;
    });
    assertThat(stored[0]).as("features under the tile").isGreaterThan(0);
    // a feature whose envelope meets the box but whose polygon does not meet the clip box comes clipped away
    assertThat(drawn[0]).isPositive().isLessThanOrEqualTo(stored[0]);
    assertThat(storedIds).as("drawn in layer order").containsSubsequence(drawnIds);
    // measured: 7 features of 256 402 stored vertices; 6 drawn (one clipped away) of 7 191 vertices
    assertThat(drawn[1]).as("vertices drawn vs stored (%d)", stored[1]).isLessThan(stored[1] / 10);
  }

  /**
   * Dense EPSG:3857 z13 tiles drawn from the live layer (clipped and thinned in SQL) against the same tiles from the
   * GeoPackage in memory (full geometries, thinned by the renderer only): at most 0.2 % of the drawn pixels differ
   * on a tile, and no outline runs along a tile's edge (the clip's own edges lie outside the image): at most 8
   * differing pixels in the outermost two rows and columns of a tile (a seam would be a whole 256 px side). Measured:
   * 393 of 589 824 pixels differ over the 9 tiles (0–80 a tile, 0–4 on its edges; without thinning 379, so nearly
   * all come from GEOS clipping and repair, not from the thinning), all on outlines.
   */
  @Test
  void denseTilesFromThePostgisLayerMatchTheGeoPackage() throws Exception {
    int drawnAll = 0;
    int differAll = 0;
    for (Envelope m : z13Tiles()) {
      BufferedImage a = tile(file, m);
      BufferedImage b = tile(live, m);
      int drawn = 0;
      int differ = 0;
      int edge = 0;
      for (int y = 0; y < 256; y++) {
        for (int x = 0; x < 256; x++) {
          boolean d = b.getRGB(x, y) != a.getRGB(x, y);
          differ += d ? 1 : 0;
          drawn += (a.getRGB(x, y) >>> 24) != 0 ? 1 : 0;
          edge += d && (x < 2 || y < 2 || x > 253 || y > 253) ? 1 : 0;
        }
      }
      assertThat(drawn).as("tile %s draws the plan", m).isGreaterThan(256 * 256 * 9 / 10);
      assertThat(differ).as("pixels that differ on tile %s", m).isLessThanOrEqualTo(drawn / 500);
      assertThat(edge).as("differing pixels along the edges of tile %s (a seam)", m).isLessThanOrEqualTo(8);
      drawnAll += drawn;
      differAll += differ;
    }
    System.out.printf("live vs GeoPackage z13 tiles: %d of %d drawn pixels differ%n", differAll, drawnAll);
  }

  @Test
  void sameCheckResultsAsTheGeoPackage() {
    for (double[] s : SITES) {
      ConformityReport ra = ImportScriptTest.check(file, s[0], s[1], s[2], s[3]);
      ConformityReport rb = ImportScriptTest.check(live, s[0], s[1], s[2], s[3]);
      assertThat(rb.verdict()).isEqualTo(ra.verdict());
      assertThat(rb.findings()).hasSameSizeAs(ra.findings());
      for (int i = 0; i < ra.findings().size(); i++) {
        Finding fa = ra.findings().get(i);
        Finding fb = rb.findings().get(i);
        assertThat(fb.ruleId()).isEqualTo(fa.ruleId());
        assertThat(fb.status()).as(fa.ruleId()).isEqualTo(fa.status());
        assertThat(fb.conflictHa() == null ? 0 : fb.conflictHa()).as(fa.ruleId())
            .isCloseTo(fa.conflictHa() == null ? 0 : fa.conflictHa(), within(1e-6));
      }
    }
  }

  static void sql(String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection(ImportScriptTest.URL); Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  /** Waits (≤ 10 s) until the layer has seen the edit; the version is polled at most every 100 ms. */
  static void until(BooleanSupplier seen, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!seen.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what + " within 10 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  static Status kpiAt(double[] s) {
    return ImportScriptTest.check(live, s[0], s[1], s[2], s[3]).finding("kpi-allocation").orElseThrow().status();
  }

  @Test
  void insertUpdateAndDeleteAreSeenLive() throws Exception {
    double[] site = SITES[0];
    String box = String.format(Locale.ROOT, "ST_MakeEnvelope(%f, %f, %f, %f, 4326)", site[0], site[1], site[2],
        site[3]);
    assertThat(kpiAt(site)).isEqualTo(Status.PASS);
    long v0 = liveLayer().version();

    // update: the plan polygons under the site become farmland, the site is outside KPI
    sql("DROP TABLE IF EXISTS tapak_live_test.saved",
        "CREATE TABLE tapak_live_test.saved AS SELECT * FROM " + TABLE + " WHERE ST_Intersects(geom, " + box + ")",
        "UPDATE " + TABLE + " SET \"NAMOBJ\" = 'Kawasan Peruntukan Pertanian' WHERE ST_Intersects(geom, " + box + ")");
    until(() -> liveLayer().version() != v0, "the update");
    assertThat(kpiAt(site)).isEqualTo(Status.FAIL);
    long v1 = liveLayer().version();

    // delete: no plan under the site, the KPI rule cannot be assessed there
    sql("DELETE FROM " + TABLE + " WHERE ST_Intersects(geom, " + box + ")");
    until(() -> liveLayer().version() != v1, "the delete");
    assertThat(kpiAt(site)).isEqualTo(Status.NOT_ASSESSED);
    int gone = 33 - (int) liveLayer().count();
    assertThat(gone).isPositive();
    assertThat(items(live, Map.of())).hasSize(33 - gone);
    long v2 = liveLayer().version();

    // insert: the saved rows come back, the site is inside KPI again
    sql("INSERT INTO " + TABLE + " SELECT * FROM tapak_live_test.saved", "DROP TABLE tapak_live_test.saved");
    until(() -> liveLayer().version() != v2, "the insert");
    assertThat(kpiAt(site)).isEqualTo(Status.PASS);
    assertThat(items(live, Map.of())).isEqualTo(items(file, Map.of()));
  }

  @Test
  void theFeaturesOfAPageAreTheLayersOwnPage() {
    assertThat(liveLayer().query(new FeatureQuery(null, 5, 30)).features()).hasSize(3);
    assertThat(liveLayer().query(new FeatureQuery(null, 5, 30)).numberMatched()).isEqualTo(33);
  }
}
