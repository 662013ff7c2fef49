package id.tapak.core.rulebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.model.Budget;
import id.tapak.core.model.TapakException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and careless proposals, as bodies and as uploaded files, are refused with a 4xx naming the field before
 * any costly work: deep nesting, non-finite coordinates, unreadable {@code .prj}s, GeoPackage views, polygons too
 * tangled to repair, and uploads that outrun their time budget. Fixtures and their generator:
 * src/test/resources/fixtures/hostile (make-fixtures.py; ../README.md, ## Hostile input).
 */
class HostileInputTest {

  static final Path HOSTILE = Path.of("src/test/resources/fixtures/hostile");
  static final ProposalParser PARSER = new ProposalParser(ProposalLimits.DEFAULT);

  @TempDir
  Path scratch;

  static TapakException refusedBody(String body) {
    return assertThrows(TapakException.class, () -> PARSER.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  TapakException refusedFile(String name) {
    return refusedFile(name, ProposalLimits.DEFAULT);
  }

  TapakException refusedFile(String name, ProposalLimits limits) {
    return assertThrows(TapakException.class,
        () -> ProposalFiles.read(HOSTILE.resolve(name), scratch, Map.of(), new ProposalParser(limits)));
  }

  static void assertRefused(TapakException e, TapakException.Kind kind, String field, String says) {
    assertEquals(kind, e.kind(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains(says), e.getMessage());
    assertFalse(e.getMessage().contains("/tmp") || e.getMessage().contains("SQLITE")
        || e.getMessage().contains("tools.jackson"), "no internals: " + e.getMessage());
  }

  @Test
  void aStarWhoseEdgesAllCrossIsRefusedBeforeRepair() throws IOException {
    // 500 vertices, 124 000 crossings: GeometryFixer took 34 s; counting stops at the limit
    TapakException e = refusedBody(Files.readString(HOSTILE.resolve("star500.geojson")));
    assertRefused(e, TapakException.Kind.UNPROCESSABLE, "geometry", "crosses itself at more than 1000 points");
    // a 16-vertex star (96 crossings) is still repaired, to its outline
    Proposal small = PARSER.parse(Files.readAllBytes(HOSTILE.resolve("star16.geojson")));
    assertTrue(small.notes().stream().anyMatch(n -> n.startsWith("geometry was invalid")), small.notes().toString());
    assertTrue(GeodesicMeasure.hectares(small.site()) > 50, "the repaired star keeps its area");
  }

  @Test
  void deepJsonIsRefusedWhileReading() {
    assertRefused(refusedBody("[".repeat(100_000)), TapakException.Kind.UNPROCESSABLE, "body", "deeper than 64");
    assertRefused(refusedBody("{\"type\":\"Feature\",\"properties\":{\"a\":" + "[".repeat(70) + "]".repeat(70)
        + "}}"), TapakException.Kind.UNPROCESSABLE, "body", "deeper than 64");
  }

  @Test
  void overflowingCoordinatesAreRefusedInBodiesAndFiles() {
    TapakException body = refusedBody("{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\","
        + "\"coordinates\":[[[112.6,-7.2],[1e999,-7.2],[112.61,-7.19],[112.6,-7.2]]]}}");
    assertRefused(body, TapakException.Kind.UNPROCESSABLE, "geometry.coordinates[0][1]", "finite");
    assertRefused(refusedFile("infinite.geojson"), TapakException.Kind.UNPROCESSABLE, "file", "finite");
    assertRefused(refusedFile("nan.kml"), TapakException.Kind.UNPROCESSABLE, "file", "finite");
    assertRefused(refusedFile("infinite.kml"), TapakException.Kind.UNPROCESSABLE, "file", "finite");
    assertRefused(refusedFile("nan_4326.zip"), TapakException.Kind.UNPROCESSABLE, "file", "record 1: a coordinate "
        + "is not a finite number");
    assertRefused(refusedFile("nan.gpkg"), TapakException.Kind.UNPROCESSABLE, "file", "not a finite number");
  }

  @Test
  void deepGeometriesAndDocumentsAreRefused() {
    assertRefused(refusedFile("deep.gpkg"), TapakException.Kind.UNPROCESSABLE, "file", "nested deeper than 8");
    assertRefused(refusedFile("deep_collection.geojson"), TapakException.Kind.UNPROCESSABLE, "file",
        "nested deeper than 8");
    assertRefused(refusedFile("deep.kml"), TapakException.Kind.UNPROCESSABLE, "file", "nested deeper than 64");
  }

  @Test
  void aPrjTapakCannotReadIsRefusedNotReadAsWgs84() {
    assertRefused(refusedFile("unknown_prj.zip"), TapakException.Kind.UNPROCESSABLE, "file",
        "names the CRS 'Tapak_Unknown_Grid', which Tapak does not know");
    assertRefused(refusedFile("garbage_prj.zip"), TapakException.Kind.UNPROCESSABLE, "file",
        "the .prj is not readable as a WKT CRS definition");
    assertRefused(refusedFile("wgs_name_batavia_datum.zip"), TapakException.Kind.UNPROCESSABLE, "file",
        "names the CRS 'GCS_WGS_1984', which Tapak does not know");
  }

  @Test
  void geoPackageViewsAreNeverRun() {
    // each view is an endless recursive query: reading it would never return
    assertRefused(refusedFile("view.gpkg"), TapakException.Kind.UNPROCESSABLE, "file",
        "holds no feature table (views and virtual tables are not read)");
    assertRefused(refusedFile("contents_view.gpkg"), TapakException.Kind.UNPROCESSABLE, "file",
        "gpkg_contents is missing or is not a table");
  }

  @Test
  void anUploadThatOutrunsItsBudgetIsA503() {
    // a budget of one nanosecond is spent before the first feature; the outcome, not the speed, is asserted
    ProposalLimits tiny = new ProposalLimits(50_000, 20L << 20, 1_000, 1_000, Duration.ofNanos(1));
    TapakException e = assertThrows(TapakException.class, () -> ProposalFiles.read(
        Path.of("src/test/resources/fixtures/sources/estates_4326.gpkg"), scratch, Map.of(), new ProposalParser(tiny)));
    assertEquals(TapakException.Kind.OVER_BUDGET, e.kind());
    assertEquals(503, e.kind().httpStatus());
    assertTrue(e instanceof Budget.BudgetExceededException && e.getMessage().contains("nothing was stored"),
        e.getMessage());
  }

  @Test
  void aCheckThatOutrunsItsBudgetStopsWithA503() {
    id.tapak.core.catalog.Catalog catalog = id.tapak.core.catalog.CatalogLoader.load(
        Path.of("src/test/resources/fixtures/rules/tapak.yml"));
    ConformityEngine engine = new ConformityEngine(catalog, RulebookLoader.forCatalog(catalog), Duration.ofNanos(1));
    Proposal site = PARSER.parse(("{\"type\":\"Polygon\",\"coordinates\":[[[112.6,-7.2],[112.607,-7.2],"
        + "[112.607,-7.193],[112.6,-7.193],[112.6,-7.2]]]}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    TapakException e = assertThrows(TapakException.class, () -> engine.check(site));
    assertEquals(TapakException.Kind.OVER_BUDGET, e.kind());
    assertTrue(e.getMessage().startsWith("the check did not finish within its time budget"), e.getMessage());
    // the same engine with the default budget answers
    assertTrue(new ConformityEngine(catalog, RulebookLoader.forCatalog(catalog)).check(site).findings().size() > 5);
  }
}
