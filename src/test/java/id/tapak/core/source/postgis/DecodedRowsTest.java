package id.tapak.core.source.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.geo.GeoJson;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * {@link DecodedRows}: a view's rows found only by the very same bytes and small ones never kept, a table's rows kept by
 * version whatever their size, a query carrying only the versions under its envelope, bounded by bytes.
 */
class DecodedRowsTest {

  /** A circle of {@code segments * 4} vertices at (x, -6.5), as 2D WKB: 16 bytes a vertex. */
  static byte[] circle(double x, int segments) {
    Geometry g = GeoJson.FACTORY.createPoint(new Coordinate(x, -6.5)).buffer(0.01, segments);
    return new WKBWriter().write(g);
  }

  static DecodedRows.Decoded decoded(byte[] wkb) {
    try {
      return new DecodedRows.Decoded(new org.locationtech.jts.io.WKBReader(GeoJson.FACTORY).read(wkb), false);
    } catch (org.locationtech.jts.io.ParseException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void foundByEqualBytesOnlyNeverBySimilarOnes() {
    DecodedRows rows = new DecodedRows();
    byte[] big = circle(107, 600); // 2 401 vertices, 38 KB
    assertTrue(big.length >= DecodedRows.LARGE_BYTES, big.length + " bytes");
    DecodedRows.Decoded d = decoded(big);
    rows.put(big, d);
    assertSame(d, rows.get(big.clone()), "another array with the same bytes is the same row");
    byte[] edited = big.clone();
    edited[edited.length - 9] ^= 1; // one bit of the last ordinate: a moved vertex
    assertNull(rows.get(edited), "an edited row is decoded afresh");
    assertNull(rows.get(circle(107.0000001, 600)), "a row moved by 1 cm is decoded afresh");
  }

  @Test
  void aViewsSmallRowsAreNotKeptATablesAreByVersion() {
    DecodedRows rows = new DecodedRows();
    byte[] small = circle(107, 8);
    assertFalse(rows.keeps(small.length));
    rows.put(small, decoded(small));
    assertEquals(0, rows.size());
    assertNull(rows.get(small));
    DecodedRows.Decoded d = decoded(small);
    rows.put("17430/(1,1)/726/" + small.length, small.length, d);
    assertEquals(1, rows.size());
    assertEquals(small.length + DecodedRows.ROW_OVERHEAD, rows.bytes(), "counted with its overhead");
    assertSame(d, rows.versions(d.geometry().getEnvelopeInternal()).get("17430/(1,1)/726/" + small.length));
  }

  @Test
  void aQueryCarriesOnlyTheVersionsUnderItsEnvelope() {
    DecodedRows rows = new DecodedRows();
    for (int i = 0; i < 10; i++) {
      byte[] b = circle(107 + i * 0.1, 8); // 0.01 degree circles 0.1 degree apart
      rows.put("v" + i, b.length, decoded(b));
    }
    var near = rows.versions(new org.locationtech.jts.geom.Envelope(107.295, 107.305, -6.501, -6.499));
    assertEquals(java.util.Set.of("v3"), near.keySet());
    assertEquals(10, rows.versions(new org.locationtech.jts.geom.Envelope(106, 109, -7, -6)).size());
    assertEquals(0, rows.versions(new org.locationtech.jts.geom.Envelope(107.05, 107.06, -6.501, -6.499)).size());
  }

  @Test
  void boundedByBytesLeastRecentlyUsedFirst() {
    byte[] a = circle(107, 600);
    long each = a.length + DecodedRows.ROW_OVERHEAD;
    DecodedRows rows = new DecodedRows(3 * each);
    byte[][] all = new byte[5][];
    for (int i = 0; i < all.length; i++) {
      all[i] = circle(107 + i, 600);
      rows.put(all[i], decoded(all[i]));
      assertTrue(rows.bytes() <= 3 * each, "kept " + rows.bytes() + " bytes");
    }
    assertEquals(3, rows.size());
    assertNull(rows.get(all[0]), "the oldest went first");
    assertNull(rows.get(all[1]));
    assertSame(rows.get(all[4]), rows.get(all[4].clone()));
    assertFalse(new DecodedRows(1000).keeps(a.length), "a row larger than the budget is never kept");
  }
}
