package id.tapak.core.source.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import id.tapak.core.catalog.FieldMapping;
import id.tapak.core.catalog.LayerSpec;
import id.tapak.core.geo.GeoJson;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.source.SourceSpec;
import id.tapak.core.source.SourceType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A live layer reuses the decoded geometry of a row only while the row is the same: read twice unchanged it is
 * the same object (so its prepared copy serves the exact test), and from a table the database no longer sends its
 * geometry; edited (moved, or only relabelled, with the version poll an hour away) it is sent and decoded afresh
 * and the exact test follows the new ground at once. From a view (no row versions) the bytes are the key. Only the
 * exact test of checks keeps rows; a scan keeps none. Table
 * {@code tapak_test_decoded.plan}; {@code TAPAK_PG_URL} (default the local cluster of {@code scripts/test}); an
 * unreachable database fails.
 */
@Tag("postgis")
class LiveLayerDecodedRowsTest {

  static final String TABLE = "tapak_test_decoded.plan";

  static void sql(String... statements) {
    try (Connection c = DriverManager.getConnection(PostgisSourceTest.URL); Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    } catch (SQLException e) {
      fail("PostGIS is not reachable at " + PostgisSourceTest.URL + " (" + e.getMessage() + "); scripts/test "
          + "starts the local cluster, or set TAPAK_PG_URL");
    }
  }

  static Geometry square(double x, double y, double half) {
    return GeoJson.FACTORY.toGeometry(new Envelope(x - half, x + half, y - half, y + half));
  }

  @Test
  void aRowIsReusedUntilItChanges() {
    sql("CREATE SCHEMA IF NOT EXISTS tapak_test_decoded", "DROP TABLE IF EXISTS " + TABLE,
        "CREATE TABLE " + TABLE + " (fid integer PRIMARY KEY, \"NAMOBJ\" text, geom geometry(Polygon, 4326))",
        "CREATE INDEX ON " + TABLE + " USING GIST (geom)",
        // a dissolved plan polygon of 2 401 vertices (a circle of 0.01 degrees), and a small neighbour
        "INSERT INTO " + TABLE + " VALUES (1, 'Kawasan Peruntukan Industri', ST_Buffer(ST_SetSRID(ST_MakePoint(107, "
            + "-6.5), 4326), 0.01, 600)), (2, 'Kawasan Permukiman', ST_MakeEnvelope(107.02, -6.51, 107.03, -6.49, 4326))");
    LayerSpec spec = new LayerSpec("rencana", LocalizedText.of("Rencana", "Plan"), LayerRole.SPATIAL_PLAN,
        new SourceSpec(SourceType.POSTGIS, PostgisSourceTest.URL, TABLE, null, null, null, 3_600_000),
        new FieldMapping(null, "NAMOBJ", "NAMOBJ", null, null, null, null), null, null, null);
    PostgisLayer layer = new PostgisLayer(spec, PostgisSourceTest.URL, TABLE, 3_600_000);
    layer.validate();

    layer.visit(null, f -> true);
    assertEquals(0, layer.decodedRows().size(), "a scan (item pages, maps) keeps nothing");
    Geometry site = square(107.005, -6.5, 0.002);
    List<Feature> first = layer.intersecting(site);
    assertEquals(List.of("1"), first.stream().map(Feature::id).toList());
    assertEquals(2401, first.get(0).geometry().getNumPoints());
    assertEquals(0, layer.rowsSentWithoutGeometry());
    List<Feature> second = layer.intersecting(site);
    assertSame(first.get(0).geometry(), second.get(0).geometry(), "unchanged row: the same decoded geometry");
    assertEquals(1, layer.rowsSentWithoutGeometry(), "unchanged row of a table: its geometry is not sent again");
    assertEquals(1, layer.decodedRows().size(), "only the row under the site is kept");

    // a site in the north-east corner of the circle's envelope, 0.0012 degrees outside the circle: no, exactly
    Geometry corner = square(107.0095, -6.4905, 0.001);
    assertEquals(List.of(), layer.intersecting(corner));
    assertEquals(2, layer.rowsSentWithoutGeometry(), "a candidate by its box, tested as held");

    long version = layer.version();
    sql("UPDATE " + TABLE + " SET geom = ST_Translate(geom, 0.002, 0.002) WHERE fid = 1");
    assertEquals(version, layer.version(), "the version is not polled again for an hour");
    List<Feature> moved = layer.intersecting(corner);
    assertEquals(List.of("1"), moved.stream().map(Feature::id).toList(), "the moved circle now reaches the corner");
    assertNotSame(first.get(0).geometry(), moved.get(0).geometry(), "edited bytes: decoded afresh");
    assertEquals(107.002, moved.get(0).geometry().getCentroid().getX(), 1e-9);
    assertEquals(2, layer.rowsSentWithoutGeometry(), "the moved row came whole");
    assertTrue(layer.decodedRows().size() <= 2, "the old versions age out; the budget bounds them");

    // relabelled only: a new row version, so the row comes whole again, with its new class
    sql("UPDATE " + TABLE + " SET \"NAMOBJ\" = 'Kawasan Permukiman' WHERE fid = 1");
    List<Feature> relabelled = layer.intersecting(corner);
    assertEquals("Kawasan Permukiman", relabelled.get(0).properties().get("NAMOBJ"));
    assertEquals(2, layer.rowsSentWithoutGeometry());
    assertSame(relabelled.get(0).geometry(), layer.intersecting(corner).get(0).geometry());
    assertEquals(3, layer.rowsSentWithoutGeometry(), "and then not again while unchanged");

    // a small row is kept by its version as well: under a site the second time, it comes without its geometry
    Geometry east = square(107.025, -6.5, 0.002);
    Geometry small = layer.intersecting(east).get(0).geometry();
    assertEquals(5, small.getNumPoints());
    assertEquals(3, layer.rowsSentWithoutGeometry(), "first read: whole");
    assertSame(small, layer.intersecting(east).get(0).geometry());
    assertEquals(4, layer.rowsSentWithoutGeometry(), "the small row held: not sent again");
    sql("UPDATE " + TABLE + " SET geom = ST_Translate(geom, 0.001, 0) WHERE fid = 2");
    Geometry smallMoved = layer.intersecting(east).get(0).geometry();
    assertEquals(107.021, smallMoved.getEnvelopeInternal().getMinX(), 1e-9, "edited: the new ground at once");
    assertEquals(4, layer.rowsSentWithoutGeometry(), "the edited small row came whole");

    // the area around a site (distance and setback rules) is read through the held rows as well
    Envelope around = new Envelope(107.02, 107.03, -6.51, -6.49);
    assertSame(smallMoved, layer.candidates(around).get(0).geometry());
    assertSame(smallMoved, layer.candidates(around).get(0).geometry());
    assertEquals(6, layer.rowsSentWithoutGeometry(), "held: not sent again");
  }

