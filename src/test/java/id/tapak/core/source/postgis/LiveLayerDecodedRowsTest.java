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

  static PostgisLayer layer(String id, String table) {
    LayerSpec spec = new LayerSpec(id, LocalizedText.of("Rencana", "Plan"), LayerRole.SPATIAL_PLAN,
        new SourceSpec(SourceType.POSTGIS, PostgisSourceTest.URL, table, null, null, null, 3_600_000),
        new FieldMapping(null, "NAMOBJ", "NAMOBJ", null, null, null, null), null, null, null);
    PostgisLayer layer = new PostgisLayer(spec, PostgisSourceTest.URL, table, 3_600_000);
    layer.validate();
    return layer;
  }

  /**
   * A check's query is two statements (versions, then the rows not held by tuple id), each with its own snapshot:
   * a row edited between them is not in the second answer under the version of the first, and the envelope is read
   * again in one statement, so the answer is the row as it now is, never the old one and never none.
   */
  @Test
  void aRowEditedBetweenTheTwoStatementsIsReadAgain() {
    sql("CREATE SCHEMA IF NOT EXISTS tapak_test_decoded", "DROP TABLE IF EXISTS " + TABLE,
        "CREATE TABLE " + TABLE + " (fid integer PRIMARY KEY, \"NAMOBJ\" text, geom geometry(Polygon, 4326))",
        "INSERT INTO " + TABLE + " VALUES (1, 'Kawasan Peruntukan Industri', ST_MakeEnvelope(107.0, -6.51, 107.01, "
            + "-6.49, 4326)), (2, 'Kawasan Permukiman', ST_MakeEnvelope(107.02, -6.51, 107.03, -6.49, 4326))");
    PostgisLayer layer = layer("rencana", TABLE);
    Geometry site = square(107.015, -6.5, 0.02);
    List<Feature> first = layer.intersecting(site);
    assertEquals(List.of("1", "2"), first.stream().map(Feature::id).toList());
    assertEquals(0, layer.rowsSentWithoutGeometry());

    sql("UPDATE " + TABLE + " SET geom = ST_Translate(geom, 0.001, 0) WHERE fid = 2");
    layer.betweenStatements = () -> {
      layer.betweenStatements = null;
      sql("UPDATE " + TABLE + " SET geom = ST_Translate(geom, 0.001, 0), \"NAMOBJ\" = 'Sempadan' WHERE fid = 2");
    };
    List<Feature> again = layer.intersecting(site);
    assertEquals(List.of("1", "2"), again.stream().map(Feature::id).toList());
    assertSame(first.get(0).geometry(), again.get(0).geometry(), "the unchanged row: held");
    assertEquals(107.022, again.get(1).geometry().getEnvelopeInternal().getMinX(), 1e-9,
        "the row as edited between the statements, not as the first one saw it");
    assertEquals("Sempadan", again.get(1).properties().get("NAMOBJ"));
    assertEquals(1, layer.rowsSentWithoutGeometry(), "the read again sent the held row without its geometry too");
    assertEquals(null, layer.betweenStatements, "the edit ran once, between the statements");
  }

  /**
   * A partitioned table's partitions number their tuples alike, so the first row of each has the same ctid; the
   * second statement asks by ctid and keeps only the versions it asked for, each row with its own geometry.
   */
  @Test
  void partitionsShareTupleIdsAndEachRowKeepsItsOwn() {
    String parted = "tapak_test_decoded.plan_parted";
    sql("CREATE SCHEMA IF NOT EXISTS tapak_test_decoded", "DROP TABLE IF EXISTS " + parted,
        "CREATE TABLE " + parted + " (fid integer, \"NAMOBJ\" text, geom geometry(Polygon, 4326), PRIMARY KEY "
            + "(fid)) PARTITION BY RANGE (fid)",
        "CREATE TABLE " + parted + "_a PARTITION OF " + parted + " FOR VALUES FROM (0) TO (10)",
        "CREATE TABLE " + parted + "_b PARTITION OF " + parted + " FOR VALUES FROM (10) TO (20)",
        "INSERT INTO " + parted + " VALUES (1, 'Kawasan Peruntukan Industri', ST_MakeEnvelope(107.0, -6.51, 107.01, "
            + "-6.49, 4326)), (11, 'Kawasan Permukiman', ST_MakeEnvelope(107.02, -6.51, 107.03, -6.49, 4326))");
    PostgisLayer layer = layer("rencana_parted", parted);
    List<Feature> both = layer.candidates(new Envelope(107.0, 107.03, -6.51, -6.49));
    assertEquals(List.of("1", "11"), both.stream().map(Feature::id).toList());
    assertEquals(107.0, both.get(0).geometry().getEnvelopeInternal().getMinX(), 1e-12);
    assertEquals(107.02, both.get(1).geometry().getEnvelopeInternal().getMinX(), 1e-12);
    // only the eastern row asked: the western one, at the same ctid in the other partition, is not taken for it
    List<Feature> east = layer.candidates(new Envelope(107.025, 107.03, -6.5, -6.49));
    assertEquals(List.of("11"), east.stream().map(Feature::id).toList());
    assertSame(both.get(1).geometry(), east.get(0).geometry());
    assertEquals(2, layer.decodedRows().size());
  }
}
