package id.tapak.core.corridor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.geo.GeoJson;
import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.rulebook.RulebookLoader;
import id.tapak.core.rulebook.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The suitability grid of the corridor fixture (see {@link CorridorIndicatorsTest}) at 500 m, scored on the toll road
 * (along 7.115° S) and the river (along 7.30° S) only: a cell's score is worked out here by hand from its centre's
 * distances; hard constraints exclude the estate, the LP2B and everything outside KPI; candidate sites keep the 50 ha
 * rule and stay on free land.
 */
class SuitabilityGridTest {

  static SuitabilityGrid.Result grid;
  static Catalog catalog;

  @BeforeAll
  static void compute() {
    catalog = CatalogLoader.load(Path.of("src/test/resources/fixtures/corridor/tapak.yml"));
    grid = new CorridorService(catalog, RulebookLoader.forCatalog(catalog)).grid("uji").orElseThrow();
  }

  static SuitabilityGrid.Cell at(double lon, double lat) {
    Geometry p = GeoJson.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat));
    return grid.cells().stream().filter(c -> c.geometry().contains(p)).findFirst().orElseThrow();
  }

  static Geometry rect(double x0, double y0, double x1, double y1) {
    return GeoJson.FACTORY.toGeometry(new Envelope(x0, x1, y0, y1));
  }

  /** 1 within the distance, linearly to 0 at twice it: written out again here, not taken from the grid. */
  static double byHand(double metres, double max) {
    return metres <= max ? 1 : metres >= 2 * max ? 0 : 2 - metres / max;
  }

  @Test
  void aCellIsScoredFromItsDistancesByTheRulebookLimits() {
    SuitabilityGrid.Cell cell = at(112.7455, -7.2055);
    assertThat(cell.excluded()).isFalse();
    assertThat(cell.freeShare()).isGreaterThanOrEqualTo(SuitabilityGrid.MIN_FREE_SHARE);
    double cx = cell.geometry().getCentroid().getX();
    double cy = cell.geometry().getCentroid().getY();
    // the nearest point of a line of constant latitude is due north (toll) or due south (river)
    double toll = GeodesicMeasure.metres(cx, cy, cx, -7.115);
    double river = GeodesicMeasure.metres(cx, cy, cx, -7.30);
    assertThat(cell.distances().get("access-toll")).isCloseTo(toll, within(toll * 0.002));
    assertThat(cell.distances().get("access-water")).isCloseTo(river, within(river * 0.002));
    assertThat(cell.distances().get("access-rail")).isNull();
    double expected = 100 * (byHand(toll, 10_000) + byHand(river, 5_000)) / 2;
    assertThat(cell.score()).isCloseTo(expected, within(0.5));
  }

  @Test
  void hardConstraintsExcludeCells() {
    assertThat(at(112.6155, -7.2045).excluded()).as("in the estate").isTrue();
    assertThat(at(112.6105, -7.2185).excluded()).as("on LP2B").isTrue();
    SuitabilityGrid.Cell outside = at(112.55, -7.30);
    assertThat(outside.excluded()).as("outside KPI").isTrue();
    assertThat(outside.freeHa()).isZero();
    // the grid covers the corridor: its cells add up to at least the corridor's area
    double cells = grid.cells().stream().mapToDouble(c -> GeodesicMeasure.hectares(c.geometry())).sum();
    assertThat(cells).isGreaterThanOrEqualTo(GeodesicMeasure.hectares(grid.corridor().geometry()));
    // free land in every cell adds up to the corridor's free KPI
    double free = grid.cells().stream().mapToDouble(SuitabilityGrid.Cell::freeHa).sum();
    double expectedFree = new CorridorService(catalog, RulebookLoader.forCatalog(catalog)).report("uji")
        .orElseThrow().whole().freeKpiHa();
    assertThat(free).isCloseTo(expectedFree, within(expectedFree * 1e-4));
  }

  @Test
  void candidatesKeepTheFiftyHectareRuleAndStayOnFreeLand() {
    assertThat(grid.candidates()).isNotEmpty();
    Geometry taken = rect(112.61, -7.21, 112.62, -7.20).union(rect(112.60, -7.22, 112.62, -7.215));
    for (SuitabilityGrid.Candidate c : grid.candidates()) {
      assertThat(c.ha()).isGreaterThanOrEqualTo(50);
      assertThat(c.ha()).isCloseTo(GeodesicMeasure.hectares(c.site()), within(1e-6));
      assertThat(c.meanScore()).isGreaterThanOrEqualTo(50);
      assertThat(GeodesicMeasure.hectares(c.site().intersection(taken))).isLessThan(1e-4);
      assertThat(c.report().finding("kpi-allocation").orElseThrow().status()).isEqualTo(Status.PASS);
      assertThat(c.report().finding("min-expanse").orElseThrow().status()).isEqualTo(Status.PASS);
      assertThat(c.report().finding("lp2b-overlap").orElseThrow().status()).isNotEqualTo(Status.FAIL);
    }
    for (int i = 1; i < grid.candidates().size(); i++) {
      assertThat(grid.candidates().get(i).meanScore()).isLessThanOrEqualTo(grid.candidates().get(i - 1).meanScore());
      assertThat(grid.candidates().get(i).rank()).isEqualTo(i + 1);
    }
  }
}