  @Test
  void fromAViewTheBytesAreTheKey() {
    sql("CREATE SCHEMA IF NOT EXISTS tapak_test_decoded", "DROP VIEW IF EXISTS tapak_test_decoded.plan_view",
        "DROP TABLE IF EXISTS tapak_test_decoded.plan_base",
        "CREATE TABLE tapak_test_decoded.plan_base (fid integer PRIMARY KEY, \"NAMOBJ\" text, geom geometry(Polygon, 4326))",
        "INSERT INTO tapak_test_decoded.plan_base VALUES (1, 'Kawasan Peruntukan Industri', ST_Buffer(ST_SetSRID("
            + "ST_MakePoint(107, -6.5), 4326), 0.01, 600))",
        "CREATE VIEW tapak_test_decoded.plan_view AS SELECT fid, \"NAMOBJ\", geom FROM tapak_test_decoded.plan_base");
    String view = "tapak_test_decoded.plan_view";
    LayerSpec spec = new LayerSpec("rencana_view", LocalizedText.of("Rencana", "Plan"), LayerRole.SPATIAL_PLAN,
        new SourceSpec(SourceType.POSTGIS, PostgisSourceTest.URL, view, null, null, null, 3_600_000),
        new FieldMapping("fid", "NAMOBJ", "NAMOBJ", null, null, null, null), null, null, null);
    PostgisLayer layer = new PostgisLayer(spec, PostgisSourceTest.URL, view, 3_600_000);
    layer.validate();
    Geometry site = square(107.005, -6.5, 0.002);
    Geometry first = layer.intersecting(site).get(0).geometry();
    assertSame(first, layer.intersecting(site).get(0).geometry(), "the same bytes: the same decoded geometry");
    assertEquals(0, layer.rowsSentWithoutGeometry(), "a view's rows always come whole");
    sql("UPDATE tapak_test_decoded.plan_base SET geom = ST_Translate(geom, 0.001, 0) WHERE fid = 1");
    Geometry moved = layer.intersecting(site).get(0).geometry();
    assertNotSame(first, moved, "other bytes: decoded afresh");
    assertEquals(107.001, moved.getCentroid().getX(), 1e-9);
  }
}
